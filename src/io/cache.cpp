// The cache's file, read in place and written through the files module.
#include "io/cache.hpp"

#include "model/error.hpp"

namespace kith {

namespace {

// The cache's file to map: none without a cache, or in a folder others could write.
const char* trusted_cache_file(const std::optional<ContactCache>& cache) {
    return cache && trusted_folder(cache->file.parent_path()) ? cache->file.c_str() : nullptr;
}

}  // namespace

CacheFile::CacheFile(const std::optional<ContactCache>& cache)
    : file_(trusted_cache_file(cache)), entries_(read_cache(file_.text())) {}

void write_cache_file(const ContactCache& cache, std::span<const CacheEntry> entries) {
    const std::filesystem::path folder = cache.file.parent_path();
    try {
        make_folders(folder);                 // each made private, as the network's are
        if (!trusted_folder(folder)) return;  // what is written there could be changed by others
        // Reports write the cache without the network's lock, each through a
        // temporary of its own; one a minute old was left by a report that was killed.
        replace_file(cache.file, write_cache(entries), cache.file.string(),
                     OutsideTheLock{.now_ns = cache.now_ns, .durable = false});
    } catch (const Error&) {
    }
}

}  // namespace kith
