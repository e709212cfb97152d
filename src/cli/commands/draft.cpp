// kith draft KIND C: a first draft of a message, from [me] and the record,
// ready for `| mail` or the clipboard.
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "kith/drafts.hpp"
#include "kith/network.hpp"

namespace kith::cli {

namespace {

struct DraftOptions {
    std::string kind;
    std::string contact;
    std::string about;
    bool show_template = false;
};

// templates/<variant>.txt, else templates/<kind>.txt, else the built-in variant.
DraftTemplate find_template(const Network& network, DraftKind kind, const std::string& variant) {
    for (const std::string& name : {variant, std::string(to_string(kind))}) {
        const std::string display = fmt::format("templates/{}.txt", name);
        std::error_code ec;
        if (std::filesystem::exists(network.root / display, ec))
            return {name, read_file(network.root / display, display), display};
    }
    return {variant, std::string(built_in_template(variant)), {}};
}

void run(const Globals& globals, const DraftOptions& options) {
    const DraftKind kind = *parse_draft_kind(options.kind);
    const Date today = now(globals).day();
    const Network network = open_network(globals);
    const Config config = load_config(network);
    const std::string slug = resolve_contact(network, options.contact);
    const Contact contact = load_contact(network, slug);  // its own problem is this command's error
    const std::vector<Contact> everyone = load_contacts(network).contacts;
    const std::string about = options.about.empty() ? std::string() : resolve_contact(network, options.about);

    const DraftTemplate tmpl = find_template(network, kind, variant_name(kind, contact, everyone));
    if (options.show_template) {
        fmt::print(std::cout, "{}", tmpl.text);
        if (!globals.quiet)
            fmt::print(stderr, "kith: {}; a copy in {} overrides it\n",
                       tmpl.file.empty() ? fmt::format("the built-in template '{}'", tmpl.name) : tmpl.file,
                       (network.root / "templates" / (tmpl.name + ".txt")).string());
        return;
    }
    fmt::print(std::cout, "{}",
               fill_template(tmpl, draft_values(contact, everyone, config, today, about),
                             fmt::format("the {} draft for {}", to_string(kind), contact.name)));
}

}  // namespace

void add_draft(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<DraftOptions>();
    std::vector<std::string> kinds;
    for (const DraftKind kind : all_draft_kinds())
        kinds.emplace_back(to_string(kind));
    command.add_option("KIND", options->kind, fmt::format("What to write: {}", fmt::join(kinds, ", ")))
        ->required()
        ->check(CLI::IsMember(kinds));
    command.add_option("C", options->contact, "To whom: slug, name, or an unambiguous prefix")
        ->required()
        ->type_name("CONTACT");
    command
        .add_option("--about", options->about,
                    "report-back: the person they referred you to (default: the one you met last)")
        ->type_name("CONTACT");
    command.add_flag("--show-template", options->show_template,
                     "Print the template the draft would use, unfilled, to copy into templates/ and change");
    std::string footer =
        "Prints 'Subject: ...', a blank line and the body, filled from [me] in kith.toml and the contact's\n"
        "record. A request to someone referred to you names the referrer in the subject and the first\n"
        "sentence (template request-referred); a thank-you after a meeting that gave you names thanks for\n"
        "them (thank-referrals). templates/NAME.txt in the network overrides template NAME, else\n"
        "templates/KIND.txt; placeholders are {name} as in fmt, and {{ }} write braces. A placeholder the\n"
        "record has no value for is an error that says how to fill it, never a silent gap.\n\nPlaceholders:\n";
    for (const PlaceholderInfo& p : placeholders())
        footer += fmt::format("  {{{}}}{} {}\n", p.name,
                              std::string(24 - std::min<std::size_t>(22, p.name.size()), ' '), p.meaning);
    footer +=
        "\nExamples:\n  kith draft request priya\n  kith draft thank priya | wl-copy\n"
        "  kith draft follow-up priya --show-template > ~/.local/share/kith/templates/follow-up.txt";
    command.footer(footer);
    command.callback([&globals, options] { run(globals, *options); });
}

}  // namespace kith::cli
