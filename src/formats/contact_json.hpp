// kith's values as JSON objects, as due, list, show and export write them:
// a reminder, an event, a contact's own fields.
#pragma once

#include <vector>

#include "formats/json.hpp"
#include "model/contact.hpp"
#include "rules/rules.hpp"

namespace kith {

// Whether a reminder's JSON names its contact: `due` lists many contacts,
// `show` and `list` nest reminders inside the contact already named.
enum class Whose { named, implied };

// A reminder as one JSON object, keys in SPEC §5's order.
Json reminder_json(const Reminder& r, Date today, Whose whose);

// Keys kith does not know, as one JSON object of their values.
Json other_fields_json(const std::vector<OtherField>& fields);

// One event as a JSON object: its type, date, every field it has, and its
// unknown keys as other_fields.
Json event_json(const Event& e);

// What a contact's file holds, as a JSON object: the slug, name, the fields
// that are set, tags, keep_in_touch, added and other_fields. show and export
// add their own members after these.
Json contact_members(const Contact& c);

}  // namespace kith
