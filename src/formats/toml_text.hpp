// The bridge between kith's values and toml++: reading positions and dates out
// of parsed nodes, and writing values as TOML text that reads back identical.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "formats/json.hpp"
#include "model/date.hpp"

namespace kith {

// "3:7": where a node stands in its file.
std::string position_of(const toml::source_region& region);

// A TOML date or date-time as kith's DateTime.
DateTime to_datetime(const toml::date& day);
DateTime to_datetime(const toml::date_time& when);

// The TOML spelling of a value: strings quoted and escaped by toml++.
std::string toml_text(const toml::node& value);
// A value as JSON: tables as objects (keys in toml++'s order, sorted),
// arrays as arrays, numbers and booleans as they are; dates, times and
// date-times as strings of their TOML spelling ("2026-11-02T15:00:00Z"),
// infinities and NaN as the strings "Infinity", "-Infinity" and "NaN".
Json to_json(const toml::node& value);
std::string toml_text(std::string_view text);
std::string toml_text(const std::vector<std::string>& texts);
std::string toml_text(const DateTime& when);

// Reads `text` as TOML; throws Error(data) naming `file`, line and column.
toml::table parse_toml(std::string_view text, std::string_view file);

// Where each table header's line ([table], [[array]]) starts in `text`, in
// order, as TOML reads it: a '[' in a string, a comment or a multi-line array
// is none. Any text will do; what is not TOML yields some positions still.
std::vector<std::size_t> table_starts(std::string_view text);

}  // namespace kith
