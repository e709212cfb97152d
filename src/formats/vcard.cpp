#include "formats/vcard.hpp"

#include <iconv.h>
#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

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

// A card as read: where it begins, its properties, or why it is unreadable.
struct Card {
    std::size_t line = 0;
    std::vector<Property> properties;
    std::string problem;
};

// The physical lines of `text`, without their line ends, each with its number.
// Line ends are CRLF or LF, or CR alone in a file that has no LF at all.
std::vector<std::pair<std::size_t, std::string_view>> physical_lines(std::string_view text) {
    const char end_of_line = text.find('\n') == std::string_view::npos ? '\r' : '\n';
    std::vector<std::pair<std::size_t, std::string_view>> lines;
    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find(end_of_line, start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back({++number, line});
        start = end + 1;
    }
    return lines;
}

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

bool is_card_boundary(std::string_view line) {
    const std::string word = ascii_uppercase(trimmed(line));
    return word == "BEGIN:VCARD" || word == "END:VCARD";
}

// The logical lines: a line that begins with a space or tab continues the one
// before (RFC 6350 3.2), as does the line after a quoted-printable soft break.
std::vector<LogicalLine> unfolded_lines(std::string_view text) {
    std::vector<LogicalLine> lines;
    bool soft_break = false;
    for (const auto& [number, line] : physical_lines(text)) {
        const bool folded = !lines.empty() && (line.starts_with(' ') || line.starts_with('\t'));
        if (soft_break && !is_card_boundary(line)) {
            lines.back().text.pop_back();
            lines.back().text += line;
        } else if (folded) {
            lines.back().text += line.substr(1);
        } else {
            lines.push_back(LogicalLine{number, std::string(line)});
        }
        soft_break = lines.back().continues_quoted_printable();
    }
    return lines;
}

// Splits "NAME;A=1,2;B="x:y":value" into a Property; none when it has no ':'.
std::optional<Property> parse_property(LogicalLine& logical) {
    const std::size_t colon = logical.value_colon();
    if (colon == std::string::npos) return std::nullopt;
    const std::string_view line = logical.text;
    Property property;
    property.value = line.substr(colon + 1);
    property.line = logical.number;

    std::vector<std::string> parts(1);  // the name, then each parameter
    bool quoted = false;
    for (const char c : line.substr(0, colon)) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ';' && !quoted)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    std::string name = ascii_uppercase(trimmed(parts[0]));
    if (const std::size_t dot = name.rfind('.'); dot != std::string::npos) name.erase(0, dot + 1);  // item1.EMAIL
    property.name = std::move(name);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::size_t equals = parts[i].find('=');
        // vCard 2.1 writes a type alone: TEL;CELL:...
        const std::string parameter =
            equals == std::string::npos ? "TYPE" : ascii_uppercase(trimmed(parts[i].substr(0, equals)));
        const std::string values = equals == std::string::npos ? parts[i] : parts[i].substr(equals + 1);
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = values.find(',', start);
            property.parameters.push_back({parameter, trimmed(values.substr(start, comma - start))});
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return property;
}

// Whether a property's value is base64 (a PHOTO, a LOGO): ENCODING=b (3.0) or BASE64 (2.1).
bool is_base64(const Property& p) {
    return p.has("ENCODING", "b") || p.has("ENCODING", "base64") || p.has("TYPE", "base64");
}

// The cards of the file, in order; lines outside any card are passed over.
std::vector<Card> read_cards(std::string_view text) {
    std::vector<Card> cards;
    std::optional<Card> open;
    for (LogicalLine& logical : unfolded_lines(text)) {
        const std::size_t number = logical.number;
        const std::string_view line = logical.text;
        const std::string word = is_card_boundary(line) ? ascii_uppercase(trimmed(line)) : std::string();
        if (word == "BEGIN:VCARD") {
            if (open) {
                open->problem = fmt::format("its BEGIN:VCARD has no END:VCARD before line {}", number);
                cards.push_back(std::move(*open));
            }
            open = Card();
            open->line = number;
        } else if (word == "END:VCARD" && open) {
            const bool from_kith =
                std::ranges::any_of(open->properties, [](const Property& p) { return p.name == "X-KITH-SLUG"; });
            for (Property& p : open->properties)
                p.exact = from_kith;
            cards.push_back(std::move(*open));
            open.reset();
        } else if (open && !is_blank(line) && open->problem.empty()) {
            if (auto property = parse_property(logical))
                open->properties.push_back(std::move(*property));
            else if (open->properties.empty() || !is_base64(open->properties.back()))
                open->problem = fmt::format("line {} is not a property (NAME:value)", number);
            // else a line of a vCard 2.1 base64 value (a PHOTO), which need not be indented
        }
    }
    if (open) {
        open->problem = "its BEGIN:VCARD has no END:VCARD";
        cards.push_back(std::move(*open));
    }
    return cards;
}

