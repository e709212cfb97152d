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
    return [options, name = command.get_name()](Setup& setup) {
        record(setup, name, options->contact, event_from(setup, EventType::thanked, *options));
        return Outcome{};
    };
}

}  // namespace kith::cli
