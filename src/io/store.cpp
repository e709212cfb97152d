// Locked, checked, atomic writes to the network's files.
#include "io/store.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <sstream>
#include <thread>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "formats/contact_file.hpp"
#include "formats/toml_text.hpp"
#include "io/file_descriptor.hpp"
#include "io/process.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail_write(std::string_view display, int error) {
    throw Error(Exit::data, fmt::format("cannot write '{}': {}", display, std::strerror(error)));
}

// The folder, inside each folder kith writes in, where its writes make their
// new files (each under a name of its own, ".FILE.tmp-XXXXXX", which the
// .gitignore of `init --git` already ignores; temporary_name) before renaming
// them into place.
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

// A temporary for `target` in `temps`, for mkostemp: ".FILE.tmp-XXXXXX" as
// the .gitignore of `init --git` (old clones' too) has it, FILE cut to its
// first 64 bytes, never in a character, so that a name near the 255-byte limit
// of a file name still has one.
std::string temporary_name(const fs::path& temps, const fs::path& target) {
    constexpr std::size_t enough_to_tell = 64;
    std::string name = target.filename().string();
    if (name.size() > enough_to_tell) {
        std::size_t cut = enough_to_tell;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
            --cut;  // a UTF-8 continuation byte: the character starts before
        name.resize(cut);
    }
    return (temps / fmt::format(".{}.tmp-XXXXXX", name)).string();
}

enum class Replace { existing, never };

// Writes `bytes` to `target` so that a reader sees the old file or the new,
// never a mix: a temporary in the folder's temporaries folder, fsync, rename,
// fsync the folder.
// With Replace::never, returns false when `target` already exists.
bool write_atomically(const fs::path& target, std::string_view bytes, Replace replace, std::string_view display) {
    const fs::path dir = target.parent_path();
    struct stat existing {};
    const bool exists = ::lstat(target.c_str(), &existing) == 0;
    if (exists && replace == Replace::never) return false;
    if (exists && S_ISLNK(existing.st_mode))
        throw Error(Exit::data, fmt::format("cannot write '{}': it is a symbolic link; kith writes only to regular "
                                            "files",
                                            display));
    if (exists && !S_ISREG(existing.st_mode))
        throw Error(Exit::data, fmt::format("cannot write '{}': it is not a regular file", display));
    const fs::path temps = empty_temporaries_folder(dir, display);
    std::string temp_name = temporary_name(temps, target);
    FileDescriptor temp(::mkostemp(temp_name.data(), O_CLOEXEC));
    if (temp.get() < 0) {
        const int error = errno;
        ::rmdir(temps.c_str());  // the folder is left as it was
        fail_write(display, error);
    }
    const auto give_up = [&](int error) {
        ::unlink(temp_name.c_str());
        ::rmdir(temps.c_str());
        fail_write(display, error);
    };
    if (const int error = write_all(temp.get(), bytes)) give_up(error);
    if (exists && ::fchmod(temp.get(), existing.st_mode & 07777) != 0) give_up(errno);
    if (::fsync(temp.get()) != 0) give_up(errno);
    if (::close(temp.release()) != 0) give_up(errno);

    if (replace == Replace::never) {
        if (::renameat2(AT_FDCWD, temp_name.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
            const int error = errno;
            ::unlink(temp_name.c_str());
            ::rmdir(temps.c_str());
            if (error == EEXIST) return false;
            fail_write(display, error);
        }
    } else if (::rename(temp_name.c_str(), target.c_str()) != 0) {
        give_up(errno);
    }

    ::rmdir(temps.c_str());  // empty again: the folder is left as it was
    FileDescriptor folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0 || ::fsync(folder.get()) != 0) fail_write(display, errno);
    return true;
}

// `addition` after `old`, one blank line between them.
std::string appended(const std::string& old, std::string_view addition) {
    std::string out = old;
    if (!out.empty() && !out.ends_with('\n')) out += '\n';
    if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
    out += addition;
    return out;
}

bool same_event(const Event& a, const Event& b) {
    return a.type == b.type && a.date == b.date && a.note == b.note && a.via == b.via && a.at == b.at &&
           a.where == b.where && a.is_virtual == b.is_virtual && a.notes == b.notes && a.learned == b.learned &&
           a.referrals == b.referrals;
}

bool same_header(const Contact& a, const Contact& b) {
    const auto fields_a = text_fields(a), fields_b = text_fields(b);
    const bool same_texts = std::equal(fields_a.begin(), fields_a.end(), fields_b.begin(),
                                       [](const auto& x, const auto& y) { return *x.second == *y.second; });
    return a.name == b.name && same_texts && a.tags == b.tags &&
           a.keep_in_touch.has_value() == b.keep_in_touch.has_value() &&
           (!a.keep_in_touch || format_duration(*a.keep_in_touch) == format_duration(*b.keep_in_touch)) &&
           a.added == b.added && a.other_fields == b.other_fields;
}

