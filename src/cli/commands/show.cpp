// kith show C: one contact in full, with its whole timeline.
#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "kith/network.hpp"
#include "kith/render.hpp"
#include "kith/rules.hpp"

namespace kith::cli {

namespace {

struct ShowOptions {
    std::string contact;
    std::string format = "text";
};

void run(const Globals& globals, const ShowOptions& options) {
    const Date today = now(globals).day();
    const Network network = open_network(globals);
    const Config config = load_config(network);
    const std::string slug = resolve_contact(network, options.contact);
    const Contact shown = load_contact(network, slug);  // its own problem is this command's error

    // The others, for referral names and the rules that look across contacts
    // (referral, report-back); a broken one among them is simply left out.
    std::vector<Contact> everyone = load_contacts(network).contacts;
    std::vector<Reminder> own = reminders(everyone, config.milestones, config.policy, today);
    std::erase_if(own, [&](const Reminder& r) { return r.contact != slug; });
    const auto it = std::find_if(everyone.begin(), everyone.end(), [&](const Contact& c) { return c.slug == slug; });
    const Contact& contact = it != everyone.end() ? *it : shown;
    render_show(std::cout, contact, referral_links(contact, everyone), own,
                options.format == "json" ? ShowFormat::json : ShowFormat::text, today);
}

}  // namespace

void add_show(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<ShowOptions>();
    command.add_option("C", options->contact, "The contact: slug, name, or an unambiguous prefix")
        ->required()
        ->type_name("CONTACT");
    command.add_option("--format", options->format, "text (default) or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->type_name("FORMAT");
    command.footer("Examples:\n  kith show priya\n  kith show priya --format json | jq .events");
    command.callback([&globals, options] { run(globals, *options); });
}

}  // namespace kith::cli
