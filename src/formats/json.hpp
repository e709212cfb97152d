// JSON for programs: every JSON kith writes is built as nlohmann's
// ordered_json (members in the order added) and laid out here, one object a
// line, so that escaping and numbers are one library's.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kith {

// A JSON value whose objects keep their members in the order they were added.
using Json = nlohmann::ordered_json;

// `value` on one line, ", " between items and ": " after a key, as kith's
// JSON has always read. Text other than ASCII is written as it is, a byte
// that is not UTF-8 as U+FFFD; control characters and DEL as \u001B.
std::string json_line(const Json& value);

// An array with each item on a line of its own after `indent` and two
// spaces, the closing bracket after `indent` ("[]" when empty), so that line
// tools can read it as well as JSON parsers.
std::string json_lines(const Json& array, std::string_view indent = "");

}  // namespace kith
