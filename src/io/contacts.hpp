// Loading a network's contact files, through the cache when there is one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/network.hpp"
#include "model/contact.hpp"
#include "model/error.hpp"
#include "model/lookup.hpp"

namespace kith {

// Every contact's slug, from the file names alone, sorted.
std::vector<std::string> contact_slugs(const Network& network);

// Reads one contact file; throws Error(data) with file:line:col.
Contact load_contact(const Network& network, std::string_view slug);

// Every contact that reads, and an Error(data) for each file that does not:
// one bad file never hides the others. Files are read on every core; with
// network.cache, a file whose stamp is in the cache is not parsed again,
// and the cache is written anew when anything in it changed (contact_cache.hpp).
struct LoadedContacts {
    std::vector<Contact> contacts;
    std::vector<Error> problems;
    std::vector<std::string> unread;  // the slugs of those files, which can still be named (lookup.hpp)
};
LoadedContacts load_contacts(const Network& network);

// The slug `reference` names among what was loaded (model/lookup.hpp).
inline std::string resolve_contact(const LoadedContacts& loaded, std::string_view reference) {
    return resolve_contact(loaded.contacts, loaded.unread, reference);
}
inline std::optional<std::string> find_contact_exactly(const LoadedContacts& loaded, std::string_view reference) {
    return find_contact_exactly(loaded.contacts, loaded.unread, reference);
}

}  // namespace kith
