// Which entries of another tool's export (LinkedIn's Connections.csv, vCard
// files) a network already holds, and what importing the others does.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/contact.hpp"
#include "model/date.hpp"
#include "model/names.hpp"

namespace kith {

// The exports kith imports, named as `kith import KIND` takes them.
enum class ImportKind { linkedin, vcard };
inline constexpr NameTable<ImportKind, 2> import_kind_names = {
    {{ImportKind::linkedin, "linkedin"}, {ImportKind::vcard, "vcard"}}};

// One entry of an export file: the contact it describes, or why it cannot
// be imported.
struct ImportedEntry {
    std::size_t line = 0;            // where it starts in the file, 1-based
    std::optional<Contact> contact;  // none when the entry cannot be read
    std::string problem;             // why, when there is no contact
    std::string exported_slug;       // its slug in the network it was exported from, if the file says
};

// What an import does with an entry.
enum class ImportAction { add, present, skip };

// One entry's fate, as import reports it.
struct ImportStep {
    ImportAction action = ImportAction::skip;
    std::size_t line = 0;
    Contact contact;               // add: as it is to be written; present: as read
    std::string slug;              // add: the first free slug for it; present: the contact it is
    std::string problem;           // skip: why
    std::string matched_by;        // present: "LinkedIn URL", "email" or "name"
    std::size_t matched_line = 0;  // present: the entry added before it in the same file, if it was one
    std::string warning;           // add: what the person should know (a referral left out), if anything
};

// Decides each entry's fate. An entry is already present when a contact in
// `existing`, or an entry added before it, has the same LinkedIn profile,
// else the same email (case-insensitive), else the same name (case and
// blanks aside) and neither another LinkedIn profile nor another email;
// otherwise it is added, under the first slug free in `existing` and the
// entries added before it. An entry that could not be read is skipped. The
// referred_by of an added entry that names another entry's exported_slug
// is made that entry's slug here, or left out (with a warning) when that
// entry is skipped.
std::vector<ImportStep> plan_import(std::span<const Contact> existing, std::span<const ImportedEntry> entries);

// The parts of a LinkedIn profile address that name the profile:
// "https://www.linkedin.com/in/priya-singh/?trk=x" -> "linkedin.com/in/priya-singh".
std::string linkedin_profile_key(std::string_view url);

}  // namespace kith
