// The reports of `kith due`, `list` and `show`: text for people, TSV and
// JSON for programs (the calendar is formats/ics.cpp's).
#include "formats/render.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/color.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "formats/contact_json.hpp"
#include "formats/ics.hpp"
#include "formats/json.hpp"
#include "model/names.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// Tabs, newlines and other control characters become spaces: one reminder, one line.
std::string one_line(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return out;
}

// A name or message in the text of due and list: one line, its control
// characters made visible first for a terminal (all but tabs and newlines,
// which one_line then makes spaces).
std::string one_line(std::string_view text, TextStyle output) {
    return output.visible ? one_line(visible_text(text)) : one_line(text);
}

void render_text(std::ostream& out, std::span<const Reminder> reminders, Date today, TextStyle output) {
    static constexpr std::array<std::pair<Status, std::string_view>, 3> groups = {
        {{Status::overdue, "Overdue"}, {Status::due, "Due"}, {Status::upcoming, "Upcoming"}}};
    const auto paint = [&](fmt::text_style style, std::string_view text) {
        return output.color ? fmt::format(style, "{}", text) : std::string(text);
    };
    bool first = true;
    for (const auto& [status, title] : groups) {
        const fmt::text_style style = status == Status::overdue ? fmt::fg(fmt::terminal_color::red)
                                      : status == Status::due   ? fmt::fg(fmt::terminal_color::yellow)
                                                                : fmt::fg(fmt::terminal_color::cyan);
        bool header = false;
        for (const Reminder& r : reminders) {
            if (status_of(r, today) != status) continue;
            if (!header) {
                fmt::print(out, "{}{}\n", first ? "" : "\n", paint(style | fmt::emphasis::bold, title));
                header = true;
                first = false;
            }
            fmt::print(out, "  {}  {:<13}  {}: {}\n", paint(style, format_date(r.due)), to_string(r.rule),
                       paint(fmt::emphasis::bold, one_line(r.name, output)), one_line(r.message, output));
        }
    }
}

void render_tsv(std::ostream& out, std::span<const Reminder> reminders, Date today) {
    for (const Reminder& r : reminders)
        fmt::print(out, "{}\t{}\t{}\t{}\t{}\t{}\n", format_date(r.due), to_string(status_of(r, today)),
                   to_string(r.rule), one_line(r.contact), one_line(r.name), one_line(r.message));
}

void render_json(std::ostream& out, std::span<const Reminder> reminders, Date today) {
    Json items = Json::array();
    for (const Reminder& r : reminders)
        items.push_back(reminder_json(r, today, Whose::named));
    out << json_lines(items) << '\n';
}

// How many columns a text takes: its code points (fmt pads by the same count).
std::size_t width(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string optional_date(const std::optional<Date>& day) {
    return day ? format_date(*day) : std::string();
}

std::string next_text(const Standing& s) {
    return s.next ? fmt::format("{} {}", format_date(s.next->due), to_string(s.next->rule)) : std::string();
}

void render_list_text(std::ostream& out, std::span<const Standing> standings, Date today, TextStyle output) {
    if (standings.empty()) {
        fmt::print(out, "No contacts.\n");
        return;
    }
    // The columns as shown, measured as shown: "^[" is two columns.
    struct Shown {
        std::string name, slug, company;
    };
    std::vector<Shown> shown;
    for (const Standing& s : standings)  // in a pipe, a slug as its file is named, as ever
        shown.push_back({one_line(s.contact->name, output),
                         output.visible ? one_line(s.contact->slug, output) : s.contact->slug,
                         one_line(s.contact->company, output)});
    std::size_t name = 4, slug = 4, company = 7;
    for (const Shown& s : shown) {
        name = std::max(name, width(s.name));
        slug = std::max(slug, s.slug.size());
        company = std::max(company, width(s.company));
    }
    const auto row = [&](std::string_view a, std::string_view b, std::string_view c, std::string_view d,
                         std::string_view e, std::string_view f) {
        std::string line =
            fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<11}  {:<10}  {}", a, name, b, slug, c, company, d, e, f);
        while (line.ends_with(' '))
            line.pop_back();
        return line;
    };
    const std::string header = row("NAME", "SLUG", "COMPANY", "STAGE", "LAST", "NEXT");
    fmt::print(out, "{}\n", output.color ? fmt::format(fmt::emphasis::bold, "{}", header) : header);
    std::map<Stage, int> counts;
    for (std::size_t i = 0; i < standings.size(); ++i) {
        const Standing& s = standings[i];
        ++counts[s.stage];
        std::string line = row(shown[i].name, shown[i].slug, shown[i].company, to_string(s.stage),
                               optional_date(s.last_interaction), next_text(s));
        if (output.color && s.next && status_of(*s.next, today) == Status::overdue)
            line = fmt::format(fmt::fg(fmt::terminal_color::red), "{}", line);
        fmt::print(out, "{}\n", line);
    }
    std::string summary;
    for (Stage stage : all_stages())
        if (counts[stage] > 0)
            summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", counts[stage], to_string(stage));
    fmt::print(out, "\n{} contact{}: {}\n", standings.size(), standings.size() == 1 ? "" : "s", summary);
}

std::string who(const Contact* c) {
    return fmt::format("{} ({})", c->name, c->slug);
}

