// The shell completions: the command line's shape, read from the CLI11 app
// itself, and the bash, zsh and fish scripts written from it, so that the
// scripts can never offer what kith would refuse or miss what it accepts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "model/names.hpp"

namespace kith::cli {

// What a value is, for the shell: what it can offer in its place.
enum class ValueKind {
    text,       // free text: nothing to offer
    choice,     // one of a fixed set (add_choice, choice.hpp)
    contact,    // a contact: the network's slugs (type name CONTACT)
    file,       // a file name (type name FILE)
    directory,  // a directory name (type name DIR)
};

// The value an option or argument takes.
struct ValueShape {
    ValueKind kind = ValueKind::text;
    std::string name;                  // as --help shows it: FORMAT, CONTACT, DIR
    std::vector<std::string> choices;  // kind == choice
};

// An option: its spellings, its help line, and its value if it takes one.
struct OptionShape {
    std::vector<std::string> names;  // "--quiet", "-q"
    std::string description;
    std::optional<ValueShape> value;
    bool repeats = false;    // may be given more than once (--tag A --tag B)
    bool ends_line = false;  // --help, --version: nothing else is read
};

// A positional argument of a command.
struct ArgumentShape {
    ValueShape value;
    bool required = true;
    bool repeats = false;  // takes every word left
};

// A command as its shell completion sees it.
struct CommandShape {
    std::string name;
    std::string summary;
    std::vector<OptionShape> options;  // its own (the global ones are accepted too)
    std::vector<ArgumentShape> arguments;
};

// kith's whole command line: the global options, and every listed command
// (plumbing left out), with `help COMMAND` among them.
struct CommandLine {
    std::vector<OptionShape> options;  // before or after the command, but --help and --version end the line
    std::vector<CommandShape> commands;
};

// Reads the shape of the command line from the app, as main builds it.
CommandLine command_line_of(const CLI::App& app);

// The options of one app (kith's own, or a command's), positionals left out.
std::vector<OptionShape> options_of(const CLI::App& app);

// The global options a command also accepts: all but --help and --version.
std::vector<const OptionShape*> inherited_options(const CommandLine& line);

// The name of every command, in order.
std::vector<std::string> command_names(const CommandLine& line);

// Every option that takes a value, as "command:--name" patterns ("*:--dir"
// for the global ones, which every command accepts): what a script must skip
// to count a command's arguments.
std::vector<std::string> valued_option_patterns(const CommandLine& line);

// The shells kith writes a completion script for, named as `kith
// completions SHELL` takes them.
enum class Shell { bash, zsh, fish };
inline constexpr NameTable<Shell, 3> shell_names = {
    {{Shell::bash, "bash"}, {Shell::zsh, "zsh"}, {Shell::fish, "fish"}}};

// What the completion scripts ask `kith __complete WHAT` for: the words only
// the network knows.
enum class Completing { contacts };
inline constexpr NameTable<Completing, 1> completing_names = {{{Completing::contacts, "contacts"}}};

// The completion script for each shell, as `kith completions SHELL` prints it.
std::string bash_completion(const CommandLine& line);
std::string zsh_completion(const CommandLine& line);
std::string fish_completion(const CommandLine& line);

}  // namespace kith::cli
