// vCard files: reading the cards of versions 2.1, 3.0 and 4.0 (RFC 2426,
// RFC 6350) as contacts, and writing a contact as a vCard 4.0.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "model/contact.hpp"
#include "model/date.hpp"
#include "rules/import.hpp"

namespace kith {

// Every card of a .vcf file, each a contact: name from FN (else N), email and
// phone (the preferred one, else the first), company from ORG, role from
// TITLE, linkedin from a LinkedIn URL, location from ADR's city, region and
// country, tags from CATEGORIES, and a first note (dated `now`) from NOTE.
// The X-KITH-* properties that write_vcard adds bring back source,
// referred_by, keep_in_touch and added; without X-KITH-ADDED a contact is
// added `now`. Throws Error(usage) naming `file` when it holds no card.
std::vector<ImportedEntry> read_vcards(std::string_view text, std::string_view file, const DateTime& now);

// One vCard 4.0 for `contact`'s fields (not its events), lines folded at 75
// bytes and ended by CRLF, that read_vcards reads back to the same fields.
void write_vcard(std::ostream& out, const Contact& contact);

}  // namespace kith