[[noreturn]] void refuse(std::string_view display) {
    throw Error(Exit::data, fmt::format("refusing to write '{}': the result would not read back as written "
                                        "(the file is left as it was)",
                                        display));
}

void add_line(std::string& out, std::string_view key, const std::string& value_text) {
    out += fmt::format("{} = {}\n", key, value_text);
}

void add_text(std::string& out, std::string_view key, const std::string& value) {
    if (!value.empty()) add_line(out, key, toml_text(value));
}

void add_texts(std::string& out, std::string_view key, const std::vector<std::string>& values) {
    if (!values.empty()) add_line(out, key, toml_text(values));
}

// Runs git in `root`: nothing when it succeeds, else its own words.
std::optional<std::string> run_git(const fs::path& root, const std::vector<std::string>& argv) {
    const ProgramResult result = run_program(argv, root, Output::capture);
    if (result.status == 0) return std::nullopt;
    return trimmed(result.output);
}

// Adds to the file at `path` (made if missing) each of `lines` after the
// first that it does not hold yet, under the first: a comment saying why.
void add_missing_lines(const fs::path& path, const std::vector<std::string>& lines) {
    const std::string display = path.filename().string();
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    const std::string old = exists ? read_file(path, display) : std::string();
    std::vector<std::string_view> held;
    for (std::size_t at = 0; at < old.size();) {
        const std::size_t end = std::min(old.find('\n', at), old.size());
        held.push_back(std::string_view(old).substr(at, end - at));
        at = end + 1;
    }
    std::string missing;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (std::find(held.begin(), held.end(), lines[i]) == held.end()) missing += lines[i] + '\n';
    if (missing.empty()) return;
    write_atomically(path, appended(old, lines.front() + '\n' + missing), exists ? Replace::existing : Replace::never,
                     display);
}

}  // namespace

namespace {

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

}  // namespace

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

namespace {

// The [[event]] table that records `event`, as TOML text.
std::string event_text(const Event& event) {
    std::string out = "[[event]]\n";
    add_line(out, "type", toml_text(to_string(event.type)));
    add_line(out, "date", toml_text(event.date));
    if (event.at) add_line(out, "at", toml_text(*event.at));
    add_text(out, "where", event.where);
    if (event.is_virtual) add_line(out, "virtual", "true");
    add_text(out, "via", event.via);
    add_text(out, "note", event.note);
    add_text(out, "notes", event.notes);
    add_texts(out, "learned", event.learned);
    add_texts(out, "referrals", event.referrals);
    return out;
}

// The header of a new contact file: its known fields, in SPEC §2's order.
std::string contact_header_text(const Contact& contact) {
    std::string out;
    add_text(out, "name", contact.name);
    for (const auto& [key, value] : text_fields(contact))
        add_text(out, key, *value);
    add_texts(out, "tags", contact.tags);
    if (contact.keep_in_touch) add_text(out, "keep_in_touch", format_duration(*contact.keep_in_touch));
    if (contact.added) add_line(out, "added", toml_text(at_start_of(*contact.added)));
    // Keys of their own first: after a [table], a key would belong to it.
    for (const bool tables : {false, true})
        for (const OtherField& other : contact.other_fields)
            if (other.document.starts_with('[') == tables) out += (tables ? "\n" : "") + other.document + "\n";
    return out;
}

// A new contact's file, checked to read back as `contact`.
std::string new_contact_text(const Contact& contact, std::string_view slug) {
    if (is_blank(contact.name)) throw Error(Exit::usage, "a contact's name cannot be empty");
    std::string text = contact_header_text(contact);
    for (const Event& event : contact.events)
        text = appended(text, event_text(event));

    const Contact check = parse_contact(text, contact_file_name(slug), std::string(slug));
    bool faithful = same_header(check, contact) && check.events.size() == contact.events.size();
    for (std::size_t i = 0; faithful && i < check.events.size(); ++i)
        faithful = same_event(check.events[i], contact.events[i]);
    if (!faithful) refuse(contact_file_name(slug));
    return text;
}

// Makes contacts/ (0700) if it is missing, for a first contact; refuses one
// that is a symbolic link (check_contacts_folder).
void make_contacts_folder(const NetworkLock& lock) {
    check_contacts_folder(lock.network());
    const fs::path contacts = lock.network().root / "contacts";
    std::error_code ec;
    if (!fs::is_directory(contacts, ec) && ::mkdir(contacts.c_str(), 0700) != 0 && errno != EEXIST)
        fail_write("contacts/", errno);
}

}  // namespace

