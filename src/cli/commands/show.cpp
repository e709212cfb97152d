// kith show C: one contact in full, with its whole timeline.
#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "formats/render.hpp"
#include "io/network.hpp"
#include "rules/rules.hpp"

namespace kith::cli {

namespace {

struct ShowOptions {
    std::string contact;
    std::string format = "text";
};

Outcome run(Setup& setup, const ShowOptions& options) {
    const Date today = setup.now.day();
    // The others too, for referral links and the rules that look across
    // contacts (referral, report-back).
    const Contact& contact = named_contact(setup, options.contact);
    const std::vector<Contact>& everyone = contacts(setup).contacts;
    std::vector<Reminder> own = reminders(everyone, setup.config.milestones, setup.config.policy, today);
    std::erase_if(own, [&](const Reminder& r) { return r.contact != contact.slug; });
    const ShowFormat format = *parse_show_format(options.format);
    std::ostringstream shown;
    render_show(shown, contact, stage_of(contact, today).stage, referral_links(contact, everyone), own, format, today);
    print_text(shown.str());  // JSON too: on a terminal a person reads it
    return {};
}

}  // namespace

Run add_show(CLI::App& command) {
    auto options = std::make_shared<ShowOptions>();
    command.add_option("C", options->contact, "The contact: slug, name, or an unambiguous prefix")
        ->required()
        ->type_name("CONTACT");
    command.add_option("--format", options->format, "text (default) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    command.footer("Examples:\n  kith show priya\n  kith show priya --format json | jq .events");
    return [options](Setup& setup) { return run(setup, *options); };
}

}  // namespace kith::cli
