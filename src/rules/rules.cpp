// The reminder rules of SPEC §5, each from the guidance in SPEC §1.
#include "rules/rules.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "model/names.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// The events of a contact's timeline, and the few facts several rules ask of it.
struct History {
    const Contact& contact;
    std::vector<const Event*> events;  // up to today, in order
    StageOf stage;

    // The events after `event` in timeline order.
    std::span<const Event* const> after(const Event* event) const {
        auto at = std::find(events.begin(), events.end(), event);
        return {at == events.end() ? at : at + 1, events.end()};
    }
    const Event* last_of(EventType type) const { return kith::last_of(events, type); }
    const Event* first_of(EventType type) const { return kith::first_of(events, type); }
    const Event* last_contact_facing() const {
        for (auto it = events.rbegin(); it != events.rend(); ++it)
            if (is_contact_facing(**it)) return *it;
        return nullptr;
    }
    bool contact_facing_since(Date day) const {
        return std::any_of(events.begin(), events.end(),
                           [&](const Event* e) { return is_contact_facing(*e) && e->date.day() >= day; });
    }
};

bool any_of_type(std::span<const Event* const> events, EventType type) {
    return std::any_of(events.begin(), events.end(), [&](const Event* e) { return e->type == type; });
}

// Collects the reminders of one run, filling in what every reminder shares.
class Report {
public:
    void add(Rule rule, const Contact& contact, Date from, Date due, std::string message, std::string referral = {}) {
        out_.push_back(Reminder{rule, contact.slug, contact.name, from, due, std::move(message), std::move(referral)});
    }
    // A reminder whose day is `when + span`, both from and due; none when the rule is off.
    void add_after(Rule rule, const Contact& contact, const DateTime& when, const Duration& span, std::string message) {
        if (span.never) return;
        const Date day = (when + span).day();
        add(rule, contact, day, day, std::move(message));
    }
    std::vector<Reminder> take() { return std::move(out_); }

private:
    std::vector<Reminder> out_;
};

std::string day_of(const DateTime& when) {
    return format_date(when.day());
}

// No answer to a request after about two weeks: send one polite follow-up.
void follow_up(Report& report, const History& h, const Policy& policy) {
    if (h.stage.stage != Stage::requested) return;
    const auto later = h.after(h.stage.event);
    if (std::any_of(later.begin(), later.end(), [](const Event* e) { return is_contact_facing(*e); })) return;
    report.add_after(Rule::follow_up, h.contact, h.stage.event->date, policy.follow_up_after,
                     fmt::format("No reply since your request of {}: send one short, polite follow-up. "
                                 "Then: kith follow-up {}",
                                 day_of(h.stage.event->date), shell_word(h.contact.slug)));
}

// No answer after the second attempt: move on to other contacts.
void move_on(Report& report, const History& h, const Policy& policy) {
    if (h.stage.stage != Stage::followed_up) return;
    report.add_after(Rule::move_on, h.contact, h.stage.event->date, policy.move_on_after,
                     fmt::format("No reply since your follow-up of {}: the guides say to move on to other "
                                 "contacts. Then: kith move-on {}",
                                 day_of(h.stage.event->date), shell_word(h.contact.slug)));
}

// They replied but no meeting is set (keeps the record honest).
void schedule(Report& report, const History& h, const Policy& policy) {
    if (h.stage.stage != Stage::replied || policy.schedule_within.never) return;
    const DateTime& replied = h.stage.event->date;
    report.add(Rule::schedule, h.contact, replied.day(), (replied + policy.schedule_within).day(),
               fmt::format("They replied on {} and no meeting is set: propose a time that suits them. "
                           "Then: kith schedule {} WHEN",
                           day_of(replied), shell_word(h.contact.slug)));
}

// Prepare before the meeting; or, once it has passed, log it (keeps the record honest).
void prepare_or_log(Report& report, const History& h, const Policy& policy, Date today) {
    if (h.stage.stage != Stage::scheduled) return;
    const DateTime& at = *h.stage.event->at;
    if (at.day() >= today) {
        if (policy.prepare_before.never) return;
        report.add(Rule::prepare, h.contact, (at - policy.prepare_before).day(), at.day(),
                   fmt::format("Your {} on {} is coming: research them, their organization and field, and "
                               "prepare 10-15 open questions{}. Then: kith prepare {}",
                               h.stage.event->is_virtual ? "call" : "meeting", format_when(at),
                               h.stage.event->is_virtual ? "; test your video or phone the night before" : "",
                               shell_word(h.contact.slug)));
        return;
    }
    const Date next_day = at.day() + date::days{1};
    report.add(Rule::log_meeting, h.contact, next_day, next_day,
               fmt::format("Your meeting of {} (set on {}) was never logged: record how it went. "
                           "Then: kith log-meeting {}",
                           format_when(at), day_of(h.stage.event->date), shell_word(h.contact.slug)));
}

