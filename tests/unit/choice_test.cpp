// The options and arguments whose value is one of an enum's names
// (cli/choice.hpp), as the commands declare them: every name of each table is
// taken and offered by the completions, and any other word is refused.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "cli/choice.hpp"
#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/globals.hpp"
#include "formats/render.hpp"
#include "messages/draft_templates.hpp"
#include "rules/import.hpp"
#include "rules/rules.hpp"

using namespace kith;
using namespace kith::cli;

namespace {

// Parses `words` as the command line after the program's name.
void parse(CLI::App& app, std::vector<std::string> words) {
    std::reverse(words.begin(), words.end());  // CLI11 takes them last first
    app.parse(words);
}

// A command's option (or positional) that takes one of a table's names.
struct Choice {
    std::string command;  // "due"
    Run (*add)(CLI::App&);
    std::string option;              // "--format", or a positional's name: "KIND"
    std::vector<std::string> names;  // the table's
    // The rest of a whole command line around the name: {"--format", "%"} or {"%", "priya"}.
    std::vector<std::string> words;
};

// kith with just `choice`'s command, declared as main declares it. Its Run
// is kept, as main keeps it: it owns the variables the options parse into.
struct Kith {
    CLI::App app{"", "kith"};
    Run run;
    explicit Kith(const Choice& choice) : run(choice.add(*app.add_subcommand(choice.command, "the command"))) {}
};

// `choice`'s command line with `name` where the value goes.
std::vector<std::string> line(const Choice& choice, const std::string& name) {
    std::vector<std::string> out{choice.command};
    for (const std::string& word : choice.words)
        out.push_back(word == "%" ? name : word);
    return out;
}

// What the completions offer for `choice`'s option or positional.
std::vector<std::string> offered(const Choice& choice) {
    const Kith kith(choice);
    for (const CommandShape& command : command_line_of(kith.app).commands) {
        if (command.name != choice.command) continue;
        for (const OptionShape& option : command.options)
            if (std::find(option.names.begin(), option.names.end(), choice.option) != option.names.end())
                return option.value ? option.value->choices : std::vector<std::string>{};
        for (const ArgumentShape& argument : command.arguments)
            if (argument.value.name == choice.option) return argument.value.choices;
    }
    return {};
}

// Every option of a command that takes a table's names (kith's own --color is
// declared in main.cpp, out of reach here).
std::vector<Choice> choices() {
    return {
        {"due", add_due, "--format", names_of(due_format_names), {"--format", "%"}},
        {"due", add_due, "--rule", names_of(rule_names), {"--rule", "%"}},
        {"list", add_list, "--format", names_of(list_format_names), {"--format", "%"}},
        {"list", add_list, "--stage", names_of(stage_names), {"--stage", "%"}},
        {"show", add_show, "--format", names_of(show_format_names), {"priya", "--format", "%"}},
        {"export", add_export, "--format", names_of(export_format_names), {"--format", "%"}},
        {"draft", add_draft, "KIND", names_of(draft_kind_names), {"%", "priya"}},
        {"import", add_import, "KIND", names_of(import_kind_names), {"%", "/dev/null"}},
        {"completions", add_completions, "SHELL", names_of(shell_names), {"%"}},
        {"__complete", add_complete, "WHAT", names_of(completing_names), {"%"}},
    };
}

}  // namespace

TEST_CASE("every name of each table is taken by the command that takes the table") {
    for (const Choice& choice : choices())
        for (const std::string& name : choice.names) {
            CAPTURE(choice.command);
            CAPTURE(name);
            Kith kith(choice);
            CHECK_NOTHROW(parse(kith.app, line(choice, name)));
        }
}

TEST_CASE("the completions offer exactly each table's names, in its order") {
    for (const Choice& choice : choices()) {
        if (choice.command == "__complete") continue;  // plumbing: the scripts run it, nobody types it
        CAPTURE(choice.command);
        CAPTURE(choice.option);
        CHECK(offered(choice) == choice.names);
    }
}

TEST_CASE("a word that is not in the table is refused, naming the option and the table") {
    for (const Choice& choice : choices()) {
        CAPTURE(choice.command);
        Kith kith(choice);
        const std::string expected = choice.option + ": nonsense not in {" + CLI::detail::join(choice.names) + "}";
        CHECK_THROWS_WITH_AS(parse(kith.app, line(choice, "nonsense")), expected.c_str(), CLI::ValidationError);
    }
}

TEST_CASE("a choice stores the value named: one, none, or each one given") {
    CLI::App app;
    DueFormat format = DueFormat::text;
    std::optional<Stage> stage;
    std::vector<Rule> rules;
    add_choice(app, "--format", format, due_format_names, "");
    add_choice(app, "--stage", stage, stage_names, "");
    add_choice(app, "--rule", rules, rule_names, "")->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

    for (const auto& [value, name] : due_format_names) {
        parse(app, {"--format", std::string(name)});
        CHECK(format == value);
        CHECK_FALSE(stage);
    }
    parse(app, {"--stage", "followed-up", "--rule", "thank", "--rule", "follow-up"});
    CHECK(stage == Stage::followed_up);
    CHECK(rules == std::vector<Rule>{Rule::thank, Rule::follow_up});
    CHECK(app.get_option("--format")->get_type_name() == "TEXT:{text,tsv,json,ics}");
}

TEST_CASE("the help lines list a table's names in words, with the default or a note") {
    CHECK(names_in_words(due_format_names, DueFormat::text) == "text (default), tsv, json or ics");
    CHECK(names_in_words(show_format_names, ShowFormat::text) == "text (default) or json");
    CHECK(names_in_words(color_when_names) == "auto, always or never");
    CHECK(names_in_words(completing_names) == "contacts");
    CHECK(names_in_words(import_kind_names, [](ImportKind kind) -> std::string_view {
              return kind == ImportKind::vcard ? ".vcf" : "";
          }) == "linkedin or vcard (.vcf)");
}
