// libFuzzer: any bytes as a date, a time or a duration typed on the command
// line. Each either parses or is an Error(usage); a parsed date prints back
// as a date that parses to the same day.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const kith::DateTime now = kith::at_start_of(kith::Date{date::year{2026} / 11 / 23});
    for (const kith::Direction direction : {kith::Direction::past, kith::Direction::future}) {
        std::optional<kith::DateTime> when;
        try {
            when = kith::parse_when(text, now, direction);
        } catch (const kith::Error& e) {
            if (e.status() != kith::Exit::usage) __builtin_trap();
        }
        // outside the try: what was accepted must print back as a date that reads, to the same day
        if (when && kith::parse_when(kith::format_date(when->day()), now, direction).day() != when->day())
            __builtin_trap();
    }
    for (const bool allow_never : {false, true}) {
        std::optional<kith::Duration> span;
        try {
            span = kith::parse_duration(text, allow_never);
        } catch (const kith::Error& e) {
            if (e.status() != kith::Exit::usage) __builtin_trap();
        }
        if (span) {
            const kith::Duration again = kith::parse_duration(kith::format_duration(*span), allow_never);
            if (again.never != span->never || again.length != span->length) __builtin_trap();
        }
    }
    return 0;
}
