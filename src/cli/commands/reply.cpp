// kith reply C: record a contact's answer, or with --declined their no.
#include <memory>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

Run add_reply(CLI::App& command) {
    auto options = std::make_shared<EventOptions>();
    auto declined = std::make_shared<bool>(false);
    add_contact_and_date(command, *options, "When they replied (default: now)");
    command.add_flag("--declined", *declined, "They said no: record 'declined' instead of 'replied'");
    add_note_option(command, *options);
    command.footer("Examples:\n  kith reply priya --note \"Free next Tuesday\"\n  kith reply sam --declined");
    return recording(command.get_name(), options, [options, declined](const Setup& setup) {
        return event_from(setup, *declined ? EventType::declined : EventType::replied, *options);
    });
}

}  // namespace kith::cli
