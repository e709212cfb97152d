// The shared path of every recording command.
#include "record.hpp"

#include <fmt/format.h>

#include "formats/contact_text.hpp"
#include "io/config.hpp"
#include "io/contacts.hpp"
#include "io/files.hpp"
#include "io/git.hpp"
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

NetworkLock lock_network(const Network& network) {
    return NetworkLock(network, [](const std::string& holder) {
        inform(fmt::format("waiting for the network lock held by {}", holder));
    });
}

OpenForWrite open_for_write(const Globals& globals) {
    const Network network = open_network(globals);
    // Members are made in order: the lock is held before kith.toml is read.
    return OpenForWrite{lock_network(network), load_config(network)};
}

void finish_write(Globals& globals, const OpenForWrite& open, const std::vector<std::string>& files,
                  std::string_view command, std::string_view subject) {
    globals.recorded = true;
    if (!open.config.autocommit) return;
    try {
        commit_files(open.lock, files, fmt::format("{}: {}", command, subject));
    } catch (const Error& refused) {
        warn(refused.what());
    }
}

void say_recorded(const Globals& globals, const Contact& contact, const Event& event) {
    say(globals, fmt::format("Recorded {} for {} ({}) on {}{}", to_string(event.type), contact.name, contact.slug,
                             format_when(event.date),
                             event.at ? fmt::format(", for a meeting on {}", format_when(*event.at)) : ""));
}

Contact record(Globals& globals, std::string_view command, std::string_view reference, const Event& event) {
    const OpenForWrite open = open_for_write(globals);
    const std::string slug = resolve_contact(open.lock.network(), reference);
    Contact contact = load_contact(open.lock.network(), slug);
    append_event(open.lock, slug, event);
    finish_write(globals, open, {contact_file_name(slug)}, command, slug);
    say_recorded(globals, contact, event);
    return contact;
}

}  // namespace kith::cli
