// Reading and writing TOML values through toml++.
#include "formats/toml_text.hpp"

#include <algorithm>

#include <cmath>
#include <cstdint>
#include <sstream>

#include <fmt/format.h>

#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// Basic ("double-quoted") strings, as people write them, multi-line where the
// text has line breaks so that notes stay readable in the file and in git diff.
constexpr auto write_flags = toml::format_flags::allow_multi_line_strings | toml::format_flags::allow_unicode_strings |
                             toml::format_flags::allow_real_tabs_in_strings;

// TOML drops a newline right after the opening """, so toml++ would lose the
// first line break of such a text: those are written on one line, escaped.
bool multi_line_safe(std::string_view text) {
    return !text.starts_with('\n') && !text.starts_with("\r\n");
}

template <typename Node>
std::string formatted(const Node& node, bool multi_line = true) {
    std::ostringstream out;
    out << toml::toml_formatter{node,
                                multi_line ? write_flags : write_flags & ~toml::format_flags::allow_multi_line_strings};
    return out.str();
}

}  // namespace

std::string position_of(const toml::source_region& region) {
    return fmt::format("{}:{}", region.begin.line, region.begin.column);
}

DateTime to_datetime(const toml::date& day) {
    return at_start_of(Date{date::year{day.year} / static_cast<int>(day.month) / static_cast<int>(day.day)});
}

DateTime to_datetime(const toml::date_time& when) {
    DateTime out = to_datetime(when.date);
    out.local += std::chrono::hours{when.time.hour} + std::chrono::minutes{when.time.minute} +
                 std::chrono::seconds{when.time.second};
    out.has_time = true;
    if (when.offset) out.offset = std::chrono::minutes{when.offset->minutes};
    return out;
}

std::string toml_text(const toml::node& value) {
    return value.visit([](const auto& node) { return formatted(node); });
}

Json to_json(const toml::node& value) {
    if (const toml::table* table = value.as_table()) {
        Json out = Json::object();
        for (const auto& [key, node] : *table)
            out[std::string(key.str())] = to_json(node);
        return out;
    }
    if (const toml::array* array = value.as_array()) {
        Json out = Json::array();
        for (const toml::node& node : *array)
            out.push_back(to_json(node));
        return out;
    }
    if (const auto* text = value.as_string()) return text->get();
    if (const auto* number = value.as_integer()) return number->get();
    if (const auto* flag = value.as_boolean()) return flag->get();
    if (const auto* number = value.as_floating_point()) {
        const double x = number->get();
        if (std::isnan(x)) return "NaN";  // JSON has no spelling of its own for these
        if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
        return x;
    }
    return toml_text(value);  // a date, a time or a date-time
}

std::string toml_text(std::string_view text) {
    return formatted(toml::value<std::string>(std::string(text)), multi_line_safe(text));
}

std::string toml_text(const std::vector<std::string>& texts) {
    toml::array array;
    bool multi_line = true;
    for (const auto& text : texts) {
        array.push_back(text);
        multi_line = multi_line && multi_line_safe(text);
    }
    return formatted(array, multi_line);
}

std::string toml_text(const DateTime& when) {
    const date::year_month_day ymd{when.day()};
    const toml::date day{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                         static_cast<unsigned>(ymd.day())};
    if (!when.has_time) return formatted(toml::value<toml::date>(day));
    const date::hh_mm_ss clock{when.local - date::local_seconds{when.day()}};
    toml::date_time out{
        day, toml::time{static_cast<unsigned>(clock.hours().count()), static_cast<unsigned>(clock.minutes().count()),
                        static_cast<unsigned>(clock.seconds().count())}};
    if (when.offset) {
        toml::time_offset offset;
        offset.minutes = static_cast<std::int16_t>(when.offset->count());
        out.offset = offset;
    }
    return formatted(toml::value<toml::date_time>(out));
}

