// The byte-level rules of the output formats: RFC 5545 escaping and folding,
// TSV's one line per reminder, text made visible for a terminal.
#include <doctest/doctest.h>

#include <sstream>

#include "formats/render.hpp"

using namespace kith;
using namespace date::literals;

TEST_CASE("ics text escapes backslash, semicolon, comma and newline") {
    CHECK(ics_escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf");
    CHECK(ics_escape("bell\a tab\t") == "bell  tab\t");
}

TEST_CASE("ics lines fold at 75 octets with CRLF and a space, never inside a UTF-8 character") {
    CHECK(ics_fold("SHORT") == "SHORT\r\n");
    const std::string long_line(200, 'x');
    const std::string folded = ics_fold(long_line);
    std::size_t start = 0, lines = 0;
    while (start < folded.size()) {
        const std::size_t end = folded.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        if (lines++ > 0) CHECK(folded[start] == ' ');
        start = end + 2;
    }
    CHECK(lines == 3);
    // 74 ASCII octets, then a 4-octet emoji that would straddle the limit.
    const std::string emoji_line = std::string(74, 'a') + "🎉b";
    CHECK(ics_fold(emoji_line) == std::string(74, 'a') + "\r\n 🎉b\r\n");
}

TEST_CASE("tsv puts one reminder on one line, tabs and newlines inside fields become spaces") {
    Reminder r;
    r.rule = Rule::share_news;
    r.contact = "ann";
    r.name = "Ann\tLee";
    r.from = r.due = date::local_days{2026_y / 11 / 16};
    r.message = "Tell them: \"line one\nline two\"";
    const Reminder reminders[] = {r};
    std::ostringstream out;
    render_due(out, reminders, DueFormat::tsv, date::local_days{2026_y / 11 / 20}, {});
    CHECK(out.str() == "2026-11-16\toverdue\tshare-news\tann\tAnn Lee\tTell them: \"line one line two\"\n");
}

TEST_CASE("text prints nothing at all when nothing is due") {
    std::ostringstream out;
    render_due(out, {}, DueFormat::text, date::local_days{2026_y / 11 / 20}, {.color = true});
    CHECK(out.str().empty());
}

TEST_CASE("due text for a terminal shows the name's and message's control characters, inside kith's own colour") {
    Reminder r;
    r.rule = Rule::follow_up;
    r.contact = "eve";
    r.name = "Eve \x1b]52;c;eA==\x07";
    r.from = r.due = date::local_days{2026_y / 11 / 20};
    r.message = "Say hi\x1b[8m \xe2\x80\xae\tThen: kith follow-up eve";
    const Reminder reminders[] = {r};
    const auto text = [&](TextStyle style) {
        std::ostringstream out;
        render_due(out, reminders, DueFormat::text, date::local_days{2026_y / 11 / 20}, style);
        return out.str();
    };
    CHECK(text({.visible = true}) ==
          "Due\n  2026-11-20  follow-up      Eve ^[]52;c;eA==^G: Say hi^[[8m <U+202E> Then: kith follow-up eve\n");
    CHECK(text({.color = true, .visible = true}).find("\x1b[1mEve ^[]52;c;eA==^G\x1b[0m: Say hi^[[8m <U+202E> Then") !=
          std::string::npos);
    // Elsewhere, as ever: control characters as spaces, the rest as it is.
    CHECK(text({}) ==
          "Due\n  2026-11-20  follow-up      Eve  ]52;c;eA== : Say hi [8m \xe2\x80\xae Then: kith follow-up eve\n");
}
