// The shared path of every recording command.
#include "record.hpp"

#include <fmt/format.h>

#include "kith/network.hpp"

namespace kith::cli {

void add_contact_and_date(CLI::App& command, EventOptions& options, std::string_view date_help) {
    command.add_option("C", options.contact, "The contact: slug, name, or an unambiguous prefix")
        ->required()
        ->type_name("CONTACT");
    command.add_option("--date", options.date, std::string(date_help))->type_name("DATE");
}

void add_via_and_note(CLI::App& command, EventOptions& options) {
    command.add_option("--via", options.via, "How: email, phone, LinkedIn, in person, ...")->type_name("TEXT");
    add_note_option(command, options);
}

void add_note_option(CLI::App& command, EventOptions& options) {
    command.add_option("--note", options.note, "A note to keep with the event")->type_name("TEXT");
}

DateTime event_date(const Globals& globals, const std::optional<std::string>& text) {
    if (!text) return now(globals);
    const DateTime when = parse_user_date(globals, *text, Direction::past);
    if (when.day() > now(globals).day())
        warn(fmt::format("{} is in the future; reminders ignore this event until that day", format_when(when)));
    return when;
}

Event event_from(const Globals& globals, EventType type, const EventOptions& options) {
    Event event;
    event.type = type;
    event.date = event_date(globals, options.date);
    event.via = options.via;
    event.note = options.note;
    return event;
}

void record(const Globals& globals, std::string_view reference, Event event, const BeforeWrite& before) {
    const NetworkLock lock(open_network(globals));
    const std::string slug = resolve_contact(lock.network(), reference);
    const Contact contact = load_contact(lock.network(), slug);
    if (before) before(lock, contact, event);
    append_event(lock, slug, event);
    say(globals, fmt::format("Recorded {} for {} ({}) on {}", to_string(event.type), contact.name, slug,
                             format_when(event.date)));
}

}  // namespace kith::cli
