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
    return [options, name = command.get_name()](Setup& setup) {
        record(setup, name, options->contact, event_from(setup, EventType::requested, *options));
        return Outcome{};
    };
}

}  // namespace kith::cli
