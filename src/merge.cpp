// The table-wise three-way merge behind `kith merge-file`.
#include "kith/merge.hpp"

#include <algorithm>
#include <vector>

#include "kith/contact.hpp"
#include "kith/network.hpp"
#include "kith/text.hpp"

namespace kith {

namespace {

// One unit of a file: its text, and what it says (the text without the
// blank lines at its end, which are the gap before the next table, and
// without its last newline).
struct Unit {
    std::string_view text;
    std::string_view content;
};

std::string_view content_of(std::string_view text) {
    std::size_t keep = 0;  // the end of the last line that is not blank
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t newline = text.find('\n', at);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        if (!is_blank(text.substr(at, end - at))) keep = end;
        at = end + 1;
    }
    return text.substr(0, keep);
}

bool ends_with_blank_line(std::string_view text) {
    if (!text.ends_with('\n')) return false;
    text.remove_suffix(1);
    const std::size_t newline = text.rfind('\n');
    return is_blank(newline == std::string_view::npos ? text : text.substr(newline + 1));
}

// The text before the first table, then each table: a unit starts at every
// line that opens with '['.
std::vector<Unit> units(std::string_view text) {
    std::vector<std::size_t> starts = {0};
    for (std::size_t at = 0; at < text.size();) {
        if (text[at] == '[' && at != 0) starts.push_back(at);
        const std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    starts.push_back(text.size());
    std::vector<Unit> out;
    for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
        const std::string_view unit = text.substr(starts[i], starts[i + 1] - starts[i]);
        out.push_back({unit, content_of(unit)});
    }
    return out;
}

// The unit as merged: a side's change wins over the base; two different
// changes are a conflict.
std::optional<Unit> pick(const Unit& base, const Unit& ours, const Unit& theirs) {
    if (ours.content == theirs.content) return ours;
    if (ours.content == base.content) return theirs;
    if (theirs.content == base.content) return ours;
    return std::nullopt;
}

}  // namespace

std::optional<std::string> merge_tables(std::string_view base, std::string_view ours, std::string_view theirs) {
    if (ours == theirs || base == theirs) return std::string(ours);
    if (base == ours) return std::string(theirs);
    const std::vector<Unit> b = units(base), o = units(ours), t = units(theirs);
    if (o.size() < b.size() || t.size() < b.size()) return std::nullopt;

    std::string out;
    // What was already in the file keeps its own spacing; a table new to it
    // follows a blank line, as kith appends.
    const auto add = [&out](const Unit& unit, bool is_new) {
        if (!out.empty() && !out.ends_with('\n')) out += '\n';
        if (!is_new) {
            out += unit.text;
            return;
        }
        if (!out.empty() && !ends_with_blank_line(out)) out += '\n';
        out += unit.content;
        out += '\n';
    };
    for (std::size_t i = 0; i < b.size(); ++i) {
        const auto unit = pick(b[i], o[i], t[i]);
        if (!unit) return std::nullopt;
        add(*unit, false);
    }
    for (std::size_t i = b.size(); i < o.size(); ++i)
        add(o[i], true);
    for (std::size_t i = b.size(); i < t.size(); ++i) {
        const bool ours_too = std::any_of(o.begin() + static_cast<std::ptrdiff_t>(b.size()), o.end(),
                                          [&](const Unit& unit) { return unit.content == t[i].content; });
        if (!ours_too) add(t[i], true);
    }
    if (!out.empty() && !out.ends_with('\n')) out += '\n';
    return out;
}

void check_network_file(const std::string& text, const std::filesystem::path& path) {
    // contacts/kith.toml is a contact (named Kith, say); kith.toml elsewhere is the network's.
    if (path.filename() == config_file_name && path.parent_path().filename() != "contacts") {
        parse_config(text, config_file_name);
        return;
    }
    const std::string slug = path.stem().string();
    parse_contact(text, contact_file_name(slug), slug);
}

}  // namespace kith
