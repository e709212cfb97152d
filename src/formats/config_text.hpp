// kith.toml as text: read into a Config, the file `kith init` writes, and
// the [[milestone]] table `kith milestone` appends.
#pragma once

#include <string>
#include <string_view>

#include "rules/config.hpp"

namespace kith {

// "kith.toml": the network's file as errors name it.
inline constexpr std::string_view config_file_name = "kith.toml";

// Reads kith.toml's text; throws Error(data) with file:line:col.
Config parse_config(std::string_view text, std::string_view file);

// The kith.toml `kith init` writes: [me] to fill in, and every policy default
// written out as a comment.
std::string initial_config_text();

// kith.toml's text `old` with one [[milestone]] table appended, every earlier
// byte as it was; Error(data) when the result would not read back as the
// same milestones plus this one.
std::string milestone_appended(const std::string& old, const Milestone& milestone);

}  // namespace kith
