// kith schedule C WHEN: record that a meeting is set, and when it is.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

namespace {

struct ScheduleOptions {
    EventOptions event;
    std::string when;
    std::string where;
    bool is_virtual = false;
};

}  // namespace

Run add_schedule(CLI::App& command) {
    auto options = std::make_shared<ScheduleOptions>();
    add_contact_and_date(command, options->event, "When you arranged it (default: now)");
    command
        .add_option("WHEN", options->when,
                    "When the meeting is: \"2026-11-25 15:00\", \"tomorrow 15:00\", +3d, thu (the next one)")
        ->required();
    command.add_option("--where", options->where, "Where: an address, a phone number, a video link")->type_name("TEXT");
    command.add_flag("--virtual", options->is_virtual, "A phone or video call (test your setup the night before)");
    add_note_option(command, options->event);
    command.footer("Example:\n  kith schedule priya \"2026-11-25 15:00\" --virtual --where https://meet.example/abc");
    return recording(command.get_name(), std::shared_ptr<EventOptions>(options, &options->event),
                     [options](const Setup& setup) {
                         Event event = event_from(setup, EventType::scheduled, options->event);
                         event.at = parse_user_date(setup, options->when, Direction::future);
                         event.where = options->where;
                         event.is_virtual = options->is_virtual;
                         if (event.at->day() < setup.now.day())
                             warn(fmt::format("the meeting time {} is in the past", format_when(*event.at)));
                         return event;
                     });
}

}  // namespace kith::cli