// "=C3=89mile" -> "Émile" (vCard 2.1's ENCODING=QUOTED-PRINTABLE).
std::string decode_quoted_printable(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned byte = 0;
        if (text[i] == '=' && i + 3 <= text.size() &&
            std::from_chars(text.data() + i + 1, text.data() + i + 3, byte, 16).ptr == text.data() + i + 3) {
            out += static_cast<char>(byte);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// `bytes` in `charset` (ISO-8859-1, windows-1252, ...) as UTF-8, by iconv;
// none when iconv knows no such charset or the bytes are not in it.
std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset) {
    const iconv_t convert = ::iconv_open("UTF-8", charset.c_str());
    if (convert == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string in(bytes);
    std::string out(2 * bytes.size() + 16, '\0');
    char* from = in.data();
    std::size_t from_left = in.size();
    char* to = out.data();
    std::size_t to_left = out.size();
    // Runs iconv on the input (or, with none, flushes what the decoder
    // holds), growing the output as often as it is full.
    const auto run = [&](bool flush) {
        while (true) {
            const std::size_t result = flush ? ::iconv(convert, nullptr, nullptr, &to, &to_left)
                                             : ::iconv(convert, &from, &from_left, &to, &to_left);
            if (result != static_cast<std::size_t>(-1)) return true;
            if (errno != E2BIG) return false;  // EILSEQ, EINVAL: not in that charset, or cut short
            const std::size_t written = out.size() - to_left;
            out.resize(2 * out.size());
            to = out.data() + written;
            to_left = out.size() - written;
        }
    };
    const bool converted = run(false) && run(true);
    ::iconv_close(convert);
    if (!converted) return std::nullopt;
    out.resize(out.size() - to_left);
    return out;
}

// The CHARSET a property declares (vCard 2.1), if it is not UTF-8.
std::optional<std::string> other_charset(const Property& p) {
    const auto charset = p.parameter("CHARSET");
    if (!charset || ascii_lowercase(*charset) == "utf-8" || ascii_lowercase(*charset) == "utf8") return std::nullopt;
    return charset;
}

// The value's bytes as written: quoted-printable decoded.
std::string raw_bytes(const Property& p) {
    return p.has("ENCODING", "quoted-printable") || p.has("TYPE", "quoted-printable") ? decode_quoted_printable(p.value)
                                                                                      : p.value;
}

// The value's text before unescaping: quoted-printable decoded, and in
// UTF-8 when a CHARSET (vCard 2.1) names another that iconv knows.
std::string raw_value(const Property& p) {
    const std::string bytes = raw_bytes(p);
    const auto charset = other_charset(p);
    return charset ? to_utf8(bytes, *charset).value_or(bytes) : bytes;
}

// Splits at each `separator` (if any) that no backslash escapes, and unescapes
// each part: \n and \N are a line break, \, \; \: and \\ the character itself.
std::vector<std::string> split_unescaped(std::string_view text, std::optional<char> separator) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            if (next != '\r') parts.back() += next == 'n' || next == 'N' ? '\n' : next;
        } else if (c == separator) {
            parts.emplace_back();
        } else if (c != '\r') {  // a stray CR is a line end's, never text (and no vCard can write it)
            parts.back() += c;
        }
    }
    return parts;
}

// A value as kept: without blanks at either end, unless the card is kith's own.
std::string as_kept(const Property& p, std::string text) {
    return p.exact ? text : trimmed(text);
}

// A text value (FN, NOTE, ...), unescaped.
std::string text_value(const Property& p) {
    return as_kept(p, split_unescaped(raw_value(p), std::nullopt).front());
}

// The component `index` of a structured value (N, ORG, ADR), or "".
std::string component(const Property& p, std::size_t index) {
    const std::vector<std::string> parts = split_unescaped(raw_value(p), ';');
    return index < parts.size() ? as_kept(p, parts[index]) : std::string();
}

// How much a property is preferred: PREF=1 (4.0) most, TYPE=pref (3.0) as much; else the file's order.
int preference(const Property& p) {
    if (p.has("TYPE", "pref")) return 1;
    int pref = 101;
    if (const auto value = p.parameter("PREF")) std::from_chars(value->data(), value->data() + value->size(), pref);
    return pref;
}

