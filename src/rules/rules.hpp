// The guides' rules: from contacts, milestones, policy and today to the
// reminders `kith due` reports (SPEC §1, §5). A pure function: no files, no
// clock, no environment.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/contact.hpp"
#include "model/date.hpp"
#include "model/names.hpp"

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

// A `[[milestone]]`: news worth telling the people who helped.
struct Milestone {
    DateTime date;
    std::string text;
};

// The news share-news is about: the latest milestone on or before `today`
// (of two at one moment, the later in kith.toml), if any.
const Milestone* latest_milestone(std::span<const Milestone> milestones, Date today);

// The rules, one per practice of the guides (SPEC §1).
enum class Rule {
    follow_up,
    move_on,
    schedule,
    prepare,
    log_meeting,
    notes,
    thank,
    referral,
    report_back,
    keep_in_touch,
    share_news,
};

// Each rule's id ("follow-up"), as `--rule` and every output format spell
// it, in SPEC §5's order.
inline constexpr NameTable<Rule, 11> rule_names = {{
    {Rule::follow_up, "follow-up"},
    {Rule::move_on, "move-on"},
    {Rule::schedule, "schedule"},
    {Rule::prepare, "prepare"},
    {Rule::log_meeting, "log-meeting"},
    {Rule::notes, "notes"},
    {Rule::thank, "thank"},
    {Rule::referral, "referral"},
    {Rule::report_back, "report-back"},
    {Rule::keep_in_touch, "keep-in-touch"},
    {Rule::share_news, "share-news"},
}};

std::string_view to_string(Rule rule);
// Every rule, in SPEC §5's order.
std::span<const Rule> all_rules();

// Something the guides say to do, for one contact, by a deadline.
struct Reminder {
    Rule rule = Rule::follow_up;
    std::string contact;  // slug
    std::string name;
    Date from;  // the day it becomes active
    Date due;   // its deadline
    std::string message;
    std::string referral;  // report-back only: the slug of the referral met
};

// Where a reminder stands on a day.
enum class Status { overdue, due, upcoming };
std::string_view to_string(Status status);
Status status_of(const Reminder& reminder, Date today);

// Every reminder the rules make on `today`, whatever its `from`, sorted by
// due date, then rule id, then slug, then message. Events and milestones
// dated after today are ignored.
std::vector<Reminder> reminders(std::span<const Contact> contacts, std::span<const Milestone> milestones,
                                const Policy& policy, Date today);

// Whether a follow-up on `day` would be the third attempt to reach a contact
// with no reply (the request, one follow-up, and this): the guides say to move
// on instead.
bool is_third_attempt(const Contact& contact, Date day);

// What `kith due` narrows the report to.
struct DueFilter {
    Duration within{};                   // also list what becomes active up to today + within
    std::vector<Rule> rules;             // empty: every rule
    std::optional<std::string> contact;  // a slug
};

// The reminders whose `from` is on or before today + within, that pass the filter.
std::vector<Reminder> select_due(std::vector<Reminder> all, const DueFilter& filter, Date today);

// Where one contact stands, for `kith list`.
struct Standing {
    const Contact* contact = nullptr;
    Stage stage = Stage::new_contact;
    std::optional<Date> last_interaction;  // the last contact-facing event up to today
    std::optional<Reminder> next;          // the reminder due first, active or not
};

// What `kith list` narrows the list to; empty fields match every contact.
struct ListFilter {
    std::string tag;  // one of its tags, ignoring case
    std::optional<Stage> stage;
    std::string company;  // a part of its company, ignoring case
};

// Every contact that passes the filter, in slug order, with its stage, last
// interaction and next reminder (from all of `reminders`' output for today).
std::vector<Standing> standings(std::span<const Contact> contacts, std::span<const Reminder> all_reminders,
                                const ListFilter& filter, Date today);

}  // namespace kith
