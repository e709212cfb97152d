// The one keeper of the disk: reading files whole and bounded, the network's
// lock, atomic and compare-and-swap writes through one temporary-file scheme,
// private folders, and the copies `kith edit` hands the editor. Nothing else
// in kith opens, renames or flocks a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>

#include "formats/contact_cache.hpp"
#include "io/network.hpp"

namespace kith {

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

// A regular file's bytes and its stamp as it was opened, before a byte was
// read: a change made while it is read gives it another stamp (the cache).
struct StampedFile {
    std::string bytes;
    FileStamp stamp;
};
StampedFile read_stamped(const char* path, std::string_view display);

// The stamp of the regular file a path names (symbolic links followed;
// nullopt when stat fails or it is not a regular file, which is never read,
// so never cached).
std::optional<FileStamp> stamp_of_path(const char* path);

// Whether a cache file or folder with this status may be trusted by `user`
// (an effective user id): only one of the user's own that no one else may
// write. Anyone who could write it could make reports say what they like.
bool trusted_by(const struct stat& status, uid_t user);

// Whether `folder` is a folder of this user's own, not a link to one, that no
// one else may write (trusted_by): where the cache may be read and written.
bool trusted_folder(const std::filesystem::path& folder);

// A file mapped into memory, read-only, for as long as this lives: the cache,
// whose pages the kernel then maps many at a time instead of copying them.
// Empty when there is no such file, it cannot be mapped, or it is not a
// regular file of the user's own that no one else may write (trusted_by).
class MappedFile {
public:
    explicit MappedFile(const char* path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view text() const { return {static_cast<const char*>(start_), size_}; }

private:
    void* start_ = nullptr;
    std::size_t size_ = 0;
};

// Makes `folder` and each folder above it that is missing, 0700, as the
// network's are; throws Error(data) naming the first that cannot be made.
void make_folders(const std::filesystem::path& folder);

// Gives each of the standard descriptors 0-2 that is closed /dev/null in its
// place, as git's sanitize_stdfds does: otherwise the lock or a contact file
// would be opened as one and printed into. False when that fails.
bool open_closed_standard_fds();

// An exclusive lock on a network (flock on its folder), held while this lives.
// Every write to the network's files goes through one, so that concurrent
// kith processes lose no event.
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

// Makes `folder` (0700) if it is missing; throws Error(data) naming `display`.
void make_folder(const NetworkLock& lock, const std::filesystem::path& folder, std::string_view display);

// Replaces `target` with `bytes` so that a reader sees the old file or the
// new, never a mix: a temporary, fsync, rename, fsync the folder. The file
// keeps its mode. Throws Error(data) naming `display`, the file as it was,
// when it cannot be written or is a symbolic link or not a regular file.
// The temporary is made in the folder's `.kith-tmp/` (".FILE.tmp-XXXXXX"),
// which each write first empties of what killed writes left: under the lock
// no other write is under way.
void replace_file(const NetworkLock& lock, const std::filesystem::path& target, std::string_view bytes,
                  std::string_view display);

// The same for a file that must not exist yet: false, nothing written, when
// it does. A new file is 0600.
bool create_file(const NetworkLock& lock, const std::filesystem::path& target, std::string_view bytes,
                 std::string_view display);

// Compare and swap: replaces `target` only while it holds `expected`; false,
// nothing written, when it holds anything else or cannot be read.
bool replace_if_unchanged(const NetworkLock& lock, const std::filesystem::path& target, std::string_view expected,
                          std::string_view bytes, std::string_view display);

// Removes `target`, if it is there (a contact made for a write that failed).
void remove_file(const NetworkLock& lock, const std::filesystem::path& target);

// Sets the permission bits of `target` to `mode` (chmod, which follows a
// link); throws Error(data) "cannot make 'DISPLAY' private".
void set_mode(const NetworkLock& lock, const std::filesystem::path& target, unsigned mode, std::string_view display);

// How a write made without the network's lock goes (the cache, which reports
// write unlocked; the merge driver's result, in git's work tree): its
// temporary is beside the target (".FILE.tmp-XXXXXX"), since another writer
// may be at work on the same folder, and the new file is 0600 whatever the
// old one was (a cache someone else could write is never trusted again).
struct OutsideTheLock {
    // The wall clock (nanoseconds since the epoch): this target's temporaries
    // a minute older were left by a killed writer, and are removed. 0: none is.
    std::int64_t now_ns = 0;
    // Whether the bytes are fsynced before the rename: not for a cache, which
    // is only ever a copy of what the files say.
    bool durable = true;
};
void replace_file(const std::filesystem::path& target, std::string_view bytes, std::string_view display,
                  const OutsideTheLock& how);

// A private copy of a contact file for the editor, beside it as
// ".SLUG.edit-XXXXXX.toml" (the name errors print), removed when this ends
// unless kept.
class EditCopy {
public:
    EditCopy(const std::filesystem::path& beside, std::string_view slug, const std::string& text);
    ~EditCopy();
    EditCopy(const EditCopy&) = delete;
    EditCopy& operator=(const EditCopy&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Throws Error(data) when the copy does not read back as `text` (a full
    // disk): the editor is never opened on a copy that is not the whole file.
    void write(const std::string& text) const;
    std::string read() const;
    // Leaves the copy in place when this ends: it holds work not kept elsewhere.
    void keep() { kept_ = true; }

private:
    std::filesystem::path path_;
    bool kept_ = false;
};

// While an edit runs, it holds a shared flock on contacts/, so that another
// edit can tell the copies of live edits from those of killed ones.
class LiveEdit {
public:
    explicit LiveEdit(const std::filesystem::path& folder);
    ~LiveEdit();
    LiveEdit(const LiveEdit&) = delete;
    LiveEdit& operator=(const LiveEdit&) = delete;

    // Whether no other edit is running (taken under the network lock, so no
    // edit starts meanwhile); then this one joins in as running.
    bool alone();

private:
    int fd_;
};

// The copies in `folder` that edits of `slug` left when they were killed;
// call only while no other edit runs (LiveEdit::alone). Those that hold
// `original` are removed; the names of the others, which may hold work, are
// returned, so that the user can be told where.
std::vector<std::string> clear_leftover_edit_copies(const std::filesystem::path& folder, std::string_view slug,
                                                    const std::string& original);

}  // namespace kith
