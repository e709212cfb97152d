// Reading a contact file: its TOML, checked against SPEC §2, as a Contact.
#include "formats/contact_file.hpp"

#include <algorithm>
#include <array>
#include <span>

#include <fmt/format.h>

#include "formats/toml_text.hpp"
#include "model/error.hpp"

namespace kith {

namespace {

constexpr std::array<std::string_view, 10> known_event_keys = {"type",  "date",  "note",    "via",       "at",
                                                               "where", "notes", "learned", "referrals", "virtual"};

// The keys of `table` that are not `known`, in the order they were written
// (toml++ keeps keys sorted; people expect their own order).
std::vector<OtherField> other_fields(const toml::table& table, std::span<const std::string_view> known) {
    std::vector<std::pair<std::size_t, OtherField>> found;  // line, field
    for (const auto& [key, node] : table) {
        if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
        const auto string = node.value<std::string>();
        toml::table alone;
        const toml::key& name = key;  // a structured binding cannot be captured before clang 16
        node.visit([&](const auto& value) { alone.insert(name, value); });
        found.push_back({node.source().begin.line,
                         {std::string(key.str()), toml_text(node), json_line(to_json(node)),
                          string ? *string : toml_text(node), toml_text(alone)}});
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<OtherField> out;
    for (auto& [line, field] : found)
        out.push_back(std::move(field));
    return out;
}

// Reads the values of one table, naming the file and position of whatever is wrong.
struct Reader {
    std::string_view file;

    [[noreturn]] void fail(const toml::node& at, const std::string& message) const {
        throw Error(Exit::data, fmt::format("{}:{}: {}", file, position_of(at.source()), message));
    }

    std::string text(const toml::table& table, std::string_view key) const {
        const toml::node* node = table.get(key);
        if (!node) return {};
        if (!node->is_string()) fail(*node, fmt::format("'{}' must be a string", key));
        return node->value<std::string>().value();
    }

    std::vector<std::string> texts(const toml::table& table, std::string_view key) const {
        std::vector<std::string> out;
        const toml::node* node = table.get(key);
        if (!node) return out;
        const toml::array* array = node->as_array();
        if (!array) fail(*node, fmt::format("'{}' must be an array of strings", key));
        for (const toml::node& item : *array) {
            if (!item.is_string()) fail(item, fmt::format("'{}' must be an array of strings", key));
            out.push_back(item.value<std::string>().value());
        }
        return out;
    }

    std::optional<DateTime> when(const toml::table& table, std::string_view key) const {
        const toml::node* node = table.get(key);
        if (!node) return std::nullopt;
        if (auto day = node->as_date()) return to_datetime(day->get());
        if (auto moment = node->as_date_time()) return to_datetime(moment->get());
        fail(*node, fmt::format("'{}' must be a TOML date or date-time, as in 2026-11-02 or 2026-11-02T15:00:00", key));
    }

    bool flag(const toml::table& table, std::string_view key) const {
        const toml::node* node = table.get(key);
        if (!node) return false;
        if (!node->is_boolean()) fail(*node, fmt::format("'{}' must be true or false", key));
        return node->value<bool>().value();
    }

    Event event(const toml::node& node) const {
        const toml::table* table = node.as_table();
        if (!table) fail(node, "each [[event]] must be a table");
        Event out;
        out.line = node.source().begin.line;
        const toml::node* type = table->get("type");
        if (!type) fail(node, "event has no 'type'");
        const std::string type_name = text(*table, "type");
        auto parsed = parse_event_type(type_name);
        if (!parsed) fail(*type, fmt::format("unknown event type '{}'", type_name));
        out.type = *parsed;
        auto date = when(*table, "date");
        if (!date) fail(node, fmt::format("'{}' event has no 'date'", type_name));
        out.date = *date;
        out.note = text(*table, "note");
        out.via = text(*table, "via");
        out.at = when(*table, "at");
        if (out.type == EventType::scheduled && !out.at)
            fail(node, "'scheduled' event has no 'at' (when the meeting is)");
        out.where = text(*table, "where");
        out.is_virtual = flag(*table, "virtual");
        out.notes = text(*table, "notes");
        out.learned = texts(*table, "learned");
        out.referrals = texts(*table, "referrals");
        out.other_fields = other_fields(*table, known_event_keys);
        return out;
    }
};

// The keys at the top of a contact file that kith reads itself: the header's
// and the [[event]] array.
constexpr std::array<std::string_view, 13> known_root_keys = {
    "name",   "email",       "phone", "company",       "role",  "linkedin", "location",
    "source", "referred_by", "tags",  "keep_in_touch", "added", "event"};

}  // namespace

Contact parse_contact(std::string_view text, std::string_view file, std::string slug) {
    const toml::table root = parse_toml(text, file);
    const Reader read{file};
    Contact out;
    out.slug = std::move(slug);

    const toml::node* name = root.get("name");
    if (!name) throw Error(Exit::data, fmt::format("{}:1:1: it has no 'name'", file));
    out.name = read.text(root, "name");
    if (out.name.empty()) read.fail(*name, "'name' is empty");
    out.email = read.text(root, "email");
    out.phone = read.text(root, "phone");
    out.company = read.text(root, "company");
    out.role = read.text(root, "role");
    out.linkedin = read.text(root, "linkedin");
    out.location = read.text(root, "location");
    out.source = read.text(root, "source");
    out.referred_by = read.text(root, "referred_by");
    out.tags = read.texts(root, "tags");
    if (const toml::node* email = root.get("email")) out.email_line = email->source().begin.line;
    if (const toml::node* referrer = root.get("referred_by")) out.referred_by_line = referrer->source().begin.line;
    if (const toml::node* cadence = root.get("keep_in_touch")) {
        try {
            out.keep_in_touch = parse_duration(read.text(root, "keep_in_touch"), true);
        } catch (const Error& e) {
            read.fail(*cadence, e.what());
        }
    }
    if (auto added = read.when(root, "added")) out.added = added->day();

    out.other_fields = other_fields(root, known_root_keys);

    if (const toml::node* events = root.get("event")) {
        const toml::array* array = events->as_array();
        if (!array) read.fail(*events, "'event' must be written as [[event]] tables");
        for (const toml::node& node : *array)
            out.events.push_back(read.event(node));
    }
    return out;
}

std::vector<OtherField> parse_other_fields(std::string_view document, std::string_view file) {
    const toml::table root = parse_toml(document, file);
    for (const auto& [key, node] : root)
        if (std::find(known_root_keys.begin(), known_root_keys.end(), key.str()) != known_root_keys.end())
            throw Error(Exit::data, fmt::format("{}:{}: '{}' is one of kith's own keys, not one to keep as it is", file,
                                                position_of(node.source()), key.str()));
    return other_fields(root, {});
}

}  // namespace kith
