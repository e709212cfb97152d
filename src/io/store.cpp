// The network's records, written under its lock through the files module.
#include "io/store.hpp"

#include <algorithm>
#include <optional>
#include <system_error>

#include <sys/stat.h>

#include <fmt/format.h>

#include "formats/config_text.hpp"
#include "formats/contact_file.hpp"
#include "formats/contact_text.hpp"
#include "io/check.hpp"
#include "io/contacts.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace fs = std::filesystem;

namespace {

// Makes contacts/ (0700) if it is missing, for a first contact; refuses one
// that is a symbolic link (check_contacts_folder).
void make_contacts_folder(const NetworkLock& lock) {
    check_contacts_folder(lock.network());
    const fs::path contacts = lock.network().root / "contacts";
    std::error_code ec;
    if (!fs::is_directory(contacts, ec)) make_folder(lock, contacts, "contacts/");
}

}  // namespace

std::string create_contact(const NetworkLock& lock, const Contact& contact) {
    const std::string base = make_slug(contact.name);
    const std::string text = new_contact_text(contact, base);
    make_contacts_folder(lock);
    for (int n = 1;; ++n) {
        const std::string slug = numbered_slug(base, n);
        if (create_file(lock, contact_path(lock.network(), slug), text, contact_file_name(slug))) return slug;
    }
}

void create_contact_as(const NetworkLock& lock, const Contact& contact, std::string_view slug) {
    const std::string text = new_contact_text(contact, slug);
    make_contacts_folder(lock);
    if (!create_file(lock, contact_path(lock.network(), slug), text, contact_file_name(slug)))
        throw Error(Exit::data, fmt::format("cannot write '{}': it exists already", contact_file_name(slug)));
}

void append_event(const NetworkLock& lock, std::string_view slug, const Event& event) {
    check_contacts_folder(lock.network());
    const std::string display = contact_file_name(slug);
    const fs::path path = contact_path(lock.network(), slug);
    std::error_code ec;
    if (fs::is_symlink(path, ec))
        throw Error(Exit::data, fmt::format("cannot write '{}': it is a symbolic link; kith appends only to "
                                            "regular files",
                                            display));
    replace_file(lock, path, event_appended(read_file(path, display), slug, event), display);
}

bool replace_contact(const NetworkLock& lock, std::string_view slug, std::string_view expected,
                     const std::string& text) {
    check_contacts_folder(lock.network());
    const std::string display = contact_file_name(slug);
    parse_contact(text, display, std::string(slug));
    return replace_if_unchanged(lock, contact_path(lock.network(), slug), expected, text, display);
}

void append_milestone(const NetworkLock& lock, const Milestone& milestone) {
    const fs::path path = lock.network().root / config_file_name;
    replace_file(lock, path, milestone_appended(read_file(path, config_file_name), milestone), config_file_name);
}

Network create_network(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / config_file_name, ec))
        throw Error(Exit::usage, fmt::format("'{}' already holds a kith network", dir.string()));
    make_folders(dir);
    if (!fs::is_directory(dir, ec))
        throw Error(Exit::usage, fmt::format("cannot make a network at '{}': it is not a folder", dir.string()));
    Network network{dir};
    NetworkLock lock(network);
    make_folder(lock, dir / "contacts", "contacts/");
    check_contacts_folder(network);  // one there already may be a link
    if (!create_file(lock, dir / config_file_name, initial_config_text(), config_file_name))
        throw Error(Exit::usage, fmt::format("'{}' already holds a kith network", dir.string()));
    return network;
}

std::size_t make_private(const NetworkLock& lock) {
    check_contacts_folder(lock.network());
    const std::vector<SharedFile> shared = shared_files(lock.network());
    // chmod follows a link, but shared_files counts none; one made since by
    // someone who may write in the network could have done worse.
    for (const SharedFile& file : shared)
        set_mode(lock, file.path, file.mode & ~static_cast<unsigned>(S_IRWXG | S_IRWXO), file.display);
    return shared.size();
}

std::vector<std::string> record_meeting(const NetworkLock& lock, std::string_view slug, Event meeting,
                                        std::span<const std::string> referral_names, const LoadedContacts& everyone,
                                        Date added) {
    const Contact met = load_contact(lock.network(), slug);
    // Which names are contacts already, and which are new: all decided before any write.
    std::vector<std::pair<std::string, std::optional<std::string>>> referrals;  // name, existing slug
    for (const std::string& name : referral_names) {
        if (is_blank(name)) throw Error(Exit::usage, "a --referral name cannot be empty");
        auto existing = find_contact_exactly(everyone, name);
        if (existing == met.slug)
            throw Error(Exit::usage, fmt::format("'{}' is {} itself, not a referral", name, met.name));
        const bool repeated = std::any_of(referrals.begin(), referrals.end(), [&](const auto& r) {
            return existing ? r.second == existing : fold_case(r.first) == fold_case(name);
        });
        if (!repeated) referrals.emplace_back(name, existing);
    }

    std::vector<std::string> created;
    try {
        for (const auto& [name, existing] : referrals) {
            if (existing) {
                meeting.referrals.push_back(*existing);
                continue;
            }
            Contact referral;
            referral.name = name;
            referral.referred_by = met.slug;
            referral.added = added;
            created.push_back(create_contact(lock, referral));
            meeting.referrals.push_back(created.back());
        }
        append_event(lock, slug, meeting);
    } catch (...) {
        // The meeting was not recorded: the contacts made for it go too. But a
        // write can fail after its rename (the folder's fsync), with the meeting
        // in place: then they stay, or it would name contacts that are gone.
        bool recorded = true;  // unless the file says otherwise
        try {
            recorded = load_contact(lock.network(), slug).events.size() > met.events.size();
        } catch (const Error&) {
        }
        if (!recorded)
            for (const std::string& referral : created)
                remove_file(lock, contact_path(lock.network(), referral));
        throw;
    }
    return created;
}

}  // namespace kith
