// Dates, times and durations as people write them (SPEC §3).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "model/date.hpp"
#include "model/error.hpp"

using namespace kith;
using namespace date::literals;

namespace {

// Monday 2026-11-23, 09:30.
const DateTime monday_morning{date::local_days{2026_y / 11 / 23} + std::chrono::hours{9} + std::chrono::minutes{30},
                              true, std::nullopt};

std::string when(std::string_view text, Direction direction = Direction::past) {
    return format_when(parse_when(text, monday_morning, direction));
}

std::string usage_error(std::string_view text) {
    try {
        parse_when(text, monday_morning, Direction::past);
    } catch (const Error& e) {
        CHECK(e.status() == Exit::usage);
        return e.what();
    }
    FAIL("no error for '" << text << "'");
    return {};
}

}  // namespace

TEST_CASE("every date form of SPEC §3 reads as the day it names") {
    const struct {
        std::string_view text;
        std::string_view expected;
    } cases[] = {
        {"2026-11-22", "2026-11-22"},
        {"2026-11-22T15:00", "2026-11-22 15:00"},
        {"2026-11-22 15:00", "2026-11-22 15:00"},
        {"2026-11-22 15:00:30", "2026-11-22 15:00:30"},
        {"2024-02-29", "2024-02-29"},
        {"today", "2026-11-23"},
        {"TODAY", "2026-11-23"},
        {"yesterday", "2026-11-22"},
        {"tomorrow", "2026-11-24"},
        {"-3d", "2026-11-20"},
        {"+2w", "2026-12-07"},
        {"+1m", "2026-12-23"},
        {"-1m", "2026-10-24"},
        {"+0d", "2026-11-23"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(when(c.text) == c.expected);
    }
}

TEST_CASE("a day in words can take a time of day") {
    CHECK(when("tomorrow 15:00") == "2026-11-24 15:00");
    CHECK(when("thu 09:30", Direction::future) == "2026-11-26 09:30");
    CHECK(when("+3d 14:00") == "2026-11-26 14:00");
    CHECK(usage_error("tomorrow 25:00") == "invalid time 'tomorrow 25:00': hours run from 00 to 23");
    CHECK(usage_error("soon 15:00").find("expected YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("a weekday name means the most recent one for --date, today included") {
    CHECK(when("mon") == "2026-11-23");
    CHECK(when("sun") == "2026-11-22");
    CHECK(when("tue") == "2026-11-17");
    CHECK(when("Friday") == "2026-11-20");
}

TEST_CASE("a weekday name means the next one, strictly after today, for a plan") {
    CHECK(when("mon", Direction::future) == "2026-11-30");
    CHECK(when("tue", Direction::future) == "2026-11-24");
    CHECK(when("sun", Direction::future) == "2026-11-29");
    CHECK(when("thursday", Direction::future) == "2026-11-26");
}

TEST_CASE("relative and named days carry no time of day, a date-time keeps its time") {
    CHECK_FALSE(parse_when("today", monday_morning, Direction::past).has_time);
    CHECK_FALSE(parse_when("-3d", monday_morning, Direction::past).has_time);
    CHECK(parse_when("2026-11-22 15:00", monday_morning, Direction::past).has_time);
    CHECK(parse_when("now", monday_morning, Direction::past).has_time);
}

TEST_CASE("impossible dates are errors that say what is wrong, never adjusted") {
    CHECK(usage_error("2026-02-30") == "invalid date '2026-02-30': February 2026 has no day 30");
    CHECK(usage_error("2026-02-29") == "invalid date '2026-02-29': February 2026 has no day 29");
    CHECK(usage_error("2026-13-01") == "invalid date '2026-13-01': there is no month 13");
    CHECK(usage_error("2026-00-10") == "invalid date '2026-00-10': there is no month 0");
    CHECK(usage_error("2026-04-31") == "invalid date '2026-04-31': April 2026 has no day 31");
    CHECK(usage_error("2026-11-22 25:00") == "invalid time '2026-11-22 25:00': hours run from 00 to 23");
    CHECK(usage_error("2026-11-22T10:60") == "invalid time '2026-11-22T10:60': minutes and seconds run from 00 to 59");
}

TEST_CASE("garbage is an error listing the forms kith reads") {
    for (std::string_view text : {"", "soon", "2026-1-1", "2026/11/22", "22-11-2026", "+3", "3d", "+3x", "-3h", "+-3d",
                                  "2026-11-22x", "2026-11-22 3pm", "2026-11-22T15"}) {
        CAPTURE(text);
        const std::string message = usage_error(text);
        CHECK(message.find("expected YYYY-MM-DD") != std::string::npos);
    }
}

TEST_CASE("relative dates that leave the years 1 to 9999 are refused, even where a year would wrap") {
    // -3111114m is 255,000 years back: beyond date's year (a short), where it
    // once wrapped into a year inside the range (found by fuzz_dates)
    for (std::string_view text : {"+9999999m", "-3111114m", "+3111114m", "-2000000w", "-999999d", "-809999d",
                                  "0000-01-01", "0000-01-01 10:00", "0000-12-31T23:59"}) {
        CAPTURE(text);
        CHECK(usage_error(text) == fmt::format("invalid date '{}': it falls outside the years 1 to 9999", text));
    }
}

TEST_CASE("durations: a whole number and a unit, m being 30 days") {
    CHECK(parse_duration("36h", false).length == std::chrono::hours{36});
    CHECK(parse_duration("14d", false).length == std::chrono::hours{14 * 24});
    CHECK(parse_duration("2w", false).length == std::chrono::hours{14 * 24});
    CHECK(parse_duration("3m", false).length == std::chrono::hours{90 * 24});
    CHECK(parse_duration("0d", false).length == std::chrono::hours{0});
    CHECK(parse_duration("never", true).never);
}

TEST_CASE("a duration longer than a century is refused before it can leave the calendar") {
    CHECK(parse_duration("1200m", false).length == std::chrono::hours{1200 * 30 * 24});
    CHECK_THROWS_WITH(parse_duration("9999999m", false), "invalid duration '9999999m': longer than 100 years");
    CHECK_THROWS_WITH(parse_duration("99999w", true), "invalid duration '99999w': longer than 100 years");
}

TEST_CASE("bad durations are usage errors") {
    for (std::string_view text : {"", "14", "d", "14x", "-1d", "1.5d", "14 d", "never", "NEVER", "99999999d"}) {
        CAPTURE(text);
        CHECK_THROWS_AS(parse_duration(text, false), Error);
    }
    CHECK_THROWS_WITH(parse_duration("soon", true),
                      "invalid duration 'soon': expected a whole number and a unit h, d, w or m (as in 36h, 14d, "
                      "2w, 3m), or never");
}

TEST_CASE("adding a duration moves the date and time, the result's calendar day is what counts") {
    // SPEC §5: with thank_within = "24h" a meeting on 2026-11-20 is due 2026-11-21,
    // and with "36h" a meeting at 2026-11-20T23:30 is due 2026-11-22.
    const DateTime meeting_day = at_start_of(date::local_days{2026_y / 11 / 20});
    CHECK(format_date((meeting_day + parse_duration("24h", false)).day()) == "2026-11-21");
    const DateTime late = {date::local_days{2026_y / 11 / 20} + std::chrono::hours{23} + std::chrono::minutes{30}, true,
                           std::nullopt};
    CHECK(format_date((late + parse_duration("36h", false)).day()) == "2026-11-22");
}

TEST_CASE("durations print as the user wrote them") {
    CHECK(format_duration(parse_duration("3m", false)) == "3m");
    CHECK(format_duration(parse_duration("2w", false)) == "2w");
}

TEST_CASE("durations made by kith print in whole days, else hours") {
    const auto made = [](int hours) { return format_duration(Duration{std::chrono::hours{hours}}); };
    CHECK(made(36) == "36h");
    CHECK(made(48) == "2d");
    CHECK(made(14 * 24) == "14d");
}

TEST_CASE("never prints as never") {
    CHECK(format_duration(parse_duration("never", true)) == "never");
}
