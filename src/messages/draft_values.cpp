// The values of a draft's placeholders, from the record and [me].
#include "messages/draft_values.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/error.hpp"
#include "model/text.hpp"
#include "rules/rules.hpp"

namespace kith {

namespace {

constexpr PlaceholderInfo placeholder_table[] = {
    {"my_name", "your name, from [me] in kith.toml"},
    {"my_email", "your email, from [me]"},
    {"my_headline", "who you are in a phrase, from [me] headline"},
    {"my_availability", "when you can talk, from [me] availability"},
    {"name", "the contact's full name"},
    {"first_name", "the first word of the contact's name"},
    {"company", "the contact's company"},
    {"role", "the contact's role"},
    {"their_work", "\"your work as ROLE at COMPANY\", from what the record holds"},
    {"source", "how you found them (source)"},
    {"referrer", "the name of who referred you to them (referred_by)"},
    {"request_date", "the day of your last request to them (this round's)"},
    {"meeting_date", "the day of your last meeting with them"},
    {"learned", "the first one or two things you learned at that meeting (its learned), as '- ' lines"},
    {"referrals", "the people they referred you to at that meeting"},
    {"last_contact_date", "the day of your last exchange with them"},
    {"referral", "report-back: the person they referred you to whom you met"},
    {"referral_meeting_date", "report-back: the day you met that person"},
    {"referral_learned", "report-back: one or two things you learned from that person, as '- ' lines"},
    {"milestone", "your latest milestone's text"},
    {"milestone_date", "the day of your latest milestone"},
};

// "November 2", with the year when it is not this year's.
std::string spoken_date(Date day, Date today) {
    const date::year_month_day ymd{day};
    const std::string month = date::format("%B", ymd.month());
    if (ymd.year() == date::year_month_day{today}.year())
        return fmt::format("{} {}", month, static_cast<unsigned>(ymd.day()));
    return fmt::format("{} {}, {}", month, static_cast<unsigned>(ymd.day()), static_cast<int>(ymd.year()));
}

// "A", "A and B", "A, B and C".
std::string spoken_list(const std::vector<std::string>& items) {
    if (items.size() <= 1) return items.empty() ? std::string() : items.front();
    std::vector<std::string> head(items.begin(), items.end() - 1);
    return fmt::format("{} and {}", fmt::join(head, ", "), items.back());
}

std::string without_final_period(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' ' || text.back() == '\n'))
        text.pop_back();
    return text;
}

// The first one or two things learned at a meeting (its `learned`; notes are
// private, never quoted to anyone), as a bulleted list.
std::optional<std::string> learned_at(const Event& meeting) {
    std::vector<std::string> points;
    for (const std::string& point : meeting.learned)
        if (points.size() < 2 && !without_final_period(point).empty())
            points.push_back(fmt::format("- {}", without_final_period(point)));
    if (points.empty()) return std::nullopt;
    return fmt::format("{}", fmt::join(points, "\n"));
}

Value given(std::string text) {
    return Value{std::move(text), {}};
}
Value none(std::string why) {
    return Value{std::nullopt, std::move(why)};
}

Value text_field(const Contact& c, std::string_view key, const std::string& value) {
    if (!value.empty()) return given(value);
    return none(fmt::format("{} has no {} (kith edit {})", c.name, key, shell_word(c.slug)));
}

}  // namespace

std::span<const PlaceholderInfo> placeholders() {
    return placeholder_table;
}

