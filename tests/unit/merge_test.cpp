// Merging two sides' versions of a network file, a table at a time.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "formats/contact_file.hpp"
#include "formats/merge.hpp"
#include "formats/toml_text.hpp"
#include "model/contact.hpp"
#include "model/error.hpp"

using namespace kith;

namespace {

const std::string header = "name = \"Ann Lee\"\nadded = 2026-11-01\n";
const std::string requested = "[[event]]\ntype = \"requested\"\ndate = 2026-11-02\n";

std::string note(const std::string& text) {
    return "[[event]]\ntype = \"note\"\ndate = 2026-11-23\nnote = \"" + text + "\"\n";
}

// An event table of a note day, holding `keys` as written.
std::string event(const std::string& keys) {
    return "[[event]]\ntype = \"note\"\ndate = 2026-11-23\n" + keys;
}

std::string crlf(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
        out += text[i];
    }
    return out;
}

// The events of a contact file as read, without the lines they stand on.
std::vector<Event> events_of(std::string_view text) {
    std::vector<Event> out = parse_contact(text, "contacts/ann-lee.toml", "ann-lee").events;
    for (Event& e : out)
        e.line = 0;
    return out;
}

}  // namespace

TEST_CASE("two sides that each appended a table on the same day keep both, ours first, one blank line apart") {
    const std::string base = header + "\n" + requested;
    const auto merged = merge_tables(base, base + "\n" + note("ours"), base + "\n" + note("theirs"));
    REQUIRE(merged);
    CHECK(*merged == base + "\n" + note("ours") + "\n" + note("theirs"));
}

TEST_CASE("a side that changed nothing takes the other side whole") {
    const std::string base = header + "\n" + requested;
    CHECK(merge_tables(base, base, base + "\n" + note("x")) == base + "\n" + note("x"));
    CHECK(merge_tables(base, base + "\n" + note("x"), base) == base + "\n" + note("x"));
    CHECK(merge_tables(base, "anything", "anything") == "anything");
}

TEST_CASE("a table both sides appended alike is kept once") {
    const std::string base = header;
    const auto merged =
        merge_tables(base, base + "\n" + note("same"), base + "\n" + note("same") + "\n" + note("more"));
    CHECK(merged == base + "\n" + note("same") + "\n" + note("more"));
}

TEST_CASE("a change to the fields on one side and an appended event on the other are both kept") {
    const std::string base = header + "\n" + requested;
    const std::string ours = "name = \"Ann Lee\"\nemail = \"ann@example.org\"\nadded = 2026-11-01\n\n" + requested;
    const auto merged = merge_tables(base, ours, base + "\n" + note("theirs"));
    CHECK(merged == ours + "\n" + note("theirs"));
}

TEST_CASE("the spacing the user gave earlier tables is kept, and only new tables get kith's blank line") {
    const std::string base = "# my notes\nname = \"Ann Lee\"\n\n\n" + requested + "   \n";
    const auto merged = merge_tables(base, base + note("a"), base + note("b"));
    CHECK(merged == base + note("a") + "\n" + note("b"));
}

TEST_CASE("a file without a final newline still gets one line per key") {
    const std::string base = header + "\n" + requested.substr(0, requested.size() - 1);
    const auto merged = merge_tables(base, base + "\n\n" + note("a"), base + "\nnote = \"typo fixed\"");
    REQUIRE(merged);
    CHECK(*merged == base + "\nnote = \"typo fixed\"\n\n" + note("a"));
}

TEST_CASE("what a table merge cannot decide is left to a line merge") {
    const std::string base = header + "\n" + requested;
    SUBCASE("both sides changed one table differently") {
        CHECK_FALSE(merge_tables(base, "name = \"Ann\"\n\n" + requested, "name = \"Annie\"\n\n" + requested));
    }
    SUBCASE("one side removed a table") {
        CHECK_FALSE(merge_tables(base, header, base + "\n" + note("x")));
    }
    SUBCASE("both sides made the file, differently") {
        CHECK_FALSE(merge_tables("", header, "name = \"Bo\"\n"));
    }
}

TEST_CASE("a merged file is checked as what its path says it is") {
    CHECK_NOTHROW(check_network_file(header + "\n" + note("x"), "contacts/ann-lee.toml"));
    CHECK_THROWS_WITH_AS(check_network_file(header + "\n[extra]\nx = 1\n[extra]\nx = 2\n", "contacts/ann-lee.toml"),
                         doctest::Contains("contacts/ann-lee.toml:"), Error);
    CHECK_NOTHROW(check_network_file("[[milestone]]\ndate = 2026-11-23\ntext = \"Offer\"\n", "kith.toml"));
    CHECK_THROWS_WITH_AS(check_network_file("[[milestone]]\ndate = \"soon\"\ntext = \"Offer\"\n", "net/kith.toml"),
                         doctest::Contains("kith.toml:2:"), Error);
}

