// The TOML text kith writes for contacts: a new contact's file and the
// [[event]] tables appended to one, each checked to read back as written.
#pragma once

#include <string>
#include <string_view>

#include "model/contact.hpp"

namespace kith {

// "contacts/ann.toml": a contact's file as errors name it.
std::string contact_file_name(std::string_view slug);

// `addition` after `old`, one blank line between them.
std::string appended(const std::string& old, std::string_view addition);

// The [[event]] table that records `event`, as TOML text.
std::string event_text(const Event& event);

// The header of a new contact file: its known fields, in SPEC §2's order.
std::string contact_header_text(const Contact& contact);

// A new contact's file under `slug`: its header and `contact.events`.
// Error(usage) for a blank name; Error(data) when it would not read back as
// `contact`.
std::string new_contact_text(const Contact& contact, std::string_view slug);

// The contact file `old` with one [[event]] table appended, every earlier
// byte as it was; Error(data) when `old` does not read, or the result would
// not read back as the same contact plus this event.
std::string event_appended(const std::string& old, std::string_view slug, const Event& event);

// Throws the Error(data) of a write refused because its result would not
// read back as written, naming `display`.
[[noreturn]] void refuse_to_write(std::string_view display);

}  // namespace kith
