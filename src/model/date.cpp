// Parsing and printing of days, times and durations (SPEC §3).
#include "model/date.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <locale>
#include <sstream>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

constexpr std::string_view date_forms =
    "expected YYYY-MM-DD, YYYY-MM-DD HH:MM, today, yesterday, tomorrow, "
    "-3d, +2w, +1m or a weekday (mon ... sun), each optionally followed by HH:MM";

// Reads exactly `width` digits at `pos`, or nothing.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    int value = 0;
    auto first = text.data() + pos;
    auto [end, ec] = std::from_chars(first, first + width, value);
    if (ec != std::errc() || end != first + width) return std::nullopt;
    for (std::size_t i = 0; i < width; ++i)
        if (first[i] < '0' || first[i] > '9') return std::nullopt;
    return value;
}

// "2026-11-22", with an error for a day the calendar does not have.
std::optional<Date> parse_day(std::string_view text, std::string_view whole) {
    auto y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (text.size() != 10 || !y || !m || !d || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (*m < 1 || *m > 12) throw Error(Exit::usage, fmt::format("invalid date '{}': there is no month {}", whole, *m));
    date::year_month_day ymd{date::year{*y}, date::month(static_cast<unsigned>(*m)),
                             date::day(static_cast<unsigned>(*d))};
    if (!ymd.ok())
        throw Error(Exit::usage, fmt::format("invalid date '{}': {} has no day {}", whole,
                                             date::format("%B %Y", ymd.year() / ymd.month()), *d));
    return date::local_days{ymd};
}

// "15:00" or "15:00:30".
std::optional<std::chrono::seconds> parse_time(std::string_view text, std::string_view whole) {
    auto h = digits(text, 0, 2), m = digits(text, 3, 2);
    if ((text.size() != 5 && text.size() != 8) || !h || !m || text[2] != ':') return std::nullopt;
    int s = 0;
    if (text.size() == 8) {
        auto sec = digits(text, 6, 2);
        if (text[5] != ':' || !sec) return std::nullopt;
        s = *sec;
    }
    if (*h > 23) throw Error(Exit::usage, fmt::format("invalid time '{}': hours run from 00 to 23", whole));
    if (*m > 59 || s > 59)
        throw Error(Exit::usage, fmt::format("invalid time '{}': minutes and seconds run from 00 to 59", whole));
    return std::chrono::hours{*h} + std::chrono::minutes{*m} + std::chrono::seconds{s};
}

std::optional<date::weekday> parse_weekday(std::string_view word) {
    static constexpr std::array<std::string_view, 7> names = {"sunday",   "monday", "tuesday", "wednesday",
                                                              "thursday", "friday", "saturday"};
    for (unsigned i = 0; i < names.size(); ++i) {
        if (word == names[i] || (word.size() == 3 && names[i].substr(0, 3) == word)) return date::weekday{i};
    }
    return std::nullopt;
}

// A whole number of units, guarded so that no arithmetic can overflow.
std::optional<std::int64_t> count(std::string_view text) {
    std::int64_t n = 0;
    if (text.empty() || text.size() > 7) return std::nullopt;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

std::optional<std::chrono::hours> unit_length(char unit) {
    switch (unit) {
        case 'h': return std::chrono::hours{1};
        case 'd': return std::chrono::hours{24};
        case 'w': return std::chrono::hours{24 * 7};
        case 'm': return std::chrono::hours{24 * 30};
        default: return std::nullopt;
    }
}

// Compared as days, never as a year_month_day: date's year holds only
// -32767 to 32767, so a day further off would wrap into a year that looks fine.
Date checked(Date day, std::string_view whole) {
    constexpr Date first = date::local_days{date::year{1} / 1 / 1};
    constexpr Date last = date::local_days{date::year{9999} / 12 / 31};
    if (day < first || day > last)
        throw Error(Exit::usage, fmt::format("invalid date '{}': it falls outside the years 1 to 9999", whole));
    return day;
}

}  // namespace

DateTime at_start_of(Date day) {
    return DateTime{date::local_seconds{day}, false, std::nullopt};
}

DateTime parse_when(std::string_view text, const DateTime& now, Direction direction) {
    const Date today = now.day();
    // "tomorrow 15:00", "thu 09:30", "+3d 14:00": a day in words, then a time.
    if (const auto space = text.rfind(' ');
        space != std::string_view::npos && space > 0 && !digits(text, 0, 4).has_value()) {
        if (auto time = parse_time(text.substr(space + 1), text)) {
            const DateTime day = parse_when(text.substr(0, space), now, direction);
            if (!day.has_time) return DateTime{day.local + *time, true, std::nullopt};
        }
    }
    const std::string word = ascii_lowercase(text);
    if (word == "now") return now;
    if (word == "today") return at_start_of(today);
    if (word == "yesterday") return at_start_of(today - date::days{1});
    if (word == "tomorrow") return at_start_of(today + date::days{1});

    if (auto wd = parse_weekday(word)) {
        const date::weekday this_day{today};
        if (direction == Direction::past) return at_start_of(today - (this_day - *wd));
        return at_start_of(today + date::days{1} + (*wd - (this_day + date::days{1})));
    }

    if (!word.empty() && (word[0] == '+' || word[0] == '-')) {
        auto n = count(std::string_view(word).substr(1, word.size() - 2));
        auto unit = unit_length(word.back());
        if (!n || *n < 0 || !unit || word.back() == 'h')
            throw Error(Exit::usage, fmt::format("invalid date '{}': {}", text, date_forms));
        auto days = date::floor<date::days>(*n * *unit);
        return at_start_of(checked(word[0] == '+' ? today + days : today - days, text));
    }

    if (text.size() >= 10) {
        if (auto day = parse_day(text.substr(0, 10), text)) {
            if (text.size() == 10) return at_start_of(checked(*day, text));
            if (text[10] == 'T' || text[10] == 't' || text[10] == ' ') {
                if (auto time = parse_time(text.substr(11), text))
                    return DateTime{date::local_seconds{checked(*day, text)} + *time, true, std::nullopt};
            }
        }
    }
    throw Error(Exit::usage, fmt::format("invalid date '{}': {}", text, date_forms));
}

Duration parse_duration(std::string_view text, bool allow_never) {
    if (allow_never && text == "never") return Duration{std::chrono::hours{0}, true, "never"};
    std::optional<std::int64_t> n;
    std::optional<std::chrono::hours> unit;
    if (!text.empty()) {
        n = count(text.substr(0, text.size() - 1));
        unit = unit_length(text.back());
    }
    // A century is longer than any job search: past it, dates leave the calendar.
    constexpr std::chrono::hours longest{100 * 366 * 24};
    if (n && unit && *n >= 0 && *n * *unit > longest)
        throw Error(Exit::usage, fmt::format("invalid duration '{}': longer than 100 years", text));
    if (!n || !unit || *n < 0)
        throw Error(Exit::usage, fmt::format("invalid duration '{}': expected a whole number and a unit h, d, w "
                                             "or m (as in 36h, 14d, 2w, 3m){}",
                                             text, allow_never ? ", or never" : ""));
    return Duration{*n * *unit, false, std::string(text)};
}

DateTime operator+(const DateTime& from, const Duration& span) {
    DateTime out = from;
    out.local += span.length;
    out.has_time = from.has_time || span.length % std::chrono::hours{24} != std::chrono::hours{0};
    return out;
}

DateTime operator-(const DateTime& from, const Duration& span) {
    return from + Duration{-span.length, span.never, {}};
}

// g++ 12 sees date.h's from_stream, inlined here, read a seconds field that
// "%d %b %Y" never sets; it is only read when the format has one.
#pragma GCC diagnostic push
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
std::optional<Date> parse_date_as(std::string_view text, const char* format) {
    std::istringstream in{std::string(text)};
    in.imbue(std::locale::classic());
    date::year_month_day day;
    in >> date::parse(format, day);
    if (!in || in.peek() != std::char_traits<char>::eof() || !day.ok()) return std::nullopt;
    return Date{day};
}
#pragma GCC diagnostic pop

// ISO 8601 from date's calendar fields through fmt: date::format would build
// an ostream and imbue a locale for each one, a third of a 10,000-line report.
std::string format_date(Date day) {
    const date::year_month_day ymd{day};
    return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string format_when(const DateTime& when) {
    if (!when.has_time) return format_date(when.day());
    const date::hh_mm_ss clock{when.local - date::local_seconds{when.day()}};
    auto text = fmt::format("{} {:02}:{:02}", format_date(when.day()), clock.hours().count(), clock.minutes().count());
    if (clock.seconds().count() != 0) text += fmt::format(":{:02}", clock.seconds().count());
    if (when.offset) {
        auto minutes = when.offset->count();
        text += minutes == 0 ? std::string("Z")
                             : fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60,
                                           std::abs(minutes) % 60);
    }
    return text;
}

std::string format_duration(const Duration& span) {
    if (!span.spelling.empty()) return span.spelling;
    if (span.never) return "never";
    auto hours = span.length.count();
    if (hours % 24 == 0) return fmt::format("{}d", hours / 24);
    return fmt::format("{}h", hours);
}

}  // namespace kith
