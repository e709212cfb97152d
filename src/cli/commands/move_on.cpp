// kith move-on C: stop reminders for a contact until a new request.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

Run add_move_on(CLI::App& command) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you decided (default: now)");
    add_note_option(command, *options);
    command.footer("Example:\n  kith move-on sam --note \"No answer after two tries\"");
    return recording(command.get_name(), options,
                     [options](const Setup& setup) { return event_from(setup, EventType::moved_on, *options); });
}

}  // namespace kith::cli
