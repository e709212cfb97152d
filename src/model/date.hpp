// Days, times and durations, and the many ways a person writes them (SPEC §3).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace kith {

// A calendar day, as written: no time zone attached.
using Date = date::local_days;

// When something happened, as written in a file or on the command line.
struct DateTime {
    date::local_seconds local;                   // 00:00 when only a day is written
    bool has_time = false;                       // false: a bare date
    std::optional<std::chrono::minutes> offset;  // UTC offset, when one was written

    Date day() const { return date::floor<date::days>(local); }
    bool operator==(const DateTime&) const = default;
};

// A span of time from the policy or a cadence: "36h", "14d", "2w", "3m" or "never".
struct Duration {
    std::chrono::hours length{0};
    bool never = false;
    std::string spelling{};  // as the user wrote it ("3m"), when parsed

    bool operator==(const Duration&) const = default;
};

// Which way a weekday name points: the most recent one (today included) for
// when something happened, the next one (strictly after today) for plans.
enum class Direction { past, future };

// A day with no time of day.
DateTime at_start_of(Date day);

// Parses "2026-11-22", "2026-11-22T15:00", "2026-11-22 15:00[:ss]", "today",
// "yesterday", "tomorrow", "-3d", "+2w", "+1m" and weekday names, relative to
// `now`. Throws Error(usage) naming what is wrong, never adjusts a bad date.
DateTime parse_when(std::string_view text, const DateTime& now, Direction direction);

// Parses a duration: an integer and a unit h, d, w or m (30 days), or "never"
// when `allow_never`. Throws Error(usage).
Duration parse_duration(std::string_view text, bool allow_never);

// `from` moved forward, or back, by `span` (which must not be never).
DateTime operator+(const DateTime& from, const Duration& span);
DateTime operator-(const DateTime& from, const Duration& span);

// A day written as `format` (date::parse's, read in the C locale: "%d %b %Y"
// for "21 Nov 2026"), the whole of `text`; none when it is not, or the
// calendar has no such day.
std::optional<Date> parse_date_as(std::string_view text, const char* format);

// "2026-11-22"
std::string format_date(Date day);
// "2026-11-22" or "2026-11-22 15:00", as a person reads it.
std::string format_when(const DateTime& when);
// As the user wrote it; else "14d", "36h", "never": whole days in days, else hours.
std::string format_duration(const Duration& span);

}  // namespace kith
