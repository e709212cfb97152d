// ASCII case folding, UTF-8 checking, text for terminals and shells.
#include "model/text.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace kith {

// Decodes one UTF-8 sequence at `pos`; a malformed byte decodes to U+FFFD, one byte long.
char32_t decode_utf8(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || pos + length > text.size()) {
        ++pos;
        return U'\uFFFD';
    }
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xC0) != 0x80) {
            ++pos;
            return U'\uFFFD';
        }
        code = (code << 6) | (next & 0x3F);
    }
    pos += length;
    return code;
}

namespace {

void encode_utf8(char32_t code, std::string& out) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// The lowercase of an uppercase letter in the scripts names are most often
// written in: Latin (with Latin-1 and Extended-A), Greek and Cyrillic.
char32_t lowercase_letter(char32_t c) {
    if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F)) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

// The length of the well-formed UTF-8 sequence at `pos` (no overlong form, no
// surrogate, nothing past U+10FFFF), its code point in `code`; 0 when the
// byte at `pos` starts none.
std::size_t utf8_sequence(std::string_view text, std::size_t pos, char32_t& code) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    char32_t least = 0;
    if (lead < 0x80)
        length = 1, code = lead;
    else if ((lead & 0xE0) == 0xC0)
        length = 2, code = lead & 0x1F, least = 0x80;
    else if ((lead & 0xF0) == 0xE0)
        length = 3, code = lead & 0x0F, least = 0x800;
    else if ((lead & 0xF8) == 0xF0)
        length = 4, code = lead & 0x07, least = 0x10000;
    else
        return 0;
    if (pos + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[pos + k]);
        if ((next & 0xC0) != 0x80) return 0;
        code = (code << 6) | (next & 0x3F);
    }
    if (length > 1 && (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) return 0;
    return length;
}

}  // namespace

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t code = decode_utf8(text, pos);
        if (code == U'\uFFFD' && pos - start == 1 && static_cast<unsigned char>(text[start]) >= 0x80)
            out += text[start];  // keep a stray byte as it is
        else
            encode_utf8(lowercase_letter(code), out);
    }
    return out;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string_view without_bom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    return text.starts_with(bom) ? text.substr(bom.size()) : text;
}

std::string trimmed(std::string_view text) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    return std::string(text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1));
}

std::string prefix_lines(std::string_view text, std::string_view prefix) {
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '\n') out += prefix;
    }
    return out;
}

std::vector<Line> split_lines(std::string_view text, LineEnds ends) {
    const char end_of_line = ends == LineEnds::lf_or_lone_cr && text.find('\n') == std::string_view::npos ? '\r' : '\n';
    std::vector<Line> lines;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t found = text.find(end_of_line, start);
        const std::size_t next = found == std::string_view::npos ? text.size() : found + 1;
        std::size_t end = found == std::string_view::npos ? text.size() : found;
        if (end_of_line == '\n' && end > start && text[end - 1] == '\r') --end;
        lines.push_back({text.substr(start, end - start), text.substr(end, next - end), start, lines.size() + 1});
        start = next;
    }
    return lines;
}

std::string ascii_lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string ascii_uppercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

bool is_valid_utf8(std::string_view text) {
    char32_t code = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence(text, i, code);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

std::string visible_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char32_t code = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence(text, i, code);
        if (length == 0) {
            out += fmt::format("<0x{:02X}>", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        const bool line_end = code == '\r' && i + 1 < text.size() && text[i + 1] == '\n';  // CRLF: no overwrite
        if ((code < 0x20 && code != '\t' && code != '\n' && !line_end) || code == 0x7F)
            out += {'^', static_cast<char>(code ^ 0x40)};  // ESC is ^[, NUL ^@, DEL ^?
        else if ((code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
                 (code >= 0x2066 && code <= 0x2069))
            out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(code));
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string shell_word(std::string_view text) {
    constexpr std::string_view safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+,:@";
    if (!text.empty() && text.find_first_not_of(safe) == std::string_view::npos) return std::string(text);
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string_view("'\\''") : std::string_view(&c, 1);
    return out + "'";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace kith
