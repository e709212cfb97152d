// Running another program (git, the editor) with an argv, never a shell.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// How a program ended, and what it printed on stdout and stderr together.
struct ProgramResult {
    int status = 0;  // the exit status; 128 + N when killed by signal N
    std::string output;
};

// Whether the program's output is collected, or goes to the terminal (an editor).
enum class Output { capture, terminal };

// Splits a command line such as $EDITOR ("code --wait", "emacs -nw") into
// words as a shell would: blanks separate words; single quotes, double quotes
// and backslashes quote. No shell runs, so nothing is expanded. Throws
// Error(usage) on an unterminated quote.
std::vector<std::string> split_command_line(std::string_view line);

// Runs argv[0] (searched in PATH) in `directory`, and waits for it. Throws
// Error(usage) when the program cannot be started at all.
ProgramResult run_program(const std::vector<std::string>& argv, const std::filesystem::path& directory, Output output);

}  // namespace kith
