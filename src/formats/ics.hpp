// The reminders as an RFC 5545 calendar, one VTODO each, for calendar programs.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "rules/rules.hpp"

namespace kith {

// An RFC 5545 calendar of one VTODO per reminder, dated by `today` (the
// report's day, not the clock), each with a UID that stays the same across runs.
void write_ics(std::ostream& out, std::span<const Reminder> reminders, Date today);

// RFC 5545 TEXT escaping (backslash, semicolon, comma, newline); other
// control characters but tab become spaces, a carriage return is dropped.
std::string ics_escape(std::string_view text);

}  // namespace kith
