// kith's values as JSON objects.
#include "formats/contact_json.hpp"

#include "formats/toml_text.hpp"

namespace kith {

Json reminder_json(const Reminder& r, Date today, Whose whose) {
    Json out = {{"due", format_date(r.due)},
                {"from", format_date(r.from)},
                {"status", to_string(status_of(r, today))},
                {"rule", to_string(r.rule)}};
    if (whose == Whose::named) {
        out["contact"] = r.contact;
        out["name"] = r.name;
    }
    out["message"] = r.message;
    return out;
}

Json other_fields_json(const std::vector<OtherField>& fields) {
    Json out = Json::object();
    for (const OtherField& field : fields)
        out[field.key] = Json::parse(field.json);
    return out;
}

Json event_json(const Event& e) {
    Json out = {{"type", to_string(e.type)}, {"date", toml_text(e.date)}};
    const auto text = [&](const char* key, const std::string& value) {
        if (!value.empty()) out[key] = value;
    };
    if (e.at) out["at"] = toml_text(*e.at);
    text("where", e.where);
    if (e.is_virtual) out["virtual"] = true;
    text("via", e.via);
    text("note", e.note);
    text("notes", e.notes);
    if (!e.learned.empty()) out["learned"] = e.learned;
    if (!e.referrals.empty()) out["referrals"] = e.referrals;
    if (!e.other_fields.empty()) out["other_fields"] = other_fields_json(e.other_fields);
    return out;
}

Json contact_members(const Contact& c) {
    Json out = {{"contact", c.slug}, {"name", c.name}};
    for (const auto& [key, value] : text_fields(c))
        if (!value->empty()) out[std::string(key)] = *value;
    out["tags"] = c.tags;
    if (c.keep_in_touch) out["keep_in_touch"] = format_duration(*c.keep_in_touch);
    if (c.added) out["added"] = format_date(*c.added);
    out["other_fields"] = other_fields_json(c.other_fields);
    return out;
}

}  // namespace kith
