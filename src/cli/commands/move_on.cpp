// kith move-on C: stop reminders for a contact until a new request.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

void add_move_on(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you decided (default: now)");
    add_note_option(command, *options);
    command.footer("Example:\n  kith move-on sam --note \"No answer after two tries\"");
    command.callback([&globals, options, name = command.get_name()] {
        record(globals, name, options->contact, event_from(globals, EventType::moved_on, *options));
    });
}

}  // namespace kith::cli