std::map<std::string, Value, std::less<>> draft_values(const Contact& c, std::span<const Contact> everyone,
                                                       const Config& config, Date today, std::string_view about) {
    std::map<std::string, Value, std::less<>> v;
    const auto me = [&](std::string_view key, const std::string& value) {
        v[fmt::format("my_{}", key)] =
            value.empty() ? none(fmt::format("[me] {} is not set in kith.toml", key)) : given(value);
    };
    me("name", config.me.name);
    me("email", config.me.email);
    me("headline", config.me.headline);
    me("availability", config.me.availability);

    v["name"] = given(c.name);
    v["first_name"] = given(c.name.substr(0, c.name.find(' ')));
    v["company"] = text_field(c, "company", c.company);
    v["role"] = text_field(c, "role", c.role);
    v["source"] = text_field(c, "source", c.source);
    if (!c.role.empty() && !c.company.empty())
        v["their_work"] = given(fmt::format("your work as {} at {}", c.role, c.company));
    else if (!c.role.empty() || !c.company.empty())
        v["their_work"] =
            given(c.role.empty() ? fmt::format("your work at {}", c.company) : fmt::format("your work as {}", c.role));
    else
        v["their_work"] =
            none(fmt::format("{} has neither a role nor a company (kith edit {})", c.name, shell_word(c.slug)));

    const ReferralLinks links = referral_links(c, everyone);
    if (links.referred_by)
        v["referrer"] = given(links.referred_by->name);
    else if (!c.referred_by.empty())
        v["referrer"] = none(fmt::format("{}'s referred_by '{}' is not a contact", c.name, c.referred_by));
    else
        v["referrer"] = none(fmt::format("no one referred you to {} (referred_by)", c.name));

    const std::vector<const Event*> events = timeline(c, today);
    // The request a follow-up is about: the last, since a new request starts a new round (SPEC §5).
    const Event* request = last_of(events, EventType::requested);
    v["request_date"] =
        request ? given(spoken_date(request->date.day(), today))
                : none(fmt::format("no request to {} is recorded (kith request {})", c.name, shell_word(c.slug)));

    const Event* meeting = last_of(events, EventType::met);
    const std::string no_meeting =
        fmt::format("no meeting with {} is recorded (kith log-meeting {})", c.name, shell_word(c.slug));
    if (meeting) {
        v["meeting_date"] = given(spoken_date(meeting->date.day(), today));
        const auto learned = learned_at(*meeting);
        v["learned"] = learned ? given(*learned)
                               : none(fmt::format("your meeting with {} on {} has no learned points (kith edit {}: "
                                                  "learned = [\"...\"] in its [[event]])",
                                                  c.name, format_date(meeting->date.day()), shell_word(c.slug)));
        std::vector<std::string> names;
        for (const std::string& slug : meeting->referrals) {
            const Contact* referral = find_contact(everyone, slug);
            names.push_back(referral ? referral->name : slug);
        }
        v["referrals"] = names.empty() ? none(fmt::format("your meeting with {} on {} gave no referrals", c.name,
                                                          format_date(meeting->date.day())))
                                       : given(spoken_list(names));
    } else {
        v["meeting_date"] = v["learned"] = v["referrals"] = none(no_meeting);
    }

    const auto last_exchange =
        std::find_if(events.rbegin(), events.rend(), [](const Event* e) { return is_contact_facing(*e); });
    v["last_contact_date"] = last_exchange != events.rend()
                                 ? given(spoken_date((*last_exchange)->date.day(), today))
                                 : none(fmt::format("nothing you exchanged with {} is recorded", c.name));

    // report-back: the referral the report is on, and your first meeting with
    // them (the one the report-back rule counts from).
    if (!about.empty() && std::none_of(links.referred_to.begin(), links.referred_to.end(),
                                       [&](const Contact* r) { return r->slug == about; }))
        throw Error(Exit::usage, fmt::format("{} did not refer you to '{}'", c.name, about));
    const Contact* referral = nullptr;
    const Event* referral_meeting = nullptr;
    for (const Contact* candidate : links.referred_to) {
        if (!about.empty() && candidate->slug != about) continue;
        const Event* met = first_of(timeline(*candidate, today), EventType::met);
        if (met && (!referral_meeting || met->date.local >= referral_meeting->date.local))
            referral = candidate, referral_meeting = met;
    }
    if (referral) {
        v["referral"] = given(referral->name);
        v["referral_meeting_date"] = given(spoken_date(referral_meeting->date.day(), today));
        const auto learned = learned_at(*referral_meeting);
        v["referral_learned"] =
            learned ? given(*learned)
                    : none(fmt::format("your meeting with {} on {} has no learned points (kith edit {}: "
                                       "learned = [\"...\"] in its [[event]])",
                                       referral->name, format_date(referral_meeting->date.day()),
                                       shell_word(referral->slug)));
    } else {
        const std::string why =
            about.empty() ? fmt::format("you have met no one {} referred you to (kith log-meeting)", c.name)
                          : fmt::format("'{}' is not someone {} referred you to whom you have met", about, c.name);
        v["referral"] = v["referral_meeting_date"] = v["referral_learned"] = none(why);
    }

    if (const Milestone* latest = latest_milestone(config.milestones, today)) {
        v["milestone"] = given(without_final_period(latest->text));
        v["milestone_date"] = given(spoken_date(latest->date.day(), today));
    } else {
        v["milestone"] = v["milestone_date"] = none("no milestone is recorded (kith milestone TEXT)");
    }
    return v;
}

}  // namespace kith
