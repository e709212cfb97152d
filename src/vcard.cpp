#include "kith/vcard.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "kith/error.hpp"
#include "kith/text.hpp"

namespace kith {

namespace {

// One content line, unfolded: GROUP.NAME;PARAM=VALUE,...:VALUE.
struct Property {
    std::string name;                                             // uppercase, without its group
    std::vector<std::pair<std::string, std::string>> parameters;  // name uppercase; one pair per value
    std::string value;                                            // as written, escapes and all
    std::size_t line = 0;

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

std::string uppercase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// The physical lines of `text`, without their line ends, each with its number.
std::vector<std::pair<std::size_t, std::string_view>> physical_lines(std::string_view text) {
    std::vector<std::pair<std::size_t, std::string_view>> lines;
    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back({++number, line});
        start = end + 1;
    }
    return lines;
}

// Where the value starts: the first ':' outside double quotes.
std::size_t value_colon(std::string_view line) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') quoted = !quoted;
        if (line[i] == ':' && !quoted) return i;
    }
    return std::string_view::npos;
}

// Whether a logical line so far is a vCard 2.1 quoted-printable value that a
// final '=' continues on the next line.
bool continues_quoted_printable(std::string_view line) {
    const std::size_t colon = value_colon(line);
    return colon != std::string_view::npos &&
           uppercase(line.substr(0, colon)).find("QUOTED-PRINTABLE") != std::string::npos && line.ends_with('=');
}

// The logical lines: a line that begins with a space or tab continues the one
// before (RFC 6350 3.2), as does the line after a quoted-printable soft break.
std::vector<std::pair<std::size_t, std::string>> unfolded_lines(std::string_view text) {
    std::vector<std::pair<std::size_t, std::string>> lines;
    bool soft_break = false;
    for (const auto& [number, line] : physical_lines(text)) {
        const bool folded = !lines.empty() && (line.starts_with(' ') || line.starts_with('\t'));
        if (soft_break) {
            lines.back().second.pop_back();
            lines.back().second += line;
        } else if (folded) {
            lines.back().second += line.substr(1);
        } else {
            lines.push_back({number, std::string(line)});
        }
        soft_break = continues_quoted_printable(lines.back().second);
    }
    return lines;
}