// Right after the meeting, jot down notes; send a thank-you within 24 hours.
void notes_and_thanks(Report& report, const History& h, const Policy& policy) {
    const Event* met = h.last_of(EventType::met);
    if (!met) return;
    const auto later = h.after(met);
    const bool has_notes = !is_blank(met->notes) || std::any_of(met->learned.begin(), met->learned.end(),
                                                                [](const std::string& x) { return !is_blank(x); });
    if (!has_notes && !any_of_type(later, EventType::note))
        report.add(Rule::notes, h.contact, met->date.day(), met->date.day(),
                   fmt::format("Jot down what you learned at your meeting of {}: advice, names, next steps. "
                               "Then: kith note {} TEXT",
                               day_of(met->date), shell_word(h.contact.slug)));
    if (!any_of_type(later, EventType::thanked) && !policy.thank_within.never)
        report.add(Rule::thank, h.contact, met->date.day(), (met->date + policy.thank_within).day(),
                   fmt::format("Send a thank-you note for your meeting of {}, naming one or two things you "
                               "learned. Then: kith thank {}",
                               day_of(met->date), shell_word(h.contact.slug)));
}

// Follow up with every referral, saying who referred you.
void referral(Report& report, const History& h, std::string_view referrer_slug,
              const std::map<std::string, History, std::less<>>& everyone, const Policy& policy) {
    if (policy.referral_within.never) return;
    if (std::any_of(h.events.begin(), h.events.end(), [](const Event* e) { return is_contact_facing(*e); })) return;
    std::optional<DateTime> from;  // the meeting that named them, to the minute; else the day they were added
    std::string referrer_name(referrer_slug);
    if (auto referrer = everyone.find(referrer_slug); referrer != everyone.end()) {
        referrer_name = referrer->second.contact.name;
        if (const Event* named = meeting_naming(referrer->second.events, h.contact.slug)) from = named->date;
    }
    if (!from && h.contact.added) from = at_start_of(*h.contact.added);
    if (!from) return;
    report.add(Rule::referral, h.contact, from->day(), (*from + policy.referral_within).day(),
               fmt::format("{} referred you on {}: reach out and say who sent you. Then: kith request {}",
                           referrer_name, day_of(*from), shell_word(h.contact.slug)));
}

// After meeting a referral, tell the person who referred you how it went.
void report_back(Report& report, const History& referrer, std::span<const History* const> referred_by_them,
                 const Policy& policy) {
    if (policy.report_back_within.never) return;
    for (const History* referred : referred_by_them) {
        const Event* met = referred->first_of(EventType::met);
        if (!met || referrer.contact_facing_since(met->date.day())) continue;
        report.add(Rule::report_back, referrer.contact, met->date.day(), (met->date + policy.report_back_within).day(),
                   fmt::format("You met {}, whom they referred you to, on {}: tell them how it went. "
                               "Then: kith check-in {}",
                               referred->contact.name, day_of(met->date), shell_word(referrer.contact.slug)),
                   referred->contact.slug);
    }
}

// Stay in touch every few months with the people you met.
void keep_in_touch(Report& report, const History& h, const Policy& policy) {
    const bool met = h.stage.stage == Stage::met;
    const bool touched = h.stage.stage == Stage::new_contact && h.last_of(EventType::checked_in);
    if (!met && !touched) return;
    const Duration cadence = h.contact.keep_in_touch.value_or(policy.keep_in_touch);
    const Event* last = h.last_contact_facing();
    report.add_after(Rule::keep_in_touch, h.contact, last->date, cadence,
                     fmt::format("Last in touch on {}: send a friendly note, an article, or congratulations. "
                                 "Then: kith check-in {}",
                                 day_of(last->date), shell_word(h.contact.slug)));
}

// When you land a position or choose your path, tell the people who helped.
void share_news(Report& report, const History& h, const Milestone* news, const Policy& policy) {
    if (!news || policy.share_news_within.never) return;
    const Date day = news->date.day();
    const bool met_before = std::any_of(h.events.begin(), h.events.end(), [&](const Event* e) {
        return e->type == EventType::met && e->date.day() < day;
    });
    if (!met_before || h.contact_facing_since(day)) return;
    report.add(Rule::share_news, h.contact, day, (news->date + policy.share_news_within).day(),
               fmt::format("Tell them your news of {}: \"{}\". Then: kith check-in {}", format_date(day), news->text,
                           shell_word(h.contact.slug)));
}

}  // namespace

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

std::string_view to_string(Rule rule) {
    return name_in(rule_names, rule);
}

std::span<const Rule> all_rules() {
    static constexpr auto rules = values_in(rule_names);
    return rules;
}

