// Finding the network, and resolving contact references.
#include "io/network.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <system_error>

#include <sys/stat.h>

#include <fmt/format.h>

#include "formats/config_text.hpp"
#include "model/error.hpp"
#include "model/lookup.hpp"
#include "model/text.hpp"

namespace kith {

namespace fs = std::filesystem;

namespace {

Network network_at(const fs::path& dir, std::string_view how) {
    if (!holds_network(dir))
        throw Error(Exit::usage, fmt::format("no kith network at '{}' ({}); create one with: kith init {}",
                                             dir.string(), how, shell_word(dir.string())));
    return Network{dir};
}

// --dir > KITH_DIR > the nearest ancestor holding kith.toml > the XDG default.
Network locate_network(const WhereToLook& where) {
    if (where.dir_option) return network_at(*where.dir_option, "from --dir");
    if (where.kith_dir && !where.kith_dir->empty()) return network_at(*where.kith_dir, "from KITH_DIR");
    for (fs::path dir = where.working_directory; !dir.empty(); dir = dir.parent_path()) {
        if (holds_network(dir)) return Network{dir};
        if (dir == dir.root_path()) break;
    }
    const fs::path fallback = default_network_dir(where);
    if (holds_network(fallback)) return Network{fallback};
    throw Error(Exit::usage, fmt::format("no kith network here or in '{}'; create one with: kith init "
                                         "(or name one with --dir DIR or KITH_DIR)",
                                         fallback.string()));
}

}  // namespace

Network find_network(const WhereToLook& where) {
    Network network = locate_network(where);
    check_contacts_folder(network);
    if (auto file = cache_file_for(network, where)) network.cache = ContactCache{*file, where.now_ns};
    return network;
}

std::optional<fs::path> cache_file_for(const Network& network, const WhereToLook& where) {
    fs::path folder;
    if (where.xdg_cache_home && fs::path(*where.xdg_cache_home).is_absolute())
        folder = fs::path(*where.xdg_cache_home) / "kith";
    else if (where.home && fs::path(*where.home).is_absolute())
        folder = fs::path(*where.home) / ".cache" / "kith";
    else
        return std::nullopt;
    std::error_code ec;
    const std::string root = fs::weakly_canonical(fs::absolute(network.root, ec), ec).string();
    std::uint64_t hash = 14695981039346656037u;  // FNV-1a: a name for the folder, not a secret
    for (const unsigned char c : root)
        hash = (hash ^ c) * 1099511628211u;
    return folder / fmt::format("contacts-{:016x}", hash);
}

fs::path default_network_dir(const WhereToLook& where) {
    if (where.dir_option) return *where.dir_option;
    if (where.kith_dir && !where.kith_dir->empty()) return *where.kith_dir;
    if (where.xdg_data_home && fs::path(*where.xdg_data_home).is_absolute())
        return fs::path(*where.xdg_data_home) / "kith";
    if (!where.home || where.home->empty())
        throw Error(Exit::usage, "neither XDG_DATA_HOME nor HOME is set; name the network with --dir DIR");
    return fs::path(*where.home) / ".local" / "share" / "kith";
}

fs::path folder_to_init(const WhereToLook& where, bool git) {
    if (git) {
        try {
            return find_network(where).root;
        } catch (const Error&) {
            // none yet: a new one where the default is
        }
    }
    return default_network_dir(where);
}

fs::path contact_path(const Network& network, std::string_view slug) {
    return network.root / "contacts" / fmt::format("{}.toml", slug);
}

void check_contacts_folder(const Network& network) {
    struct stat status {};
    if (::lstat((network.root / "contacts").c_str(), &status) != 0) return;  // none yet, or reads will say why
    if (S_ISLNK(status.st_mode))
        throw Error(Exit::data,
                    "'contacts' is a symbolic link; kith keeps contacts only in a folder of the network's own");
    if (!S_ISDIR(status.st_mode)) throw Error(Exit::data, "'contacts' is not a folder");
}

bool holds_network(const fs::path& dir) {
    struct stat status {};
    return ::stat((dir / config_file_name).c_str(), &status) == 0 && !S_ISDIR(status.st_mode);
}

bool has_contact_file(const Network& network, std::string_view slug) {
    std::error_code ec;
    return is_plain_stem(slug) && fs::is_regular_file(contact_path(network, slug), ec);
}

}  // namespace kith
