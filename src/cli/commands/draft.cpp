// kith draft KIND C: a first draft of a message, from [me] and the record,
// ready for `| mail` or the clipboard.
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "choice.hpp"
#include "commands.hpp"
#include "io/network.hpp"
#include "io/templates.hpp"
#include "messages/drafts.hpp"

namespace kith::cli {

namespace {

struct DraftOptions {
    DraftKind kind = DraftKind::request;
    std::string contact;
    std::string about;
    bool show_template = false;
};

Outcome run(Setup& setup, const DraftOptions& options) {
    const DraftKind kind = options.kind;
    const Date today = setup.now.day();
    const Network& network = *setup.network;
    const Contact& contact = named_contact(setup, options.contact);
    const std::vector<Contact>& everyone = contacts(setup).contacts;
    const std::string about = options.about.empty() ? std::string() : resolve(setup, options.about);

    const std::string variant = variant_name(kind, contact, everyone, today);
    if (options.show_template) {
        // Always the built-in text, so that `> templates/NAME.txt` cannot print the file it empties.
        print_text(built_in_template(variant));
        std::fflush(stdout);
        note(setup.globals,
             fmt::format("the built-in template '{}'; to change it, save it as {} (templates/{}.txt "
                         "overrides every variant)",
                         variant, (network.root / "templates" / (variant + ".txt")).string(), to_string(kind)));
        return {};
    }
    const DraftTemplate tmpl = load_template(network, kind, variant);
    print_text(fill_template(tmpl, draft_values(contact, everyone, setup.config, today, about),
                             fmt::format("the {} draft for {}", to_string(kind), contact.name)));
    return {};
}

}  // namespace

Run add_draft(CLI::App& command) {
    auto options = std::make_shared<DraftOptions>();
    add_choice(command, "KIND", options->kind, draft_kind_names, "What to write")->required();
    command.add_option("C", options->contact, "To whom: slug, name, or an unambiguous prefix")
        ->required()
        ->type_name("CONTACT");
    command
        .add_option("--about", options->about,
                    "report-back: the person they referred you to (default: the one you met last)")
        ->type_name("CONTACT");
    command.add_flag("--show-template", options->show_template,
                     "Print the built-in template the draft would use, unfilled, to save in templates/ and change");
    std::string footer =
        "Prints 'Subject: ...', a blank line and the body, filled from [me] in kith.toml and the contact's\n"
        "record. A request to someone referred to you names the referrer in the subject and the first\n"
        "sentence (template request-referred); a thank-you after a meeting that gave you names thanks for\n"
        "them (thank-referrals). templates/NAME.txt in the network overrides template NAME, else\n"
        "templates/KIND.txt; placeholders are {name} as in fmt, and {{ }} write braces. A placeholder the\n"
        "record has no value for is an error that says how to fill it, never a silent gap.\n\nPlaceholders:\n";
    for (const PlaceholderInfo& p : placeholders())
        footer += fmt::format("  {:<25} {}\n", fmt::format("{{{}}}", p.name), p.meaning);
    footer +=
        "\nExamples:\n  kith draft request priya\n  kith draft thank priya | wl-copy\n"
        "  mkdir -p ~/.local/share/kith/templates\n"
        "  kith draft follow-up priya --show-template > ~/.local/share/kith/templates/follow-up.txt";
    command.footer(footer);
    command.callback([options] {
        if (!options->about.empty() && options->kind != DraftKind::report_back)
            throw Error(Exit::usage, "--about names the referral a report-back is on; it is for report-back only");
    });
    return [options](Setup& setup) { return run(setup, *options); };
}

}  // namespace kith::cli
