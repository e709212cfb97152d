// Checking a network's files: what `kith check` reports, and what is open to others.
#include "io/check.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <system_error>

#include <dirent.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include "formats/config_text.hpp"
#include "formats/contact_text.hpp"
#include "formats/merge.hpp"
#include "io/config.hpp"
#include "io/contacts.hpp"
#include "io/files.hpp"
#include "io/in_parallel.hpp"
#include "model/text.hpp"

namespace kith {

namespace fs = std::filesystem;

std::vector<std::string> check_network(const Network& network) {
    std::vector<std::string> problems;
    try {
        load_config(network);
    } catch (const Error& e) {
        problems.push_back(e.what());
    }
    const LoadedContacts loaded = load_contacts(network);
    for (const Error& e : loaded.problems)
        problems.push_back(e.what());

    std::map<std::string, const Contact*, std::less<>> by_slug;
    for (const Contact& c : loaded.contacts)
        by_slug.emplace(c.slug, &c);
    // A file that does not read is a contact all the same, misspelt.
    const std::vector<std::string> slugs = contact_slugs(network);
    const auto exists = [&](const std::string& slug) {
        std::error_code ec;
        return by_slug.contains(slug) || (std::binary_search(slugs.begin(), slugs.end(), slug) &&
                                          fs::is_regular_file(contact_path(network, slug), ec));
    };
    std::map<std::string, const Contact*> by_email;
    for (const Contact& c : loaded.contacts) {
        const std::string file = contact_file_name(c.slug);
        const auto problem = [&](std::size_t line, const std::string& what) {
            problems.push_back(fmt::format("{}:{}: {}", file, line, what));
        };
        if (!c.referred_by.empty() && !exists(c.referred_by))
            problem(c.referred_by_line, fmt::format("referred_by '{}' is not a contact", c.referred_by));
        for (const Event& e : c.events)
            for (const std::string& referral : e.referrals)
                if (!exists(referral)) problem(e.line, fmt::format("referral '{}' is not a contact", referral));
        const std::string expected = make_slug(c.name);
        const bool numbered = c.slug.starts_with(expected + "-") &&
                              c.slug.find_first_not_of("0123456789", expected.size() + 1) == std::string::npos;
        if (c.slug != expected && !numbered)
            problem(1, fmt::format("the file name does not match the name '{}' (expected {})", c.name,
                                   contact_file_name(expected)));
        if (!c.email.empty()) {
            const auto [first, fresh] = by_email.emplace(fold_case(c.email), &c);
            if (!fresh)
                problem(c.email_line,
                        fmt::format("email {} is also {}'s ({})", c.email, first->second->name, first->second->slug));
        }
    }

    // Conflict markers, wherever they are: the parse above passes over those
    // inside a multi-line string. A file that does not read is reported above.
    std::vector<std::string> files = {std::string(config_file_name)};
    for (const std::string& slug : slugs)
        files.push_back(contact_file_name(slug));
    std::vector<std::vector<std::size_t>> marked(files.size());
    in_parallel(files.size(), [&](std::size_t i) {
        try {
            marked[i] = conflict_marker_lines(read_file(network.root / files[i], files[i]));
        } catch (const Error&) {
        }
    });
    for (std::size_t i = 0; i < files.size(); ++i)
        for (const std::size_t line : marked[i])
            problems.push_back(
                fmt::format("{}:{}:1: a git conflict marker: a merge was left unfinished here; keep "
                            "the lines you mean and remove the markers",
                            files[i], line));
    return problems;
}

std::vector<SharedFile> shared_files(const Network& network) {
    std::vector<SharedFile> out;
    // Which of group (S_IRWXG) and others (S_IRWXO) may pass through a folder.
    const auto passes = [](mode_t mode) {
        return static_cast<mode_t>(((mode & S_IXGRP) ? S_IRWXG : 0) | ((mode & S_IXOTH) ? S_IRWXO : 0));
    };
    // Whether `path` is a folder (or a regular file); if so and others may use
    // it, it is counted. Returns the classes that may pass through it (folders).
    const auto look = [&](const fs::path& path, std::string display, bool folder,
                          mode_t reach) -> std::optional<mode_t> {
        struct stat status {};
        if (::lstat(path.c_str(), &status) != 0 || (folder ? !S_ISDIR(status.st_mode) : !S_ISREG(status.st_mode)))
            return std::nullopt;
        if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0)
            out.push_back({path, std::move(display), static_cast<unsigned>(status.st_mode & 07777),
                           (status.st_mode & reach) != 0});
        return reach & passes(status.st_mode);
    };
    const auto root = look(network.root, network.root.string(), true, S_IRWXG | S_IRWXO);
    if (!root) return out;
    for (const std::string_view name :
         {config_file_name, std::string_view(".gitignore"), std::string_view(".gitattributes")})
        look(network.root / name, std::string(name), false, *root);
    for (const std::string folder : {"contacts", "templates"}) {
        const auto reach = look(network.root / folder, folder, true, *root);
        if (!reach) continue;
        std::vector<std::string> names;
        if (DIR* dir = ::opendir((network.root / folder).c_str())) {
            while (const dirent* entry = ::readdir(dir))
                names.emplace_back(entry->d_name);
            ::closedir(dir);
        }
        std::sort(names.begin(), names.end());
        for (const std::string& name : names)
            if (name != "." && name != "..") look(network.root / folder / name, folder + "/" + name, false, *reach);
    }
    return out;
}

}  // namespace kith
