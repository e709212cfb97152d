// kith init [DIR]: create a network folder, optionally a git repository.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "kith/store.hpp"

namespace kith::cli {

void add_init(CLI::App& command, Globals& globals) {
    auto dir = std::make_shared<std::string>();
    auto git = std::make_shared<bool>(false);
    command.add_option("DIR", *dir, "Where (default: --dir, KITH_DIR, or ${XDG_DATA_HOME:-~/.local/share}/kith)");
    command.add_flag("--git", *git, "Also make it a git repository");
    command.footer("Examples:\n  kith init\n  kith init ~/jobsearch --git");
    command.callback([&globals, dir, git] {
        const std::filesystem::path where =
            dir->empty() ? default_network_dir(where_to_look(globals)) : std::filesystem::path(*dir);
        const Network network = create_network(where, *git);
        say(globals, fmt::format("Created a kith network in {}{}", network.root.string(), *git ? " (git)" : ""));
    });
}

}  // namespace kith::cli
