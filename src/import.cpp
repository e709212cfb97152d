#include "kith/import.hpp"

#include "kith/text.hpp"

namespace kith {

namespace {

// What a contact is recognised by, each key folded so that equal means the same.
struct Identity {
    std::string linkedin;
    std::string email;
    std::string name;
    std::string slug;      // a contact of the network, or
    std::size_t line = 0;  // an entry added earlier in the file
};

// "Priya  SINGH" -> "priya singh"
std::string name_key(std::string_view name) {
    std::string key;
    for (const char c : fold_case(trimmed(name))) {
        const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!blank)
            key += c;
        else if (!key.empty() && key.back() != ' ')
            key += ' ';
    }
    return key;
}

Identity identity_of(const Contact& contact) {
    Identity identity;
    identity.linkedin = linkedin_profile_key(contact.linkedin);
    identity.email = ascii_lowercase(trimmed(contact.email));
    identity.name = name_key(contact.name);
    return identity;
}

// The first of `known` that shares a key with `wanted`, and which key: the
// LinkedIn profile first, then the email, then the name.
std::optional<std::pair<const Identity*, std::string>> match(const std::vector<Identity>& known,
                                                             const Identity& wanted) {
    const std::pair<std::string Identity::*, std::string_view> keys[] = {
        {&Identity::linkedin, "LinkedIn URL"}, {&Identity::email, "email"}, {&Identity::name, "name"}};
    for (const auto& [key, what] : keys) {
        if ((wanted.*key).empty()) continue;
        for (const Identity& k : known)
            if (k.*key == wanted.*key) return std::pair{&k, std::string(what)};
    }
    return std::nullopt;
}

}  // namespace

std::string linkedin_profile_key(std::string_view url) {
    std::string text = ascii_lowercase(trimmed(url));
    for (const std::string_view scheme : {"https://", "http://"})
        if (text.starts_with(scheme)) text.erase(0, scheme.size());
    text = text.substr(0, text.find_first_of("?#"));
    const std::size_t slash = text.find('/');
    std::string host = text.substr(0, slash);
    std::string path = slash == std::string::npos ? "" : text.substr(slash);
    // www.linkedin.com, uk.linkedin.com and linkedin.com are one site
    if (host == "linkedin.com" || host.ends_with(".linkedin.com")) host = "linkedin.com";
    while (path.ends_with('/'))
        path.pop_back();
    return host + path;
}

std::vector<ImportStep> plan_import(std::span<const Contact> existing, std::span<const ImportedEntry> entries) {
    std::vector<Identity> known;
    for (const Contact& c : existing) {
        known.push_back(identity_of(c));
        known.back().slug = c.slug;
    }
    std::vector<ImportStep> steps;
    for (const ImportedEntry& entry : entries) {
        ImportStep step;
        step.line = entry.line;
        if (!entry.contact) {
            step.problem = entry.problem;
            steps.push_back(std::move(step));
            continue;
        }
        step.contact = *entry.contact;
        Identity identity = identity_of(step.contact);
        if (const auto found = match(known, identity)) {
            step.action = ImportAction::present;
            step.matched_by = found->second;
            step.matched_slug = found->first->slug;
            step.matched_line = found->first->line;
        } else {
            step.action = ImportAction::add;
            identity.line = entry.line;
            known.push_back(std::move(identity));
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

}  // namespace kith
