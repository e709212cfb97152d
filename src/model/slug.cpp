// Slugs: the file stem of a contact, folded to lowercase ASCII (SPEC §2).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "model/contact.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// The longest slug made from a name: file names stay far below the 255-byte limit.
constexpr std::size_t max_slug_length = 80;

// U+00C0 to U+00FF. An empty entry is not a letter (× and ÷).
constexpr std::array<std::string_view, 64> latin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e",  "e", "e", "i", "i", "i", "i", "d",  "n", "o",  "o", "o", "o",
    "o", "",  "o", "u", "u", "u", "u",  "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e", "e", "e",
    "i", "i", "i", "i", "d", "n", "o",  "o", "o",  "o",  "o", "",  "o", "u", "u", "u", "u",  "y", "th", "y",
};

// U+0100 to U+017F, Latin Extended-A.
constexpr std::array<std::string_view, 128> latin_extended_a = {
    "a", "a", "a", "a", "a", "a", "c",  "c",  "c", "c", "c", "c", "c", "c", "d", "d", "d",  "d",  "e", "e", "e", "e",
    "e", "e", "e", "e", "e", "e", "g",  "g",  "g", "g", "g", "g", "g", "g", "h", "h", "h",  "h",  "i", "i", "i", "i",
    "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l",  "l",  "l", "l", "l", "l",
    "l", "n", "n", "n", "n", "n", "n",  "n",  "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r",
    "r", "r", "s", "s", "s", "s", "s",  "s",  "s", "s", "t", "t", "t", "t", "t", "t", "u",  "u",  "u", "u", "u", "u",
    "u", "u", "u", "u", "u", "u", "w",  "w",  "y", "y", "y", "z", "z", "z", "z", "z", "z",  "s",
};

// U+0180 to U+024F, Latin Extended-B: each letter's base letters (from Unicode's
// decompositions and letter names); empty for the few that have none.
constexpr std::array<std::string_view, 208> latin_extended_b = {
    "b",  "b",  "b",  "b",  "",   "",  "",  "c", "c", "",  "d",  "d",  "d",  "",   "",   "",   "",   "f",  "f",
    "g",  "",   "hv", "",   "i",  "k", "k", "l", "",  "",  "n",  "n",  "o",  "o",  "o",  "oi", "oi", "p",  "p",
    "",   "",   "",   "",   "",   "t", "t", "t", "t", "u", "u",  "",   "v",  "y",  "y",  "z",  "z",  "",   "",
    "",   "",   "",   "",   "",   "",  "",  "",  "",  "",  "",   "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj",
    "nj", "a",  "a",  "i",  "i",  "o", "o", "u", "u", "u", "u",  "u",  "u",  "u",  "u",  "u",  "u",  "",   "a",
    "a",  "a",  "a",  "ae", "ae", "g", "g", "g", "g", "k", "k",  "o",  "o",  "o",  "o",  "",   "",   "j",  "dz",
    "dz", "dz", "g",  "g",  "",   "",  "n", "n", "a", "a", "ae", "ae", "o",  "o",  "a",  "a",  "a",  "a",  "e",
    "e",  "e",  "e",  "i",  "i",  "i", "i", "o", "o", "o", "o",  "r",  "r",  "r",  "r",  "u",  "u",  "u",  "u",
    "s",  "s",  "t",  "t",  "",   "",  "h", "h", "n", "d", "ou", "ou", "z",  "z",  "a",  "a",  "e",  "e",  "o",
    "o",  "o",  "o",  "o",  "o",  "o", "o", "y", "y", "l", "n",  "t",  "",   "db", "qp", "a",  "c",  "c",  "l",
    "t",  "s",  "z",  "",   "",   "b", "u", "",  "e", "e", "j",  "j",  "",   "q",  "r",  "r",  "y",  "y",
};

// U+1E00 to U+1EFF, Latin Extended Additional (Vietnamese among others), likewise.
constexpr std::array<std::string_view, 256> latin_extended_additional = {
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "f", "f", "g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h",
    "i", "i", "i", "i", "k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m", "m", "m",
    "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "o", "o", "p", "p", "p", "p",
    "r", "r", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t",
    "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v", "w", "w", "w", "w",
    "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y", "z", "z", "z", "z", "z", "z", "h", "t", "w", "y",
    "a", "s", "",  "",  "",  "",  "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e",
    "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
    "y", "y", "y", "y", "y", "y", "y", "y", "",  "",  "",  "",  "y", "y",
};

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'`' || c == U'\u2018' || c == U'\u2019' || c == U'\u02BC';
}

bool is_combining_mark(char32_t c) {
    return c >= 0x0300 && c <= 0x036F;
}

// The ASCII spelling of a letter or digit; empty for anything else.
std::string_view fold(char32_t c) {
    static constexpr std::string_view ascii = "0123456789abcdefghijklmnopqrstuvwxyz";
    if (c >= U'0' && c <= U'9') return ascii.substr(c - U'0', 1);
    if (c >= U'a' && c <= U'z') return ascii.substr(10 + c - U'a', 1);
    if (c >= U'A' && c <= U'Z') return ascii.substr(10 + c - U'A', 1);
    if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0];
    if (c >= 0x100 && c <= 0x17F) return latin_extended_a[c - 0x100];
    if (c >= 0x180 && c <= 0x24F) return latin_extended_b[c - 0x180];
    if (c == 0x1E9E) return "ss";  // ẞ
    if (c >= 0x1E00 && c <= 0x1EFF) return latin_extended_additional[c - 0x1E00];
    return {};
}

}  // namespace

std::string numbered_slug(std::string_view base, int n) {
    return n == 1 ? std::string(base) : fmt::format("{}-{}", base, n);
}

std::string make_slug(std::string_view name) {
    std::string slug;
    bool pending_dash = false;
    for (std::size_t pos = 0; pos < name.size();) {
        const char32_t c = decode_utf8(name, pos);
        if (is_apostrophe(c) || is_combining_mark(c)) continue;
        const std::string_view letters = fold(c);
        if (letters.empty()) {
            pending_dash = !slug.empty();
            continue;
        }
        if (slug.size() + letters.size() + (pending_dash ? 1 : 0) > max_slug_length) break;
        if (pending_dash) slug += '-';
        pending_dash = false;
        slug += letters;
    }
    return slug.empty() ? std::string("contact") : slug;
}

}  // namespace kith
