// kith's entry point: the command table, global options, and the one place
// where errors become messages and exit statuses (SPEC §6).
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <fmt/format.h>

#include "choice.hpp"
#include "commands.hpp"
#include "completion.hpp"
#include "io/files.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "setup.hpp"

namespace kith::cli {

std::span<const Command> commands() {
    static const Command table[] = {
        {"init", "Create a network folder", Needs::nothing, add_init},
        {"add-contact", "Add a contact; prints the new slug", Needs::write, add_add_contact},
        {"request", "Record a request for a conversation", Needs::write, add_request},
        {"follow-up", "Record a follow-up to an unanswered request", Needs::write, add_follow_up},
        {"reply", "Record a reply (or with --declined, a no)", Needs::write, add_reply},
        {"schedule", "Record that a meeting is set, and when", Needs::write, add_schedule},
        {"log-meeting", "Record a meeting: notes, what you learned, referrals", Needs::write, add_log_meeting},
        {"thank", "Record a thank-you note sent", Needs::write, add_thank},
        {"check-in", "Record a friendly touch: news, an article, congratulations", Needs::write, add_check_in},
        {"note", "Keep a note about a contact", Needs::write, add_note},
        {"move-on", "Stop reminders for a contact until a new request", Needs::write, add_move_on},
        {"milestone", "Record news to share: an offer, a chosen path", Needs::write, add_milestone},
        {"due", "Show the reminders: what the guides say to do, and by when", Needs::contacts, add_due},
        {"list", "List contacts: stage, last interaction, next reminder", Needs::contacts, add_list},
        {"show", "Show a contact in full, with its whole timeline", Needs::contacts, add_show},
        {"edit", "Edit a contact's file in your editor, keeping only a save that reads", Needs::config, add_edit},
        {"draft", "Print a first draft of a message: request, follow-up, thank, ...", Needs::contacts, add_draft},
        {"prepare", "Print a meeting brief: who they are, history, pitch, questions", Needs::contacts, add_prepare},
        {"pitch", "Print your one-minute introduction, or an outline of one", Needs::config, add_pitch},
        {"import", "Add the contacts of a LinkedIn export or a vCard file, skipping those you have", Needs::write,
         add_import},
        {"export", "Print every contact with every field, as JSON, CSV or vCard", Needs::contacts, add_export},
        {"check", "Check every file of the network; one line per problem", Needs::network, add_check},
        {"completions", "Print the completion script for bash, zsh or fish", Needs::nothing, add_completions},
        {"merge-file", "Git's merge driver for a network's files (plumbing)", Needs::nothing, add_merge_file, false},
        {"__complete", "List the network's words for the completion scripts (plumbing)", Needs::network, add_complete,
         false},
    };
    return table;
}

namespace {

// Every text the user passes ends up in a TOML file, which must be UTF-8.
const CLI::Validator utf8_text(
    [](std::string& value) { return is_valid_utf8(value) ? std::string() : std::string("is not valid UTF-8"); }, "",
    "UTF-8");

void require_utf8(CLI::App& app) {
    for (CLI::Option* option : app.get_options())
        if (option->get_expected_max() > 0) option->check(utf8_text);
    for (CLI::App* sub : app.get_subcommands({}))
        require_utf8(*sub);
}

std::string nearest_command(std::string_view typed) {
    std::string best;
    std::size_t best_distance = 3;
    for (const Command& command : commands()) {
        if (!command.listed) continue;
        const std::size_t d = edit_distance(typed, command.name);
        if (d < best_distance) best_distance = d, best = command.name;
    }
    return best;
}

bool is_command(std::string_view word) {
    for (const Command& command : commands())
        if (command.name == word) return true;
    return word == "help";
}

// The global options that take a value ("--dir"), as the app declares them.
std::vector<std::string> options_with_values(const CLI::App& app) {
    std::vector<std::string> out;
    for (const OptionShape& option : options_of(app))
        if (option.value) out.insert(out.end(), option.names.begin(), option.names.end());
    return out;
}

// Where the word that names the command stands: the first that is neither an
// option nor the value of a global option that takes one.
std::optional<std::size_t> command_position(const std::vector<std::string>& args, const CLI::App& app) {
    const std::vector<std::string> with_values = options_with_values(app);
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") return i + 1 < args.size() ? std::optional(i + 1) : std::nullopt;
        if (std::find(with_values.begin(), with_values.end(), args[i]) != with_values.end()) {
            ++i;
            continue;
        }
        if (!args[i].starts_with('-')) return i;
    }
    return std::nullopt;
}

// An unknown command is named as such, with the nearest one suggested.
void check_command_word(const std::vector<std::string>& args, const CLI::App& app) {
    const auto at = command_position(args, app);
    if (!at || is_command(args[*at])) return;
    const std::string* word = &args[*at];
    const std::string near = nearest_command(*word);
    throw Error(Exit::usage, near.empty() ? fmt::format("unknown command '{}' (kith --help lists them)", *word)
                                          : fmt::format("unknown command '{}'; did you mean '{}'?", *word, near));
}

// CLI11's words, starting lowercase like every other kith message (but not
// an option or argument name such as "TEXT is required").
std::string describe(const CLI::ParseError& error) {
    std::string message = error.what();
    if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
        std::islower(static_cast<unsigned char>(message[1])))
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

// `kith help X` is `kith X --help`.
std::vector<std::string> arguments(int argc, char** argv, const CLI::App& app) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (const auto at = command_position(args, app); at && args[*at] == "help") {
        // Right after the command it names, so that `help due --format` is due's help.
        const auto help = args.erase(args.begin() + static_cast<std::ptrdiff_t>(*at));
        args.insert(help == args.end() ? help : help + 1, "--help");
    }
    return args;
}

