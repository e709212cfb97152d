// kith check-in C: record a friendly touch that keeps a contact warm.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

void add_check_in(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you got in touch (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith check-in jordan --note \"Sent the article on solid-state cells\"");
    command.callback([&globals, options, name = command.get_name()] {
        record(globals, name, options->contact, event_from(globals, EventType::checked_in, *options));
    });
}

}  // namespace kith::cli
