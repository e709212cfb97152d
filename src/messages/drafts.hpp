// Message drafts (SPEC §4 `draft`): what the guides say each message holds,
// as templates with named placeholders (messages/draft_templates.hpp), the
// placeholders' values (messages/draft_values.hpp), and the filling here.
// The template's text comes in as a value: io/templates.hpp reads a
// network's own.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "messages/draft_templates.hpp"
#include "messages/draft_values.hpp"
#include "model/contact.hpp"
#include "rules/config.hpp"

namespace kith {

// The draft: `Subject: ...`, a blank line and the body. Throws Error(data)
// naming file:line:col for a template that is not one (no Subject line, an
// unknown placeholder, an unmatched brace), and naming every placeholder it
// uses that has no value, with how to give it one; `draft` names the draft
// in that message ("the thank-you draft for Priya Singh").
std::string fill_template(const DraftTemplate& tmpl, const std::map<std::string, Value, std::less<>>& values,
                          std::string_view draft);

}  // namespace kith
