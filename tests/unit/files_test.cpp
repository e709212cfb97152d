// The files module, driven through its interface in a temporary folder:
// atomic and compare-and-swap writes, what killed writers leave, private
// modes, the size cap, and the kinds of file refused.
#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <string>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "io/files.hpp"
#include "model/error.hpp"
#include "temp_network.hpp"

using namespace kith;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& path) {
    struct stat status {};
    REQUIRE(::lstat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

void put(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// A limit on the size of any file this process writes (ulimit -f), for as
// long as this lives: a write past it fails with EFBIG, as on a full disk.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &old_);
        old_signal_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = old_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, old_signal_);
    }

private:
    rlimit old_{};
    void (*old_signal_)(int);
};

}  // namespace

TEST_CASE("an atomic replace leaves the new bytes, or the old ones and no temporary when it fails half-way") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    const fs::path file = t.network.root / "kith.toml";
    const std::string old = read_file(file, "kith.toml");
    replace_file(lock, file, "new = 1\n", "kith.toml");
    CHECK(read_file(file, "kith.toml") == "new = 1\n");

    const std::string large(64 * 1024, 'x');
    {
        const FileSizeLimit limit(1024);  // the first kilobyte is written, then the disk is "full"
        CHECK_THROWS_WITH_AS(replace_file(lock, file, large, "kith.toml"), "cannot write 'kith.toml': File too large",
                             Error);
    }
    CHECK(read_file(file, "kith.toml") == "new = 1\n");
    CHECK_FALSE(fs::exists(t.network.root / ".kith-tmp"));
    replace_file(lock, file, old, "kith.toml");
    CHECK(read_file(file, "kith.toml") == old);
}

TEST_CASE("compare and swap replaces a file only while it holds the bytes expected") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    const fs::path file = t.network.root / "contacts" / "ann.toml";
    put(file, "name = \"Ann\"\n");
    CHECK_FALSE(replace_if_unchanged(lock, file, "name = \"Anne\"\n", "name = \"Ann B\"\n", "contacts/ann.toml"));
    CHECK(read_file(file, "ann") == "name = \"Ann\"\n");
    CHECK_FALSE(replace_if_unchanged(lock, t.network.root / "contacts" / "gone.toml", "", "x", "contacts/gone.toml"));
    CHECK_FALSE(fs::exists(t.network.root / "contacts" / "gone.toml"));
    CHECK(replace_if_unchanged(lock, file, "name = \"Ann\"\n", "name = \"Ann B\"\n", "contacts/ann.toml"));
    CHECK(read_file(file, "ann") == "name = \"Ann B\"\n");
}

TEST_CASE("a new file is never made over one that exists") {
    TempNetwork t;
    const NetworkLock lock(t.network);
    const fs::path file = t.network.root / "contacts" / "ann.toml";
    CHECK(create_file(lock, file, "one\n", "contacts/ann.toml"));
    CHECK_FALSE(create_file(lock, file, "two\n", "contacts/ann.toml"));
    CHECK(read_file(file, "ann") == "one\n");
}

TEST_CASE("the temporaries a killed writer left are removed by the next write, a live writer's never") {
    TempNetwork t;
    const fs::path temps = t.network.root / "contacts" / ".kith-tmp";
    fs::create_directory(temps);
    put(temps / ".ann.toml.tmp-AbCdEf", "left by a kill");
    put(t.network.root / "contacts" / ".mine", "a user's own hidden file");
    {
        const NetworkLock lock(t.network);
        CHECK(create_file(lock, t.network.root / "contacts" / "ann.toml", "name = \"Ann\"\n", "contacts/ann.toml"));
    }
    CHECK_FALSE(fs::exists(temps));
    CHECK(fs::exists(t.network.root / "contacts" / ".mine"));

    // Outside the lock (the cache): only this target's, and only those a minute old.
    const fs::path cache = t.root / "cache";
    const fs::path old = t.root / ".cache.tmp-AbC123", fresh = t.root / ".cache.tmp-XyZ789",
                   other = t.root / ".other.tmp-AbC123";
    for (const fs::path& each : {old, fresh, other})
        put(each, "x");
    const timeval two_minutes_ago[2] = {{::time(nullptr) - 120, 0}, {::time(nullptr) - 120, 0}};
    REQUIRE(::utimes(old.c_str(), two_minutes_ago) == 0);
    REQUIRE(::utimes(other.c_str(), two_minutes_ago) == 0);
    const std::int64_t now_ns = std::int64_t{::time(nullptr)} * 1'000'000'000;
    replace_file(cache, "bytes", "cache", OutsideTheLock{.now_ns = now_ns, .durable = false});
    CHECK(read_file(cache, "cache") == "bytes");
    CHECK_FALSE(fs::exists(old));
    CHECK(fs::exists(fresh));
    CHECK(fs::exists(other));
}

