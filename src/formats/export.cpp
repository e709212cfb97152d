// kith export: every contact with every field, as JSON, CSV or vCard.
#include "formats/render.hpp"

#include <algorithm>

#include <csv.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "formats/contact_json.hpp"
#include "formats/vcard.hpp"
#include "model/names.hpp"

namespace kith {

namespace {

// A contact's own data as a JSON object: what its file holds, events in file order.
Json contact_json(const Contact& c) {
    Json out = contact_members(c);
    out["events"] = Json::array();
    for (const Event& e : c.events)
        out["events"].push_back(event_json(e));
    return out;
}

// One CSV field, quoted by libcsv as RFC 4180 asks when it must be.
std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out(2 * text.size() + 2, '\0');
    out.resize(csv_write(out.data(), out.size(), text.data(), text.size()));
    return out;
}

void render_export_csv(std::ostream& out, std::span<const Contact> contacts) {
    std::vector<std::string> header = {"contact", "name"};
    const Contact blank;  // its field names only
    for (const auto& [key, value] : text_fields(blank))
        header.emplace_back(key);
    header.insert(header.end(), {"tags", "keep_in_touch", "added"});
    const std::size_t known = header.size();
    for (const Contact& c : contacts)
        for (const OtherField& other : c.other_fields)
            if (std::find(header.begin() + known, header.end(), other.key) == header.end()) header.push_back(other.key);

    const auto row = [&out](const std::vector<std::string>& cells) {
        std::vector<std::string> fields;
        for (const std::string& cell : cells)
            fields.push_back(csv_field(cell));
        fmt::print(out, "{}\r\n", fmt::join(fields, ","));
    };
    row(header);
    for (const Contact& c : contacts) {
        std::vector<std::string> cells = {c.slug, c.name};
        for (const auto& [key, value] : text_fields(c))
            cells.push_back(*value);
        cells.push_back(fmt::format("{}", fmt::join(c.tags, ";")));
        cells.push_back(c.keep_in_touch ? format_duration(*c.keep_in_touch) : "");
        cells.push_back(c.added ? format_date(*c.added) : "");
        for (std::size_t i = known; i < header.size(); ++i) {
            const auto other = std::find_if(c.other_fields.begin(), c.other_fields.end(),
                                            [&](const OtherField& f) { return f.key == header[i]; });
            cells.push_back(other == c.other_fields.end() ? "" : other->text);
        }
        row(cells);
    }
}

}  // namespace

void render_export(std::ostream& out, std::span<const Contact> contacts, ExportFormat format) {
    if (format == ExportFormat::csv) return render_export_csv(out, contacts);
    if (format == ExportFormat::vcard) {
        for (const Contact& c : contacts)
            write_vcard(out, c);
        return;
    }
    Json objects = Json::array();
    for (const Contact& c : contacts)
        objects.push_back(contact_json(c));
    out << json_lines(objects) << '\n';
}

}  // namespace kith
