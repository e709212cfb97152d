// kith merge-file BASE OURS THEIRS [PATH]: git's merge driver for a network's
// files (plumbing; `kith init --git` sets it up). Tables appended on both
// sides are all kept; anything else is git's line merge, conflicts marked.
#include <fstream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "formats/merge.hpp"
#include "io/network.hpp"
#include "io/process.hpp"
#include "model/error.hpp"

namespace kith::cli {

namespace {

struct Paths {
    std::string base, ours, theirs, path;
};

void write_result(const std::string& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw Error(Exit::data, fmt::format("cannot write the merged file '{}'", file));
}

Outcome run(const Paths& paths) {
    const std::string path = paths.path.empty() ? paths.ours : paths.path;
    try {
        const std::string base = read_file(paths.base, paths.base);
        const std::string ours = read_file(paths.ours, paths.ours);
        const std::string theirs = read_file(paths.theirs, paths.theirs);
        if (const auto merged = merge_tables(base, ours, theirs)) {
            check_network_file(*merged, path);
            write_result(paths.ours, *merged);
            return {};
        }
    } catch (const Error&) {
        // No table-wise merge that reads, whatever the reason: git's line
        // merge decides, and marks what it cannot.
    }
    const ProgramResult git = run_program(
        {"git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", "--", paths.ours, paths.base, paths.theirs},
        {}, Output::capture);
    if (git.status < 0 || git.status > 127)
        throw Error(Exit::data, fmt::format("git merge-file failed on '{}': {}", path, git.output));
    if (git.status == 0) {
        try {
            check_network_file(read_file(paths.ours, path), path);
            return {};
        } catch (const Error& problem) {
            warn(fmt::format("'{}' merged line by line, but does not read: {}", path, problem.what()));
        }
    } else {
        warn(fmt::format("'{}': both sides changed the same lines; mend the conflict markers, then run kith check",
                         path));
    }
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
