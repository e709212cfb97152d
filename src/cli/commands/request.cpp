// kith request C: record that you asked a contact for a conversation.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

void add_request(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you sent the request (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith request priya --via email --note \"Asked for 20 minutes\"");
    command.callback([&globals, options, name = command.get_name()] {
        record(globals, name, options->contact, event_from(globals, EventType::requested, *options));
    });
}

}  // namespace kith::cli
