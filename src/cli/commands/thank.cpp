// kith thank C: record that a thank-you note was sent.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

void add_thank(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you sent it (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith thank priya --via email");
    command.callback([&globals, options, name = command.get_name()] {
        record(globals, name, options->contact, event_from(globals, EventType::thanked, *options));
    });
}

}  // namespace kith::cli
