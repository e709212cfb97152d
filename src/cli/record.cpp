// The shared path of every recording command.
#include "record.hpp"

#include <fmt/format.h>

#include "formats/contact_text.hpp"
#include "io/contacts.hpp"
#include "io/files.hpp"
#include "io/network.hpp"

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

DateTime event_date(const Setup& setup, const std::optional<std::string>& text) {
    if (!text) return setup.now;
    const DateTime when = parse_user_date(setup, *text, Direction::past);
    if (when.day() > setup.now.day())
        warn(fmt::format("{} is in the future; reminders ignore this event until that day", format_when(when)));
    return when;
}

Event event_from(const Setup& setup, EventType type, const EventOptions& options) {
    Event event;
    event.type = type;
    event.date = event_date(setup, options.date);
    event.via = options.via;
    event.note = options.note;
    return event;
}

void say_recorded(const Globals& globals, const Contact& contact, const Event& event) {
    say(globals, fmt::format("Recorded {} for {} ({}) on {}{}", to_string(event.type), contact.name, contact.slug,
                             format_when(event.date),
                             event.at ? fmt::format(", for a meeting on {}", format_when(*event.at)) : ""));
}

Contact record(Setup& setup, std::string_view command, std::string_view reference, const Event& event) {
    const std::string slug = resolve(setup, reference);
    Contact contact = load_contact(*setup.network, slug);
    append_event(*setup.lock, slug, event);
    finish_write(setup, *setup.lock, {contact_file_name(slug)}, command, slug);
    say_recorded(setup.globals, contact, event);
    return contact;
}

Run recording(std::string command, std::shared_ptr<EventOptions> options, std::function<Event(const Setup&)> make,
              std::function<void(const Contact& before, const Event& event)> then) {
    auto event = std::make_shared<Event>();
    return Run([event, make](const Setup& setup) { *event = make(setup); },
               [event, options, command, then](Setup& setup) {
                   const Contact before = record(setup, command, options->contact, *event);
                   if (then) then(before, *event);
                   return Outcome{};
               });
}

}  // namespace kith::cli
