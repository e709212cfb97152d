// Case folding and UTF-8 checks for the text people type; text made safe for a
// terminal, words quoted for a shell.
#include <doctest/doctest.h>

#include <string_view>
#include <utility>
#include <vector>

#include "model/text.hpp"

using namespace kith;

TEST_CASE("fold_case lowercases Latin, Greek and Cyrillic letters and nothing else") {
    CHECK(fold_case("ZOË O'BRIEN") == "zoë o'brien");
    CHECK(fold_case("ŁUKASZ ŽIŽEK ŒUVRE Ÿ") == "łukasz žižek œuvre ÿ");
    CHECK(fold_case("ΑΘΗΝΑ") == "αθηνα");
    CHECK(fold_case("АЛЕКСЕЙ ЁЛКИН") == "алексей ёлкин");
    CHECK(fold_case("王小明 ×÷ 123") == "王小明 ×÷ 123");
    CHECK(fold_case("stray \xff byte") == "stray \xff byte");
}

TEST_CASE("is_valid_utf8 accepts UTF-8 and refuses what TOML cannot hold") {
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("Zoë 🎉 中文"));
    CHECK(is_valid_utf8(""));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
}

TEST_CASE("edit distance counts single-letter edits") {
    CHECK(edit_distance("request", "requst") == 1);
    CHECK(edit_distance("note", "nte") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("visible_text shows control characters in caret notation, keeping tab and newline") {
    CHECK(visible_text("") == "");
    CHECK(visible_text("Priya Singh\tAcme\nline two") == "Priya Singh\tAcme\nline two");
    CHECK(visible_text("\x1b]52;c;cHduZWQ=\x07") == "^[]52;c;cHduZWQ=^G");  // OSC 52 sets the clipboard
    CHECK(visible_text("\x1b[2J") == "^[[2J");
    CHECK(visible_text(std::string_view("a\0b", 3)) == "a^@b");
    CHECK(visible_text("over\rwrite") == "over^Mwrite");
    CHECK(visible_text("a CRLF line end\r\nstays, a lone one\r goes\r") ==
          "a CRLF line end\r\nstays, a lone one^M goes^M");
    CHECK(visible_text("\x01\x08\x0b\x0c\x1f") == "^A^H^K^L^_");
    CHECK(visible_text("del\x7f") == "del^?");
}

TEST_CASE("visible_text shows C1 controls and bidirectional overrides and isolates as code points") {
    CHECK(visible_text(std::string("\xc2\x9b") + "31m") == "<U+009B>31m");  // CSI, as UTF-8
    CHECK(visible_text("\xc2\x80 \xc2\x9f") == "<U+0080> <U+009F>");
    CHECK(visible_text("Acme \u202emoc.live") == "Acme <U+202E>moc.live");
    CHECK(visible_text("\u202a\u202b\u202c\u202d") == "<U+202A><U+202B><U+202C><U+202D>");
    CHECK(visible_text("\u2066\u2067\u2068\u2069") == "<U+2066><U+2067><U+2068><U+2069>");
}

TEST_CASE("visible_text keeps every other UTF-8 character, and shows a stray byte as its value") {
    CHECK(visible_text("Zoë O'Brien, 王小明 🎉, ½ \u00a0 \u2065 \u206a") ==
          "Zoë O'Brien, 王小明 🎉, ½ \u00a0 \u2065 \u206a");
    CHECK(visible_text("stray \xff byte") == "stray <0xFF> byte");
    CHECK(visible_text(std::string("\x9b") + "31m") == "<0x9B>31m");  // CSI to a terminal that reads bytes
    CHECK(visible_text("cut \xc3") == "cut <0xC3>");                  // a truncated sequence
    CHECK(visible_text("\xc0\x9b") == "<0xC0><0x9B>");                // ESC written overlong
    CHECK(visible_text("\xed\xa0\x80") == "<0xED><0xA0><0x80>");      // a surrogate
}

TEST_CASE("shell_word leaves a plain word as it is and quotes anything a shell would act on") {
    CHECK(shell_word("priya-singh") == "priya-singh");
    CHECK(shell_word("priya-singh-2") == "priya-singh-2");
    CHECK(shell_word("/usr/local/bin/kith") == "/usr/local/bin/kith");
    CHECK(shell_word("Zoe_O.Brien+1,a:b@c") == "Zoe_O.Brien+1,a:b@c");
    CHECK(shell_word("-x") == "-x");  // an option to kith, not to the shell: quotes would not change that
    CHECK(shell_word("") == "''");
    CHECK(shell_word("x;touch pwned;#") == "'x;touch pwned;#'");
    CHECK(shell_word("a|sh") == "'a|sh'");
    CHECK(shell_word("two words") == "'two words'");
    CHECK(shell_word("it's") == "'it'\\''s'");
    CHECK(shell_word("\"q\"") == "'\"q\"'");
    CHECK(shell_word("$(id)") == "'$(id)'");
    CHECK(shell_word("`id`") == "'`id`'");
    CHECK(shell_word("a&b") == "'a&b'");
    CHECK(shell_word("~root") == "'~root'");
    CHECK(shell_word("*") == "'*'");
    CHECK(shell_word("a=b") == "'a=b'");
    CHECK(shell_word("!1") == "'!1'");
    CHECK(shell_word("back\\slash") == "'back\\slash'");
    CHECK(shell_word("line\nbreak") == "'line\nbreak'");
    CHECK(shell_word("zoë") == "'zoë'");
}

TEST_CASE("split_lines yields each line without its end, and which end it had") {
    struct Case {
        std::string_view text;
        LineEnds ends;
        std::vector<std::pair<std::string_view, std::string_view>> lines;  // text, end
    };
    const Case cases[] = {
        {"", LineEnds::lf, {}},
        {"a", LineEnds::lf, {{"a", ""}}},
        {"a\n", LineEnds::lf, {{"a", "\n"}}},
        {"a\r\nb\nc", LineEnds::lf, {{"a", "\r\n"}, {"b", "\n"}, {"c", ""}}},
        {"\n\n", LineEnds::lf, {{"", "\n"}, {"", "\n"}}},
        {"a\rb", LineEnds::lf, {{"a\rb", ""}}},                           // CR alone ends no line by default
        {"a\rb\r", LineEnds::lf, {{"a\rb", "\r"}}},                       // but the text's last CR ends its last line
        {"a\rb\r", LineEnds::lf_or_lone_cr, {{"a", "\r"}, {"b", "\r"}}},  // but does in a text without LF
        {"a\rb\nc", LineEnds::lf_or_lone_cr, {{"a\rb", "\n"}, {"c", ""}}},
        {"\r\n", LineEnds::lf_or_lone_cr, {{"", "\r\n"}}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const std::vector<Line> lines = split_lines(c.text, c.ends);
        REQUIRE(lines.size() == c.lines.size());
        std::size_t start = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            CHECK(lines[i].text == c.lines[i].first);
            CHECK(lines[i].end == c.lines[i].second);
            CHECK(lines[i].crlf() == (c.lines[i].second == "\r\n"));
            CHECK(lines[i].number == i + 1);
            CHECK(lines[i].start == start);
            CHECK(c.text.substr(start, lines[i].whole().size()) == lines[i].whole());
            start += lines[i].whole().size();
        }
        CHECK(start == c.text.size());
    }
}
