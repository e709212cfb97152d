// kith check: validate every file of the network; one line per problem.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "io/check.hpp"
#include "io/network.hpp"
#include "model/text.hpp"

namespace kith::cli {

Run add_check(CLI::App& command) {
    command.footer(
        "Checks kith.toml and every contact file: TOML syntax, a name, known event types, valid dates,\n"
        "referred_by and referrals naming existing contacts, file names matching names, duplicate emails.\n"
        "Prints nothing and exits 0 when all is well; else one line per problem, as FILE:LINE[:COL]: message\n"
        "(as compilers print them, so that editors can jump there), and exits 1. Also reports git conflict\n"
        "markers a merge left, and warns (on stderr, not changing the exit status) when files or folders\n"
        "of the network are open to other users.\n"
        "\nExamples:\n  kith check\n  kith --dir ~/jobsearch check && git -C ~/jobsearch push");
    return [](Setup& setup) {
        const Network& network = *setup.network;
        const std::vector<std::string> problems = check_network(network);
        for (const std::string& problem : problems)
            print_text(fmt::format("{}\n", problem));
        // Not a problem with what the files say, so a warning, and no change to the exit status.
        std::vector<SharedFile> shared = shared_files(network);
        std::erase_if(shared, [](const SharedFile& file) { return !file.reachable; });
        if (shared.size() == 1)
            warn(fmt::format("'{}' is open to other users (mode {:04o}); make it private with: chmod go= {}",
                             shared.front().display, shared.front().mode, shell_word(shared.front().path.string())));
        else if (shared.size() > 1)
            warn(fmt::format(
                "{} of the network's files and folders are open to other users, such as '{}' (mode "
                "{:04o}); make them private with: chmod -R go= {}",
                shared.size(), shared.front().display, shared.front().mode, shell_word(network.root.string())));
        return Outcome{.status = problems.empty() ? Exit::ok : Exit::found, .problems = {}};
    };
}

}  // namespace kith::cli
