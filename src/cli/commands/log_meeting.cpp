// kith log-meeting C: record a meeting that took place, what you learned, and
// whom they referred you to.
#include <iostream>
#include <iterator>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "kith/error.hpp"
#include "kith/text.hpp"
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
    std::string text;
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        try {
            text = read_file(path, path);
        } catch (const Error& e) {
            throw Error(Exit::usage, e.what());
        }
    }
    if (!is_valid_utf8(text)) throw Error(Exit::usage, fmt::format("--notes-file '{}' is not valid UTF-8", path));
    return text;
}

// Each --referral names an existing contact exactly, or becomes a new one
// referred by the person you met.
void add_referrals(const Globals& globals, const std::vector<std::string>& names, const NetworkLock& lock,
                   const Contact& met, Event& event) {
    for (const std::string& name : names) {
        if (auto existing = find_contact_exactly(lock.network(), name)) {
            event.referrals.push_back(*existing);
            continue;
        }
        Contact referral;
        referral.name = name;
        referral.referred_by = met.slug;
        referral.added = now(globals).day();
        const std::string slug = create_contact(lock, referral);
        event.referrals.push_back(slug);
        say(globals, fmt::format("Added {} ({}), referred by {}", name, slug, met.name));
    }
}

}  // namespace

void add_log_meeting(CLI::App& command, Globals& globals) {
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
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command
        .add_option("--referral", options->referrals,
                    "Someone they suggested you talk to: an existing contact's exact slug or name, "
                    "or a new contact (repeat for more)")
        ->type_name("NAME")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.footer(
        "Example:\n  kith log-meeting priya --learned \"Postdocs matter less in industry\" \\\n"
        "      --referral \"Alex Doe\" --notes-file notes.md");
    command.callback([&globals, options] {
        Event event = event_from(globals, EventType::met, options->event);
        event.notes = options->notes_file.empty() ? options->notes : read_notes_file(options->notes_file);
        event.learned = options->learned;
        record(globals, options->event.contact, event,
               [&globals, options](const NetworkLock& lock, const Contact& met, Event& meeting) {
                   add_referrals(globals, options->referrals, lock, met, meeting);
               });
    });
}

}  // namespace kith::cli
