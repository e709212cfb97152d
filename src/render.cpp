// The output formats of `kith due`.
#include "kith/render.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include <fmt/color.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <toml++/toml.h>

namespace kith {

namespace {

// Tabs, newlines and other control characters become spaces: one reminder, one line.
std::string one_line(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return out;
}

std::string compact_date(Date day) {
    return date::format("%Y%m%d", day);
}

// What the reminder asks, as a calendar entry's title.
std::string summary(const Reminder& r) {
    switch (r.rule) {
        case Rule::follow_up: return fmt::format("Follow up with {}", r.name);
        case Rule::move_on: return fmt::format("Move on from {}", r.name);
        case Rule::schedule: return fmt::format("Set a meeting with {}", r.name);
        case Rule::prepare: return fmt::format("Prepare for {}", r.name);
        case Rule::log_meeting: return fmt::format("Log the meeting with {}", r.name);
        case Rule::notes: return fmt::format("Write notes on {}", r.name);
        case Rule::thank: return fmt::format("Thank {}", r.name);
        case Rule::referral: return fmt::format("Contact {}", r.name);
        case Rule::report_back: return fmt::format("Tell {} how it went", r.name);
        case Rule::keep_in_touch: return fmt::format("Check in with {}", r.name);
        case Rule::share_news: return fmt::format("Share your news with {}", r.name);
    }
    return r.name;
}

void render_text(std::ostream& out, std::span<const Reminder> reminders, Date today, bool color) {
    static constexpr std::array<std::pair<Status, std::string_view>, 3> groups = {
        {{Status::overdue, "Overdue"}, {Status::due, "Due"}, {Status::upcoming, "Upcoming"}}};
    const auto paint = [&](fmt::text_style style, std::string_view text) {
        return color ? fmt::format(style, "{}", text) : std::string(text);
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
                       paint(fmt::emphasis::bold, one_line(r.name)), one_line(r.message));
        }
    }
}

void render_tsv(std::ostream& out, std::span<const Reminder> reminders, Date today) {
    for (const Reminder& r : reminders)
        fmt::print(out, "{}\t{}\t{}\t{}\t{}\t{}\n", format_date(r.due), to_string(status_of(r, today)),
                   to_string(r.rule), one_line(r.contact), one_line(r.name), one_line(r.message));
}

// A JSON string, escaped by toml++'s JSON formatter.
std::string json_string(std::string_view text) {
    std::ostringstream out;
    out << toml::json_formatter{toml::value<std::string>(std::string(text))};
    return out.str();
}

// One object a line, keys in SPEC §5's order (toml++'s own tables would sort them).
void render_json(std::ostream& out, std::span<const Reminder> reminders, Date today) {
    out << '[';
    for (std::size_t i = 0; i < reminders.size(); ++i) {
        const Reminder& r = reminders[i];
        fmt::print(out,
                   "{}\n  {{\"due\": {}, \"from\": {}, \"status\": {}, \"rule\": {}, \"contact\": {}, \"name\": {}, "
                   "\"message\": {}}}",
                   i == 0 ? "" : ",", json_string(format_date(r.due)), json_string(format_date(r.from)),
                   json_string(to_string(status_of(r, today))), json_string(to_string(r.rule)), json_string(r.contact),
                   json_string(r.name), json_string(r.message));
    }
    out << (reminders.empty() ? "]\n" : "\n]\n");
}

