// What `kith check` and `kith init --git` look for in a network: files that
// do not read or do not agree, and files open to other users.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/network.hpp"

namespace kith {

// Every problem `kith check` finds, one line each, naming file and line:
// kith.toml and contact files that do not read (SPEC §2), references to
// contacts that do not exist, file names that do not match the name, emails
// used by more than one contact, and git conflict markers in any of them.
std::vector<std::string> check_network(const Network& network);

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
