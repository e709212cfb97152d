// Finding the network, reading its files, and resolving contact references.
#include "io/network.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <map>
#include <optional>
#include <system_error>
#include <thread>

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "formats/contact_file.hpp"
#include "formats/toml_text.hpp"
#include "io/cache.hpp"
#include "io/file_descriptor.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace fs = std::filesystem;

namespace {

// Calls `work(i)` for each i in [0, count), spread over the machine's cores
// (each takes the next i not yet taken). The first exception any call throws
// is thrown again here, once every thread is done.
template <typename Work>
void in_parallel(std::size_t count, const Work& work) {
    constexpr std::size_t enough_for_a_thread = 64;
    const std::size_t threads = std::clamp<std::size_t>(
        std::min<std::size_t>(std::thread::hardware_concurrency(), count / enough_for_a_thread), 1, 16);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::atomic_flag failed;
    const auto run = [&] {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < count;)
                work(i);
        } catch (...) {
            if (!failed.test_and_set()) failure = std::current_exception();
            next = count;
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < threads; ++t) {
            try {
                helpers.emplace_back(run);
            } catch (const std::system_error&) {
                break;  // no more threads to be had (a process limit): those started do the rest
            }
        }
        run();
    }
    if (failure) std::rethrow_exception(failure);
}

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

// Whether the cache may be read from and written in `folder`: a folder of the
// user's own, not a link to one, that no one else may write.
bool trusted_folder(const fs::path& folder) {
    struct stat status {};
    return ::lstat(folder.c_str(), &status) == 0 && S_ISDIR(status.st_mode) && trusted_by(status, ::geteuid());
}

// Writes the cache anew beside where it was, through a temporary and a rename
// so that a reader never meets half of it. A cache that cannot be written is
// no loss: the files are read again next time.
void write_cache_file(const ContactCache& cache, std::span<const CacheEntry> entries) {
    const fs::path folder = cache.file.parent_path();
    fs::path so_far;
    for (const fs::path& part : folder)  // each folder made private, as the network's are
        if (so_far /= part; ::mkdir(so_far.c_str(), 0700) != 0 && errno != EEXIST) return;
    if (!trusted_folder(folder)) return;  // what is written there could be changed by others
    const std::string prefix = fmt::format(".{}.tmp-", cache.file.filename().string());
    // Reports write the cache without the network's lock, each through a temporary
    // of its own; one a minute old was left by a report that was killed.
    constexpr std::int64_t a_minute = 60'000'000'000;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().filename().string().starts_with(prefix))
            if (const auto stamp = stamp_of_path(entry.path().c_str());
                stamp && stamp->modified_ns < cache.now_ns - a_minute)
                fs::remove(entry.path(), ec);
    std::string temp = (folder / (prefix + "XXXXXX")).string();
    const FileDescriptor file(::mkostemp(temp.data(), O_CLOEXEC));
    if (file.get() < 0) return;
    if (write_all(file.get(), write_cache(entries)) != 0 || ::rename(temp.c_str(), cache.file.c_str()) != 0)
        ::unlink(temp.c_str());
}

