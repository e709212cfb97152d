// Every subcommand's registration function, and the one table that lists them.
#pragma once

#include <span>
#include <string_view>

#include <CLI/CLI.hpp>

#include "globals.hpp"

namespace kith::cli {

// One subcommand: its name, its one-line summary, and the function that
// declares its arguments and callback on the CLI11 subcommand made for it.
struct Command {
    std::string_view name;
    std::string_view summary;
    void (*add)(CLI::App& command, Globals& globals);
    bool listed = true;  // false for plumbing that only other programs run (git, the completions)
};

// Every subcommand, in the order `kith --help` lists them.
std::span<const Command> commands();

void add_init(CLI::App& command, Globals& globals);
void add_add_contact(CLI::App& command, Globals& globals);
void add_request(CLI::App& command, Globals& globals);
void add_follow_up(CLI::App& command, Globals& globals);
void add_reply(CLI::App& command, Globals& globals);
void add_schedule(CLI::App& command, Globals& globals);
void add_log_meeting(CLI::App& command, Globals& globals);
void add_thank(CLI::App& command, Globals& globals);
void add_check_in(CLI::App& command, Globals& globals);
void add_note(CLI::App& command, Globals& globals);
void add_move_on(CLI::App& command, Globals& globals);
void add_milestone(CLI::App& command, Globals& globals);
void add_due(CLI::App& command, Globals& globals);
void add_list(CLI::App& command, Globals& globals);
void add_show(CLI::App& command, Globals& globals);
void add_check(CLI::App& command, Globals& globals);
void add_import(CLI::App& command, Globals& globals);
void add_export(CLI::App& command, Globals& globals);
void add_edit(CLI::App& command, Globals& globals);
void add_draft(CLI::App& command, Globals& globals);
void add_prepare(CLI::App& command, Globals& globals);
void add_pitch(CLI::App& command, Globals& globals);
void add_completions(CLI::App& command, Globals& globals);
void add_merge_file(CLI::App& command, Globals& globals);
void add_complete(CLI::App& command, Globals& globals);

}  // namespace kith::cli
