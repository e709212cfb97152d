// Writing to the network: new contacts, appended events and milestones, a new
// network. Every write is locked, checked by parsing it back, atomic and private.
#pragma once

#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/network.hpp"
#include "model/contact.hpp"

namespace kith {

// An exclusive lock on a network (flock on its folder), held while this lives.
// Every write takes one, so that concurrent kith processes lose no event.
// A lock not had within a second is waited for after calling `waiting` with
// what holds it ("kith (pid 123)"), so that the user knows why nothing happens.
class NetworkLock {
public:
    using Waiting = std::function<void(const std::string& holder)>;
    explicit NetworkLock(Network network, const Waiting& waiting = {});
    ~NetworkLock();
    NetworkLock(const NetworkLock&) = delete;
    NetworkLock& operator=(const NetworkLock&) = delete;

    const Network& network() const { return network_; }

private:
    Network network_;
    int fd_;
};

// Creates contacts/<slug>.toml for `contact` (its header fields and `events`)
// under a free slug made from its name (-2, -3 on collision). Returns the slug.
std::string create_contact(const NetworkLock& lock, const Contact& contact);

// The same under `slug` exactly (an import's plan chose it); Error(data)
// when that file exists, nothing written.
void create_contact_as(const NetworkLock& lock, const Contact& contact, std::string_view slug);

// Appends one [[event]] table to the contact's file. Every earlier byte stays
// as it was; a result that would not read back as the same contact plus this
// event is refused with Error(data) and nothing is written.
void append_event(const NetworkLock& lock, std::string_view slug, const Event& event);

// Replaces a contact's file with `text` (a hand edit), after checking that it
// reads as a contact (Error(data) with file:line:col otherwise, nothing written),
// and only while the file still holds `expected`, the bytes the edit began
// from: false, nothing written, when something changed it since (a git pull).
bool replace_contact(const NetworkLock& lock, std::string_view slug, std::string_view expected,
                     const std::string& text);

// Appends one [[milestone]] table to kith.toml, with the same guarantees.
void append_milestone(const NetworkLock& lock, const Milestone& milestone);

// Makes `dir` a network: the folder (0700), kith.toml (0600) and contacts/.
// Refuses, with Error(usage), a folder that already holds a kith.toml.
Network create_network(const std::filesystem::path& dir);

// Throws Error(usage) with its words when git does not run: checked before a
// network is made for git, so that nothing is left half made.
void check_git_runs();

// Whether a network gets a repository of its own (a new one: SPEC §2), or
// uses the one it is in, if any (an existing one, such as a clone).
enum class GitRepository { own, enclosing };

// Sets up git for a network: a repository (see GitRepository); the
// .gitignore lines for kith's temporaries; and kith's merge driver, so that
// two machines that each appended to one file merge to a file holding both
// (.gitattributes names it for contacts/*.toml and kith.toml; the repository's
// config runs `kith_program merge-file`). Git does not clone its config, so
// every clone needs this once. Lines the files already hold are not repeated.
void set_up_git(const NetworkLock& lock, const std::filesystem::path& kith_program, GitRepository repository);

// Takes from group and others every permission on the network's own folders
// and files (shared_files): a clone's are 0755 and 0644, where SPEC §2 has
// them private. Refuses a contacts/ that is a link. Returns how many changed.
std::size_t make_private(const NetworkLock& lock);

// Commits `files` (paths relative to the network's folder) to its git
// repository with `message`, under the lock: for [git] autocommit = true.
// A refused commit throws Error(data) with git's own words; what was written
// stays written.
void commit_files(const NetworkLock& lock, const std::vector<std::string>& files, const std::string& message);

// Appends a `met` event whose referrals are `referral_names`: each an existing
// contact of `everyone` (the network as loaded) by exact slug or name, or else a new contact referred by the one met
// (added on `added`). Repeats are dropped; the contact itself is refused. If
// the meeting cannot be recorded, the contacts made for it are removed.
// Returns the slugs of the contacts it made.
std::vector<std::string> record_meeting(const NetworkLock& lock, std::string_view slug, Event meeting,
                                        std::span<const std::string> referral_names, const LoadedContacts& everyone,
                                        Date added);

}  // namespace kith
