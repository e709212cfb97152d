// kith request C: record that you asked a contact for a conversation.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

Run add_request(CLI::App& command) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you sent the request (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith request priya --via email --note \"Asked for 20 minutes\"");
    return recording(command.get_name(), options,
                     [options](const Setup& setup) { return event_from(setup, EventType::requested, *options); });
}

}  // namespace kith::cli
