// kith due: the reminders, for people (text) and for scripts (tsv, json, ics).
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

struct DueOptions {
    std::string within = "0d";
    std::vector<Rule> rules;
    std::string contact;
    DueFormat format = DueFormat::text;
    bool exit_code = false;
};

Outcome run(Setup& setup, const DueOptions& options) {
    DueFilter filter;
    filter.within = parse_duration(options.within, false);
    filter.rules = options.rules;
    const DueFormat format = options.format;
    const Date today = setup.now.day();

    if (!options.contact.empty()) filter.contact = resolve(setup, options.contact);
    const auto shown = select_due(
        reminders(contacts(setup).contacts, setup.config.milestones, setup.config.policy, today), filter, today);

    if (setup.globals.quiet) {
        // nothing to print
    } else if (format == DueFormat::text) {
        render_due(std::cout, shown, format, today,
                   text_style(setup.globals));  // its own colour, its text made visible
    } else {
        std::ostringstream out;  // TSV, JSON, iCalendar: on a terminal a person reads them too
        render_due(out, shown, format, today, text_style(setup.globals));
        print_text(out.str());
    }
    return Outcome{.status = options.exit_code && !shown.empty() ? Exit::found : Exit::ok, .problems = {}};
}

}  // namespace

Run add_due(CLI::App& command) {
    auto options = std::make_shared<DueOptions>();
    command.add_option("--within", options->within, "Also list what becomes active within D: 3d, 1w (default 0d)")
        ->type_name("D");
    add_choice(command, "--rule", options->rules, rule_names, "Only this rule (repeat for more)")
        ->type_name("RULE")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_option("--contact", options->contact, "Only this contact")->type_name("CONTACT");
    add_choice(command, "--format", options->format, due_format_names,
               names_in_words(due_format_names, DueFormat::text))
        ->type_name("FORMAT");
    command.add_flag("--exit-code", options->exit_code,
                     "Exit 1 when anything is listed (3 still wins); with --quiet, print nothing");
    command.footer(
        "Reminders are listed when they are active (from <= today + D), sorted by due date.\n"
        "Status: overdue (past its due date), due, upcoming (with --within).\n"
        "TSV columns: due, status, rule, slug, name, message.\n"
        "\nExamples:\n  kith due\n  kith due --within 1w --rule thank --rule follow-up\n"
        "  kith due --format ics > ~/kith.ics\n"
        "  kith due --exit-code --quiet || echo \"something to do\"");
    command.callback([options] { parse_duration(options->within, false); });  // named before the network is touched
    return [options](Setup& setup) { return run(setup, *options); };
}

}  // namespace kith::cli
