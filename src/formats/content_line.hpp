// The content lines of vCard (2.1, RFC 2426, RFC 6350) and iCalendar (RFC
// 5545), one syntax: folding and unfolding, a property's name, parameters and
// value, and the escapes and encodings of values. What a card means for a
// contact is formats/vcard.cpp's; the iCalendar report folds its lines here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/text.hpp"

namespace kith {

// One content line, unfolded: GROUP.NAME;PARAM=VALUE,...:VALUE.
struct Property {
    std::string name;                                             // uppercase, without its group
    std::vector<std::pair<std::string, std::string>> parameters;  // name uppercase; one pair per value
    std::string value;                                            // as written, escapes and all
    std::size_t line = 0;
    // In a card kith exported (it has an X-KITH-SLUG), values are read exactly
    // as written, blanks at either end too: the round trip gives the same contact.
    bool exact = false;

    bool has(std::string_view parameter, std::string_view value_folded) const {
        for (const auto& [n, v] : parameters)
            if (n == parameter && ascii_lowercase(v) == value_folded) return true;
        return false;
    }
    std::optional<std::string> parameter(std::string_view wanted) const {
        for (const auto& [n, v] : parameters)
            if (n == wanted) return v;
        return std::nullopt;
    }
};

// A content line as it is unfolded, and where its value starts once known.
struct LogicalLine {
    std::size_t number = 0;
    std::string text;
    std::size_t scanned = 0;  // how far the search for the value's ':' has read
    bool quoted = false;
    std::size_t colon = std::string::npos;

    // The first ':' outside double quotes, where the value starts. Each byte
    // is read once however many lines are folded into this one.
    std::size_t value_colon() {
        for (; colon == std::string::npos && scanned < text.size(); ++scanned) {
            if (text[scanned] == '"')
                quoted = !quoted;
            else if (text[scanned] == ':' && !quoted)
                colon = scanned;
        }
        return colon;
    }

    // Whether this is a vCard 2.1 quoted-printable value that a final '='
    // continues on the next line.
    bool continues_quoted_printable() {
        return text.ends_with('=') && value_colon() != std::string::npos &&
               ascii_uppercase(std::string_view(text).substr(0, colon)).find("QUOTED-PRINTABLE") != std::string::npos;
    }
};

// Whether a line is a vCard's BEGIN:VCARD or END:VCARD, whatever its case and blanks.
bool is_card_boundary(std::string_view line);

// The logical lines: a line that begins with a space or tab continues the one
// before (RFC 6350 3.2), as does the line after a quoted-printable soft break.
// Line ends are CRLF or LF, or CR alone in a text that has no LF at all.
std::vector<LogicalLine> unfolded_lines(std::string_view text);

// Splits "NAME;A=1,2;B="x:y":value" into a Property; none when it has no ':'.
std::optional<Property> parse_property(LogicalLine& logical);

// Whether a property's value is base64 (a PHOTO, a LOGO): ENCODING=b (3.0) or BASE64 (2.1).
bool is_base64(const Property& p);

// The CHARSET a property declares (vCard 2.1), if it is not UTF-8.
std::optional<std::string> other_charset(const Property& p);

// `bytes` in `charset` (ISO-8859-1, windows-1252, ...) as UTF-8, by iconv;
// none when iconv knows no such charset or the bytes are not in it.
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset);

// The value's bytes as written: quoted-printable decoded.
std::string raw_bytes(const Property& p);

// The value's text before unescaping: quoted-printable decoded, and in
// UTF-8 when a CHARSET (vCard 2.1) names another that iconv knows.
std::string raw_value(const Property& p);

// Splits at each `separator` (if any) that no backslash escapes, and unescapes
// each part: \n and \N are a line break, \, \; \: and \\ the character itself.
std::vector<std::string> split_unescaped(std::string_view text, std::optional<char> separator);

// Escapes a TEXT value (RFC 6350 3.4, RFC 5545 3.3.11): backslash, comma,
// semicolon, and a line break as \n; a carriage return is dropped, as
// neither format can write one.
std::string escape_text(std::string_view text);

// One content line, folded so that no line is over 75 octets and no UTF-8
// character is split, each line ended by CRLF and each continuation begun by
// a space (RFC 6350 3.2, RFC 5545 3.1).
std::string fold_content_line(std::string_view line);

}  // namespace kith
