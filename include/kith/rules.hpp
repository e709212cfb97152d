// The policy: how long each of the guides' rules waits (SPEC §2 [policy], §5).
#pragma once

#include <chrono>
#include <span>
#include <string_view>

#include "kith/date.hpp"

namespace kith {

// Every duration the rules use; the defaults are the guides' advice.
struct Policy {
    Duration follow_up_after{std::chrono::hours{14 * 24}};
    Duration move_on_after{std::chrono::hours{14 * 24}};
    Duration schedule_within{std::chrono::hours{2 * 24}};
    Duration prepare_before{std::chrono::hours{2 * 24}};
    Duration thank_within{std::chrono::hours{24}};
    Duration referral_within{std::chrono::hours{7 * 24}};
    Duration report_back_within{std::chrono::hours{7 * 24}};
    Duration keep_in_touch{std::chrono::hours{90 * 24}};
    Duration share_news_within{std::chrono::hours{7 * 24}};
};

// One [policy] key, its default as SPEC §2 writes it, what it means, and
// where it lives in Policy.
struct PolicyField {
    std::string_view key;
    std::string_view default_text;
    std::string_view meaning;
    Duration Policy::*member;
};

// Every [policy] key, in the order kith.toml lists them.
std::span<const PolicyField> policy_fields();

}  // namespace kith