// Whether stdout is a pipe that no one reads any more (`kith due | head -1`).
bool reader_is_gone() {
    pollfd out{STDOUT_FILENO, POLLOUT, 0};
    return ::poll(&out, 1, 0) == 1 && (out.revents & POLLERR);
}

// Output that could not be written: a reader that went away ends kith as it
// ends every program in a pipe (SIGPIPE, quietly); anything else is an error.
int output_failed() {
    if (reader_is_gone()) {
        std::signal(SIGPIPE, SIG_DFL);
        std::raise(SIGPIPE);
    }
    print_error("cannot write the output");
    return static_cast<int>(Exit::data);
}

// What failed once the command's write was in place is a warning: the write
// stands, and exit 0 keeps a script from making it twice (SPEC §6).
int written_anyway(const std::exception& error) {
    warn(fmt::format("the change is written, but then: {}", error.what()));
    return static_cast<int>(Exit::ok);
}

// The problems of the contact files a report passed over: each named, after
// the report, so that one broken file never hides the rest (SPEC §6).
std::vector<Error> passed_over(const Setup& setup, Needs needs) {
    if (needs != Needs::contacts || !setup.loaded) return {};
    return setup.loaded->problems;
}

// The subcommand the arguments chose.
std::size_t chosen_command(CLI::App& app) {
    const std::vector<CLI::App*> chosen = app.get_subcommands();
    for (std::size_t i = 0; i < commands().size(); ++i)
        if (chosen.front()->get_name() == commands()[i].name) return i;
    throw Error(Exit::usage, "no command given (kith --help lists them)");
}

