// The reminders as an iCalendar.
#include "formats/ics.hpp"

#include <fmt/format.h>

#include "formats/content_line.hpp"

namespace kith {

namespace {

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

}  // namespace

void write_ics(std::ostream& out, std::span<const Reminder> reminders, Date today) {
    std::string text;
    const auto line = [&](std::string_view content) { text += fold_content_line(content); };
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

std::string ics_escape(std::string_view text) {
    std::string plain(text);
    for (char& c : plain)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) c = ' ';
    return escape_text(plain);
}

}  // namespace kith
