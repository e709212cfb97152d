// The TOML text of contact files, written and checked.
#include "formats/contact_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "formats/contact_file.hpp"
#include "formats/toml_text.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

bool same_event(const Event& a, const Event& b) {
    return a.type == b.type && a.date == b.date && a.note == b.note && a.via == b.via && a.at == b.at &&
           a.where == b.where && a.is_virtual == b.is_virtual && a.notes == b.notes && a.learned == b.learned &&
           a.referrals == b.referrals;
}
bool same_header(const Contact& a, const Contact& b) {
    const auto fields_a = text_fields(a), fields_b = text_fields(b);
    const bool same_texts = std::equal(fields_a.begin(), fields_a.end(), fields_b.begin(),
                                       [](const auto& x, const auto& y) { return *x.second == *y.second; });
    return a.name == b.name && same_texts && a.tags == b.tags &&
           a.keep_in_touch.has_value() == b.keep_in_touch.has_value() &&
           (!a.keep_in_touch || format_duration(*a.keep_in_touch) == format_duration(*b.keep_in_touch)) &&
           a.added == b.added && a.other_fields == b.other_fields;
}

void add_line(std::string& out, std::string_view key, const std::string& value_text) {
    out += fmt::format("{} = {}\n", key, value_text);
}

void add_text(std::string& out, std::string_view key, const std::string& value) {
    if (!value.empty()) add_line(out, key, toml_text(value));
}

void add_texts(std::string& out, std::string_view key, const std::vector<std::string>& values) {
    if (!values.empty()) add_line(out, key, toml_text(values));
}

}  // namespace

std::string contact_file_name(std::string_view slug) {
    return fmt::format("contacts/{}.toml", slug);
}

std::string appended(const std::string& old, std::string_view addition) {
    std::string out = old;
    if (!out.empty() && !out.ends_with('\n')) out += '\n';
    if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
    out += addition;
    return out;
}

[[noreturn]] void refuse_to_write(std::string_view display) {
    throw Error(Exit::data, fmt::format("refusing to write '{}': the result would not read back as written "
                                        "(the file is left as it was)",
                                        display));
}

std::string event_text(const Event& event) {
    std::string out = "[[event]]\n";
    add_line(out, "type", toml_text(to_string(event.type)));
    add_line(out, "date", toml_text(event.date));
    if (event.at) add_line(out, "at", toml_text(*event.at));
    add_text(out, "where", event.where);
    if (event.is_virtual) add_line(out, "virtual", "true");
    add_text(out, "via", event.via);
    add_text(out, "note", event.note);
    add_text(out, "notes", event.notes);
    add_texts(out, "learned", event.learned);
    add_texts(out, "referrals", event.referrals);
    return out;
}

std::string contact_header_text(const Contact& contact) {
    std::string out;
    add_text(out, "name", contact.name);
    for (const auto& [key, value] : text_fields(contact))
        add_text(out, key, *value);
    add_texts(out, "tags", contact.tags);
    if (contact.keep_in_touch) add_text(out, "keep_in_touch", format_duration(*contact.keep_in_touch));
    if (contact.added) add_line(out, "added", toml_text(at_start_of(*contact.added)));
    // Keys of their own first: after a [table], a key would belong to it.
    for (const bool tables : {false, true})
        for (const OtherField& other : contact.other_fields)
            if (other.document.starts_with('[') == tables) out += (tables ? "\n" : "") + other.document + "\n";
    return out;
}

std::string new_contact_text(const Contact& contact, std::string_view slug) {
    if (is_blank(contact.name)) throw Error(Exit::usage, "a contact's name cannot be empty");
    std::string text = contact_header_text(contact);
    for (const Event& event : contact.events)
        text = appended(text, event_text(event));

    const Contact check = parse_contact(text, contact_file_name(slug), std::string(slug));
    bool faithful = same_header(check, contact) && check.events.size() == contact.events.size();
    for (std::size_t i = 0; faithful && i < check.events.size(); ++i)
        faithful = same_event(check.events[i], contact.events[i]);
    if (!faithful) refuse_to_write(contact_file_name(slug));
    return text;
}

std::string event_appended(const std::string& old, std::string_view slug, const Event& event) {
    const std::string display = contact_file_name(slug);
    const Contact before = parse_contact(old, display, std::string(slug));
    const std::string text = appended(old, event_text(event));
    Contact after;
    try {
        after = parse_contact(text, display, std::string(slug));
    } catch (const Error& e) {
        // The file reads, but not with a new table at its end (an inline
        // `event = [...]`, say): the position is in text that was never written.
        throw Error(Exit::data, fmt::format("cannot append an event to '{}' (left as it was): the file's own layout "
                                            "does not allow one at its end: {}",
                                            display, e.what()));
    }
    if (after.events.size() != before.events.size() + 1 || !same_event(after.events.back(), event) ||
        !same_header(after, before))
        refuse_to_write(display);
    return text;
}

}  // namespace kith
