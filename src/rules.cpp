// The policy's keys; the reminder rules themselves follow in this file.
#include "kith/rules.hpp"

#include <array>

namespace kith {

std::span<const PolicyField> policy_fields() {
    static constexpr std::array<PolicyField, 9> fields = {{
        {"follow_up_after", "14d", "no reply to a request: follow up once", &Policy::follow_up_after},
        {"move_on_after", "14d", "no reply to the follow-up: move on", &Policy::move_on_after},
        {"schedule_within", "2d", "they replied: set a date", &Policy::schedule_within},
        {"prepare_before", "2d", "start preparing this long before a meeting", &Policy::prepare_before},
        {"thank_within", "24h", "send a thank-you note after a meeting", &Policy::thank_within},
        {"referral_within", "7d", "contact a person you were referred to", &Policy::referral_within},
        {"report_back_within", "7d", "tell a referrer how the meeting went", &Policy::report_back_within},
        {"keep_in_touch", "90d", "stay in touch with the people you met", &Policy::keep_in_touch},
        {"share_news_within", "7d", "tell the people who helped you your news", &Policy::share_news_within},
    }};
    return fields;
}

}  // namespace kith