namespace {

// What the lexer below meets that its callers care about, at a byte offset.
enum class Met {
    table_bracket,                       // a '[' outside strings, comments, arrays and values
    non_ascii_in_code,                   // a non-ASCII character outside strings and comments
    non_ascii_after_line_end_backslash,  // one first after a """string"""'s line-ending backslash
    non_ascii_after_backslash,           // one right after a backslash in a """string"""
};

// Walks `text` as TOML reads it: code and comments, the four kinds of
// strings (escapes, and """" or ''''-style ends, included), and the arrays
// and inline tables open around a value; tells `on(met, offset)` what it
// meets. One lexer for the reader and the merge driver, so that what the
// merge takes for a table header is what toml++ reads as one.
template <typename On>
void lex_toml(std::string_view text, On&& on) {
    enum class In { code, comment, basic, literal, multi_basic, multi_literal };
    In in = In::code;
    // Whether a value is being read (after '=', in an array), and the arrays
    // and inline tables open around it: there a quote begins a string only
    // where a value can begin.
    bool value = false;
    bool bare = false;  // inside a bare value
    std::string nesting;
    bool after_line_end_backslash = false;
    const std::size_t body = without_bom(text).data() - text.data();  // a BOM is no character of line 1
    std::size_t i = body;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        const bool ascii = static_cast<unsigned char>(c) < 0x80;
        if (after_line_end_backslash && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            after_line_end_backslash = false;
            if (!ascii) on(Met::non_ascii_after_line_end_backslash, i);
        }
        switch (in) {
            case In::code: {
                if (!ascii) on(Met::non_ascii_in_code, i);
                // A bare value (a number, a date, true) runs to the next blank, ',', ']', '}' or '#';
                // toml++ reads whatever else is in it as part of it, quotes and brackets too.
                if (value && !bare && std::string_view(" \t\r\n=[]{},#\"'").find(c) == std::string_view::npos)
                    bare = true;
                if (bare && std::string_view(" \t\r\n,]}#").find(c) == std::string_view::npos) break;
                bare = false;
                const bool nested = !nesting.empty();
                if (c == '#') in = In::comment;
                if (c == '\n' && !nested) value = false;
                if (c == '=') value = true;
                if (c == '[' && !value && !nested) on(Met::table_bracket, i);
                if (c == '[' && value) nesting += '[';
                if (c == '{' && value) nesting += '{', value = false;
                if (c == ',' && nested && nesting.back() == '{') value = false;
                if ((c == ']' || c == '}') && nested && nesting.back() == (c == ']' ? '[' : '{'))
                    nesting.pop_back(), value = true;
                const bool glued =
                    value && i > body && std::string_view(" \t\r\n=[,").find(text[i - 1]) == std::string_view::npos;
                if (glued) break;  // no string can begin here: the text is not TOML
                if (c == '"') in = text.substr(i, 3) == "\"\"\"" ? (i += 2, In::multi_basic) : In::basic;
                if (c == '\'') in = text.substr(i, 3) == "'''" ? (i += 2, In::multi_literal) : In::literal;
                break;
            }
            case In::comment:
                if (c == '\n') in = In::code;
                if (c == '\n' && nesting.empty()) value = false;
                break;
            case In::basic:
                if (c == '\\') ++i;  // an escape: the next character is not the end
                if (c == '"' || c == '\n') in = In::code;
                break;
            case In::literal:
                if (c == '\'' || c == '\n') in = In::code;
                break;
            case In::multi_basic:
                if (c == '\\') {
                    std::size_t next = i + 1;
                    while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r'))
                        ++next;
                    if (next < text.size() && text[next] == '\n') {
                        after_line_end_backslash = true;
                    } else if (next < text.size() && static_cast<unsigned char>(text[next]) >= 0x80) {
                        i = next;
                        on(Met::non_ascii_after_backslash, i);
                    } else {
                        ++i;  // an escape
                    }
                } else if (text.substr(i, 3) == "\"\"\"") {
                    i += 2;
                    while (i + 1 < text.size() && text[i + 1] == '"')
                        ++i;  // up to two quotes end the text
                    in = In::code;
                }
                break;
            case In::multi_literal:
                if (text.substr(i, 3) == "'''") {
                    i += 2;
                    while (i + 1 < text.size() && text[i + 1] == '\'')
                        ++i;
                    in = In::code;
                }
                break;
        }
    }
}

// toml++ 3.3.0 (Debian 12's) reaches undefined behaviour when it asks whether
// some non-ASCII characters are whitespace (upstream issues 190 and 295,
// fixed after 3.4). It asks that of one met outside a string, where TOML
// allows none; of one after a backslash in a """string""" (an escape that is
// none, or the first character after a line-ending backslash); and of one in
// quotes or brackets glued to a bare value (1.'Ü', [2"Ü"], 2026x["Ü"]), which
// it reads as part of the bad value, not as a string. Such text, never TOML,
// is refused here at its line and column, before toml++ reads it.
void refuse_what_toml_cannot_read(std::string_view text, std::string_view file) {
    const std::size_t body = without_bom(text).data() - text.data();
    lex_toml(text, [&](Met met, std::size_t at) {
        if (met == Met::table_bracket) return;
        const std::size_t newline = text.rfind('\n', at);
        const std::size_t line_start = newline == std::string_view::npos ? body : newline + 1;
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
        std::size_t column = 1;
        for (std::size_t i = line_start; i < at; ++i)
            column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;  // characters, not their bytes
        const std::string_view why =
            met == Met::non_ascii_in_code ? "a character outside quotes must be ASCII (put text in a \"string\")"
            : met == Met::non_ascii_after_line_end_backslash
                ? "a line-ending backslash cannot be followed by a non-ASCII character here (start the line "
                  "with a space or an ASCII character, or drop the backslash)"
                : "a backslash cannot be followed by a non-ASCII character (write \\\\ for a backslash)";
        throw Error(Exit::data, fmt::format("{}:{}:{}: {}", file, line, column, why));
    });
}

}  // namespace

std::vector<std::size_t> table_starts(std::string_view text) {
    std::vector<std::size_t> starts;
    const std::size_t body = without_bom(text).data() - text.data();
    lex_toml(text, [&](Met met, std::size_t at) {
        if (met != Met::table_bracket) return;
        // A header stands at the start of its line, after blanks at most (the
        // second '[' of "[[" is not one).
        const std::size_t newline = text.rfind('\n', at);
        const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
        const std::size_t first = std::max(line_start, body);
        if (text.substr(first, at - first).find_first_not_of(" \t") == std::string_view::npos)
            starts.push_back(line_start);
    });
    return starts;
}

toml::table parse_toml(std::string_view text, std::string_view file) {
    refuse_what_toml_cannot_read(text, file);
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        throw Error(Exit::data, fmt::format("{}:{}: {}", file, position_of(e.source()), e.description()));
    }
}

}  // namespace kith
