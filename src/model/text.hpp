// Small text helpers: blanks, trimming, line prefixes, case folding, UTF-8,
// text made safe for a terminal, words quoted for a shell.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// Whether `text` holds nothing but spaces, tabs and line breaks.
bool is_blank(std::string_view text);

// `text` without the spaces, tabs and line breaks at either end.
std::string trimmed(std::string_view text);

// `text` with `prefix` after each of its line breaks: the lines after the
// first, indented or quoted, so that a multi-line note keeps its shape.
std::string prefix_lines(std::string_view text, std::string_view prefix);

// One line of a text, as split_lines finds it.
struct Line {
    std::string_view text;   // without its line end
    std::string_view end;    // "\n", "\r\n", "\r", or "" for a last line that has none
    std::size_t start = 0;   // where it begins in the whole text
    std::size_t number = 0;  // 1-based

    // The line with its line end.
    std::string_view whole() const { return {text.data(), text.size() + end.size()}; }
    bool crlf() const { return end == "\r\n"; }
};

// Which line ends split_lines knows.
enum class LineEnds {
    lf,             // LF, or CRLF (its CR is no part of the line); a CR that ends the text ends its last line
    lf_or_lone_cr,  // those, or in a text with no LF at all CR alone (old Macs, Excel's "CSV (Macintosh)")
};

// The lines of `text`, in order; a line end at the very end starts no
// empty line after it, and the empty text has none.
std::vector<Line> split_lines(std::string_view text, LineEnds ends = LineEnds::lf);

// Lowercases, or uppercases, ASCII letters only; other bytes (UTF-8
// included) pass through.
std::string ascii_lowercase(std::string_view text);
std::string ascii_uppercase(std::string_view text);

// Decodes the UTF-8 sequence at `pos` and moves past it; a malformed byte
// decodes to U+FFFD, one byte long.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// Lowercases letters of the Latin, Greek and Cyrillic alphabets, so that
// "ZOË" and "zoë" compare equal; other text passes through.
std::string fold_case(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates), as
// TOML requires of every string.
bool is_valid_utf8(std::string_view text);

// `text` without the UTF-8 byte order mark some programs write first.
std::string_view without_bom(std::string_view text);

// `text` as it may be shown on a terminal (SPEC §6): every character that a
// terminal would act on rather than print is made visible, so that a name or
// note from a file cannot move the cursor, set the clipboard (OSC 52), change
// the colours or reorder what is shown. C0 controls other than tab and
// newline, and DEL, in caret notation ("^[" for ESC, "^@" for NUL, "^M" for a
// carriage return that ends no CRLF line, "^?" for DEL); C1 controls (U+0080-U+009F) and the
// bidirectional embeddings, overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) as "<U+202E>"; a byte that is not part of well-formed UTF-8
// as "<0xFF>". Everything else, tab, newline and other UTF-8 included, is
// kept as it is.
std::string visible_text(std::string_view text);

// `text` as one word of a POSIX shell command line, for the commands kith
// prints for the user to paste ("Then: kith follow-up priya-singh"): as it is
// when it holds only characters no shell treats specially (letters, digits
// and _ - . / + , : @, as slugs and most paths do), else in single quotes, a
// quote inside written '\''. The empty word is ''.
std::string shell_word(std::string_view text);

// The Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace kith
