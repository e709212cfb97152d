// The network folder: finding it, reading kith.toml and contact files, and
// turning what a person types ("priya") into the contact they mean.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/contact.hpp"
#include "model/date.hpp"
#include "model/error.hpp"
#include "model/lookup.hpp"
#include "rules/rules.hpp"

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

// The most that one file kith reads may hold (a contact file, kith.toml, a
// template, a file to import): far beyond any real one, and a bound on what a
// file that never ends (/dev/zero) can cost.
inline constexpr std::size_t largest_file = 16 * 1024 * 1024;

// Which files read_file reads. The network's own only when they are regular
// files: a FIFO would block, a device might never end (SPEC §6). A file the
// user names on the command line may also be a pipe or a device (`<(...)`).
enum class FileKind { regular, any };

// The whole content of a file, up to largest_file; throws Error(data) naming
// `display` when it cannot be read, is too large, is a folder, or (with
// FileKind::regular) is not a regular file.
std::string read_file(const std::filesystem::path& path, std::string_view display, FileKind kind = FileKind::regular);

// All that can be read from the open descriptor `fd` (standard input), up to
// largest_file; throws Error(data) naming `display`.
std::string read_all(int fd, std::string_view display);

// Throws Error(data) when the network's contacts/ is a symbolic link or not a
// folder: a link committed to a clone would have kith read and write
// elsewhere (SPEC §6). No contacts/ at all is fine: none yet.
void check_contacts_folder(const Network& network);

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
    std::vector<std::string> unread;  // the slugs of those files, which can still be named (lookup.hpp)
};

// The slug `reference` names among what was loaded (model/lookup.hpp).
inline std::string resolve_contact(const LoadedContacts& loaded, std::string_view reference) {
    return resolve_contact(loaded.contacts, loaded.unread, reference);
}
inline std::optional<std::string> find_contact_exactly(const LoadedContacts& loaded, std::string_view reference) {
    return find_contact_exactly(loaded.contacts, loaded.unread, reference);
}
LoadedContacts load_contacts(const Network& network);

// Every problem `kith check` finds, one line each, naming file and line:
// kith.toml and contact files that do not read (SPEC §2), references to
// contacts that do not exist, file names that do not match the name, emails
// used by more than one contact, and git conflict markers in any of them.
std::vector<std::string> check_network(const Network& network);

// The numbers (from 1) of the lines of `text` that begin with a git conflict
// marker: seven of '<', '|', '=' or '>', then a space or the line's end, as
// `git diff --check` finds them; none unless one of them is a <<<<<<< or a
// >>>>>>> line, as a lone ======= underlines a Markdown heading in a note. A
// merge left such a file half done, and in a multi-line string they even parse.
std::vector<std::size_t> conflict_marker_lines(std::string_view text);

// The network's folder, contacts/ and templates/, and the regular files kith
// keeps there (kith.toml, .gitignore, .gitattributes, contact files,
// templates), whose mode lets group or others in at all: SPEC §2 has them
// private, but a clone makes them 0755 and 0644. Symbolic links are not
// followed, nor counted.
struct SharedFile {
    std::filesystem::path path;
    std::string display;  // ".", "contacts", "contacts/ann.toml"
    unsigned mode = 0;    // its permission bits
    // Whether another user can really use it: the folders above it (up to the
    // network's) let the same group or others through that its mode lets in.
    // A file git checked out 0644 inside a 0700 network is closed all the same.
    bool reachable = true;
};
std::vector<SharedFile> shared_files(const Network& network);

}  // namespace kith
