// Contacts from other tools' exports (LinkedIn's Connections.csv, vCard
// files), and which of them a network already holds.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"

namespace kith {

// One entry of an export file: the contact it describes, or why it cannot
// be imported.
struct ImportedEntry {
    std::size_t line = 0;            // where it starts in the file, 1-based
    std::optional<Contact> contact;  // none when the entry cannot be read
    std::string problem;             // why, when there is no contact
};

// LinkedIn's data export Connections.csv: any "Notes:" lines, then the header
// (First Name, Last Name, URL, Email Address, Company, Position, Connected
// On, found by name), then a row per connection. Each row becomes a contact
// with source "LinkedIn", added on its Connected On day ("21 Nov 2026"), or
// `today` when that is empty. Throws Error(usage) naming `file` when it holds
// no such header.
std::vector<ImportedEntry> read_linkedin_connections(std::string_view text, std::string_view file, Date today);

// What an import does with one entry.
enum class ImportAction { add, present, skip };

// One entry's fate, as import reports it.
struct ImportStep {
    ImportAction action = ImportAction::skip;
    std::size_t line = 0;
    Contact contact;               // add and present: the contact as read
    std::string problem;           // skip: why
    std::string matched_by;        // present: "LinkedIn URL", "email" or "name"
    std::string matched_slug;      // present: the contact in the network it matched, or
    std::size_t matched_line = 0;  // the entry before it in the same file
};

// Decides each entry's fate. An entry is already present when a contact in
// `existing`, or an entry added before it, has the same LinkedIn profile,
// else the same email (case-insensitive), else the same name (the same
// letters, case-insensitive, blanks collapsed); otherwise it is added. An
// entry that could not be read is skipped.
std::vector<ImportStep> plan_import(std::span<const Contact> existing, std::span<const ImportedEntry> entries);

// The parts of a LinkedIn profile address that name the profile:
// "https://www.linkedin.com/in/priya-singh/?trk=x" -> "linkedin.com/in/priya-singh".
std::string linkedin_profile_key(std::string_view url);

}  // namespace kith
