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

void run(Globals& globals, const ListOptions& options) {
    ListFilter filter{options.tag, std::nullopt, options.company};
    if (!options.stage.empty()) filter.stage = parse_stage(options.stage);
    const Date today = now(globals).day();
    const OpenForRead open = open_for_read(globals);
    const auto all = reminders(open.contacts, open.config.milestones, open.config.policy, today);
    const auto shown = standings(open.contacts, all, filter, today);
    const ListFormat format = *parse_list_format(options.format);
    if (globals.quiet) {
        // nothing to print
    } else if (format == ListFormat::text) {
        render_list(std::cout, shown, format, today, text_style(globals));  // its own colour, its text made visible
    } else {
        std::ostringstream out;  // TSV, JSON: on a terminal a person reads them too
        render_list(out, shown, format, today, text_style(globals));
        print_text(out.str());
    }
}

}  // namespace

void add_list(CLI::App& command, Globals& globals) {
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
    command.callback([&globals, options] { run(globals, *options); });
}

}  // namespace kith::cli
