// kith check: validate every file of the network; one line per problem.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "kith/network.hpp"

namespace kith::cli {

void add_check(CLI::App& command, Globals& globals) {
    command.footer(
        "Checks kith.toml and every contact file: TOML syntax, a name, known event types, valid dates,\n"
        "referred_by and referrals naming existing contacts, file names matching names, duplicate emails.\n"
        "Prints nothing and exits 0 when all is well; else one line per problem, as FILE:LINE[:COL]: message\n"
        "(as compilers print them, so that editors can jump there), and exits 1.\n"
        "\nExamples:\n  kith check\n  kith --dir ~/jobsearch check && git -C ~/jobsearch push");
    command.callback([&globals] {
        const std::vector<std::string> problems = check_network(open_network(globals));
        for (const std::string& problem : problems)
            print_text(fmt::format("{}\n", problem));
        if (!problems.empty()) globals.status = Exit::found;
    });
}

}  // namespace kith::cli