// A file mapped into memory, read-only, for as long as this lives: the cache,
// whose pages the kernel then maps many at a time instead of copying them.
// Empty when there is no such file, it cannot be mapped, or it is not a
// regular file of the user's own that no one else may write (trusted_by).
class MappedFile {
public:
    explicit MappedFile(const char* path) {
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
    ~MappedFile() {
        if (start_) ::munmap(start_, size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view text() const { return {static_cast<const char*>(start_), size_}; }

private:
    void* start_ = nullptr;
    std::size_t size_ = 0;
};

// Whether `dir` holds a kith.toml: any but a folder, so that one that is not
// a regular file is refused by name when it is read, not passed over.
bool holds_network(const fs::path& dir) {
    struct stat status {};
    return ::stat((dir / config_file_name).c_str(), &status) == 0 && !S_ISDIR(status.st_mode);
}

Network network_at(const fs::path& dir, std::string_view how) {
    if (!holds_network(dir))
        throw Error(Exit::usage, fmt::format("no kith network at '{}' ({}); create one with: kith init {}",
                                             dir.string(), how, shell_word(dir.string())));
    return Network{dir};
}

// The network's own contact files: "<slug>.toml", never hidden ones (temporaries).
bool is_contact_file_name(const std::string& name) {
    return name.size() > 5 && name.front() != '.' && name.ends_with(".toml");
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

Config parse_config(std::string_view text, std::string_view file) {
    const toml::table root = parse_toml(text, file);
    const auto fail = [&](const toml::node& at, const std::string& message) {
        throw Error(Exit::data, fmt::format("{}:{}: {}", file, position_of(at.source()), message));
    };
    const auto table = [&](std::string_view key) -> const toml::table* {
        const toml::node* node = root.get(key);
        if (node && !node->is_table()) fail(*node, fmt::format("'{}' must be a table, written [{}]", key, key));
        return node ? node->as_table() : nullptr;
    };
    const auto text_of = [&](const toml::table& in, std::string_view key) -> std::string {
        const toml::node* node = in.get(key);
        if (!node) return {};
        if (!node->is_string()) fail(*node, fmt::format("'{}' must be a string", key));
        return node->value<std::string>().value();
    };

    Config out;
    if (const toml::table* me = table("me")) {
        out.me = Me{text_of(*me, "name"), text_of(*me, "email"), text_of(*me, "headline"), text_of(*me, "pitch"),
                    text_of(*me, "availability")};
    }
    if (const toml::table* policy = table("policy")) {
        for (const auto& [key, node] : *policy) {
            const auto fields = policy_fields();
            const std::string_view name = key.str();  // a structured binding cannot be captured before clang 16
            auto field =
                std::find_if(fields.begin(), fields.end(), [&](const PolicyField& f) { return f.key == name; });
            if (field == fields.end()) fail(node, fmt::format("unknown policy '{}'", key.str()));
            if (!node.is_string()) fail(node, fmt::format("policy '{}' must be a string such as \"14d\"", key.str()));
            try {
                out.policy.*(field->member) = parse_duration(node.value<std::string>().value(), true);
            } catch (const Error& e) {
                fail(node, fmt::format("policy '{}': {}", key.str(), e.what()));
            }
        }
    }
    if (const toml::table* git = table("git")) {
        if (const toml::node* autocommit = git->get("autocommit")) {
            if (!autocommit->is_boolean()) fail(*autocommit, "'autocommit' must be true or false");
            out.autocommit = autocommit->value<bool>().value();
        }
    }
    if (const toml::node* milestones = root.get("milestone")) {
        const toml::array* array = milestones->as_array();
        if (!array) fail(*milestones, "'milestone' must be written as [[milestone]] tables");
        for (const toml::node& node : *array) {
            const toml::table* milestone = node.as_table();
            if (!milestone) fail(node, "each [[milestone]] must be a table");
            Milestone m;
            const toml::node* when = milestone->get("date");
            if (!when) fail(node, "milestone has no 'date'");
            if (auto day = when->as_date())
                m.date = to_datetime(day->get());
            else if (auto moment = when->as_date_time())
                m.date = to_datetime(moment->get());
            else
                fail(*when, "a milestone's 'date' must be a TOML date, as in 2027-03-01");
            m.text = text_of(*milestone, "text");
            if (m.text.empty()) fail(node, "milestone has no 'text'");
            out.milestones.push_back(std::move(m));
        }
    }
    return out;
}

Config load_config(const Network& network) {
    return parse_config(read_file(network.root / config_file_name, config_file_name), config_file_name);
}

std::string initial_config_text() {
    std::string out =
        "# kith network: your profile, your policy, your milestones.\n"
        "# Contacts live in contacts/, one file each.\n"
        "\n"
        "[me]\n"
        "# name = \"Your Name\"\n"
        "# email = \"you@example.org\"\n"
        "# headline = \"second-year chemistry student\"\n"
        "# pitch = \"\"\"Your one-minute introduction.\"\"\"\n"
        "# availability = \"Wednesdays 8-11am, Fridays 12-3pm\"\n"
        "\n"
        "[policy]\n"
        "# How long each reminder waits. Durations: 36h, 14d, 2w, 3m (30 days), or \"never\".\n";
    for (const PolicyField& field : policy_fields())
        out += fmt::format("# {:<30} # {}\n", fmt::format("{} = \"{}\"", field.key, field.default_text), field.meaning);
    out +=
        "\n"
        "[git]\n"
        "# autocommit = false   # true: commit every change kith makes\n";
    return out;
}

std::string contact_file_name(std::string_view slug) {
    return fmt::format("contacts/{}.toml", slug);
}

fs::path contact_path(const Network& network, std::string_view slug) {
    return network.root / "contacts" / fmt::format("{}.toml", slug);
}

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

void check_contacts_folder(const Network& network) {
    struct stat status {};
    if (::lstat((network.root / "contacts").c_str(), &status) != 0) return;  // none yet, or reads will say why
    if (S_ISLNK(status.st_mode))
        throw Error(Exit::data,
                    "'contacts' is a symbolic link; kith keeps contacts only in a folder of the network's own");
    if (!S_ISDIR(status.st_mode)) throw Error(Exit::data, "'contacts' is not a folder");
}

std::vector<std::string> contact_slugs(const Network& network) {
    check_contacts_folder(network);
    std::vector<std::string> out;
    DIR* folder = ::opendir((network.root / "contacts").c_str());  // readdir: fs::directory_iterator costs 10x
    if (!folder) return out;
    while (const dirent* entry = ::readdir(folder)) {
        const std::string name = entry->d_name;
        if (is_contact_file_name(name)) out.push_back(name.substr(0, name.size() - 5));
    }
    ::closedir(folder);
    std::sort(out.begin(), out.end());
    return out;
}

Contact load_contact(const Network& network, std::string_view slug) {
    const std::string display = contact_file_name(slug);
    return parse_contact(read_file(contact_path(network, slug), display), display, std::string(slug));
}

LoadedContacts load_contacts(const Network& network) {
    const std::vector<std::string> slugs = contact_slugs(network);
    // No cache, or one others could have written: every file is parsed.
    const bool trusted = network.cache && trusted_folder(network.cache->file.parent_path());
    const MappedFile cache_file(trusted ? network.cache->file.c_str() : nullptr);
    const std::vector<CacheEntry> cached = read_cache(cache_file.text());
    const auto cached_entry = [&](const std::string& slug) -> const CacheEntry* {
        const auto found = std::lower_bound(cached.begin(), cached.end(), slug,
                                            [](const CacheEntry& e, const std::string& s) { return e.slug < s; });
        return found != cached.end() && found->slug == slug ? &*found : nullptr;
    };

    // What became of each file: its contact or its problem, and its entry in the next cache.
    struct Loaded {
        std::optional<Contact> contact;
        std::optional<Error> problem;
        std::optional<FileStamp> stamp;  // when it may be cached
        std::string_view bytes;          // its contact's bytes in the old cache, else in `encoded`
        std::string encoded;
    };
    std::vector<Loaded> loaded(slugs.size());
    const std::string folder = (network.root / "contacts").string() + '/';
    in_parallel(slugs.size(), [&](std::size_t i) {
        const std::string& slug = slugs[i];
        Loaded& out = loaded[i];
        const std::string path = folder + slug + ".toml";  // contact_path's, without fs::path's cost
        if (const CacheEntry* entry = cached_entry(slug)) {
            if (stamp_of_path(path.c_str()) == entry->stamp) {
                try {
                    out.contact = decode_contact(entry->contact, slug);
                    out.stamp = entry->stamp;
                    out.bytes = entry->contact;
                    return;
                } catch (const std::exception&) {
                    // not as kith wrote it (or too much to hold): parse the file
                }
            }
        }
        try {
            const std::string display = contact_file_name(slug);
            const OpenedFile opened = open_to_read(path.c_str(), display);  // stamped before a byte is read
            out.contact = parse_contact(read_rest(opened, display), display, slug);
            if (network.cache && settled(opened.stamp, network.cache->now_ns)) {
                out.stamp = opened.stamp;
                out.encoded = encode_contact(*out.contact);
                out.bytes = out.encoded;
            }
        } catch (const Error& e) {
            out.problem = e;
        }
    });

    std::vector<CacheEntry> entries;
    for (std::size_t i = 0; i < slugs.size(); ++i)
        if (loaded[i].stamp) entries.push_back({slugs[i], *loaded[i].stamp, loaded[i].bytes});
    const bool changed =
        !std::equal(entries.begin(), entries.end(), cached.begin(), cached.end(),
                    [](const CacheEntry& a, const CacheEntry& b) { return a.slug == b.slug && a.stamp == b.stamp; });
    if (network.cache && changed) write_cache_file(*network.cache, entries);

    LoadedContacts out;
    out.contacts.reserve(slugs.size());
    for (Loaded& each : loaded) {
        if (each.contact) out.contacts.push_back(std::move(*each.contact));
        if (each.problem) out.problems.push_back(std::move(*each.problem));
        if (!each.contact) out.unread.push_back(slugs[static_cast<std::size_t>(&each - loaded.data())]);
    }
    return out;
}

std::vector<std::string> check_network(const Network& network) {
    std::vector<std::string> problems;
    try {
        load_config(network);
    } catch (const Error& e) {
        problems.push_back(e.what());
    }
    const LoadedContacts loaded = load_contacts(network);
    for (const Error& e : loaded.problems)
        problems.push_back(e.what());

    std::map<std::string, const Contact*, std::less<>> by_slug;
    for (const Contact& c : loaded.contacts)
        by_slug.emplace(c.slug, &c);
    const auto exists = [&](const std::string& slug) {
        std::error_code ec;
        return by_slug.contains(slug) || (is_plain_stem(slug) && fs::is_regular_file(contact_path(network, slug), ec));
    };
    std::map<std::string, const Contact*> by_email;
    for (const Contact& c : loaded.contacts) {
        const std::string file = contact_file_name(c.slug);
        const auto problem = [&](std::size_t line, const std::string& what) {
            problems.push_back(fmt::format("{}:{}: {}", file, line, what));
        };
        if (!c.referred_by.empty() && !exists(c.referred_by))
            problem(c.referred_by_line, fmt::format("referred_by '{}' is not a contact", c.referred_by));
        for (const Event& e : c.events)
            for (const std::string& referral : e.referrals)
                if (!exists(referral)) problem(e.line, fmt::format("referral '{}' is not a contact", referral));
        const std::string expected = make_slug(c.name);
        const bool numbered = c.slug.starts_with(expected + "-") &&
                              c.slug.find_first_not_of("0123456789", expected.size() + 1) == std::string::npos;
        if (c.slug != expected && !numbered)
            problem(1, fmt::format("the file name does not match the name '{}' (expected {})", c.name,
                                   contact_file_name(expected)));
        if (!c.email.empty()) {
            const auto [first, fresh] = by_email.emplace(fold_case(c.email), &c);
            if (!fresh)
                problem(c.email_line,
                        fmt::format("email {} is also {}'s ({})", c.email, first->second->name, first->second->slug));
        }
    }

    // Conflict markers, wherever they are: the parse above passes over those
    // inside a multi-line string. A file that does not read is reported above.
    const std::vector<std::string> slugs = contact_slugs(network);
    std::vector<std::string> files = {std::string(config_file_name)};
    for (const std::string& slug : slugs)
        files.push_back(contact_file_name(slug));
    std::vector<std::vector<std::size_t>> marked(files.size());
    in_parallel(files.size(), [&](std::size_t i) {
        try {
            marked[i] = conflict_marker_lines(read_file(network.root / files[i], files[i]));
        } catch (const Error&) {
        }
    });
    for (std::size_t i = 0; i < files.size(); ++i)
        for (const std::size_t line : marked[i])
            problems.push_back(
                fmt::format("{}:{}:1: a git conflict marker: a merge was left unfinished here; keep "
                            "the lines you mean and remove the markers",
                            files[i], line));
    return problems;
}

std::vector<std::size_t> conflict_marker_lines(std::string_view text) {
    constexpr std::size_t marker_size = 7;
    std::vector<std::size_t> out;
    bool begins_or_ends = false;  // a <<<<<<< or >>>>>>> line: a lone ======= may be a Markdown heading
    std::size_t number = 1;
    for (std::size_t at = 0; at < text.size(); ++number) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = text.substr(at, end - at);
        if (line.size() >= marker_size && std::string_view("<|=>").find(line.front()) != std::string_view::npos &&
            line.find_first_not_of(line.front()) >= marker_size &&
            (line.size() == marker_size || std::isspace(static_cast<unsigned char>(line[marker_size])))) {
            out.push_back(number);
            begins_or_ends = begins_or_ends || line.front() == '<' || line.front() == '>';
        }
        at = end + 1;
    }
    if (!begins_or_ends) out.clear();
    return out;
}

std::vector<SharedFile> shared_files(const Network& network) {
    std::vector<SharedFile> out;
    // Which of group (S_IRWXG) and others (S_IRWXO) may pass through a folder.
    const auto passes = [](mode_t mode) {
        return static_cast<mode_t>(((mode & S_IXGRP) ? S_IRWXG : 0) | ((mode & S_IXOTH) ? S_IRWXO : 0));
    };
    // Whether `path` is a folder (or a regular file); if so and others may use
    // it, it is counted. Returns the classes that may pass through it (folders).
    const auto look = [&](const fs::path& path, std::string display, bool folder,
                          mode_t reach) -> std::optional<mode_t> {
        struct stat status {};
        if (::lstat(path.c_str(), &status) != 0 || (folder ? !S_ISDIR(status.st_mode) : !S_ISREG(status.st_mode)))
            return std::nullopt;
        if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0)
            out.push_back({path, std::move(display), static_cast<unsigned>(status.st_mode & 07777),
                           (status.st_mode & reach) != 0});
        return reach & passes(status.st_mode);
    };
    const auto root = look(network.root, network.root.string(), true, S_IRWXG | S_IRWXO);
    if (!root) return out;
    for (const std::string_view name :
         {config_file_name, std::string_view(".gitignore"), std::string_view(".gitattributes")})
        look(network.root / name, std::string(name), false, *root);
    for (const std::string folder : {"contacts", "templates"}) {
        const auto reach = look(network.root / folder, folder, true, *root);
        if (!reach) continue;
        std::vector<std::string> names;
        if (DIR* dir = ::opendir((network.root / folder).c_str())) {
            while (const dirent* entry = ::readdir(dir))
                names.emplace_back(entry->d_name);
            ::closedir(dir);
        }
        std::sort(names.begin(), names.end());
        for (const std::string& name : names)
            if (name != "." && name != "..") look(network.root / folder / name, folder + "/" + name, false, *reach);
    }
    return out;
}

}  // namespace kith
