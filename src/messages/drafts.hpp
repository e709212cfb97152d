// Message drafts (SPEC §4 `draft`): what the guides say each message holds,
// as templates with named placeholders, filled from [me] and the record.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "io/network.hpp"
#include "model/contact.hpp"
#include "rules/config.hpp"

namespace kith {

// The messages kith drafts.
enum class DraftKind { request, follow_up, thank, check_in, report_back, share_news };

// "follow-up", as typed on the command line and named in templates/.
std::string_view to_string(DraftKind kind);
std::optional<DraftKind> parse_draft_kind(std::string_view text);
// Every kind, in the order `kith draft --help` lists them.
std::span<const DraftKind> all_draft_kinds();

// One placeholder's value, or why there is none and how to give it one.
struct Value {
    std::optional<std::string> text;
    std::string missing;  // "Priya Singh has no source (kith edit priya-singh)"
};

// Every placeholder a template may use, by name ("first_name"), with what it holds.
struct PlaceholderInfo {
    std::string_view name;
    std::string_view meaning;
};
std::span<const PlaceholderInfo> placeholders();

// What a draft to `contact` can say: every placeholder's value. For
// report-back, `about` is the referral the report is on (by slug; empty:
// the one of theirs you met last); Error(usage) when they did not refer you
// to `about`.
std::map<std::string, Value, std::less<>> draft_values(const Contact& contact, std::span<const Contact> everyone,
                                                       const Config& config, Date today, std::string_view about = {});

// The template a draft takes: its name ("request-referred": the variant the
// record calls for, a file templates/<name>.txt overrides it) and its text.
struct DraftTemplate {
    std::string name;
    std::string text;
    std::string file;  // "templates/request-referred.txt"; empty when built in
};

// Which variant of `kind` fits `contact`: "request-referred" for a contact
// someone in the network referred you to, "thank-referrals" after a meeting that gave you
// names, else the kind's own name.
std::string variant_name(DraftKind kind, const Contact& contact, std::span<const Contact> everyone, Date today);

// The template a draft of `kind` takes: templates/<variant>.txt, else
// templates/<kind>.txt, in the network, else the built-in variant. Error(data)
// for a template file that cannot be read or is not UTF-8.
DraftTemplate load_template(const Network& network, DraftKind kind, const std::string& variant);

// The built-in template of a variant ("request", "thank-referrals", ...).
std::string_view built_in_template(std::string_view variant);

// The draft: `Subject: ...`, a blank line and the body. Throws Error(data)
// naming file:line:col for a template that is not one (no Subject line, an
// unknown placeholder, an unmatched brace), and naming every placeholder it
// uses that has no value, with how to give it one; `draft` names the draft
// in that message ("the thank-you draft for Priya Singh").
std::string fill_template(const DraftTemplate& tmpl, const std::map<std::string, Value, std::less<>>& values,
                          std::string_view draft);

}  // namespace kith