TEST_CASE("folders are made 0700 and new files 0600, and a replaced file keeps its mode") {
    TempNetwork t;
    make_folders(t.root / "a" / "b");
    CHECK(mode_of(t.root / "a") == 0700);
    CHECK(mode_of(t.root / "a" / "b") == 0700);
    const NetworkLock lock(t.network);
    make_folder(lock, t.network.root / "templates", "templates/");
    CHECK(mode_of(t.network.root / "templates") == 0700);
    const fs::path file = t.network.root / "contacts" / "ann.toml";
    REQUIRE(create_file(lock, file, "name = \"Ann\"\n", "contacts/ann.toml"));
    CHECK(mode_of(file) == 0600);
    REQUIRE(::chmod(file.c_str(), 0640) == 0);
    replace_file(lock, file, "name = \"Ann B\"\n", "contacts/ann.toml");
    CHECK(mode_of(file) == 0640);
    replace_file(t.root / "cache", "bytes", "cache", OutsideTheLock{});
    CHECK(mode_of(t.root / "cache") == 0600);
}

TEST_CASE("a file is read up to 16 MiB, and no further") {
    TempNetwork t;
    put(t.root / "full", std::string(largest_file, 'x'));
    CHECK(read_file(t.root / "full", "full").size() == largest_file);
    put(t.root / "big", std::string(largest_file + 1, 'x'));
    CHECK_THROWS_WITH_AS(read_file(t.root / "big", "big"), "cannot read 'big': it is larger than 16 MiB", Error);
}

TEST_CASE("a FIFO is never read as a network file, and a symbolic link is never written through") {
    TempNetwork t;
    const fs::path fifo = t.network.root / "contacts" / "fifo.toml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS(read_file(fifo, "contacts/fifo.toml"),
                         "cannot read 'contacts/fifo.toml': it is not a regular file (a FIFO)", Error);
    CHECK_THROWS_WITH_AS(read_stamped(fifo.c_str(), "contacts/fifo.toml"),
                         "cannot read 'contacts/fifo.toml': it is not a regular file (a FIFO)", Error);

    put(t.root / "outside", "keep");
    const fs::path link = t.network.root / "contacts" / "eve.toml";
    fs::create_symlink(t.root / "outside", link);
    const NetworkLock lock(t.network);
    CHECK_THROWS_WITH_AS(replace_file(lock, link, "x", "contacts/eve.toml"),
                         "cannot write 'contacts/eve.toml': it is a symbolic link; kith writes only to regular files",
                         Error);
    CHECK_THROWS_WITH_AS(replace_file(lock, fifo, "x", "contacts/fifo.toml"),
                         "cannot write 'contacts/fifo.toml': it is not a regular file", Error);
    CHECK(read_file(t.root / "outside", "outside") == "keep");
    CHECK(fs::is_symlink(link));
}

TEST_CASE("an edit copy is private, beside the file, and gone when done unless kept") {
    TempNetwork t;
    const fs::path folder = t.network.root / "contacts";
    fs::path kept;
    {
        const EditCopy copy(folder, "ann", "name = \"Ann\"\n");
        CHECK(copy.path().parent_path() == folder);
        CHECK(copy.path().filename().string().starts_with(".ann.edit-"));
        CHECK(copy.path().filename().string().ends_with(".toml"));
        CHECK(mode_of(copy.path()) == 0600);
        CHECK(copy.read() == "name = \"Ann\"\n");
        kept = copy.path();
    }
    CHECK_FALSE(fs::exists(kept));
    {
        EditCopy copy(folder, "ann", "name = \"Ann\"\n");
        copy.write("name = \"Ann B\"\n");
        copy.keep();
        kept = copy.path();
    }
    CHECK(fs::exists(kept));
    put(folder / ".ann.edit-AbCdEf.toml", "name = \"Ann\"\n");  // holds nothing new
    CHECK(clear_leftover_edit_copies(folder, "ann", "name = \"Ann\"\n") ==
          std::vector<std::string>{kept.filename().string()});
    CHECK_FALSE(fs::exists(folder / ".ann.edit-AbCdEf.toml"));
    CHECK(fs::exists(kept));
}
