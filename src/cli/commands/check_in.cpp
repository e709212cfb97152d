// kith check-in C: record a friendly touch that keeps a contact warm.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

Run add_check_in(CLI::App& command) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you got in touch (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith check-in jordan --note \"Sent the article on solid-state cells\"");
    return recording(command.get_name(), options,
                     [options](const Setup& setup) { return event_from(setup, EventType::checked_in, *options); });
}

}  // namespace kith::cli
