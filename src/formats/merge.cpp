// The table-wise three-way merge behind `kith merge-file`.
#include "formats/merge.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "formats/config_text.hpp"
#include "formats/contact_file.hpp"
#include "formats/contact_text.hpp"
#include "formats/toml_text.hpp"
#include "model/contact.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// One unit of a file: its bytes, and what it says (the bytes without the
// blank lines at their end, which are the gap before the next table, and
// without the last line break, LF or CRLF). Units compare by what they say.
struct Unit {
    std::string_view text;
    std::string_view content;
};

std::string_view content_of(std::string_view text) {
    std::size_t keep = 0;  // the end of the last line that is not blank
    for (const Line& line : split_lines(text))
        if (!is_blank(line.text)) keep = line.start + line.text.size();
    return text.substr(0, keep);
}

bool ends_with_blank_line(std::string_view text) {
    if (!text.ends_with('\n')) return false;
    text.remove_suffix(1);
    const std::size_t newline = text.rfind('\n');
    return is_blank(newline == std::string_view::npos ? text : text.substr(newline + 1));
}

// What a table header line names: its first key, and whether it is an
// element of an array of tables ([[event]]) or a table below one
// ([event.details], [[event.x]]). Nothing when the line does not read alone.
struct Header {
    std::string first_key;
    bool element = false;
    bool below = false;
};

std::optional<Header> header_at(std::string_view text, std::size_t at) {
    const std::string_view line = text.substr(at, text.find('\n', at) - at);
    try {
        const toml::table alone = parse_toml(line, "header");
        if (alone.size() != 1) return std::nullopt;
        for (const auto& [key, node] : alone) {
            if (node.is_array()) return Header{std::string(key.str()), true, false};
            if (const toml::table* table = node.as_table())
                return Header{std::string(key.str()), false, !table->empty()};
        }
    } catch (const Error&) {
    }
    return std::nullopt;
}

// The text before the first table, then each table from the start of its
// header's line: headers as TOML reads them, so that a line of a """note"""
// or of a multi-line array that opens with '[' stays in its table. A table
// below an element of an array of tables ([event.details] after [[event]])
// belongs to that element wherever it goes, so it stays in its unit. Between
// them, the units hold every byte of `text`, in order.
std::vector<Unit> units(std::string_view text) {
    std::vector<std::size_t> starts;
    std::set<std::string, std::less<>> arrays;  // the keys of arrays of tables met so far
    for (const std::size_t at : table_starts(text)) {
        const std::optional<Header> header = header_at(text, at);
        if (header && header->element) arrays.insert(header->first_key);
        if (header && header->below && arrays.contains(header->first_key)) continue;
        starts.push_back(at);
    }
    starts.insert(starts.begin(), 0);
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

// The line break a merge adds after `text`: the one its last line ended with
// (CRLF in a CRLF file), else the first one of `next`, else LF.
std::string_view line_break_after(std::string_view text, std::string_view next) {
    std::size_t newline = text.rfind('\n');
    if (newline == std::string_view::npos) text = next, newline = next.find('\n');
    if (newline == std::string_view::npos) return "\n";
    return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
}

}  // namespace

std::optional<std::string> merge_tables(std::string_view base, std::string_view ours, std::string_view theirs) {
    if (ours == theirs || base == theirs) return std::string(ours);
    if (base == ours) return std::string(theirs);
    const std::vector<Unit> b = units(base), o = units(ours), t = units(theirs);
    if (o.size() < b.size() || t.size() < b.size()) return std::nullopt;

    // What was in the base, as merged, then what ours appended, then what
    // theirs appended (a table after the text before the first one).
    std::vector<Unit> merged;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const auto unit = pick(b[i], o[i], t[i]);
        if (!unit) return std::nullopt;
        merged.push_back(*unit);
    }
    merged.insert(merged.end(), o.begin() + static_cast<std::ptrdiff_t>(b.size()), o.end());

    // A table both sides appended alike is one change: theirs' copy is left
    // out, but only so far as the result holds as many copies as theirs does.
    // Counting the whole file, not only what ours appended, matters in a
    // rebase: there ours holds the replayed side's earlier tables after its
    // own, and a copy among them is no copy of what theirs appended.
    std::map<std::string_view, std::ptrdiff_t> missing, appended;  // copies theirs holds beyond the result's
    for (std::size_t i = 1; i < t.size(); ++i)
        ++missing[t[i].content];
    for (std::size_t i = 1; i < merged.size(); ++i)
        --missing[merged[i].content];
    for (std::size_t i = b.size(); i < t.size(); ++i)
        ++appended[t[i].content];
    for (std::size_t i = b.size(); i < t.size(); ++i) {
        // The last copies of a table theirs appended are the ones the result lacks.
        const bool lacking = appended[t[i].content]-- <= missing[t[i].content];
        if (lacking) merged.push_back(t[i]);
    }

    // Every unit's bytes as they were; between two, a line break where the
    // first has none at its end, and a blank line before an appended table,
    // as kith appends.
    std::string out;
    for (std::size_t i = 0; i < merged.size(); ++i) {
        const std::string_view text = merged[i].text;
        if (!out.empty() && !out.ends_with('\n')) out += line_break_after(out, text);
        if (i >= b.size() && !out.empty() && !ends_with_blank_line(out)) out += line_break_after(out, text);
        out += text;
    }
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

std::vector<std::size_t> conflict_marker_lines(std::string_view text) {
    constexpr std::size_t marker_size = 7;
    std::vector<std::size_t> out;
    bool begins_or_ends = false;  // a <<<<<<< or >>>>>>> line: a lone ======= may be a Markdown heading
    std::size_t number = 1;
    for (std::size_t at = 0; at < text.size(); ++number) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = text.substr(at, end - at);
        if (line.size() >= marker_size && std::string_view("<|=>").find(line.front()) != std::string_view::npos &&
            line.find_first_not_of(line.front()) >= marker_size &&
            (line.size() == marker_size || std::isspace(static_cast<unsigned char>(line[marker_size])))) {
            out.push_back(number);
            begins_or_ends = begins_or_ends || line.front() == '<' || line.front() == '>';
        }
        at = end + 1;
    }
    if (!begins_or_ends) out.clear();
    return out;
}

}  // namespace kith
