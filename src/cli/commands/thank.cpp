// kith thank C: record that a thank-you note was sent.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

Run add_thank(CLI::App& command) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you sent it (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith thank priya --via email");
    return recording(command.get_name(), options,
                     [options](const Setup& setup) { return event_from(setup, EventType::thanked, *options); });
}

}  // namespace kith::cli
