// kith follow-up C: record a follow-up to an unanswered request.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "model/text.hpp"
#include "record.hpp"
#include "rules/rules.hpp"

namespace kith::cli {

Run add_follow_up(CLI::App& command) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you followed up (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith follow-up priya --via email");
    return recording(
        command.get_name(), options,
        [options](const Setup& setup) { return event_from(setup, EventType::followed_up, *options); },
        [](const Contact& before, const Event& event) {
            if (is_third_attempt(before, event.date.day()))
                warn(
                    fmt::format("this is your third attempt to reach {} with no reply; the guides say to move on "
                                "(kith move-on {})",
                                before.name, shell_word(before.slug)));
        });
}

}  // namespace kith::cli