// Splits "NAME;A=1,2;B="x:y":value" into a Property; none when it has no ':'.
std::optional<Property> parse_property(std::string_view line, std::size_t number) {
    const std::size_t colon = value_colon(line);
    if (colon == std::string_view::npos) return std::nullopt;
    Property property;
    property.value = line.substr(colon + 1);
    property.line = number;

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
    std::string name = uppercase(trimmed(parts[0]));
    if (const std::size_t dot = name.rfind('.'); dot != std::string::npos) name.erase(0, dot + 1);  // item1.EMAIL
    property.name = std::move(name);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::size_t equals = parts[i].find('=');
        // vCard 2.1 writes a type alone: TEL;CELL:...
        const std::string parameter =
            equals == std::string::npos ? "TYPE" : uppercase(trimmed(parts[i].substr(0, equals)));
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

// The cards of the file, in order; lines outside any card are passed over.
std::vector<Card> read_cards(std::string_view text) {
    std::vector<Card> cards;
    std::optional<Card> open;
    for (const auto& [number, line] : unfolded_lines(text)) {
        const std::string word = uppercase(trimmed(line));
        if (word == "BEGIN:VCARD") {
            if (open) {
                open->problem = fmt::format("its BEGIN:VCARD has no END:VCARD before line {}", number);
                cards.push_back(std::move(*open));
            }
            open = Card();
            open->line = number;
        } else if (word == "END:VCARD" && open) {
            cards.push_back(std::move(*open));
            open.reset();
        } else if (open && !is_blank(line) && open->problem.empty()) {
            if (auto property = parse_property(line, number))
                open->properties.push_back(std::move(*property));
            else
                open->problem = fmt::format("line {} is not a property (NAME:value)", number);
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

// The value's text before unescaping: quoted-printable decoded.
std::string raw_value(const Property& p) {
    return p.has("ENCODING", "quoted-printable") || p.has("TYPE", "quoted-printable") ? decode_quoted_printable(p.value)
                                                                                      : p.value;
}

// Splits at each `separator` that no backslash escapes, and unescapes each part:
// \n and \N are a line break, \, \; \: and \\ the character itself.
std::vector<std::string> split_unescaped(std::string_view text, char separator) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            parts.back() += next == 'n' || next == 'N' ? '\n' : next;
        } else if (c == separator) {
            parts.emplace_back();
        } else {
            parts.back() += c;
        }
    }
    return parts;
}

std::string text_value(const Property& p) {
    return trimmed(split_unescaped(raw_value(p), '\0').front());
}

// The component `index` of a structured value (N, ORG, ADR), or "".
std::string component(const Property& p, std::size_t index) {
    const std::vector<std::string> parts = split_unescaped(raw_value(p), ';');
    return index < parts.size() ? trimmed(parts[index]) : std::string();
}

// How much a property is preferred: PREF=1 (4.0) most, TYPE=pref (3.0) as much; else the file's order.
int preference(const Property& p) {
    if (p.has("TYPE", "pref")) return 1;
    int pref = 101;
    if (const auto value = p.parameter("PREF")) std::from_chars(value->data(), value->data() + value->size(), pref);
    return pref;
}

// The preferred non-empty value among the properties called `name`.
std::string preferred(const std::vector<Property>& properties, std::string_view name) {
    const Property* best = nullptr;
    for (const Property& p : properties)
        if (p.name == name && !text_value(p).empty() && (!best || preference(p) < preference(*best))) best = &p;
    return best ? text_value(*best) : std::string();
}

bool is_linkedin(const Property& p) {
    return p.has("TYPE", "linkedin") || linkedin_profile_key(text_value(p)).starts_with("linkedin.com/");
}

// The contact a card describes, or why it cannot be imported.
ImportedEntry read_card(const Card& card, const DateTime& now) {
    ImportedEntry entry;
    entry.line = card.line;
    if (!card.problem.empty()) {
        entry.problem = card.problem;
        return entry;
    }
    const auto fail = [&entry](std::string problem) {
        entry.problem = std::move(problem);
        return entry;
    };
    for (const Property& p : card.properties)
        if (!is_valid_utf8(raw_value(p)))
            return fail(fmt::format("its {} on line {} is not UTF-8 text", p.name, p.line));

    const std::vector<Property>& all = card.properties;
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
    if (c.phone.starts_with("tel:")) c.phone.erase(0, 4);
    c.role = preferred(all, "TITLE");
    if (c.role.empty()) c.role = preferred(all, "ROLE");
    c.source = preferred(all, "X-KITH-SOURCE");
    c.referred_by = preferred(all, "X-KITH-REFERRED-BY");
    std::string notes;
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
                if (const std::string t = trimmed(tag); !t.empty() && std::ranges::find(c.tags, t) == c.tags.end())
                    c.tags.push_back(t);
        if (p.name == "NOTE" && !text_value(p).empty()) notes += (notes.empty() ? "" : "\n\n") + text_value(p);
        if (p.name == "X-KITH-FIELD") {
            try {
                for (OtherField& other : parse_other_fields(text_value(p), "X-KITH-FIELD"))
                    c.other_fields.push_back(std::move(other));
            } catch (const Error& e) {
                return fail(fmt::format("its line {}: {}", p.line, e.what()));
            }
        }
    }
    // As a contact file holds them: keys of their own, then tables.
    std::ranges::stable_partition(c.other_fields, [](const OtherField& f) { return !f.document.starts_with('['); });
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
    line("X-KITH-SOURCE", escaped(c.source));
    line("X-KITH-REFERRED-BY", escaped(c.referred_by));
    if (c.keep_in_touch) line("X-KITH-KEEP-IN-TOUCH", escaped(format_duration(*c.keep_in_touch)));
    if (c.added) line("X-KITH-ADDED", format_date(*c.added));
    for (const OtherField& other : c.other_fields)
        line("X-KITH-FIELD", escaped(other.document));
    line("END", "VCARD");
}

}  // namespace kith
