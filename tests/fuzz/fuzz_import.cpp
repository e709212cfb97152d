// libFuzzer: any bytes as a vCard file and as LinkedIn's Connections.csv.
// Each either is refused whole with Error(usage) or gives entries, each a
// contact or a reason; a vCard contact, written and read again, keeps its fields.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "formats/linkedin.hpp"
#include "formats/vcard.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const kith::DateTime now = kith::at_start_of(kith::Date{date::year{2026} / 11 / 23});
    try {
        for (const kith::ImportedEntry& entry : kith::read_vcards(text, "fuzz.vcf", now)) {
            if (!entry.contact) continue;
            std::ostringstream out;
            kith::write_vcard(out, *entry.contact);
            const auto again = kith::read_vcards(out.str(), "again.vcf", now);
            if (again.size() != 1 || !again[0].contact || again[0].contact->name != entry.contact->name ||
                again[0].contact->email != entry.contact->email || again[0].contact->tags != entry.contact->tags)
                __builtin_trap();
        }
    } catch (const kith::Error& e) {
        if (e.status() != kith::Exit::usage) __builtin_trap();
    }
    try {
        (void)kith::read_linkedin_connections(text, "fuzz.csv", now.day());
    } catch (const kith::Error& e) {
        if (e.status() != kith::Exit::usage) __builtin_trap();
    }
    return 0;
}
