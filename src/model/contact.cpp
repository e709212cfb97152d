// A contact's names, its timeline and stage, and who referred whom.
#include "model/contact.hpp"

#include <algorithm>
#include <array>
#include <span>

#include <fmt/format.h>

#include "model/error.hpp"
#include "model/names.hpp"

namespace kith {

namespace {

constexpr NameTable<EventType, 10> event_names = {{
    {EventType::requested, "requested"},
    {EventType::followed_up, "followed-up"},
    {EventType::replied, "replied"},
    {EventType::declined, "declined"},
    {EventType::scheduled, "scheduled"},
    {EventType::met, "met"},
    {EventType::thanked, "thanked"},
    {EventType::checked_in, "checked-in"},
    {EventType::note, "note"},
    {EventType::moved_on, "moved-on"},
}};

}  // namespace

std::string_view to_string(EventType type) {
    return name_in(event_names, type);
}

std::optional<EventType> parse_event_type(std::string_view text) {
    return value_in(event_names, text);
}

std::vector<std::pair<std::string_view, const std::string*>> text_fields(const Contact& c) {
    return {
        {"email", &c.email},       {"phone", &c.phone},       {"company", &c.company}, {"role", &c.role},
        {"linkedin", &c.linkedin}, {"location", &c.location}, {"source", &c.source},   {"referred_by", &c.referred_by}};
}

std::string_view to_string(Stage stage) {
    return name_in(stage_names, stage);
}

std::map<std::string, std::string, std::less<>> referrers(std::span<const Contact> everyone) {
    std::map<std::string, std::string, std::less<>> out;
    for (const Contact& c : everyone)
        if (!c.referred_by.empty()) out.emplace(c.slug, c.referred_by);
    for (const Contact& c : everyone)
        for (const Event& event : c.events)
            if (event.type == EventType::met)
                for (const std::string& named : event.referrals)
                    if (named != c.slug) out.emplace(named, c.slug);  // never over a referred_by
    return out;
}

ReferralLinks referral_links(const Contact& contact, std::span<const Contact> everyone) {
    const auto who = referrers(everyone);
    ReferralLinks out;
    if (auto referrer = who.find(contact.slug); referrer != who.end())
        out.referred_by = find_contact(everyone, referrer->second);
    std::vector<std::string_view> named;
    for (const Event& event : contact.events)
        if (event.type == EventType::met) named.insert(named.end(), event.referrals.begin(), event.referrals.end());
    for (const Contact& other : everyone) {
        if (other.slug == contact.slug) continue;
        const auto referrer = who.find(other.slug);
        if ((referrer != who.end() && referrer->second == contact.slug) ||
            std::find(named.begin(), named.end(), other.slug) != named.end())
            out.referred_to.push_back(&other);
    }
    std::sort(out.referred_to.begin(), out.referred_to.end(),
              [](const Contact* a, const Contact* b) { return a->slug < b->slug; });
    return out;
}

std::span<const Stage> all_stages() {
    static constexpr auto stages = values_in(stage_names);
    return stages;
}

std::vector<const Event*> timeline(const Contact& contact, Date today) {
    std::vector<const Event*> out;
    for (const Event& event : contact.events)
        if (event.date.day() <= today) out.push_back(&event);
    std::stable_sort(out.begin(), out.end(),
                     [](const Event* a, const Event* b) { return a->date.day() < b->date.day(); });
    return out;
}

std::vector<const Event*> whole_timeline(const Contact& contact) {
    return timeline(contact, date::local_days::max());
}

bool is_contact_facing(const Event& event) {
    return event.type != EventType::note;
}

const Event* first_of(std::span<const Event* const> events, EventType type) {
    const auto it = std::find_if(events.begin(), events.end(), [&](const Event* e) { return e->type == type; });
    return it == events.end() ? nullptr : *it;
}

const Event* last_of(std::span<const Event* const> events, EventType type) {
    const auto it = std::find_if(events.rbegin(), events.rend(), [&](const Event* e) { return e->type == type; });
    return it == events.rend() ? nullptr : *it;
}

const Event* meeting_naming(std::span<const Event* const> events, std::string_view slug) {
    const auto it = std::find_if(events.begin(), events.end(), [&](const Event* e) {
        return e->type == EventType::met &&
               std::find(e->referrals.begin(), e->referrals.end(), slug) != e->referrals.end();
    });
    return it == events.end() ? nullptr : *it;
}

const Contact* find_contact(std::span<const Contact> contacts, std::string_view slug) {
    const auto it = std::find_if(contacts.begin(), contacts.end(), [&](const Contact& c) { return c.slug == slug; });
    return it == contacts.end() ? nullptr : &*it;
}

StageOf stage_of(const Contact& contact, Date today) {
    StageOf out;
    for (const Event* event : timeline(contact, today)) {
        const Stage now = out.stage;
        switch (event->type) {
            case EventType::requested: out = {Stage::requested, event}; break;
            case EventType::followed_up:
                if (now == Stage::requested || now == Stage::followed_up) out = {Stage::followed_up, event};
                break;
            case EventType::replied:
                if (now == Stage::new_contact || now == Stage::requested || now == Stage::followed_up)
                    out = {Stage::replied, event};
                break;
            case EventType::scheduled: out = {Stage::scheduled, event}; break;
            case EventType::met: out = {Stage::met, event}; break;
            case EventType::declined: out = {Stage::declined, event}; break;
            case EventType::moved_on: out = {Stage::moved_on, event}; break;
            case EventType::thanked:
            case EventType::checked_in:
            case EventType::note: break;
        }
    }
    return out;
}

}  // namespace kith
