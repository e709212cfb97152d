// kith note C TEXT: keep a note about a contact (not contact-facing).
#include <memory>

#include "commands.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "record.hpp"

namespace kith::cli {

Run add_note(CLI::App& command) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "The day the note is about (default: now)");
    command.add_option("TEXT", options->note, "The note")->required();
    command.footer("Example:\n  kith note priya \"Her team is hiring interns in spring\"");
    command.callback([options] {
        if (is_blank(options->note)) throw Error(Exit::usage, "the note is empty");
    });
    return recording(command.get_name(), options,
                     [options](const Setup& setup) { return event_from(setup, EventType::note, *options); });
}

}  // namespace kith::cli