TEST_CASE("text that TOML reads as a string, an array or a comment is never taken for a table header") {
    struct Case {
        std::string what;
        std::string ours;  // the table ours appends, whole, against a note theirs appends
    };
    const Case cases[] = {
        {"a note whose lines open with brackets", event(R"~(note = """[ ] send CV
[10:30] called
[[event]]
"""
)~")},
        {"blank and whitespace-only lines in a note", event("note = \"\"\"first\n\n   \n\t\n[x] last  \n\n\"\"\"\n")},
        {"a literal multi-line string, and one ending in ''''", event(R"~(note = '''[a] it's
[b] \ raw
'''
via = '''
[c]
'it''''
)~")},
        {"escaped quotes, and a basic string ending in \"\"\"\"", event(R"~(note = """say \"""
[x] \"hi\" ""
"quoted""""
)~")},
        {"backslashes, escaped and line-ending", event(R"~(note = """C:\\new\\
[dir]\
[y] after a line-ending backslash
\\"""
)~")},
        {"one-line strings with brackets and quotes", event(R"~(note = "[z] \" [q]"
via = '[w] "'
)~")},
        {"multi-line arrays",
         "[[event]]\ntype = \"met\"\ndate = 2026-11-23\nlearned = [\n\"a\",\n\"[b]\",\n]\n"
         "extra = [\n[\"a\"],\n[ \"[b]\" ],\n  [\n\"c\"]\n]\n"},
        {"comments", event("# [ ] a comment\nnote = \"x\" # [y]\n#[[event]]\n")},
        {"a note that repeats a line of theirs", event("note = \"\"\"Done:\n[ ] send CV\n\"\"\"\n")},
    };
    const std::string base = header + "\n" + requested;
    const std::string theirs_note = event("note = \"\"\"Todo:\n[ ] send CV\n\"\"\"\n");
    for (const Case& c : cases) {
        CAPTURE(c.what);
        REQUIRE_NOTHROW(events_of(base + "\n" + c.ours));
        CHECK(table_starts(c.ours) == std::vector<std::size_t>{0});
        const auto merged = merge_tables(base, base + "\n" + c.ours, base + "\n" + theirs_note);
        CHECK(merged == base + "\n" + c.ours + "\n" + theirs_note);
        const auto swapped = merge_tables(base, base + "\n" + theirs_note, base + "\n" + c.ours);
        CHECK(swapped == base + "\n" + theirs_note + "\n" + c.ours);
    }
}

TEST_CASE("table headers are found where TOML has them: indented, quoted, after a byte order mark") {
    CHECK(table_starts("a = 1\n  [t]\nb = 2\n[[event]]\n[\"q[\"]\n") == std::vector<std::size_t>{6, 18, 28});
    CHECK(table_starts("\xEF\xBB\xBF[t]\nx = [\n[1],\n]\n") == std::vector<std::size_t>{0});
    CHECK(table_starts("x = \"\"\"\n[a]\"\"\"\n[b]\n").size() == 1);
}

TEST_CASE("every table's bytes are carried through: trailing spaces, whitespace-only lines, no last newline") {
    const std::string base = header + "\n" + requested;
    const std::string ours = event("note = \"x\"   \n\t\n   \n");
    const std::string theirs = event("note = \"y\"  \n\n\n   \n# [y] ends the file");
    const auto merged = merge_tables(base, base + "\n" + ours, base + "\n" + theirs);
    CHECK(merged == base + "\n" + ours + theirs);
    // A side that ends without a newline gets one, and a blank line, before the next table.
    const auto other_way = merge_tables(base, base + "\n" + theirs, base + "\n" + ours);
    CHECK(other_way == base + "\n" + theirs + "\n\n" + ours);
}

TEST_CASE("a CRLF file gets CRLF where the merge adds a line break") {
    const std::string base = crlf(header + "\n" + requested);
    const std::string ours = crlf(event("note = \"\"\"a\n[ ] b\n\"\"\"\n"));
    const std::string theirs = crlf(event("note = \"c\""));  // no last line break
    CHECK(merge_tables(base, base + ours, base + "\r\n" + theirs) == base + "\r\n" + ours + "\r\n" + theirs);
    CHECK(merge_tables(base, base + "\r\n" + theirs, base + ours) == base + "\r\n" + theirs + "\r\n\r\n" + ours);
}

TEST_CASE("no table ends up with fewer copies than either side holds") {
    const std::string base = header + "\n" + requested;
    const std::string x = note("called, no answer");
    const std::string y = note("left a message");
    SUBCASE("each side appended it once: one change") {
        CHECK(merge_tables(base, base + "\n" + x, base + "\n" + x + "\n" + y) == base + "\n" + x + "\n" + y);
    }
    SUBCASE("theirs appended it twice, ours once") {
        CHECK(merge_tables(base, base + "\n" + x + "\n" + y, base + "\n" + x + "\n" + x) ==
              base + "\n" + x + "\n" + y + "\n" + x);
    }
    SUBCASE("ours appended it twice, theirs once") {
        CHECK(merge_tables(base, base + "\n" + x + "\n" + x, base + "\n" + x + "\n" + y) ==
              base + "\n" + x + "\n" + x + "\n" + y);
    }
    SUBCASE("a rebase replays a second copy after the other side's table") {
        // Upstream appended y; the replayed commit appends x again after its
        // own first x: ours holds that first x after y, theirs holds two.
        const std::string replayed_base = base + "\n" + x;
        const auto merged = merge_tables(replayed_base, base + "\n" + y + "\n" + x, replayed_base + "\n" + x);
        CHECK(merged == base + "\n" + y + "\n" + x + "\n" + x);
    }
}

namespace {

// Random contact files, as kith and people write them, for merges whose
// every event must survive.
struct Generator {
    std::mt19937_64 engine;
    int serial = 0;  // each new table's own, so that only copies read alike

    std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine() % n); }
    bool chance(std::size_t percent) { return below(100) < percent; }

    std::string text() {
        static const char* const pieces[] = {
            "[ ] send CV", "[10:30] called",
            "[",           "]",
            "[[event]]",   "[x] ",
            "\"",          "\"\"",
            "\"\"\"",      "'",
            "''",          "'''",
            "\\",          "\\n",
            "\n",          "\r\n",
            "\n\n",        "   \n",
            " ",           "\t",
            "trailing  ",  "# not a comment",
            "x = 1",       "\xC3\xA9t\xC3\xA9",
            "word",        "{a = 1}",
            "=",
        };
        std::string out;
        for (std::size_t n = 1 + below(7); n > 0; --n)
            out += pieces[below(std::size(pieces))];
        return out;
    }

    // `text` as a TOML string, in one of the ways TOML allows.
    std::string string(const std::string& text) {
        switch (below(4)) {
            case 0:
                if (text.find("'''") == std::string::npos) return "'''" + text + "'''";
                [[fallthrough]];
            case 1: {
                // """basic""", quotes escaped but up to two at the end, which stand before the closing """.
                std::size_t raw_quotes = 0;
                while (raw_quotes < 2 && raw_quotes < text.size() && text[text.size() - 1 - raw_quotes] == '"')
                    ++raw_quotes;
                std::string out = "\"\"\"";
                for (std::size_t i = 0; i < text.size(); ++i) {
                    const char c = text[i];
                    if (c == '\\' || (c == '"' && i < text.size() - raw_quotes)) out += '\\';
                    out += c;
                }
                return out + "\"\"\"";
            }
            default: return toml_text(std::string_view(text));  // as kith writes it
        }
    }

    std::string value() { return string(text()); }

    std::string table() {
        std::string out = chance(10) ? "  [[event]]\n" : "[[event]]\n";
        out += "serial = " + std::to_string(++serial) + "\n";
        const std::string day = "date = 2026-11-" + std::to_string(10 + below(20)) + "\n";
        if (chance(30)) {
            out += "type = \"met\"\n" + day + "notes = " + value() + "\n";
            out += "learned = [\n  " + value() + ",\n" + value() + ",\n]\n";
            if (chance(50)) out += "extra = [\n[" + value() + "],\n[ \"[b]\" ],\n]\n";
        } else {
            out += "type = \"note\"" + std::string(chance(20) ? "   " : "") + "\n" + day;
            if (chance(20)) out += "# [ ] a comment \"\n";
            out += "note = " + value() + (chance(20) ? " # [c]" : "") + "\n";
        }
        return out;
    }

    std::string gap() {
        static const char* const gaps[] = {"\n", "\n", "", "\n\n", "   \n", "\n\t\n"};
        return gaps[below(std::size(gaps))];
    }
};

struct Piece {
    std::string gap, table;
};

std::string file(const std::string& top, const std::vector<Piece>& pieces) {
    std::string out = top;
    for (const Piece& piece : pieces)
        out += piece.gap + piece.table;
    return out;
}

std::size_t count(const std::vector<Event>& events, const Event& e) {
    return static_cast<std::size_t>(std::count(events.begin(), events.end(), e));
}

}  // namespace

