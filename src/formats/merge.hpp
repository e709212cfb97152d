// Merging two machines' versions of a network file: git's merge driver for
// contacts/*.toml and kith.toml (`kith merge-file`). kith only appends tables,
// so two sides that each appended one keep both, where a line merge conflicts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// The three-way merge of a TOML file, a table at a time. The text before the
// first table and each table (from the start of its header's line to the
// next header's) is one unit; headers are found as TOML reads them, so that a
// line of a """note""", a comment or a multi-line array that opens with '['
// is none. A unit changed on one side takes that side's text; the units
// either side appended are all kept, ours first, then theirs. A table both
// sides appended alike is kept once, but no table ends with fewer copies than
// either side holds (so a rebase, where ours holds the replayed side's earlier
// tables after its own, keeps them all). Each unit kept keeps its bytes: the
// merge only adds a line break where one is missing between two units, and a
// blank line before an appended table, CRLF where the line before ends so.
// Nothing when both sides changed one unit differently, or a side removed a
// unit: then a line merge with conflict markers must decide.
std::optional<std::string> merge_tables(std::string_view base, std::string_view ours, std::string_view theirs);

// Whether `text` reads as the network file at `path` (kith.toml, or a contact
// file named for its slug). Throws Error(data) with file:line:col otherwise.
void check_network_file(const std::string& text, const std::filesystem::path& path);

// The numbers (from 1) of the lines of `text` that begin with a git conflict
// marker: seven of '<', '|', '=' or '>', then a space or the line's end, as
// `git diff --check` finds them; none unless one of them is a <<<<<<< or a
// >>>>>>> line, as a lone ======= underlines a Markdown heading in a note. A
// merge left such a file half done, and in a multi-line string they even parse.
std::vector<std::size_t> conflict_marker_lines(std::string_view text);

}  // namespace kith