void render_ics(std::ostream& out, std::span<const Reminder> reminders, Date today) {
    std::string text;
    const auto line = [&](std::string_view content) { text += ics_fold(content); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//kith//kith " KITH_VERSION "//EN");
    line("CALSCALE:GREGORIAN");
    for (const Reminder& r : reminders) {
        std::string uid = fmt::format("{}.{}.{}", to_string(r.rule), r.contact, compact_date(r.from));
        if (!r.referral.empty()) uid += "." + r.referral;
        line("BEGIN:VTODO");
        line(fmt::format("UID:{}@kith", uid));
        // The report's day, not the clock: the same files and --today give the same bytes.
        line(fmt::format("DTSTAMP:{}T000000Z", compact_date(today)));
        line(fmt::format("DUE;VALUE=DATE:{}", compact_date(r.due)));
        line(fmt::format("SUMMARY:{}", ics_escape(summary(r))));
        line(fmt::format("DESCRIPTION:{}", ics_escape(r.message)));
        line(fmt::format("CATEGORIES:kith,{}", to_string(r.rule)));
        line("STATUS:NEEDS-ACTION");
        line("END:VTODO");
    }
    line("END:VCALENDAR");
    out << text;
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

void render_list_text(std::ostream& out, std::span<const Standing> standings, Date today, bool color) {
    if (standings.empty()) {
        fmt::print(out, "No contacts.\n");
        return;
    }
    std::size_t name = 4, slug = 4, company = 7;
    for (const Standing& s : standings) {
        name = std::max(name, width(s.contact->name));
        slug = std::max(slug, s.contact->slug.size());
        company = std::max(company, width(s.contact->company));
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
    fmt::print(out, "{}\n", color ? fmt::format(fmt::emphasis::bold, "{}", header) : header);
    std::map<Stage, int> counts;
    for (const Standing& s : standings) {
        ++counts[s.stage];
        std::string line = row(one_line(s.contact->name), s.contact->slug, one_line(s.contact->company),
                               to_string(s.stage), optional_date(s.last_interaction), next_text(s));
        if (color && s.next && status_of(*s.next, today) == Status::overdue)
            line = fmt::format(fmt::fg(fmt::terminal_color::red), "{}", line);
        fmt::print(out, "{}\n", line);
    }
    std::string summary;
    for (Stage stage : all_stages())
        if (counts[stage] > 0)
            summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", counts[stage], to_string(stage));
    fmt::print(out, "\n{} contact{}: {}\n", standings.size(), standings.size() == 1 ? "" : "s", summary);
}

}  // namespace

std::optional<ListFormat> parse_list_format(std::string_view text) {
    if (text == "text") return ListFormat::text;
    if (text == "tsv") return ListFormat::tsv;
    if (text == "json") return ListFormat::json;
    return std::nullopt;
}

void render_list(std::ostream& out, std::span<const Standing> standings, ListFormat format, Date today, bool color) {
    switch (format) {
        case ListFormat::text: render_list_text(out, standings, today, color); break;
        case ListFormat::tsv:
            for (const Standing& s : standings)
                fmt::print(out, "{}\t{}\t{}\t{}\t{}\t{}\t{}\n", s.contact->slug, one_line(s.contact->name),
                           one_line(s.contact->company), to_string(s.stage), optional_date(s.last_interaction),
                           s.next ? format_date(s.next->due) : "", s.next ? to_string(s.next->rule) : "");
            break;
        case ListFormat::json:
            out << '[';
            for (std::size_t i = 0; i < standings.size(); ++i) {
                const Standing& s = standings[i];
                const std::string next =
                    s.next ? fmt::format("{{\"due\": {}, \"from\": {}, \"status\": {}, \"rule\": {}, \"message\": {}}}",
                                         json_string(format_date(s.next->due)), json_string(format_date(s.next->from)),
                                         json_string(to_string(status_of(*s.next, today))),
                                         json_string(to_string(s.next->rule)), json_string(s.next->message))
                           : "null";
                fmt::print(
                    out,
                    "{}\n  {{\"contact\": {}, \"name\": {}, \"company\": {}, \"stage\": {}, \"last_interaction\": {}, "
                    "\"next\": {}}}",
                    i == 0 ? "" : ",", json_string(s.contact->slug), json_string(s.contact->name),
                    json_string(s.contact->company), json_string(to_string(s.stage)),
                    s.last_interaction ? json_string(format_date(*s.last_interaction)) : "null", next);
            }
            out << (standings.empty() ? "]\n" : "\n]\n");
            break;
    }
}

std::optional<DueFormat> parse_due_format(std::string_view text) {
    if (text == "text") return DueFormat::text;
    if (text == "tsv") return DueFormat::tsv;
    if (text == "json") return DueFormat::json;
    if (text == "ics") return DueFormat::ics;
    return std::nullopt;
}

void render_due(std::ostream& out, std::span<const Reminder> reminders, DueFormat format, Date today, bool color) {
    switch (format) {
        case DueFormat::text: render_text(out, reminders, today, color); break;
        case DueFormat::tsv: render_tsv(out, reminders, today); break;
        case DueFormat::json: render_json(out, reminders, today); break;
        case DueFormat::ics: render_ics(out, reminders, today); break;
    }
}

std::string ics_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default: out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f ? ' ' : c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    constexpr std::size_t limit = 75;
    std::string out;
    std::size_t room = limit;
    while (line.size() > room) {
        std::size_t cut = room;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = limit - 1;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

}  // namespace kith
