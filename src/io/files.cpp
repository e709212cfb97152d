// The disk: bounded reads, the network's lock, atomic writes and their
// temporaries, private folders, and edit copies.
#include "io/files.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <sstream>
#include <thread>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fmt/format.h>

#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace fs = std::filesystem;

namespace {

// A POSIX file descriptor that is closed on every way out of a scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    FileDescriptor& operator=(FileDescriptor&&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

// Writes all of `bytes` (write(2) may take less at a time); 0, or the errno
// of the call that failed.
int write_all(int fd, std::string_view bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

FileStamp stamp_of(const struct stat& status) {
    const auto ns = [](const timespec& t) { return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec; };
    return FileStamp{static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino),
                     static_cast<std::uint64_t>(status.st_size), ns(status.st_mtim), ns(status.st_ctim)};
}

// ---- Reading ----

// A file opened to be read whole, and its stamp as it was opened.
struct OpenedFile {
    FileDescriptor file;
    FileStamp stamp;
};

[[noreturn]] void too_large(std::string_view display) {
    throw Error(Exit::data, fmt::format("cannot read '{}': it is larger than {} MiB", display, largest_file >> 20));
}

// What a file that is neither a folder nor a regular file is, for an error.
std::string_view kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "of an unknown kind";
}

// Throws Error(data) naming `display` when the status is not of a file kith reads.
void check_kind(const struct stat& status, std::string_view display, FileKind kind) {
    if (S_ISDIR(status.st_mode)) throw Error(Exit::data, fmt::format("cannot read '{}': it is a directory", display));
    if (kind == FileKind::regular && !S_ISREG(status.st_mode))
        throw Error(Exit::data,
                    fmt::format("cannot read '{}': it is not a regular file ({})", display, kind_of(status.st_mode)));
    if (S_ISREG(status.st_mode) && static_cast<std::uint64_t>(status.st_size) > largest_file) too_large(display);
}

// Throws Error(data) naming `display` when the file cannot be opened or is
// not of `kind`. A network's file that is not regular is refused before it is
// opened (opening some devices does something), and again after (it may have
// been swapped meanwhile): O_NONBLOCK so that opening a FIFO never waits for
// a writer (it changes nothing for a regular file, open(2)), O_NOCTTY so that
// a terminal never becomes kith's.
OpenedFile open_to_read(const char* path, std::string_view display, FileKind kind = FileKind::regular) {
    struct stat status {};
    if (kind == FileKind::regular && ::stat(path, &status) == 0) check_kind(status, display, kind);
    const int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (kind == FileKind::regular ? O_NONBLOCK : 0);
    FileDescriptor file(::open(path, flags));
    if (file.get() < 0 || ::fstat(file.get(), &status) != 0)
        throw Error(Exit::data, fmt::format("cannot read '{}': {}", display, std::strerror(errno)));
    check_kind(status, display, kind);
    return {std::move(file), stamp_of(status)};
}

