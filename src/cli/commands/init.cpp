// kith init [DIR]: create a network folder, optionally a git repository; with
// --git in an existing network (a fresh clone, say), set up git in it.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "formats/config_text.hpp"
#include "io/files.hpp"
#include "io/git.hpp"
#include "io/store.hpp"
#include "record.hpp"

namespace kith::cli {

namespace {

// This program, for git to run as the merge driver.
std::filesystem::path this_program() {
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path("kith") : self;
}

Outcome run(Setup& setup, const std::string& dir, bool git) {
    const Globals& globals = setup.globals;
    const std::filesystem::path where =
        dir.empty() ? folder_to_init(where_to_look(globals, setup.wall), git) : std::filesystem::path(dir);
    const bool exists = holds_network(where);
    if (exists && !git)
        throw Error(Exit::usage, fmt::format("'{}' already holds a kith network (kith init --git sets up git in it)",
                                             where.string()));
    if (git) check_git_runs();  // before anything is made, so that a missing git leaves nothing behind
    const Network network = exists ? Network{where} : create_network(where);
    std::size_t made_private = 0;
    if (git) {
        setup.network = network;  // made here, so locked here, as main locks a network for a write
        take_lock(setup);
        const NetworkLock& lock = *setup.lock;
        set_up_git(lock, this_program(), exists ? GitRepository::enclosing : GitRepository::own);
        // A clone's folders are 0755 and its files 0644: private again, as kith makes them.
        if (exists) made_private = make_private(lock);
    }
    say(globals, exists ? fmt::format("Set up git in the kith network in {}", network.root.string())
                        : fmt::format("Created a kith network in {}{}", network.root.string(), git ? " (git)" : ""));
    if (made_private > 0)
        say(globals, fmt::format("Made {} of its files and folders private (group and others may no longer read them)",
                                 made_private));
    return {};
}

}  // namespace

Run add_init(CLI::App& command) {
    auto dir = std::make_shared<std::string>();
    auto git = std::make_shared<bool>(false);
    command.add_option("DIR", *dir, "Where (default: --dir, KITH_DIR, or ${XDG_DATA_HOME:-~/.local/share}/kith)")
        ->type_name("DIR");
    command.add_flag("--git", *git,
                     "Also make it a git repository that merges two machines' changes; in an existing network\n"
                     "(such as a fresh clone), set that up");
    command.footer(
        "With --git, .gitattributes makes kith the merge driver for contacts/*.toml and kith.toml, so that\n"
        "events two machines each appended merge to a file holding both. Git does not clone the driver's\n"
        "setting: after 'git clone', run 'kith init --git' in the clone once.\n"
        "\nExamples:\n  kith init\n  kith init ~/jobsearch --git\n  git clone laptop:jobsearch ~/jobsearch && kith "
        "init ~/jobsearch --git");
    return [dir, git](Setup& setup) { return run(setup, *dir, *git); };
}

}  // namespace kith::cli