// The preferred property called `name` with a value, if any.
const Property* preferred_property(const std::vector<Property>& properties, std::string_view name) {
    const Property* best = nullptr;
    for (const Property& p : properties)
        if (p.name == name && !text_value(p).empty() && (!best || preference(p) < preference(*best))) best = &p;
    return best;
}

// Its value, or "".
std::string preferred(const std::vector<Property>& properties, std::string_view name) {
    const Property* best = preferred_property(properties, name);
    return best ? text_value(*best) : std::string();
}

// The properties read_card takes a value from: only theirs must be text kith can keep.
constexpr std::string_view properties_read[] = {"FN",
                                                "N",
                                                "EMAIL",
                                                "TEL",
                                                "ORG",
                                                "TITLE",
                                                "ROLE",
                                                "URL",
                                                "X-SOCIALPROFILE",
                                                "ADR",
                                                "CATEGORIES",
                                                "NOTE",
                                                "X-KITH-SOURCE",
                                                "X-KITH-REFERRED-BY",
                                                "X-KITH-KEEP-IN-TOUCH",
                                                "X-KITH-ADDED",
                                                "X-KITH-FIELD",
                                                "X-KITH-SLUG"};

// Whether a URL (or Apple's X-SOCIALPROFILE) is a LinkedIn profile.
bool is_linkedin(const Property& p) {
    return p.has("TYPE", "linkedin") || linkedin_profile_key(text_value(p)).starts_with("linkedin.com/");
}

// The contact a card describes, or why it cannot be imported.
ImportedEntry read_card(const Card& card, const DateTime& now) {
    ImportedEntry entry;
    entry.line = card.line;
    for (const Property& p : card.properties)
        if (p.name == "X-KITH-SLUG") entry.exported_slug = text_value(p);
    if (!card.problem.empty()) {
        entry.problem = card.problem;
        return entry;
    }
    const auto fail = [&entry](std::string problem) {
        entry.problem = std::move(problem);
        return entry;
    };
    const std::vector<Property>& all = card.properties;
    for (const Property& p : all) {
        const bool read = std::ranges::find(properties_read, p.name) != std::ranges::end(properties_read);
        if (const auto charset = other_charset(p); read && charset && !to_utf8(raw_bytes(p), *charset))
            return fail(fmt::format("its {} on line {} is not text in its CHARSET {}", p.name, p.line, *charset));
        if (read && !is_valid_utf8(raw_value(p)))
            return fail(fmt::format("its {} on line {} is not UTF-8 text", p.name, p.line));
        if ((p.name == "KIND" || p.name == "X-ADDRESSBOOKSERVER-KIND") && ascii_lowercase(text_value(p)) == "group")
            return fail(fmt::format("it is a group of contacts ({} on line {}), not a person", p.name, p.line));
    }

    Contact c;
    c.name = preferred(all, "FN");
    if (c.name.empty())
        for (const Property& p : all)
            if (p.name == "N") {
                // family;given;additional;prefix;suffix, each perhaps a list
                std::vector<std::string> words;
                for (const std::size_t i : {3, 1, 2, 0, 4})
                    for (const std::string& word : split_unescaped(component(p, i), ','))
                        if (!is_blank(word)) words.push_back(trimmed(word));
                c.name = fmt::format("{}", fmt::join(words, " "));
                break;
            }
    if (c.name.empty()) return fail("it has no name (FN or N)");

    c.email = preferred(all, "EMAIL");
    c.phone = preferred(all, "TEL");
    if (c.phone.starts_with("tel:") && !preferred_property(all, "TEL")->has("VALUE", "text")) c.phone.erase(0, 4);
    c.role = preferred(all, "TITLE");
    if (c.role.empty()) c.role = preferred(all, "ROLE");
    c.source = preferred(all, "X-KITH-SOURCE");
    c.referred_by = preferred(all, "X-KITH-REFERRED-BY");
    std::string notes;
    std::vector<std::string> fields[2];  // X-KITH-FIELD documents: keys of their own, then tables
    for (const Property& p : all) {
        if (p.name == "ORG" && c.company.empty()) c.company = component(p, 0);
        if ((p.name == "URL" || p.name == "X-SOCIALPROFILE") && c.linkedin.empty() && is_linkedin(p))
            c.linkedin = text_value(p);
        if (p.name == "ADR" && c.location.empty()) {
            std::vector<std::string> place;  // locality, region, country
            for (const std::size_t i : {3, 4, 6})
                if (std::string part = component(p, i); !part.empty()) place.push_back(std::move(part));
            c.location = fmt::format("{}", fmt::join(place, ", "));
        }
        if (p.name == "CATEGORIES")
            for (const std::string& tag : split_unescaped(raw_value(p), ','))
                if (const std::string t = as_kept(p, tag); !t.empty() && std::ranges::find(c.tags, t) == c.tags.end())
                    c.tags.push_back(t);
        if (p.name == "NOTE" && !text_value(p).empty()) notes += (notes.empty() ? "" : "\n\n") + text_value(p);
        if (p.name == "X-KITH-FIELD") {
            try {
                parse_other_fields(text_value(p), "X-KITH-FIELD");  // its own problems, named by its line
            } catch (const Error& e) {
                return fail(fmt::format("its line {}: {}", p.line, e.what()));
            }
            fields[text_value(p).starts_with('[') ? 1 : 0].push_back(text_value(p));
        }
    }
    // Then one document, in the order of a contact file: a key given twice is an error here.
    try {
        c.other_fields = parse_other_fields(
            fmt::format("{}\n{}", fmt::join(fields[0], "\n"), fmt::join(fields[1], "\n")), "its X-KITH-FIELDs");
    } catch (const Error& e) {
        return fail(e.what());
    }
    if (const std::string cadence = preferred(all, "X-KITH-KEEP-IN-TOUCH"); !cadence.empty()) {
        try {
            c.keep_in_touch = parse_duration(cadence, true);
        } catch (const Error& e) {
            return fail(fmt::format("its X-KITH-KEEP-IN-TOUCH: {}", e.what()));
        }
    }
    c.added = now.day();
    if (const std::string added = preferred(all, "X-KITH-ADDED"); !added.empty()) {
        c.added = parse_date_as(added, "%Y-%m-%d");
        if (!c.added) return fail(fmt::format("its X-KITH-ADDED '{}' is not a date like 2026-11-23", added));
    }
    if (!notes.empty()) {
        Event note;
        note.type = EventType::note;
        note.date = now;
        note.note = notes;
        c.events.push_back(std::move(note));
    }
    entry.contact = std::move(c);
    return entry;
}