TEST_CASE("thousands of generated merges and rebase steps keep every event of both sides, byte for byte") {
    Generator random{std::mt19937_64{17}};
    const std::string top = "name = \"Ann Lee\"\nadded = 2026-11-01\ntags = [\n\"[a]\",\n]\n";
    const std::string changed_top = top + "email = \"ann@example.org\" # [e]\n";
    for (int round = 0; round < 3000; ++round) {
        std::vector<Piece> pool;
        const auto pieces = [&](std::size_t least, std::size_t most) {
            std::vector<Piece> out;
            for (std::size_t n = least + random.below(most - least + 1); n > 0; --n) {
                // Now and then a table another side holds too, byte for byte.
                if (!pool.empty() && random.chance(15))
                    out.push_back(pool[random.below(pool.size())]);
                else
                    out.push_back({random.gap(), random.table()});
                pool.push_back(out.back());
            }
            return out;
        };
        const auto joined = [](std::vector<Piece> a, const std::vector<Piece>& b) {
            a.insert(a.end(), b.begin(), b.end());
            return a;
        };
        const std::vector<Piece> old = pieces(0, 3);
        std::string base, ours, theirs;
        std::string ours_top = top, theirs_top = top;
        if (random.chance(20)) (random.chance(50) ? ours_top : theirs_top) = changed_top;
        const bool rebase = random.chance(40);
        if (!rebase) {
            base = file(top, old);
            ours = file(ours_top, joined(old, pieces(0, 4)));
            theirs = file(theirs_top, joined(old, pieces(0, 4)));
        } else {
            // A rebase step: the replayed commit appended `local[k]` after
            // local[0..k); ours is upstream's file with local[0..k) replayed.
            const std::vector<Piece> upstream = pieces(0, 3), local = pieces(1, 3);
            const std::size_t k = random.below(local.size());
            std::vector<Piece> before(local.begin(), local.begin() + static_cast<std::ptrdiff_t>(k));
            base = file(top, joined(old, before));
            ours = file(ours_top, joined(joined(old, upstream), before));
            before.push_back(local[k]);
            theirs = file(theirs_top, joined(old, before));
        }
        for (std::string* side : {&base, &ours, &theirs}) {
            if (random.chance(10) && side->ends_with('\n')) side->pop_back();
        }
        const bool windows = random.chance(15);
        if (windows) base = crlf(base), ours = crlf(ours), theirs = crlf(theirs);

        CAPTURE(round);
        CAPTURE(base);
        CAPTURE(ours);
        CAPTURE(theirs);
        const std::vector<Event> o = events_of(ours), t = events_of(theirs);
        const auto merged = merge_tables(base, ours, theirs);
        REQUIRE(merged);
        CAPTURE(*merged);
        std::vector<Event> m;
        REQUIRE_NOTHROW(m = events_of(*merged));
        bool kept = true;
        for (const std::vector<Event>* side : {&o, &t}) {
            for (const Event& e : *side)
                kept = kept && count(m, e) == std::max(count(o, e), count(t, e));
        }
        for (const Event& e : m)
            kept = kept && (count(o, e) > 0 || count(t, e) > 0);
        REQUIRE(kept);
        for (const Piece& piece : pool) {
            // Each table's bytes, up to the newline that a side may take from the last one.
            std::string table = windows ? crlf(piece.table) : piece.table;
            table.resize(table.size() - (windows ? 2 : 1));
            if (ours.find(table) != std::string::npos || theirs.find(table) != std::string::npos) {
                CAPTURE(table);
                REQUIRE(merged->find(table) != std::string::npos);
            }
        }
        // The fields as the side that changed them has them (up to the newline a side may lack).
        const std::string& wanted = ours_top != top ? ours_top : theirs_top;
        const std::string fields = wanted.substr(0, wanted.size() - 1);
        REQUIRE(std::string_view(*merged).starts_with(windows ? crlf(fields) : fields));
    }
}

TEST_CASE("a table below an event ([event.details]) stays with its event, whichever side appended it") {
    const std::string base = header + "\n" + requested;
    const std::string e2 = note("ours");
    const std::string e3 = note("theirs");
    const std::string details = "[event.details]\nroom = \"4B\"\n";
    SUBCASE("only theirs has one") {
        const auto merged = merge_tables(base, base + "\n" + e2, base + "\n" + e3 + details);
        CHECK(merged == base + "\n" + e2 + "\n" + e3 + details);
    }
    SUBCASE("both sides have the same one, under different events") {
        const auto merged = merge_tables(base, base + "\n" + e2 + details, base + "\n" + e3 + details);
        CHECK(merged == base + "\n" + e2 + details + "\n" + e3 + details);
    }
    SUBCASE("an array of tables below an event") {
        const std::string calls = "[[event.calls]]\nat = 10\n";
        const auto merged = merge_tables(base, base + "\n" + e2, base + "\n" + e3 + calls + calls);
        CHECK(merged == base + "\n" + e2 + "\n" + e3 + calls + calls);
    }
}
