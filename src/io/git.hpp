// Git, for a network kept in a repository: setting it up, committing kith's
// writes, and the merge driver that runs when two machines' changes meet.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "io/files.hpp"

namespace kith {

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

// Commits `files` (paths relative to the network's folder) to its git
// repository with `message`, under the lock: for [git] autocommit = true.
// A refused commit throws Error(data) with git's own words; what was written
// stays written.
void commit_files(const NetworkLock& lock, const std::vector<std::string>& files, const std::string& message);

// Git's own line merge of three versions, conflicts marked in `ours`: what
// the merge driver falls back to, both in kith and in the driver's command
// line when kith cannot run. The words of its command line.
std::vector<std::string> line_merge_command(const std::string& ours, const std::string& base,
                                            const std::string& theirs);

// How a merge of one network file ended.
struct FileMerge {
    bool reads = true;    // OURS holds a result that reads: exit 0
    std::string problem;  // otherwise what is wrong with it (then exit 1)
};

// The merge driver (`kith merge-file`): merges into the file OURS the
// changes from BASE to THEIRS, table by table (merge_tables) when the result
// reads as the file `path` names in the network, else by git's line merge,
// conflicts marked. OURS is replaced atomically. Throws Error(data) when git
// merge-file itself fails.
FileMerge merge_network_file(const std::string& base, const std::string& ours, const std::string& theirs,
                             const std::string& path);

}  // namespace kith
