// kith list: every contact, where it stands, and what is next.
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "choice.hpp"
#include "commands.hpp"
#include "formats/render.hpp"
#include "io/network.hpp"
#include "model/error.hpp"
#include "rules/rules.hpp"

namespace kith::cli {

namespace {

struct ListOptions {
    std::string tag;
    std::optional<Stage> stage;
    std::string company;
    ListFormat format = ListFormat::text;
};

Outcome run(Setup& setup, const ListOptions& options) {
    const ListFilter filter{options.tag, options.stage, options.company};
    const Date today = setup.now.day();
    const std::vector<Contact>& everyone = contacts(setup).contacts;
    const auto all = reminders(everyone, setup.config.milestones, setup.config.policy, today);
    const auto shown = standings(everyone, all, filter, today);
    const ListFormat format = options.format;
    if (setup.globals.quiet) {
        // nothing to print
    } else if (format == ListFormat::text) {
        render_list(std::cout, shown, format, today,
                    text_style(setup.globals));  // its own colour, its text made visible
    } else {
        std::ostringstream out;  // TSV, JSON: on a terminal a person reads them too
        render_list(out, shown, format, today, text_style(setup.globals));
        print_text(out.str());
    }
    return {};
}

}  // namespace

Run add_list(CLI::App& command) {
    auto options = std::make_shared<ListOptions>();
    command.add_option("--tag", options->tag, "Only contacts with this tag")->type_name("TAG");
    add_choice(command, "--stage", options->stage, stage_names, "Only contacts at this stage")->type_name("STAGE");
    command.add_option("--company", options->company, "Only contacts whose company contains this text")
        ->type_name("TEXT");
    add_choice(command, "--format", options->format, list_format_names,
               names_in_words(list_format_names, ListFormat::text))
        ->type_name("FORMAT");
    command.footer(
        "LAST is the last contact-facing event; NEXT the reminder due first (see kith due).\n"
        "TSV columns: slug, name, company, stage, last, next due, next rule.\n"
        "\nExamples:\n  kith list\n  kith list --stage met --tag alumni\n  kith list --format tsv | cut -f1,4");
    return [options](Setup& setup) { return run(setup, *options); };
}

}  // namespace kith::cli
