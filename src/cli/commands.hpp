// Every subcommand's registration function, and the one table that lists them.
#pragma once

#include <functional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include <CLI/CLI.hpp>

#include "globals.hpp"
#include "setup.hpp"

namespace kith::cli {

// A command's work, in two steps. `check`, if any, runs once the clock is
// read and before the network is touched: it reads what its options say that
// needs today (a --date, a meeting time), so that a bad one is named before
// "no network" and before the lock is taken. `work` runs once main has set up
// what the command needs, and returns its outcome.
struct Run {
    std::function<void(const Setup& setup)> check;
    std::function<Outcome(Setup& setup)> work;

    template <typename Work>
    requires std::is_invocable_r_v<Outcome, Work&, Setup&> Run(Work work)
        : work(std::move(work)) {}  // NOLINT: a lambda is a Run with nothing to check
    Run(std::function<void(const Setup&)> check, std::function<Outcome(Setup&)> work)
        : check(std::move(check)), work(std::move(work)) {}
};

// One subcommand: its name, its one-line summary, what main sets up before
// it runs, and the function that declares its arguments on the CLI11
// subcommand made for it and returns its work.
struct Command {
    std::string_view name;
    std::string_view summary;
    Needs needs;
    Run (*add)(CLI::App& command);
    bool listed = true;  // false for plumbing that only other programs run (git, the completions)
};

// Every subcommand, in the order `kith --help` lists them.
std::span<const Command> commands();

Run add_init(CLI::App& command);
Run add_add_contact(CLI::App& command);
Run add_request(CLI::App& command);
Run add_follow_up(CLI::App& command);
Run add_reply(CLI::App& command);
Run add_schedule(CLI::App& command);
Run add_log_meeting(CLI::App& command);
Run add_thank(CLI::App& command);
Run add_check_in(CLI::App& command);
Run add_note(CLI::App& command);
Run add_move_on(CLI::App& command);
Run add_milestone(CLI::App& command);
Run add_due(CLI::App& command);
Run add_list(CLI::App& command);
Run add_show(CLI::App& command);
Run add_check(CLI::App& command);
Run add_import(CLI::App& command);
Run add_export(CLI::App& command);
Run add_edit(CLI::App& command);
Run add_draft(CLI::App& command);
Run add_prepare(CLI::App& command);
Run add_pitch(CLI::App& command);
Run add_completions(CLI::App& command);
Run add_merge_file(CLI::App& command);
Run add_complete(CLI::App& command);

}  // namespace kith::cli
