// kith log-meeting C: record a meeting that took place, what you learned, and
// whom they referred you to.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "formats/contact_text.hpp"
#include "io/contacts.hpp"
#include "io/network.hpp"
#include "io/store.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "record.hpp"

namespace kith::cli {

namespace {

struct MeetingOptions {
    EventOptions event;
    std::string notes;
    std::string notes_file;
    std::vector<std::string> learned;
    std::vector<std::string> referrals;
};

std::string read_notes_file(const std::string& path) {
    std::string text = read_input(path);
    if (!is_valid_utf8(text)) throw Error(Exit::usage, fmt::format("--notes-file '{}' is not valid UTF-8", path));
    return text;
}

// The meeting as the options describe it: read before the network is touched,
// so that a bad --date or an unreadable --notes-file is named first.
Event meeting_of(const Setup& setup, const MeetingOptions& options) {
    Event event = event_from(setup, EventType::met, options.event);
    event.notes = options.notes_file.empty() ? options.notes : read_notes_file(options.notes_file);
    event.learned = options.learned;
    return event;
}

Outcome run(Setup& setup, const std::string& command, const MeetingOptions& options, const Event& event) {
    const std::string slug = resolve(setup, options.event.contact);
    const Contact met = load_contact(*setup.network, slug);
    const LoadedContacts none;
    const std::vector<std::string> created =
        record_meeting(*setup.lock, slug, event, options.referrals, options.referrals.empty() ? none : contacts(setup),
                       setup.now.day());
    std::vector<std::string> files = {contact_file_name(slug)};
    for (const std::string& referral : created)
        files.push_back(contact_file_name(referral));
    finish_write(setup, *setup.lock, files, command, slug);
    for (const std::string& referral : created)
        say(setup.globals, fmt::format("Added {} ({}), referred by {}", load_contact(*setup.network, referral).name,
                                       referral, met.name));
    say_recorded(setup.globals, met, event);
    return {};
}

}  // namespace

Run add_log_meeting(CLI::App& command) {
    auto options = std::make_shared<MeetingOptions>();
    add_contact_and_date(command, options->event, "When the meeting took place (default: now)");
    auto* notes = command.add_option("--notes", options->notes, "What you learned, their advice, anything to keep")
                      ->type_name("TEXT");
    command.add_option("--notes-file", options->notes_file, "Read the notes from a file (- for standard input)")
        ->type_name("FILE")
        ->excludes(notes);
    command.add_option("--learned", options->learned, "One thing you learned (repeat for more)")
        ->type_name("TEXT")
        ->expected(1)
        ->allow_extra_args(false)  // "[a, b]" is one value as typed, not CLI11's list syntax
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command
        .add_option("--referral", options->referrals,
                    "Someone they suggested you talk to: an existing contact's exact slug or name, "
                    "or a new contact (repeat for more)")
        ->type_name("NAME")
        ->expected(1)
        ->allow_extra_args(false)  // "[a, b]" is one value as typed, not CLI11's list syntax
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.footer(
        "Example:\n  kith log-meeting priya --learned \"Postdocs matter less in industry\" \\\n"
        "      --referral \"Alex Doe\" --notes-file notes.md");
    auto event = std::make_shared<Event>();
    return Run(
        [options, event](const Setup& setup) { *event = meeting_of(setup, *options); },
        [options, event, name = command.get_name()](Setup& setup) { return run(setup, name, *options, *event); });
}

}  // namespace kith::cli
