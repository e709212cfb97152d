// The network folder: finding it, reading kith.toml and contact files, and
// turning what a person types ("priya") into the contact they mean.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/error.hpp"
#include "kith/rules.hpp"

namespace kith {

// Where reports keep their cache of a network's parsed contact files, and the
// wall clock as the CLI read it (nanoseconds since the epoch): files changed
// in the two seconds before it are not cached (cache.hpp's `settled`).
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

// [me] in kith.toml: who you are, for drafts and your pitch.
struct Me {
    std::string name;
    std::string email;
    std::string headline;
    std::string pitch;
    std::string availability;
};

// kith.toml, read and checked.
struct Config {
    Me me;
    Policy policy;
    bool autocommit = false;
    std::vector<Milestone> milestones;
};

// Reads kith.toml's text; throws Error(data) with file:line:col.
Config parse_config(std::string_view text, std::string_view file);
Config load_config(const Network& network);

// The kith.toml `kith init` writes: [me] to fill in, and every policy default
// written out as a comment.
std::string initial_config_text();

// "kith.toml", "contacts/ann.toml": a file as errors name it.
inline constexpr std::string_view config_file_name = "kith.toml";
std::string contact_file_name(std::string_view slug);
std::filesystem::path contact_path(const Network& network, std::string_view slug);

// The whole content of a file; throws Error(data) naming `display`.
std::string read_file(const std::filesystem::path& path, std::string_view display);

// Every contact's slug, from the file names alone, sorted.
std::vector<std::string> contact_slugs(const Network& network);

// Reads one contact file; throws Error(data) with file:line:col.
Contact load_contact(const Network& network, std::string_view slug);

// Every contact that reads, and an Error(data) for each file that does not:
// one bad file never hides the others. Files are read on every core; with
// network.cache, a file whose stamp is in the cache is not parsed again,
// and the cache is written anew when anything in it changed (cache.hpp).
struct LoadedContacts {
    std::vector<Contact> contacts;
    std::vector<Error> problems;
};
LoadedContacts load_contacts(const Network& network);

// Every problem `kith check` finds, one line each, naming file and line:
// kith.toml and contact files that do not read (SPEC §2), references to
// contacts that do not exist, file names that do not match the name, and
// emails used by more than one contact.
std::vector<std::string> check_network(const Network& network);

// The slug `reference` names: an exact slug, else an exact name
// (case-insensitive), else a prefix of slugs or names that fits one contact.
// Throws Error(usage) listing the candidates when it is unknown or ambiguous.
std::string resolve_contact(const Network& network, std::string_view reference);

// Like resolve_contact, but exact slugs and names only, never a prefix; no
// match is not an error.
std::optional<std::string> find_contact_exactly(const Network& network, std::string_view reference);

}  // namespace kith