std::string create_contact(const NetworkLock& lock, const Contact& contact) {
    const std::string base = make_slug(contact.name);
    const std::string text = new_contact_text(contact, base);
    make_contacts_folder(lock);
    for (int n = 1;; ++n) {
        const std::string slug = numbered_slug(base, n);
        if (write_atomically(contact_path(lock.network(), slug), text, Replace::never, contact_file_name(slug)))
            return slug;
    }
}

void create_contact_as(const NetworkLock& lock, const Contact& contact, std::string_view slug) {
    const std::string text = new_contact_text(contact, slug);
    make_contacts_folder(lock);
    if (!write_atomically(contact_path(lock.network(), slug), text, Replace::never, contact_file_name(slug)))
        throw Error(Exit::data, fmt::format("cannot write '{}': it exists already", contact_file_name(slug)));
}

void append_event(const NetworkLock& lock, std::string_view slug, const Event& event) {
    check_contacts_folder(lock.network());
    const std::string display = contact_file_name(slug);
    const fs::path path = contact_path(lock.network(), slug);
    std::error_code ec;
    if (fs::is_symlink(path, ec))
        throw Error(Exit::data, fmt::format("cannot write '{}': it is a symbolic link; kith appends only to "
                                            "regular files",
                                            display));
    const std::string old = read_file(path, display);
    const Contact before = parse_contact(old, display, std::string(slug));
    const std::string text = appended(old, event_text(event));
    Contact after;
    try {
        after = parse_contact(text, display, std::string(slug));
    } catch (const Error& e) {
        // The file reads, but not with a new table at its end (an inline
        // `event = [...]`, say): the position is in text that was never written.
        throw Error(Exit::data, fmt::format("cannot append an event to '{}' (left as it was): the file's own layout "
                                            "does not allow one at its end: {}",
                                            display, e.what()));
    }
    if (after.events.size() != before.events.size() + 1 || !same_event(after.events.back(), event) ||
        !same_header(after, before))
        refuse(display);
    write_atomically(path, text, Replace::existing, display);
}

bool replace_contact(const NetworkLock& lock, std::string_view slug, std::string_view expected,
                     const std::string& text) {
    check_contacts_folder(lock.network());
    const std::string display = contact_file_name(slug);
    parse_contact(text, display, std::string(slug));
    // Under the lock no kith writes meanwhile; another program that writes
    // between this read and the rename is beyond what a rename can guard.
    const fs::path path = contact_path(lock.network(), slug);
    try {
        if (read_file(path, display) != expected) return false;
    } catch (const Error&) {
        return false;  // gone, or no longer readable: changed all the same
    }
    write_atomically(path, text, Replace::existing, display);
    return true;
}

void append_milestone(const NetworkLock& lock, const Milestone& milestone) {
    const fs::path path = lock.network().root / config_file_name;
    const std::string old = read_file(path, config_file_name);
    const Config before = parse_config(old, config_file_name);
    std::string table = "[[milestone]]\n";
    add_line(table, "date", toml_text(milestone.date));
    add_line(table, "text", toml_text(milestone.text));
    const std::string text = appended(old, table);
    const Config after = parse_config(text, config_file_name);
    if (after.milestones.size() != before.milestones.size() + 1 || after.milestones.back().date != milestone.date ||
        after.milestones.back().text != milestone.text)
        refuse(config_file_name);
    write_atomically(path, text, Replace::existing, config_file_name);
}

Network create_network(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / config_file_name, ec))
        throw Error(Exit::usage, fmt::format("'{}' already holds a kith network", dir.string()));
    fs::path so_far;
    for (const fs::path& part : dir) {
        so_far /= part;
        if (::mkdir(so_far.c_str(), 0700) != 0 && errno != EEXIST) fail_write(so_far.string(), errno);
    }
    if (!fs::is_directory(dir, ec))
        throw Error(Exit::usage, fmt::format("cannot make a network at '{}': it is not a folder", dir.string()));
    Network network{dir};
    NetworkLock lock(network);
    const fs::path contacts = dir / "contacts";
    if (::mkdir(contacts.c_str(), 0700) != 0 && errno != EEXIST) fail_write("contacts/", errno);
    check_contacts_folder(network);  // one there already may be a link
    if (!write_atomically(dir / config_file_name, initial_config_text(), Replace::never, config_file_name))
        throw Error(Exit::usage, fmt::format("'{}' already holds a kith network", dir.string()));
    return network;
}

void check_git_runs() {
    const ProgramResult git = run_program({"git", "--version"}, {}, Output::capture);
    if (git.status != 0) throw Error(Exit::usage, fmt::format("git does not run: {}", git.output));
}

