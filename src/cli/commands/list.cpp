// kith list: every contact, where it stands, and what is next.
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "formats/render.hpp"
#include "io/network.hpp"
#include "model/error.hpp"
#include "rules/rules.hpp"

namespace kith::cli {

namespace {

struct ListOptions {
    std::string tag;
    std::string stage;
    std::string company;
    std::string format = "text";
};

Outcome run(Setup& setup, const ListOptions& options) {
    ListFilter filter{options.tag, std::nullopt, options.company};
    if (!options.stage.empty()) filter.stage = parse_stage(options.stage);
    const Date today = setup.now.day();
    const std::vector<Contact>& everyone = contacts(setup).contacts;
    const auto all = reminders(everyone, setup.config.milestones, setup.config.policy, today);
    const auto shown = standings(everyone, all, filter, today);
    const ListFormat format = *parse_list_format(options.format);
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
    std::vector<std::string> stages;
    for (const Stage stage : all_stages())
        stages.emplace_back(to_string(stage));
    command.add_option("--stage", options->stage, "Only contacts at this stage")
        ->check(CLI::IsMember(stages))
        ->type_name("STAGE");
    command.add_option("--company", options->company, "Only contacts whose company contains this text")
        ->type_name("TEXT");
    command.add_option("--format", options->format, "text (default), tsv or json")
        ->check(CLI::IsMember({"text", "tsv", "json"}))
        ->type_name("FORMAT");
    command.footer(
        "LAST is the last contact-facing event; NEXT the reminder due first (see kith due).\n"
        "TSV columns: slug, name, company, stage, last, next due, next rule.\n"
        "\nExamples:\n  kith list\n  kith list --stage met --tag alumni\n  kith list --format tsv | cut -f1,4");
    return [options](Setup& setup) { return run(setup, *options); };
}

}  // namespace kith::cli
