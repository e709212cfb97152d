// Reading a contact file (SPEC §2): its TOML as a Contact, and unknown keys
// as OtherFields. The model holds the values; this floor reads the bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/contact.hpp"

namespace kith {

// Reads a contact file's text. `file` names it in errors ("contacts/ann.toml");
// throws Error(data) with file:line:col for bad TOML or anything SPEC §2 forbids.
Contact parse_contact(std::string_view text, std::string_view file, std::string slug);

// The keys of a TOML text such as OtherField::document, as OtherFields.
// Throws Error(data) naming `file` for text that is not TOML, and for a key
// SPEC §2 gives a meaning (name, email, ..., event).
std::vector<OtherField> parse_other_fields(std::string_view document, std::string_view file);

}  // namespace kith
