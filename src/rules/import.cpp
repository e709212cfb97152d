#include "rules/import.hpp"

#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "model/text.hpp"

namespace kith {

namespace {

// What a contact is recognised by, each key folded so that equal means the same.
struct Identity {
    std::string linkedin;
    std::string email;
    std::string name;
    std::string slug;      // a contact of the network, or the slug an added entry gets
    std::size_t line = 0;  // an added entry's line
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

// Two with the same name are two people when their profiles or emails differ.
bool contradicts(const Identity& a, const Identity& b) {
    return (!a.linkedin.empty() && !b.linkedin.empty() && a.linkedin != b.linkedin) ||
           (!a.email.empty() && !b.email.empty() && a.email != b.email);
}

// Everyone known so far, indexed by each key; the first known with a key keeps it.
class Known {
public:
    void add(Identity identity) {
        const std::size_t at = all_.size();
        if (!identity.linkedin.empty()) by_linkedin_.emplace(identity.linkedin, at);
        if (!identity.email.empty()) by_email_.emplace(identity.email, at);
        by_name_[identity.name].push_back(at);
        all_.push_back(std::move(identity));
    }

    // The one `wanted` is, and by which key: its LinkedIn profile, else its
    // email, else its name (unless the two contradict).
    std::optional<std::pair<const Identity*, std::string>> match(const Identity& wanted) const {
        if (const auto found = by_linkedin_.find(wanted.linkedin); found != by_linkedin_.end())
            return std::pair{&all_[found->second], std::string("LinkedIn URL")};
        if (const auto found = by_email_.find(wanted.email); found != by_email_.end())
            return std::pair{&all_[found->second], std::string("email")};
        if (const auto found = by_name_.find(wanted.name); found != by_name_.end())
            for (const std::size_t at : found->second)
                if (!contradicts(all_[at], wanted)) return std::pair{&all_[at], std::string("name")};
        return std::nullopt;
    }

private:
    std::vector<Identity> all_;
    std::unordered_map<std::string, std::size_t> by_linkedin_;
    std::unordered_map<std::string, std::size_t> by_email_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name_;
};

// The slug create_contact will choose: the name's, else with -2, -3, ...
std::string free_slug(const std::string& name, std::set<std::string, std::less<>>& taken) {
    const std::string base = make_slug(name);
    for (int n = 1;; ++n) {
        std::string slug = numbered_slug(base, n);
        if (taken.insert(slug).second) return slug;
    }
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
    Known known;
    std::set<std::string, std::less<>> taken;
    for (const Contact& c : existing) {
        Identity identity = identity_of(c);
        identity.slug = c.slug;
        known.add(std::move(identity));
        taken.insert(c.slug);
    }

    std::vector<ImportStep> steps;
    std::map<std::string, std::string, std::less<>> slug_for_exported;  // exported slug -> slug here
    std::map<std::string, std::size_t, std::less<>> skipped_exported;   // exported slug -> line
    for (const ImportedEntry& entry : entries) {
        ImportStep step;
        step.line = entry.line;
        if (!entry.contact) {
            if (!entry.exported_slug.empty()) skipped_exported.emplace(entry.exported_slug, entry.line);
            step.problem = entry.problem;
            steps.push_back(std::move(step));
            continue;
        }
        step.contact = *entry.contact;
        Identity identity = identity_of(step.contact);
        if (const auto found = known.match(identity)) {
            step.action = ImportAction::present;
            step.matched_by = found->second;
            step.slug = found->first->slug;
            step.matched_line = found->first->line;
        } else {
            step.action = ImportAction::add;
            step.slug = free_slug(step.contact.name, taken);
            identity.slug = step.slug;
            identity.line = entry.line;
            known.add(std::move(identity));
        }
        if (!entry.exported_slug.empty()) slug_for_exported.emplace(entry.exported_slug, step.slug);
        steps.push_back(std::move(step));
    }

    for (ImportStep& step : steps) {
        if (step.action != ImportAction::add || step.contact.referred_by.empty()) continue;
        if (const auto found = slug_for_exported.find(step.contact.referred_by); found != slug_for_exported.end()) {
            step.contact.referred_by = found->second;
        } else if (const auto skipped = skipped_exported.find(step.contact.referred_by);
                   skipped != skipped_exported.end()) {
            step.warning = fmt::format("its referrer '{}', on line {}, was skipped, so it is added without referred_by",
                                       step.contact.referred_by, skipped->second);
            step.contact.referred_by.clear();
        }
    }
    return steps;
}

}  // namespace kith
