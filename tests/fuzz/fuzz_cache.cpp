// libFuzzer: any bytes as kith's contact cache (a file outside the network
// that anything could have written). It must read as a cache or as none, and
// each entry must decode to a contact or throw Error(data); anything else (a
// crash, another exception, a sanitizer report) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/contact_cache.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const kith::CacheEntry& entry : kith::read_cache(text)) {
        try {
            (void)kith::decode_contact(entry.contact, entry.slug);
        } catch (const kith::Error& e) {
            if (e.status() != kith::Exit::data) __builtin_trap();
        }
    }
    return 0;
}