void set_up_git(const NetworkLock& lock, const fs::path& kith_program, GitRepository repository) {
    check_contacts_folder(lock.network());  // a clone's link: refused before anything is set up
    const fs::path& root = lock.network().root;
    const auto git = [&root](const std::vector<std::string>& argv) {
        if (const auto refusal = run_git(root, argv))
            throw Error(Exit::data,
                        fmt::format("'{}' failed in '{}': {}", fmt::join(argv, " "), root.string(), *refusal));
    };
    if (repository == GitRepository::own ||
        run_program({"git", "rev-parse", "--is-inside-work-tree"}, root, Output::capture).status != 0)
        git({"git", "init", "--quiet"});
    add_missing_lines(root / ".gitignore", {"# Temporaries of an interrupted kith write or kith edit", ".*.tmp-??????",
                                            ".*.edit-??????.toml"});
    add_missing_lines(root / ".gitattributes", {"# Two machines' additions to one file merge to both (kith merge-file)",
                                                "contacts/*.toml merge=kith", "kith.toml merge=kith"});
    git({"git", "config", "merge.kith.name", "kith: keep the tables both sides appended"});
    // When this kith cannot run (moved, deleted) or fails, git's own line merge
    // still marks the conflict in the file: the other side is never dropped.
    git({"git", "config", "merge.kith.driver",
         fmt::format("{} merge-file %O %A %B %P; s=$?; [ $s -le 1 ] && exit $s; "
                     "git merge-file -L ours -L base -L theirs %A %O %B; exit 1",
                     shell_word(kith_program.string()))});
}

std::size_t make_private(const NetworkLock& lock) {
    check_contacts_folder(lock.network());
    const std::vector<SharedFile> shared = shared_files(lock.network());
    // chmod follows a link, but shared_files counts none; one made since by
    // someone who may write in the network could have done worse.
    for (const SharedFile& file : shared)
        if (::chmod(file.path.c_str(), file.mode & ~static_cast<unsigned>(S_IRWXG | S_IRWXO)) != 0)
            throw Error(Exit::data, fmt::format("cannot make '{}' private: {}", file.display, std::strerror(errno)));
    return shared.size();
}

std::vector<std::string> record_meeting(const NetworkLock& lock, std::string_view slug, Event meeting,
                                        std::span<const std::string> referral_names, const LoadedContacts& everyone,
                                        Date added) {
    const Contact met = load_contact(lock.network(), slug);
    // Which names are contacts already, and which are new: all decided before any write.
    std::vector<std::pair<std::string, std::optional<std::string>>> referrals;  // name, existing slug
    for (const std::string& name : referral_names) {
        if (is_blank(name)) throw Error(Exit::usage, "a --referral name cannot be empty");
        auto existing = find_contact_exactly(everyone, name);
        if (existing == met.slug)
            throw Error(Exit::usage, fmt::format("'{}' is {} itself, not a referral", name, met.name));
        const bool repeated = std::any_of(referrals.begin(), referrals.end(), [&](const auto& r) {
            return existing ? r.second == existing : fold_case(r.first) == fold_case(name);
        });
        if (!repeated) referrals.emplace_back(name, existing);
    }

    std::vector<std::string> created;
    try {
        for (const auto& [name, existing] : referrals) {
            if (existing) {
                meeting.referrals.push_back(*existing);
                continue;
            }
            Contact referral;
            referral.name = name;
            referral.referred_by = met.slug;
            referral.added = added;
            created.push_back(create_contact(lock, referral));
            meeting.referrals.push_back(created.back());
        }
        append_event(lock, slug, meeting);
    } catch (...) {
        // The meeting was not recorded: the contacts made for it go too. But a
        // write can fail after its rename (the folder's fsync), with the meeting
        // in place: then they stay, or it would name contacts that are gone.
        bool recorded = true;  // unless the file says otherwise
        try {
            recorded = load_contact(lock.network(), slug).events.size() > met.events.size();
        } catch (const Error&) {
        }
        if (!recorded)
            for (const std::string& referral : created)
                ::unlink(contact_path(lock.network(), referral).c_str());
        throw;
    }
    return created;
}

void commit_files(const NetworkLock& lock, const std::vector<std::string>& files, const std::string& message) {
    const fs::path& root = lock.network().root;
    std::vector<std::string> add = {"git", "add", "--"};
    add.insert(add.end(), files.begin(), files.end());
    std::vector<std::string> commit = {"git", "commit", "--quiet", "-m", message, "--"};
    commit.insert(commit.end(), files.begin(), files.end());
    std::optional<std::string> refusal = run_git(root, add);
    if (!refusal) refusal = run_git(root, commit);
    if (refusal)
        throw Error(Exit::data, fmt::format("the change was written, but git did not commit it "
                                            "([git] autocommit in kith.toml): {}",
                                            *refusal));
}

}  // namespace kith
