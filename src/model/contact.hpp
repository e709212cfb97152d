// A contact, its log of events, the stage those events put it in, and its slug.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/date.hpp"
#include "model/names.hpp"

namespace kith {

// What one step of the outreach was (SPEC §2).
enum class EventType {
    requested,
    followed_up,
    replied,
    declined,
    scheduled,
    met,
    thanked,
    checked_in,
    note,
    moved_on,
};

// "followed-up", as written in files and shown to people.
std::string_view to_string(EventType type);
std::optional<EventType> parse_event_type(std::string_view text);

// A key kith does not know, kept and shown, never dropped: its value as
// TOML text (as shown to people), as JSON, and as text.
struct OtherField {
    std::string key;
    std::string toml;
    std::string json;
    std::string text;      // a string's own text, else the TOML text: what a CSV cell holds
    std::string document;  // TOML holding this key alone ("key = 1", or "[key]" and its keys), to write it anew
    bool operator==(const OtherField&) const = default;
};

// One step of the outreach, as recorded in a contact file.
struct Event {
    EventType type = EventType::note;
    DateTime date;
    std::string note;
    std::string via;
    // scheduled
    std::optional<DateTime> at;
    std::string where;
    bool is_virtual = false;
    // met
    std::string notes;
    std::vector<std::string> learned;
    std::vector<std::string> referrals;    // slugs
    std::vector<OtherField> other_fields;  // keys kith does not know, in file order

    std::size_t line = 0;  // where its [[event]] header stands, 1-based; 0 when not from a file

    bool operator==(const Event&) const = default;
};

// A person in the network: the header of their file and their event log.
struct Contact {
    std::string slug;
    std::string name;
    std::string email;
    std::string phone;
    std::string company;
    std::string role;
    std::string linkedin;
    std::string location;
    std::string source;
    std::string referred_by;  // slug of the contact who referred you
    std::vector<std::string> tags;
    std::optional<Duration> keep_in_touch;
    std::optional<Date> added;
    std::vector<OtherField> other_fields;  // header keys kith does not know, in file order
    std::vector<Event> events;             // in file order

    // Where some header values stand in the file (1-based; 0 when absent), for `kith check`.
    std::size_t email_line = 0;
    std::size_t referred_by_line = 0;

    bool operator==(const Contact&) const = default;
};

// The header's text fields after `name`, as {key, value} in SPEC §2's order
// (email, phone, company, role, linkedin, location, source, referred_by),
// empty ones too: what files, show and JSON list alike.
std::vector<std::pair<std::string_view, const std::string*>> text_fields(const Contact& contact);

// Where a contact stands, derived from its events (SPEC §5).
enum class Stage { new_contact, requested, followed_up, replied, scheduled, met, declined, moved_on };

// Each stage's name, as `list --stage` takes it and every report spells it,
// in the order of the outreach.
inline constexpr NameTable<Stage, 8> stage_names = {{
    {Stage::new_contact, "new"},
    {Stage::requested, "requested"},
    {Stage::followed_up, "followed-up"},
    {Stage::replied, "replied"},
    {Stage::scheduled, "scheduled"},
    {Stage::met, "met"},
    {Stage::declined, "declined"},
    {Stage::moved_on, "moved-on"},
}};

std::string_view to_string(Stage stage);
// Every stage, in the order of the outreach.
std::span<const Stage> all_stages();

// The events dated on or before `today`, by calendar date, ties by file order.
std::vector<const Event*> timeline(const Contact& contact, Date today);
// Every event, those ahead of today too, in the same order.
std::vector<const Event*> whole_timeline(const Contact& contact);

// Whether an event was an exchange with the person: anything but a note to yourself.
bool is_contact_facing(const Event& event);

// The first and the last event of `type` among `events` (a timeline), if any.
const Event* first_of(std::span<const Event* const> events, EventType type);
const Event* last_of(std::span<const Event* const> events, EventType type);

// The meeting among `events` that named `slug` as a referral, if any.
const Event* meeting_naming(std::span<const Event* const> events, std::string_view slug);

// The contact with this slug among `contacts`, if any.
const Contact* find_contact(std::span<const Contact> contacts, std::string_view slug);

// The stage, and the event that set it (none for a contact still `new`).
struct StageOf {
    Stage stage = Stage::new_contact;
    const Event* event = nullptr;
};
StageOf stage_of(const Contact& contact, Date today);

// Who referred whom, by slug: each contact's referred_by; for a contact
// without one, whoever named it at a meeting (the first in `everyone`).
// The one answer that show, drafts and the rules all use.
std::map<std::string, std::string, std::less<>> referrers(std::span<const Contact> everyone);

// Who referred a contact to you (as referrers() says), and whom they referred
// you to: by those contacts' referrer, and by the `referrals` of meetings.
struct ReferralLinks {
    const Contact* referred_by = nullptr;     // none when unknown or not in the network
    std::vector<const Contact*> referred_to;  // in slug order
};
ReferralLinks referral_links(const Contact& contact, std::span<const Contact> everyone);

// The file stem for a name: ASCII letters folded from Latin ones, digits and
// single '-' (SPEC §2); "contact" when nothing is left.
std::string make_slug(std::string_view name);

// The n-th slug tried for a name whose slug is `base`: `base` itself, then
// base-2, base-3, ... (SPEC §2), for the one rule create_contact and
// import's plan both follow.
std::string numbered_slug(std::string_view base, int n);

}  // namespace kith
