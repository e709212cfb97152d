// What a message draft can say to a contact: the value of every placeholder
// a template may use, from [me] in kith.toml and the record.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/contact.hpp"
#include "rules/config.hpp"

namespace kith {

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

}  // namespace kith
