// The network folder: finding it, and where its files are. What a person
// types ("priya") is resolved over the contacts loaded (model/lookup.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"

namespace kith {

// Where reports keep their cache of a network's parsed contact files, and the
// wall clock as the CLI read it (nanoseconds since the epoch): files changed
// in the two seconds before it are not cached (contact_cache.hpp's `settled`).
struct ContactCache {
    std::filesystem::path file;
    std::int64_t now_ns = 0;
};

// A network folder known to hold a kith.toml, and its cache (none: every
// file is parsed).
struct Network {
    std::filesystem::path root;
    std::optional<ContactCache> cache{};
};

// Everything that decides which folder is the network, as the CLI read it.
struct WhereToLook {
    std::optional<std::filesystem::path> dir_option;  // --dir
    std::optional<std::string> kith_dir;              // $KITH_DIR
    std::filesystem::path working_directory;
    std::optional<std::string> xdg_data_home;   // $XDG_DATA_HOME
    std::optional<std::string> xdg_cache_home;  // $XDG_CACHE_HOME
    std::optional<std::string> home;            // $HOME
    std::int64_t now_ns = 0;                    // the wall clock, for the cache
};

// --dir > KITH_DIR > the nearest ancestor holding kith.toml > the XDG default,
// with its cache. Throws Error(usage) saying how to make one when there is none.
Network find_network(const WhereToLook& where);

// ${XDG_CACHE_HOME:-$HOME/.cache}/kith/contacts-HASH, HASH naming the
// network's folder; none when neither is set to an absolute path.
std::optional<std::filesystem::path> cache_file_for(const Network& network, const WhereToLook& where);

// The folder `kith init` uses without an argument: --dir, KITH_DIR, or
// ${XDG_DATA_HOME:-$HOME/.local/share}/kith.
std::filesystem::path default_network_dir(const WhereToLook& where);

// Whether `dir` holds a kith.toml (anything but a folder, so that one that is
// not a regular file is refused by name when it is read, not passed over).
bool holds_network(const std::filesystem::path& dir);

// Whether contacts/<slug>.toml is there as a regular file: a write given an
// exact slug needs to read no other file.
bool has_contact_file(const Network& network, std::string_view slug);

// Where `kith init` works without DIR: with --git (`git`), the network it
// stands in if there is one, found as every other command finds it (a fresh
// clone: SPEC §2); else default_network_dir.
std::filesystem::path folder_to_init(const WhereToLook& where, bool git);

// Where a contact's file is: contacts/<slug>.toml in the network's folder.
std::filesystem::path contact_path(const Network& network, std::string_view slug);

// Throws Error(data) when the network's contacts/ is a symbolic link or not a
// folder: a link committed to a clone would have kith read and write
// elsewhere (SPEC §6). No contacts/ at all is fine: none yet.
void check_contacts_folder(const Network& network);

}  // namespace kith
