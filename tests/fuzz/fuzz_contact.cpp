// libFuzzer: any bytes as a contact file. A file kith cannot read must be an
// Error(data) naming where; anything else (a crash, another exception, a
// sanitizer report) is a finding. What reads is also put in order and staged,
// and must come back from the cache's bytes as it was.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/contact_cache.hpp"
#include "formats/contact_file.hpp"
#include "io/cache.hpp"
#include "model/contact.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const kith::Contact contact = kith::parse_contact(text, "contacts/fuzz.toml", "fuzz");
        (void)kith::stage_of(contact, kith::Date{date::year{2026} / 11 / 23});  // puts its events in order
        if (kith::decode_contact(kith::encode_contact(contact), "fuzz") != contact) __builtin_trap();
    } catch (const kith::Error& e) {
        if (e.status() != kith::Exit::data) __builtin_trap();
    }
    return 0;
}
