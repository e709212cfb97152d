// kith merge-file BASE OURS THEIRS [PATH]: git's merge driver for a network's
// files (plumbing; `kith init --git` sets it up). Tables appended on both
// sides are all kept; anything else is git's line merge, conflicts marked.
#include <memory>

#include "commands.hpp"
#include "io/git.hpp"
#include "model/error.hpp"

namespace kith::cli {

namespace {

struct Paths {
    std::string base, ours, theirs, path;
};

Outcome run(const Paths& paths) {
    const FileMerge merge =
        merge_network_file(paths.base, paths.ours, paths.theirs, paths.path.empty() ? paths.ours : paths.path);
    if (merge.reads) return {};
    warn(merge.problem);
    return Outcome{.status = Exit::found, .problems = {}};
}

}  // namespace

Run add_merge_file(CLI::App& command) {
    auto paths = std::make_shared<Paths>();
    command.add_option("BASE", paths->base, "The common ancestor's version (git's %O)")->required();
    command.add_option("OURS", paths->ours, "This side's version, replaced by the merge (git's %A)")->required();
    command.add_option("THEIRS", paths->theirs, "The other side's version (git's %B)")->required();
    command.add_option("PATH", paths->path, "The file's path in the network (git's %P): how the result is checked");
    command.footer(
        "Git's merge driver for contacts/*.toml and kith.toml, set up by 'kith init --git'. Each table\n"
        "(an [[event]], a [[milestone]]) that either side appended is kept byte for byte, ours first; one\n"
        "both appended alike is kept as often as the side that holds it most; a table changed on one side\n"
        "takes that change. Anything else is git's line merge. Exits 0 when the result reads, and 1 with\n"
        "conflict markers in OURS when it does not.\n"
        "\nExample (what git runs):\n  kith merge-file .merge_file_a1 .merge_file_b2 .merge_file_c3 "
        "contacts/priya-singh.toml");
    return [paths](Setup&) { return run(*paths); };
}

}  // namespace kith::cli
