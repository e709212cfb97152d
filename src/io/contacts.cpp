// Loading contact files, on every core, through the cache.
#include "io/contacts.hpp"

#include <algorithm>
#include <exception>
#include <optional>

#include <dirent.h>

#include "formats/contact_cache.hpp"
#include "formats/contact_file.hpp"
#include "formats/contact_text.hpp"
#include "io/cache.hpp"
#include "io/files.hpp"
#include "io/in_parallel.hpp"

namespace kith {

namespace {

// The network's own contact files: "<slug>.toml", never hidden ones (temporaries).
bool is_contact_file_name(const std::string& name) {
    return name.size() > 5 && name.front() != '.' && name.ends_with(".toml");
}

}  // namespace

std::vector<std::string> contact_slugs(const Network& network) {
    check_contacts_folder(network);
    std::vector<std::string> out;
    DIR* folder = ::opendir((network.root / "contacts").c_str());  // readdir: fs::directory_iterator costs 10x
    if (!folder) return out;
    while (const dirent* entry = ::readdir(folder)) {
        const std::string name = entry->d_name;
        if (is_contact_file_name(name)) out.push_back(name.substr(0, name.size() - 5));
    }
    ::closedir(folder);
    std::sort(out.begin(), out.end());
    return out;
}

Contact load_contact(const Network& network, std::string_view slug) {
    const std::string display = contact_file_name(slug);
    return parse_contact(read_file(contact_path(network, slug), display), display, std::string(slug));
}

LoadedContacts load_contacts(const Network& network) {
    const std::vector<std::string> slugs = contact_slugs(network);
    // No cache, or one others could have written: every file is parsed.
    const CacheFile cache_file(network.cache);
    const std::vector<CacheEntry>& cached = cache_file.entries();
    const auto cached_entry = [&](const std::string& slug) -> const CacheEntry* {
        const auto found = std::lower_bound(cached.begin(), cached.end(), slug,
                                            [](const CacheEntry& e, const std::string& s) { return e.slug < s; });
        return found != cached.end() && found->slug == slug ? &*found : nullptr;
    };

    // What became of each file: its contact or its problem, and its entry in the next cache.
    struct Loaded {
        std::optional<Contact> contact;
        std::optional<Error> problem;
        std::optional<FileStamp> stamp;  // when it may be cached
        std::string_view bytes;          // its contact's bytes in the old cache, else in `encoded`
        std::string encoded;
    };
    std::vector<Loaded> loaded(slugs.size());
    const std::string folder = (network.root / "contacts").string() + '/';
    in_parallel(slugs.size(), [&](std::size_t i) {
        const std::string& slug = slugs[i];
        Loaded& out = loaded[i];
        const std::string path = folder + slug + ".toml";  // contact_path's, without fs::path's cost
        if (const CacheEntry* entry = cached_entry(slug)) {
            if (stamp_of_path(path.c_str()) == entry->stamp) {
                try {
                    out.contact = decode_contact(entry->contact, slug);
                    out.stamp = entry->stamp;
                    out.bytes = entry->contact;
                    return;
                } catch (const std::exception&) {
                    // not as kith wrote it (or too much to hold): parse the file
                }
            }
        }
        try {
            const std::string display = contact_file_name(slug);
            const StampedFile file = read_stamped(path.c_str(), display);  // stamped before a byte is read
            out.contact = parse_contact(file.bytes, display, slug);
            if (network.cache && settled(file.stamp, network.cache->now_ns)) {
                out.stamp = file.stamp;
                out.encoded = encode_contact(*out.contact);
                out.bytes = out.encoded;
            }
        } catch (const Error& e) {
            out.problem = e;
        }
    });

    std::vector<CacheEntry> entries;
    for (std::size_t i = 0; i < slugs.size(); ++i)
        if (loaded[i].stamp) entries.push_back({slugs[i], *loaded[i].stamp, loaded[i].bytes});
    const bool changed =
        !std::equal(entries.begin(), entries.end(), cached.begin(), cached.end(),
                    [](const CacheEntry& a, const CacheEntry& b) { return a.slug == b.slug && a.stamp == b.stamp; });
    if (network.cache && changed) write_cache_file(*network.cache, entries);

    LoadedContacts out;
    out.contacts.reserve(slugs.size());
    for (Loaded& each : loaded) {
        if (each.contact) out.contacts.push_back(std::move(*each.contact));
        if (each.problem) out.problems.push_back(std::move(*each.problem));
        if (!each.contact) out.unread.push_back(slugs[static_cast<std::size_t>(&each - loaded.data())]);
    }
    return out;
}

}  // namespace kith
