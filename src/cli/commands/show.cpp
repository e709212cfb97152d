// kith show C: one contact in full, with its whole timeline.
#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include "choice.hpp"
#include "commands.hpp"
#include "formats/render.hpp"
#include "io/network.hpp"
#include "rules/rules.hpp"

namespace kith::cli {

namespace {

struct ShowOptions {
    std::string contact;
    ShowFormat format = ShowFormat::text;
};

Outcome run(Setup& setup, const ShowOptions& options) {
    const Date today = setup.now.day();
    // The others too, for referral links and the rules that look across
    // contacts (referral, report-back).
    const Contact& contact = named_contact(setup, options.contact);
    const std::vector<Contact>& everyone = contacts(setup).contacts;
    std::vector<Reminder> own = reminders(everyone, setup.config.milestones, setup.config.policy, today);
    std::erase_if(own, [&](const Reminder& r) { return r.contact != contact.slug; });
    std::ostringstream shown;
    render_show(shown, contact, stage_of(contact, today).stage, referral_links(contact, everyone), own, options.format,
                today);
    print_text(shown.str());  // JSON too: on a terminal a person reads it
    return {};
}

}  // namespace

Run add_show(CLI::App& command) {
    auto options = std::make_shared<ShowOptions>();
    command.add_option("C", options->contact, "The contact: slug, name, or an unambiguous prefix")
        ->required()
        ->type_name("CONTACT");
    add_choice(command, "--format", options->format, show_format_names,
               names_in_words(show_format_names, ShowFormat::text))
        ->type_name("FORMAT");
    command.footer("Examples:\n  kith show priya\n  kith show priya --format json | jq .events");
    return [options](Setup& setup) { return run(setup, *options); };
}

}  // namespace kith::cli