// The rest of an open file, `size` bytes by its stamp (a first guess: the
// file may grow meanwhile, and a pipe or a device says 0), up to largest_file.
std::string read_rest(int fd, std::uint64_t size, std::string_view display) {
    std::string bytes(std::min<std::uint64_t>(size, largest_file) + 1, '\0');
    std::size_t done = 0;
    for (;;) {
        if (done == bytes.size()) {
            if (done > largest_file) too_large(display);
            bytes.resize(std::min(bytes.size() * 2, largest_file + 1));
        }
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(Exit::data, fmt::format("cannot read '{}': {}", display, std::strerror(errno)));
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

std::string read_rest(const OpenedFile& opened, std::string_view display) {
    return read_rest(opened.file.get(), opened.stamp.size, display);
}

// ---- The lock ----

// Who holds the flock on the folder `fd` is open on, as /proc/locks tells
// ("kith (pid 123)"); "another process" when it does not say.
std::string lock_holder(int fd) {
    struct stat folder {};
    std::string locks;
    try {
        locks = read_file("/proc/locks", "/proc/locks");
    } catch (const Error&) {
    }
    if (::fstat(fd, &folder) != 0 || locks.empty()) return "another process";
    // "1: FLOCK  ADVISORY  WRITE 123 08:01:4567 0 EOF"; a waiter's line has "->" after the number.
    const std::string inode =
        fmt::format("{:02x}:{:02x}:{}", major(folder.st_dev), minor(folder.st_dev), folder.st_ino);
    // Some file systems (btrfs subvolumes) show another device there than
    // stat does: then a lock on the same inode will do, for a message.
    const std::string same_inode = fmt::format(":{}", folder.st_ino);
    std::string exact, likely;  // the pid of each
    std::istringstream lines(locks);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string number, kind, advisory, access, pid, file;
        words >> number >> kind >> advisory >> access >> pid >> file;
        if (kind != "FLOCK") continue;
        if (file == inode && exact.empty()) exact = pid;
        if (file.ends_with(same_inode) && likely.empty()) likely = pid;
    }
    const std::string pid = exact.empty() ? likely : exact;
    if (pid.empty()) return "another process";
    std::string program;
    try {
        program = trimmed(read_file(fmt::format("/proc/{}/comm", pid), "comm"));
    } catch (const Error&) {
    }
    return fmt::format("{} (pid {})", program.empty() ? "a process" : program, pid);
}

// ---- Writing ----

[[noreturn]] void fail_write(std::string_view display, int error) {
    throw Error(Exit::data, fmt::format("cannot write '{}': {}", display, std::strerror(error)));
}

// Makes a new file of its own from `pattern`, whose XXXXXX is followed by
// `suffix` bytes, and sets `pattern` to its name: 0600, as mkostemps makes
// it. The one way kith makes a file under a name no one else has.
FileDescriptor make_unique_file(std::string& pattern, int suffix = 0) {
    return FileDescriptor(::mkostemps(pattern.data(), suffix, O_CLOEXEC));
}

// The folder, inside each folder kith writes in under the network's lock,
// where its writes make their new files (each under a name of its own,
// ".FILE.tmp-XXXXXX", which the .gitignore of `init --git` already ignores;
// temporary_name) before renaming them into place.
// A write killed before its rename leaves its temporary there; otherwise the
// folder is removed again when the write is done. Under the network's lock no
// other write is under way, so each write first empties it:
// a few entries at most, never the thousands of contacts/, so a write costs the
// same among ten contacts or 100,000.
constexpr std::string_view temporaries_folder = ".kith-tmp";

// Makes `folder`'s temporaries folder if need be, and removes what killed writes left in it.
fs::path empty_temporaries_folder(const fs::path& folder, std::string_view display) {
    const fs::path temps = folder / temporaries_folder;
    if (::mkdir(temps.c_str(), 0700) != 0 && errno != EEXIST) fail_write(display, errno);
    struct stat status {};
    if (::lstat(temps.c_str(), &status) != 0 || !S_ISDIR(status.st_mode))
        throw Error(Exit::data, fmt::format("cannot write '{}': '{}' is not a folder", display,
                                            (fs::path(display).parent_path() / temporaries_folder).string()));
    if (DIR* dir = ::opendir(temps.c_str())) {
        while (const dirent* entry = ::readdir(dir))
            if (std::string_view name = entry->d_name; name != "." && name != "..")
                ::unlinkat(::dirfd(dir), entry->d_name, 0);  // a file or link, never followed
        ::closedir(dir);
    }
    return temps;
}

// The start of the name of every temporary for `target`: ".FILE.tmp-" as
// the .gitignore of `init --git` (old clones' too) has it, FILE cut to its
// first 64 bytes, never in a character, so that a name near the 255-byte limit
// of a file name still has one.
std::string temporary_prefix(const fs::path& target) {
    constexpr std::size_t enough_to_tell = 64;
    std::string name = target.filename().string();
    if (name.size() > enough_to_tell) {
        std::size_t cut = enough_to_tell;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
            --cut;  // a UTF-8 continuation byte: the character starts before
        name.resize(cut);
    }
    return fmt::format(".{}.tmp-", name);
}

enum class Replace { existing, never };

// Where a write makes its temporary, and how.
struct Temporary {
    fs::path folder;
    bool own_folder;  // .kith-tmp, removed again once the write is done
    bool durable;     // fsync the file and then its folder
};

// Writes `bytes` to `target` through a temporary in `how.folder`, renamed
// into place: a reader sees the old file or the new, never a mix. Keeps
// `mode` when given. With Replace::never, returns false when `target`
// already exists.
bool write_through(const fs::path& target, std::string_view bytes, Replace replace, std::string_view display,
                   const Temporary& how, std::optional<mode_t> mode) {
    std::string temp_name = (how.folder / (temporary_prefix(target) + "XXXXXX")).string();
    FileDescriptor temp = make_unique_file(temp_name);
    const auto tidy = [&] {
        if (how.own_folder) ::rmdir(how.folder.c_str());  // empty again: the folder is left as it was
    };
    if (temp.get() < 0) {
        const int error = errno;
        tidy();
        fail_write(display, error);
    }
    const auto give_up = [&](int error) {
        ::unlink(temp_name.c_str());
        tidy();
        fail_write(display, error);
    };
    if (const int error = write_all(temp.get(), bytes)) give_up(error);
    if (mode && ::fchmod(temp.get(), *mode) != 0) give_up(errno);
    if (how.durable && ::fsync(temp.get()) != 0) give_up(errno);
    if (::close(temp.release()) != 0) give_up(errno);

    if (replace == Replace::never) {
        if (::renameat2(AT_FDCWD, temp_name.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
            const int error = errno;
            ::unlink(temp_name.c_str());
            tidy();
            if (error == EEXIST) return false;
            fail_write(display, error);
        }
    } else if (::rename(temp_name.c_str(), target.c_str()) != 0) {
        give_up(errno);
    }

    tidy();
    if (!how.durable) return true;
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    FileDescriptor folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0 || ::fsync(folder.get()) != 0) fail_write(display, errno);
    return true;
}

// A write to one of the network's files, under its lock: refused for a
// symbolic link or anything but a regular file; the file keeps its mode.
bool write_under_lock(const NetworkLock&, const fs::path& target, std::string_view bytes, Replace replace,
                      std::string_view display) {
    struct stat existing {};
    const bool exists = ::lstat(target.c_str(), &existing) == 0;
    if (exists && replace == Replace::never) return false;
    if (exists && S_ISLNK(existing.st_mode))
        throw Error(Exit::data, fmt::format("cannot write '{}': it is a symbolic link; kith writes only to regular "
                                            "files",
                                            display));
    if (exists && !S_ISREG(existing.st_mode))
        throw Error(Exit::data, fmt::format("cannot write '{}': it is not a regular file", display));
    const fs::path temps = empty_temporaries_folder(target.parent_path(), display);
    return write_through(target, bytes, replace, display, Temporary{temps, true, true},
                         exists ? std::optional<mode_t>(existing.st_mode & 07777) : std::nullopt);
}

// Removes from `folder` the temporaries of `target` (temporary_prefix) last
// changed a minute or more before `now_ns`: a writer without the lock takes
// milliseconds, so those were left by one that was killed.
void sweep_temporaries(const fs::path& folder, const fs::path& target, std::int64_t now_ns) {
    constexpr std::int64_t a_minute = 60'000'000'000;
    const std::string prefix = temporary_prefix(target);
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    while (const dirent* entry = ::readdir(dir)) {
        if (!std::string_view(entry->d_name).starts_with(prefix)) continue;
        struct stat status {};
        if (::fstatat(::dirfd(dir), entry->d_name, &status, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(status.st_mode) &&
            stamp_of(status).modified_ns < now_ns - a_minute)
            ::unlinkat(::dirfd(dir), entry->d_name, 0);
    }
    ::closedir(dir);
}

}  // namespace

// ---- Reading ----

std::string read_file(const fs::path& path, std::string_view display, FileKind kind) {
    return read_rest(open_to_read(path.c_str(), display, kind), display);
}

std::string read_all(int fd, std::string_view display) {
    struct stat status {};
    if (::fstat(fd, &status) != 0)
        throw Error(Exit::data, fmt::format("cannot read '{}': {}", display, std::strerror(errno)));
    check_kind(status, display, FileKind::any);
    return read_rest(fd, S_ISREG(status.st_mode) ? static_cast<std::uint64_t>(status.st_size) : 0, display);
}

StampedFile read_stamped(const char* path, std::string_view display) {
    const OpenedFile opened = open_to_read(path, display);
    return {read_rest(opened, display), opened.stamp};
}

std::optional<FileStamp> stamp_of_path(const char* path) {
    struct stat status {};
    if (::stat(path, &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
    return stamp_of(status);
}

bool trusted_by(const struct stat& status, uid_t user) {
    return status.st_uid == user && (status.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

bool trusted_folder(const fs::path& folder) {
    struct stat status {};
    return ::lstat(folder.c_str(), &status) == 0 && S_ISDIR(status.st_mode) && trusted_by(status, ::geteuid());
}

MappedFile::MappedFile(const char* path) {
    if (!path) return;
    const FileDescriptor file(::open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY));
    struct stat status {};
    if (file.get() < 0 || ::fstat(file.get(), &status) != 0 || !S_ISREG(status.st_mode) || status.st_size == 0 ||
        !trusted_by(status, ::geteuid()))
        return;
    void* start = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE, file.get(), 0);
    if (start == MAP_FAILED) return;
    start_ = start;
    size_ = static_cast<std::size_t>(status.st_size);
}

MappedFile::~MappedFile() {
    if (start_) ::munmap(start_, size_);
}

// ---- Folders and descriptors ----

void make_folders(const fs::path& folder) {
    fs::path so_far;
    for (const fs::path& part : folder) {
        so_far /= part;
        if (::mkdir(so_far.c_str(), 0700) != 0 && errno != EEXIST) fail_write(so_far.string(), errno);
    }
}

bool open_closed_standard_fds() {
    for (int fd = 0; fd <= 2; ++fd)
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF && ::open("/dev/null", O_RDWR) != fd) return false;
    return true;
}

// ---- The lock ----

NetworkLock::NetworkLock(Network network, const Waiting& waiting) : network_(std::move(network)) {
    fd_ = ::open(network_.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0)
        throw Error(Exit::data, fmt::format("cannot lock '{}': {}", network_.root.string(), std::strerror(errno)));
    const auto fail = [this](int error) {
        ::close(fd_);
        throw Error(Exit::data, fmt::format("cannot lock '{}': {}", network_.root.string(), std::strerror(error)));
    };
    // A second of short tries first: writes take milliseconds, so a lock held
    // longer is worth a word.
    using namespace std::chrono_literals;
    for (auto pause = 1ms, waited = 0ms; waited < 1s; waited += pause, pause = std::min(pause * 2, 50ms)) {
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
        if (errno != EWOULDBLOCK && errno != EINTR) fail(errno);
        std::this_thread::sleep_for(pause);
    }
    if (waiting) waiting(lock_holder(fd_));
    while (::flock(fd_, LOCK_EX) != 0)
        if (errno != EINTR) fail(errno);
}

NetworkLock::~NetworkLock() {
    ::close(fd_);
}

// ---- Writing under the lock ----

void make_folder(const NetworkLock&, const fs::path& folder, std::string_view display) {
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) fail_write(display, errno);
}

void replace_file(const NetworkLock& lock, const fs::path& target, std::string_view bytes, std::string_view display) {
    write_under_lock(lock, target, bytes, Replace::existing, display);
}

bool create_file(const NetworkLock& lock, const fs::path& target, std::string_view bytes, std::string_view display) {
    return write_under_lock(lock, target, bytes, Replace::never, display);
}

bool replace_if_unchanged(const NetworkLock& lock, const fs::path& target, std::string_view expected,
                          std::string_view bytes, std::string_view display) {
    // Under the lock no kith writes meanwhile; another program that writes
    // between this read and the rename is beyond what a rename can guard.
    try {
        if (read_file(target, display) != expected) return false;
    } catch (const Error&) {
        return false;  // gone, or no longer readable: changed all the same
    }
    replace_file(lock, target, bytes, display);
    return true;
}

void remove_file(const NetworkLock&, const fs::path& target) {
    ::unlink(target.c_str());
}

void set_mode(const NetworkLock&, const fs::path& target, unsigned mode, std::string_view display) {
    if (::chmod(target.c_str(), static_cast<mode_t>(mode)) != 0)
        throw Error(Exit::data, fmt::format("cannot make '{}' private: {}", display, std::strerror(errno)));
}

// ---- Writing outside the lock ----

void replace_file(const fs::path& target, std::string_view bytes, std::string_view display, const OutsideTheLock& how) {
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (how.now_ns != 0) sweep_temporaries(folder, target, how.now_ns);
    write_through(target, bytes, Replace::existing, display, Temporary{folder, false, how.durable}, std::nullopt);
}

// ---- Edit copies ----

EditCopy::EditCopy(const fs::path& beside, std::string_view slug, const std::string& text) {
    std::string name = (beside / fmt::format(".{}.edit-XXXXXX.toml", slug)).string();
    if (make_unique_file(name, 5).get() < 0)
        throw Error(Exit::data, fmt::format("cannot make a copy to edit in '{}'", beside.string()));
    path_ = name;
    try {
        write(text);
    } catch (...) {
        ::unlink(path_.c_str());  // the destructor does not run for an object never made
        throw;
    }
}

EditCopy::~EditCopy() {
    if (!kept_) ::unlink(path_.c_str());
}

void EditCopy::write(const std::string& text) const {
    {
        const FileDescriptor file(::open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW));
        if (file.get() >= 0) write_all(file.get(), text);  // whatever failed, the copy does not read back as `text`
    }
    if (read() != text)
        throw Error(Exit::data, fmt::format("cannot make a whole copy to edit in '{}' (is the disk full?)",
                                            path_.parent_path().string()));
}

std::string EditCopy::read() const {
    return read_file(path_, path_.filename().string());
}

LiveEdit::LiveEdit(const fs::path& folder) : fd_(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}

LiveEdit::~LiveEdit() {
    if (fd_ >= 0) ::close(fd_);
}

bool LiveEdit::alone() {
    const bool alone = fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
    if (fd_ >= 0) ::flock(fd_, LOCK_SH | LOCK_NB);  // joins in as running
    return alone;
}

std::vector<std::string> clear_leftover_edit_copies(const fs::path& folder, std::string_view slug,
                                                    const std::string& original) {
    const std::string prefix = fmt::format(".{}.edit-", slug);
    std::vector<std::string> kept;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() != prefix.size() + 11 || !name.starts_with(prefix) || !name.ends_with(".toml") ||
            !entry.is_regular_file(ec))
            continue;
        if (read_file(entry.path(), name) == original)
            ::unlink(entry.path().c_str());
        else
            kept.push_back(name);
    }
    return kept;
}

}  // namespace kith
