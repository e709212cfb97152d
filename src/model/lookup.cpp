// Contact references resolved over the contacts in memory.
#include "model/lookup.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// A slug and the name in its file (empty when the file did not read).
struct Known {
    std::string_view slug;
    std::string_view name;
};

// Every contact that can be named, in slug order, so that candidates are
// always listed alike.
std::vector<Known> known(std::span<const Contact> contacts, std::span<const std::string> unread) {
    std::vector<Known> out;
    out.reserve(contacts.size() + unread.size());
    for (const Contact& contact : contacts)
        out.push_back({contact.slug, contact.name});
    for (const std::string& slug : unread)
        out.push_back({slug, {}});
    std::sort(out.begin(), out.end(), [](const Known& a, const Known& b) { return a.slug < b.slug; });
    return out;
}

std::string describe(const std::vector<const Known*>& candidates) {
    std::string out;
    for (const Known* k : candidates) {
        if (!out.empty()) out += ", ";
        out += k->name.empty() ? std::string(k->slug) : fmt::format("{} ({})", k->slug, k->name);
    }
    return out;
}

[[noreturn]] void ambiguous(std::string_view reference, const std::vector<const Known*>& candidates) {
    throw Error(Exit::usage, fmt::format("ambiguous contact '{}': it could be {}", reference, describe(candidates)));
}

std::optional<std::string> exact(const std::vector<Known>& everyone, std::string_view reference) {
    if (is_plain_stem(reference))
        for (const Known& k : everyone)
            if (k.slug == reference) return std::string(k.slug);
    const std::string wanted = fold_case(reference);
    std::vector<const Known*> matches;
    for (const Known& k : everyone)
        if (!k.name.empty() && fold_case(k.name) == wanted) matches.push_back(&k);
    if (matches.size() > 1) ambiguous(reference, matches);
    if (matches.empty()) return std::nullopt;
    return std::string(matches.front()->slug);
}

}  // namespace

bool is_plain_stem(std::string_view reference) {
    return !reference.empty() && reference.front() != '.' && reference.find('/') == std::string_view::npos &&
           reference.find('\0') == std::string_view::npos;
}

std::optional<std::string> find_contact_exactly(std::span<const Contact> contacts, std::span<const std::string> unread,
                                                std::string_view reference) {
    return exact(known(contacts, unread), reference);
}

std::string resolve_contact(std::span<const Contact> contacts, std::span<const std::string> unread,
                            std::string_view reference) {
    if (reference.empty()) throw Error(Exit::usage, "no contact named: the contact reference is empty");
    const std::vector<Known> everyone = known(contacts, unread);
    if (auto found = exact(everyone, reference)) return *found;

    const std::string wanted = fold_case(reference);
    std::vector<const Known*> prefixed;
    for (const Known& k : everyone)
        if (k.slug.starts_with(wanted) || fold_case(k.name).starts_with(wanted)) prefixed.push_back(&k);
    if (prefixed.size() == 1) return std::string(prefixed.front()->slug);
    if (prefixed.size() > 1) ambiguous(reference, prefixed);

    std::vector<const Known*> similar;
    const std::string as_slug = make_slug(reference);
    for (const Known& k : everyone)
        if (edit_distance(k.slug, as_slug) <= 2 || k.slug.find(as_slug) != std::string::npos) similar.push_back(&k);
    if (similar.empty()) throw Error(Exit::usage, fmt::format("unknown contact '{}'", reference));
    throw Error(Exit::usage, fmt::format("unknown contact '{}'; did you mean {}?", reference, describe(similar)));
}

}  // namespace kith
