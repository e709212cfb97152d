// The bytes of the cache of parsed contact files, so that a report need not parse every
// file on every run: for each file, the stamp its inode had when it was read
// (device, inode, size, modification and change times) and the Contact it
// parsed to. A file whose stamp differs in any way is parsed again; the
// change time cannot be set by any program, so an edit is never missed.
// The cache is a file of its own outside the network (the CLI puts it under
// $XDG_CACHE_HOME), only ever a copy of what the files say.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/contact.hpp"

namespace kith {

// What identifies one version of a file, from fstat (files.hpp's stamp_of_path).
struct FileStamp {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0;
    std::int64_t changed_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

// Whether a file stamped at `stamp` may be cached at `now_ns` (nanoseconds
// since the epoch): only once its change time is two seconds old, more than
// any file system's timestamp granularity, so that a second edit within the
// same tick as the first cannot leave the same stamp on other bytes.
bool settled(const FileStamp& stamp, std::int64_t now_ns);

// One file in the cache: its slug, its stamp, and the encoded Contact.
struct CacheEntry {
    std::string slug;
    FileStamp stamp;
    std::string_view contact;  // encode_contact's bytes, inside the cache text
};

// A contact as bytes, and back. decode_contact throws Error(data) on bytes
// it did not write; the slug is not in the bytes.
std::string encode_contact(const Contact& contact);
Contact decode_contact(std::string_view bytes, std::string slug);

// The whole cache file: a header naming this build's format, then the
// entries, sorted by slug. read_cache returns no entries for a file that is
// not such a cache (another version, cut short, anything else), so that the
// files are simply read again; the entries point into `text`.
std::string write_cache(std::span<const CacheEntry> entries);
std::vector<CacheEntry> read_cache(std::string_view text);

}  // namespace kith
