// kith follow-up C: record a follow-up to an unanswered request.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "record.hpp"

namespace kith::cli {

namespace {

// The guides: one polite follow-up, then move on. A follow-up when one was
// already sent with no answer is the third attempt.
void warn_on_third_attempt(const Contact& contact, const Event& event) {
    if (stage_of(contact, event.date.day()).stage != Stage::followed_up) return;
    warn(
        fmt::format("this is your third attempt to reach {} with no reply; the guides say to move on "
                    "(kith move-on {})",
                    contact.name, contact.slug));
}

}  // namespace

void add_follow_up(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<EventOptions>();
    add_contact_and_date(command, *options, "When you followed up (default: now)");
    add_via_and_note(command, *options);
    command.footer("Example:\n  kith follow-up priya --via email");
    command.callback([&globals, options] {
        record(globals, options->contact, event_from(globals, EventType::followed_up, *options),
               [](const NetworkLock&, const Contact& contact, Event& event) { warn_on_third_attempt(contact, event); });
    });
}

}  // namespace kith::cli
