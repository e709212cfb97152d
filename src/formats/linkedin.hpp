// LinkedIn's data export: the Connections.csv file, read as contacts.
#pragma once

#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "rules/import.hpp"

namespace kith {

// LinkedIn's data export Connections.csv: any "Notes:" lines, then the header
// (First Name, Last Name, URL, Email Address, Company, Position, Connected
// On, found by name), then a row per connection. Each row becomes a contact
// with source "LinkedIn", added on its Connected On day ("21 Nov 2026"), or
// `today` when that is empty. Throws Error(usage) naming `file` when it holds
// no such header.
std::vector<ImportedEntry> read_linkedin_connections(std::string_view text, std::string_view file, Date today);

}  // namespace kith
