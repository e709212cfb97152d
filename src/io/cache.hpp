// The file that holds the cache of a network's parsed contacts (network.hpp's
// ContactCache; its bytes are contact_cache.hpp's): read in place, written anew.
#pragma once

#include <span>
#include <vector>

#include "formats/contact_cache.hpp"
#include "io/files.hpp"
#include "io/network.hpp"

namespace kith {

// The cache's entries, read from its file mapped into memory for as long as
// this lives; none when there is no cache, or one others could have written.
class CacheFile {
public:
    explicit CacheFile(const std::optional<ContactCache>& cache);
    const std::vector<CacheEntry>& entries() const { return entries_; }

private:
    MappedFile file_;
    std::vector<CacheEntry> entries_;
};

// Writes the cache anew beside where it was, so that a reader never meets
// half of it. A cache that cannot be written is no loss: the files are read
// again next time.
void write_cache_file(const ContactCache& cache, std::span<const CacheEntry> entries);

}  // namespace kith