// Escapes a text value (RFC 6350 3.4): backslash, comma, semicolon and line breaks.
std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == ',' || c == ';') out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out;
}

// Writes one content line, folded so that no line is over 75 bytes and no
// UTF-8 character is split (RFC 6350 3.2).
void write_line(std::ostream& out, std::string_view line) {
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        fmt::print(out, "{}\r\n ", line.substr(0, cut));
        line.remove_prefix(cut);
        limit = 74;  // after the space that marks the continuation
    }
    fmt::print(out, "{}\r\n", line);
}

}  // namespace

std::vector<ImportedEntry> read_vcards(std::string_view text, std::string_view file, const DateTime& now) {
    text = without_bom(text);
    const std::vector<Card> cards = read_cards(text);
    if (cards.empty()) throw Error(Exit::usage, fmt::format("'{}' holds no vCard: no line BEGIN:VCARD in it", file));
    std::vector<ImportedEntry> entries;
    for (const Card& card : cards)
        entries.push_back(read_card(card, now));
    return entries;
}

void write_vcard(std::ostream& out, const Contact& c) {
    const auto line = [&out](std::string_view name, std::string_view value) {
        if (!value.empty()) write_line(out, fmt::format("{}:{}", name, value));
    };
    line("BEGIN", "VCARD");
    line("VERSION", "4.0");
    line("FN", escaped(c.name));
    line("EMAIL", escaped(c.email));
    line("TEL;VALUE=text", escaped(c.phone));
    line("ORG", escaped(c.company));
    line("TITLE", escaped(c.role));
    line("URL;TYPE=linkedin", escaped(c.linkedin));
    if (!c.location.empty()) line("ADR", fmt::format(";;;{};;;", escaped(c.location)));
    std::vector<std::string> tags;
    for (const std::string& tag : c.tags)
        tags.push_back(escaped(tag));
    line("CATEGORIES", fmt::format("{}", fmt::join(tags, ",")));
    line("X-KITH-SLUG", escaped(c.slug));
    line("X-KITH-SOURCE", escaped(c.source));
    line("X-KITH-REFERRED-BY", escaped(c.referred_by));
    if (c.keep_in_touch) line("X-KITH-KEEP-IN-TOUCH", escaped(format_duration(*c.keep_in_touch)));
    if (c.added) line("X-KITH-ADDED", format_date(*c.added));
    for (const OtherField& other : c.other_fields)
        line("X-KITH-FIELD", escaped(other.document));
    line("END", "VCARD");
}

}  // namespace kith
