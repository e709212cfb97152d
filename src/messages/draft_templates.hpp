// The templates of message drafts as data: the kinds of draft, their
// variants, and the built-in text of each (SPEC §4 `draft`). A network's own
// templates/ are read from disk by io/templates.hpp.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/contact.hpp"
#include "model/names.hpp"

namespace kith {

// The messages kith drafts.
enum class DraftKind { request, follow_up, thank, check_in, report_back, share_news };

// Each kind's name ("follow-up"), as typed on the command line and named in
// templates/, in the order `kith draft --help` lists them.
inline constexpr NameTable<DraftKind, 6> draft_kind_names = {{
    {DraftKind::request, "request"},
    {DraftKind::follow_up, "follow-up"},
    {DraftKind::thank, "thank"},
    {DraftKind::check_in, "check-in"},
    {DraftKind::report_back, "report-back"},
    {DraftKind::share_news, "share-news"},
}};

std::string_view to_string(DraftKind kind);
// Every kind, in the order `kith draft --help` lists them.
std::span<const DraftKind> all_draft_kinds();

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

// The built-in template of a variant ("request", "thank-referrals", ...).
std::string_view built_in_template(std::string_view variant);

}  // namespace kith
