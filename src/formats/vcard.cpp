// What a vCard means for a contact, both ways: the properties kith reads
// from a card, and the card it writes for a contact.
#include "formats/vcard.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "formats/contact_file.hpp"
#include "formats/content_line.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// A card as read: where it begins, its properties, or why it is unreadable.
struct Card {
    std::size_t line = 0;
    std::vector<Property> properties;
    std::string problem;
};

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
        if (!value.empty()) out << fold_content_line(fmt::format("{}:{}", name, value));
    };
    line("BEGIN", "VCARD");
    line("VERSION", "4.0");
    line("FN", escape_text(c.name));
    line("EMAIL", escape_text(c.email));
    line("TEL;VALUE=text", escape_text(c.phone));
    line("ORG", escape_text(c.company));
    line("TITLE", escape_text(c.role));
    line("URL;TYPE=linkedin", escape_text(c.linkedin));
    if (!c.location.empty()) line("ADR", fmt::format(";;;{};;;", escape_text(c.location)));
    std::vector<std::string> tags;
    for (const std::string& tag : c.tags)
        tags.push_back(escape_text(tag));
    line("CATEGORIES", fmt::format("{}", fmt::join(tags, ",")));
    line("X-KITH-SLUG", escape_text(c.slug));
    line("X-KITH-SOURCE", escape_text(c.source));
    line("X-KITH-REFERRED-BY", escape_text(c.referred_by));
    if (c.keep_in_touch) line("X-KITH-KEEP-IN-TOUCH", escape_text(format_duration(*c.keep_in_touch)));
    if (c.added) line("X-KITH-ADDED", format_date(*c.added));
    for (const OtherField& other : c.other_fields)
        line("X-KITH-FIELD", escape_text(other.document));
    line("END", "VCARD");
}

}  // namespace kith