int run(int argc, char** argv) {
    Globals globals;
    CLI::App app(
        "kith keeps your networking job search: one TOML file per contact, every step recorded,\n"
        "and the reminders career guides call for.",
        "kith");
    app.set_version_flag("--version", "kith " KITH_VERSION);
    app.add_option("--dir", globals.dir, "The network folder (else KITH_DIR, an enclosing network, or the XDG default)")
        ->type_name("DIR");
    app.add_option("--today", globals.today, "Act as if today were DATE (also KITH_TODAY)")->type_name("DATE");
    add_choice(app, "--color", globals.color, color_when_names,
               "Colour output: " + names_in_words(color_when_names) + " (NO_COLOR is honoured)")
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", globals.quiet, "Print nothing but errors and warnings");
    app.footer(
        "Run 'kith help COMMAND' (or 'kith COMMAND --help') for a command's options and an example.\n\n"
        "Getting started:\n"
        "  kith init\n"
        "  kith add-contact \"Priya Singh\" --company \"Acme Batteries\" --source \"the alumni directory\"\n"
        "  kith request priya --via email\n"
        "  kith due");
    app.require_subcommand(1);
    app.fallthrough();
    std::vector<Run> runs;
    for (const Command& command : commands()) {
        CLI::App& sub = *app.add_subcommand(std::string(command.name), std::string(command.summary));
        if (!command.listed) sub.group("");
        runs.push_back(command.add(sub));
    }
    require_utf8(app);

    std::vector<std::string> args = arguments(argc, argv, app);
    check_command_word(args, app);
    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::Success& done) {
        const int status = app.exit(done);  // --help, --version
        return std::fflush(stdout) == 0 && !std::ferror(stdout) ? status : output_failed();
    } catch (const CLI::ParseError& error) {
        if (args.empty()) {
            fmt::print(stderr, "{}", app.help());
            return static_cast<int>(Exit::usage);
        }
        print_error(describe(error));
        return static_cast<int>(Exit::usage);
    }

    // The setup the command's row asks for, then the command.
    const std::size_t chosen = chosen_command(app);
    const Needs needs = commands()[chosen].needs;
    Setup setup{.globals = globals, .wall = std::chrono::system_clock::now()};  // the clock, read once
    Outcome outcome;
    try {
        // --today is read only where a date is: a merge driver or a TAB never fails on it.
        if (needs == Needs::contacts || needs == Needs::write) setup.now = now(globals, setup.wall);
        if (runs[chosen].check) runs[chosen].check(setup);
        set_up(setup, needs);
        outcome = runs[chosen].work(setup);
    } catch (const Error& error) {
        // The files passed over before the command gave up may be why it did.
        std::fflush(stdout);
        for (const Error& problem : passed_over(setup, needs))
            print_error(problem.what());
        if (!setup.recorded) throw;
        return written_anyway(error);
    } catch (const std::exception& error) {
        if (!setup.recorded) throw;
        return written_anyway(error);
    }
    const bool printed = std::fflush(stdout) == 0 && !std::ferror(stdout);
    std::vector<Error> problems = passed_over(setup, needs);
    problems.insert(problems.end(), outcome.problems.begin(), outcome.problems.end());
    Exit status = outcome.status;
    for (const Error& problem : problems) {
        print_error(problem.what());
        status = std::max(status, problem.status());
    }
    if (!printed) {
        if (setup.recorded) {
            warn("the change is written, but its confirmation could not be printed");
            return static_cast<int>(status);
        }
        return output_failed();
    }
    return static_cast<int>(status);
}

}  // namespace

}  // namespace kith::cli

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f), a write fails with EFBIG and kith says
    // so, as on a full disk, instead of being killed half-way by SIGXFSZ. A
    // closed stdout likewise: a command whose write is in place must live to
    // exit 0 (kith::cli::output_failed ends a report as SIGPIPE would have).
    std::signal(SIGXFSZ, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    // Started with stdin, stdout or stderr closed (`2>&-`), kith would open the
    // lock or a contact file as that descriptor and print into it: /dev/null
    // takes each closed one's place first, as git's sanitize_stdfds does.
    if (!kith::open_closed_standard_fds()) return 3;
    try {
        return kith::cli::run(argc, argv);  // which has seen to its output
    } catch (const kith::Error& error) {
        std::fflush(stdout);
        kith::cli::print_error(error.what());
        return static_cast<int>(error.status());
    } catch (const std::exception& error) {
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) return kith::cli::output_failed();
        kith::cli::print_error(error.what());
        return static_cast<int>(kith::Exit::data);
    }
}