void render_show_text(std::ostream& out, const Contact& c, Stage stage, const ReferralLinks& links,
                      std::span<const Reminder> reminders, Date today) {
    fmt::print(out, "{} ({})\n", c.name, c.slug);
    const auto field = [&](std::string_view label, std::string_view value) {
        if (!value.empty()) fmt::print(out, "  {:<16} {}\n", label, prefix_lines(value, "                   "));
    };
    for (const auto& [key, value] : text_fields(c))
        if (key != "referred_by") field(key, *value);  // shown below, with the referrer's name
    field("tags", fmt::format("{}", fmt::join(c.tags, ", ")));
    if (c.keep_in_touch) field("keep in touch", format_duration(*c.keep_in_touch));
    if (c.added) field("added", format_date(*c.added));
    for (const OtherField& other : c.other_fields)
        field(other.key, other.toml);
    field("stage", to_string(stage));
    for (const Reminder& r : reminders)
        field(to_string(status_of(r, today)),
              fmt::format("{} {}: {}", format_date(r.due), to_string(r.rule), r.message));
    if (links.referred_by)
        field("referred by", who(links.referred_by));
    else if (!c.referred_by.empty())
        field("referred by", c.referred_by + " (not in the network)");
    std::vector<std::string> names;
    for (const Contact* other : links.referred_to)
        names.push_back(who(other));
    field("referred you to", fmt::format("{}", fmt::join(names, ", ")));

    const auto events = whole_timeline(c);
    if (events.empty()) return;
    fmt::print(out, "\nTimeline\n");
    constexpr std::string_view pad = "                      ";
    for (const Event* e : events) {
        fmt::print(out, "  {:<18}  {}{}\n", format_when(e->date), event_heading(*e),
                   e->date.day() > today ? "  (ahead)" : "");
        if (!e->note.empty()) fmt::print(out, "{}{}\n", pad, prefix_lines(e->note, pad));
        if (!e->notes.empty()) fmt::print(out, "{}{}\n", pad, prefix_lines(e->notes, pad));
        for (const std::string& point : e->learned)
            fmt::print(out, "{}learned: {}\n", pad, prefix_lines(point, pad));
        if (!e->referrals.empty()) fmt::print(out, "{}referrals: {}\n", pad, fmt::join(e->referrals, ", "));
        for (const OtherField& other : e->other_fields)
            fmt::print(out, "{}{}: {}\n", pad, other.key, prefix_lines(other.toml, pad));
    }
}

void render_show_json(std::ostream& out, const Contact& c, Stage stage, const ReferralLinks& links,
                      std::span<const Reminder> reminders, Date today) {
    Json members = contact_members(c);
    members["stage"] = to_string(stage);
    members["referrer"] = links.referred_by ? Json(links.referred_by->slug) : Json(nullptr);
    members["referred_to"] = Json::array();
    for (const Contact* other : links.referred_to)
        members["referred_to"].push_back(other->slug);
    members["reminders"] = Json::array();
    for (const Reminder& r : reminders)
        members["reminders"].push_back(reminder_json(r, today, Whose::implied));
    members["events"] = Json::array();
    for (const Event* e : whole_timeline(c))
        members["events"].push_back(event_json(*e));
    // One member a line, and the events one a line inside theirs.
    out << "{\n";
    bool first = true;
    for (const auto& member : members.items()) {
        out << (first ? "  " : ",\n  ") << json_line(member.key()) << ": "
            << (member.key() == "events" ? json_lines(member.value(), "  ") : json_line(member.value()));
        first = false;
    }
    out << "\n}\n";
}

}  // namespace

std::string event_heading(const Event& e) {
    std::string head(to_string(e.type));
    if (e.at) head += fmt::format(" for {}", format_when(*e.at));
    if (!e.where.empty()) head += fmt::format(" at {}", one_line(e.where));
    if (e.is_virtual) head += " (virtual)";
    if (!e.via.empty()) head += fmt::format(" via {}", one_line(e.via));
    return head;
}

void render_show(std::ostream& out, const Contact& contact, Stage stage, const ReferralLinks& links,
                 std::span<const Reminder> reminders, ShowFormat format, Date today) {
    if (format == ShowFormat::json)
        render_show_json(out, contact, stage, links, reminders, today);
    else
        render_show_text(out, contact, stage, links, reminders, today);
}

void render_list(std::ostream& out, std::span<const Standing> standings, ListFormat format, Date today,
                 TextStyle style) {
    switch (format) {
        case ListFormat::text: render_list_text(out, standings, today, style); break;
        case ListFormat::tsv:
            for (const Standing& s : standings)
                fmt::print(out, "{}\t{}\t{}\t{}\t{}\t{}\t{}\n", s.contact->slug, one_line(s.contact->name),
                           one_line(s.contact->company), to_string(s.stage), optional_date(s.last_interaction),
                           s.next ? format_date(s.next->due) : "", s.next ? to_string(s.next->rule) : "");
            break;
        case ListFormat::json: {
            Json items = Json::array();
            for (const Standing& s : standings)
                items.push_back(
                    {{"contact", s.contact->slug},
                     {"name", s.contact->name},
                     {"company", s.contact->company},
                     {"stage", to_string(s.stage)},
                     {"last_interaction", s.last_interaction ? Json(format_date(*s.last_interaction)) : Json(nullptr)},
                     {"next", s.next ? reminder_json(*s.next, today, Whose::implied) : Json(nullptr)}});
            out << json_lines(items) << '\n';
            break;
        }
    }
}

void render_due(std::ostream& out, std::span<const Reminder> reminders, DueFormat format, Date today, TextStyle style) {
    switch (format) {
        case DueFormat::text: render_text(out, reminders, today, style); break;
        case DueFormat::tsv: render_tsv(out, reminders, today); break;
        case DueFormat::json: render_json(out, reminders, today); break;
        case DueFormat::ics: write_ics(out, reminders, today); break;
    }
}

}  // namespace kith
