// The shape of kith's command line, read from the CLI11 app, for the
// completion scripts (completion_bash.cpp, completion_zsh.cpp,
// completion_fish.cpp write one each from it).
#include "completion.hpp"

#include <algorithm>

namespace kith::cli {

namespace {

// A help text the shells show beside a word: one line.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// What an option or argument takes, from its type name as --help shows it:
// "FORMAT:{text,tsv,json,ics}" for a choice (one_of in choice.hpp, or a
// CLI::IsMember), else the name alone.
ValueShape value_of(const CLI::Option& option) {
    const std::string type = option.get_type_name();
    ValueShape value;
    value.name = type.substr(0, type.find(':'));
    if (const auto open = type.find(":{"); open != std::string::npos) {
        const auto close = type.find('}', open);
        std::string_view set = std::string_view(type).substr(open + 2, close - open - 2);
        while (!set.empty()) {
            const auto comma = std::min(set.find(','), set.size());
            value.choices.emplace_back(set.substr(0, comma));
            set.remove_prefix(std::min(comma + 1, set.size()));
        }
        value.kind = ValueKind::choice;
    } else if (value.name == "CONTACT") {
        value.kind = ValueKind::contact;
    } else if (value.name == "FILE") {
        value.kind = ValueKind::file;
    } else if (value.name == "DIR") {
        value.kind = ValueKind::directory;
    }
    return value;
}

OptionShape option_shape(const CLI::App& app, const CLI::Option& option) {
    OptionShape shape;
    for (const std::string& name : option.get_lnames())
        shape.names.push_back("--" + name);
    for (const std::string& name : option.get_snames())
        shape.names.push_back("-" + name);
    shape.description = one_line(option.get_description());
    if (option.get_expected_max() > 0) shape.value = value_of(option);
    shape.repeats = option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
    shape.ends_line = &option == app.get_help_ptr() || &option == app.get_version_ptr();
    return shape;
}

ArgumentShape argument_shape(const CLI::Option& option) {
    ArgumentShape shape{value_of(option), option.get_required(), option.get_items_expected_max() > 1};
    // Its name in the usage line (C, KIND, TEXT) unless the type says more (CONTACT).
    if (shape.value.kind != ValueKind::contact) shape.value.name = option.get_name();
    return shape;
}

}  // namespace

std::vector<const OptionShape*> inherited_options(const CommandLine& line) {
    std::vector<const OptionShape*> out;
    for (const OptionShape& option : line.options)
        if (!option.ends_line) out.push_back(&option);
    return out;
}

std::vector<std::string> command_names(const CommandLine& line) {
    std::vector<std::string> out;
    for (const CommandShape& command : line.commands)
        out.push_back(command.name);
    return out;
}

// The long name if there is one: what the shells offer.
const std::string& main_name(const OptionShape& option) {
    return option.names.front();
}

std::vector<std::string> valued_option_patterns(const CommandLine& line) {
    std::vector<std::string> out;
    for (const OptionShape* option : inherited_options(line))
        if (option->value)
            for (const std::string& name : option->names)
                out.push_back("*:" + name);
    for (const CommandShape& command : line.commands)
        for (const OptionShape& option : command.options)
            if (option.value)
                for (const std::string& name : option.names)
                    out.push_back(command.name + ":" + name);
    return out;
}

std::vector<OptionShape> options_of(const CLI::App& app) {
    std::vector<OptionShape> out;
    for (const CLI::Option* option : app.get_options())
        if (option->nonpositional()) out.push_back(option_shape(app, *option));
    return out;
}

CommandLine command_line_of(const CLI::App& app) {
    CommandLine line;
    line.options = options_of(app);
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (sub->get_group().empty()) continue;  // plumbing
        CommandShape command{sub->get_name(), one_line(sub->get_description()), options_of(*sub), {}};
        for (const CLI::Option* option : sub->get_options())
            if (!option->nonpositional()) command.arguments.push_back(argument_shape(*option));
        line.commands.push_back(std::move(command));
    }
    // `kith help COMMAND` is read before CLI11 sees the line (main.cpp).
    CommandShape help{"help", "Show a command's help: the same as kith COMMAND --help", {}, {}};
    help.arguments.push_back({ValueShape{ValueKind::choice, "COMMAND", command_names(line)}, false, false});
    line.commands.push_back(std::move(help));
    return line;
}

}  // namespace kith::cli
