// Merging two machines' versions of a network file: git's merge driver for
// contacts/*.toml and kith.toml (`kith merge-file`). kith only appends tables,
// so two sides that each appended one keep both, where a line merge conflicts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kith {

// The three-way merge of a TOML file, a table at a time. The text before the
// first table and each table (from its `[...]` line to the next) is one unit.
// A unit changed on one side takes that side's text; the units either side
// appended are all kept, ours first, then theirs (each once). Nothing when
// both sides changed one unit differently, or a side removed a unit: then a
// line merge with conflict markers must decide.
std::optional<std::string> merge_tables(std::string_view base, std::string_view ours, std::string_view theirs);

// Whether `text` reads as the network file at `path` (kith.toml, or a contact
// file named for its slug). Throws Error(data) with file:line:col otherwise.
void check_network_file(const std::string& text, const std::filesystem::path& path);

}  // namespace kith
