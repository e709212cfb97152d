// kith add-contact NAME: create a contact file; prints the new slug.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "formats/contact_text.hpp"
#include "io/network.hpp"
#include "io/store.hpp"
#include "model/error.hpp"
#include "record.hpp"

namespace kith::cli {

namespace {

struct ContactOptions {
    Contact contact;
    std::string referred_by;
    std::string keep_in_touch;
    std::string note;
};

Outcome run(Setup& setup, const std::string& command, const ContactOptions& options) {
    Contact contact = options.contact;
    if (!options.keep_in_touch.empty()) contact.keep_in_touch = parse_duration(options.keep_in_touch, true);
    const DateTime today = setup.now;
    contact.added = today.day();
    if (!options.note.empty()) {
        Event note;
        note.type = EventType::note;
        note.date = today;
        note.note = options.note;
        contact.events.push_back(note);
    }

    if (!options.referred_by.empty()) contact.referred_by = resolve(setup, options.referred_by);
    const std::string slug = create_contact(*setup.lock, contact);
    finish_write(setup, *setup.lock, {contact_file_name(slug)}, command, slug);
    if (slug != make_slug(contact.name))
        warn(fmt::format("the slug '{}' was taken (is {} already a contact?); this one is '{}'",
                         make_slug(contact.name), contact.name, slug));
    say(setup.globals, slug);
    return {};
}

}  // namespace

Run add_add_contact(CLI::App& command) {
    auto options = std::make_shared<ContactOptions>();
    Contact& c = options->contact;
    command.add_option("NAME", c.name, "Their full name")->required();
    command.add_option("--email", c.email, "Email address")->type_name("EMAIL");
    command.add_option("--phone", c.phone, "Phone number")->type_name("PHONE");
    command.add_option("--company", c.company, "Where they work")->type_name("TEXT");
    command.add_option("--role", c.role, "Their job title")->type_name("TEXT");
    command.add_option("--linkedin", c.linkedin, "LinkedIn profile URL")->type_name("URL");
    command.add_option("--location", c.location, "City or region")->type_name("TEXT");
    command
        .add_option("--source", c.source,
                    "How you found them, as it reads after 'I found you through' (the alumni directory)")
        ->type_name("TEXT");
    command.add_option("--referred-by", options->referred_by, "The contact who referred you to them")
        ->type_name("CONTACT");
    command.add_option("--tag", c.tags, "A tag (repeat for more)")
        ->type_name("TAG")
        ->expected(1)
        ->allow_extra_args(false)  // "[a, b]" is one value as typed, not CLI11's list syntax
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_option("--keep-in-touch", options->keep_in_touch, "How often to stay in touch: 30d, 2m, never")
        ->type_name("DURATION");
    command.add_option("--note", options->note, "A first note about them")->type_name("TEXT");
    command.footer(
        "Example:\n  kith add-contact \"Priya Singh\" --company \"Acme Batteries\" --role \"Research Scientist\" \\\n"
        "      --source \"the alumni directory\" --tag chemistry --tag alumni");
    command.callback([options] {  // a bad duration is named before the network is touched
        if (!options->keep_in_touch.empty()) parse_duration(options->keep_in_touch, true);
    });
    return [options, name = command.get_name()](Setup& setup) { return run(setup, name, *options); };
}

}  // namespace kith::cli