std::string_view to_string(Status status) {
    switch (status) {
        case Status::overdue: return "overdue";
        case Status::due: return "due";
        case Status::upcoming: return "upcoming";
    }
    return "due";
}

Status status_of(const Reminder& reminder, Date today) {
    if (reminder.due < today) return Status::overdue;
    if (reminder.from > today) return Status::upcoming;
    return Status::due;
}

std::vector<Reminder> reminders(std::span<const Contact> contacts, std::span<const Milestone> milestones,
                                const Policy& policy, Date today) {
    std::map<std::string, History, std::less<>> everyone;
    for (const Contact& contact : contacts)
        everyone.try_emplace(contact.slug, History{contact, timeline(contact, today), stage_of(contact, today)});

    // Who referred whom, so that report-back reads each contact once.
    const auto referrer_of = referrers(contacts);
    std::map<std::string_view, std::vector<const History*>> referrals;
    for (const auto& [slug, referrer] : referrer_of)
        if (auto h = everyone.find(slug); h != everyone.end()) referrals[referrer].push_back(&h->second);

    const Milestone* news = latest_milestone(milestones, today);

    Report report;
    for (const auto& [slug, h] : everyone) {
        if (h.stage.stage == Stage::moved_on) continue;
        follow_up(report, h, policy);
        move_on(report, h, policy);
        schedule(report, h, policy);
        prepare_or_log(report, h, policy, today);
        notes_and_thanks(report, h, policy);
        if (auto referrer = referrer_of.find(slug); referrer != referrer_of.end())
            referral(report, h, referrer->second, everyone, policy);
        if (auto referred = referrals.find(slug); referred != referrals.end())
            report_back(report, h, referred->second, policy);
        keep_in_touch(report, h, policy);
        share_news(report, h, news, policy);
    }
    std::vector<Reminder> all = report.take();
    // Keys sorted, then each Reminder moved once: sorting the Reminders themselves
    // would move their strings at every swap.
    struct Key {
        Date due;
        std::string_view rule, contact, message;
        std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        keys.push_back({all[i].due, to_string(all[i].rule), all[i].contact, all[i].message, i});
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.due, a.rule, a.contact, a.message) < std::tie(b.due, b.rule, b.contact, b.message);
    });
    std::vector<Reminder> out;
    out.reserve(all.size());
    for (const Key& key : keys)
        out.push_back(std::move(all[key.index]));
    return out;
}

const Milestone* latest_milestone(std::span<const Milestone> milestones, Date today) {
    const Milestone* latest = nullptr;
    for (const Milestone& m : milestones)
        if (m.date.day() <= today && (!latest || m.date.local >= latest->date.local)) latest = &m;
    return latest;
}

bool is_third_attempt(const Contact& contact, Date day) {
    return stage_of(contact, day).stage == Stage::followed_up;
}

std::vector<Standing> standings(std::span<const Contact> contacts, std::span<const Reminder> all_reminders,
                                const ListFilter& filter, Date today) {
    std::map<std::string_view, const Reminder*> first_due;  // all_reminders is sorted by due date
    for (const Reminder& r : all_reminders)
        first_due.try_emplace(r.contact, &r);

    const std::string tag = fold_case(filter.tag), company = fold_case(filter.company);
    std::vector<Standing> out;
    for (const Contact& contact : contacts) {
        if (!tag.empty() && std::none_of(contact.tags.begin(), contact.tags.end(),
                                         [&](const std::string& t) { return fold_case(t) == tag; }))
            continue;
        if (!company.empty() && fold_case(contact.company).find(company) == std::string::npos) continue;
        Standing standing{&contact, stage_of(contact, today).stage, std::nullopt, std::nullopt};
        if (filter.stage && standing.stage != *filter.stage) continue;
        const History h{contact, timeline(contact, today), {}};
        if (const Event* last = h.last_contact_facing()) standing.last_interaction = last->date.day();
        if (auto next = first_due.find(contact.slug); next != first_due.end()) standing.next = *next->second;
        out.push_back(std::move(standing));
    }
    std::sort(out.begin(), out.end(),
              [](const Standing& a, const Standing& b) { return a.contact->slug < b.contact->slug; });
    return out;
}

std::vector<Reminder> select_due(std::vector<Reminder> all, const DueFilter& filter, Date today) {
    const Date horizon = (at_start_of(today) + filter.within).day();
    std::erase_if(all, [&](const Reminder& r) {
        if (r.from > horizon) return true;
        if (!filter.rules.empty() && std::find(filter.rules.begin(), filter.rules.end(), r.rule) == filter.rules.end())
            return true;
        return filter.contact && r.contact != *filter.contact;
    });
    return all;
}

}  // namespace kith
