// The floor of the benchmarks: reads every file of a kith network once
// (kith.toml and each contacts/*.toml), whole, one after another, and does
// nothing with the bytes but count them. No program that must look at every
// contact can do less.
//   bench_read_all NETWORK
#include <cstdio>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace {

long read_whole(const std::string& path, std::vector<char>& buffer) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    long total = 0;
    for (ssize_t n; (n = ::read(fd, buffer.data(), buffer.size())) > 0;)
        total += n;
    ::close(fd);
    return total;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_read_all NETWORK\n");
        return 2;
    }
    const std::string root = argv[1];
    std::vector<char> buffer(1 << 16);
    long bytes = read_whole(root + "/kith.toml", buffer);
    long files = 1;
    DIR* dir = ::opendir((root + "/contacts").c_str());
    if (bytes < 0 || !dir) {
        std::perror(root.c_str());
        return 1;
    }
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name.size() <= 5 || name.front() == '.' || name.compare(name.size() - 5, 5, ".toml") != 0) continue;
        const long n = read_whole(root + "/contacts/" + name, buffer);
        if (n < 0) {
            std::perror(name.c_str());
            return 1;
        }
        bytes += n;
        ++files;
    }
    ::closedir(dir);
    std::printf("%ld files, %ld bytes\n", files, bytes);
    return 0;
}
