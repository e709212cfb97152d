// Turning what a person types ("priya") into the contact they mean, over the
// contacts already read: no file is opened a second time to resolve a name.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/contact.hpp"

namespace kith {

// Whether `reference` can be a file's stem inside contacts/ and nothing else:
// not empty, no '/', no NUL, not hidden ("..", ".ann.edit-x").
bool is_plain_stem(std::string_view reference);

// The slug `reference` names among `contacts` and `unread` (the slugs of the
// files that did not read, which can still be named by their slug): an exact
// slug, else an exact name (ignoring case), else a prefix of slugs or names
// that fits one contact. Throws Error(usage) listing the candidates when it
// is ambiguous, and suggesting near slugs when it is unknown.
std::string resolve_contact(std::span<const Contact> contacts, std::span<const std::string> unread,
                            std::string_view reference);

// Like resolve_contact, but exact slugs and names only, never a prefix; no
// match is not an error (a referral's name that is no contact yet).
std::optional<std::string> find_contact_exactly(std::span<const Contact> contacts, std::span<const std::string> unread,
                                                std::string_view reference);

}  // namespace kith
