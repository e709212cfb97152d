// LinkedIn's Connections.csv, read with libcsv.
#include "formats/linkedin.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <csv.h>
#include <fmt/format.h>

#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// One CSV record and the line it starts on.
struct Record {
    std::size_t line = 0;
    std::size_t last_line = 0;
    std::vector<std::string> fields;
};

// The records of a CSV text. libcsv knows no line numbers, so it is fed a
// line at a time: a record starts on the first line with text after the end
// of the one before.
struct CsvReader {
    std::vector<Record> records;
    Record current;
    std::size_t line = 0;
    bool in_record = false;

    static void on_field(void* data, std::size_t size, void* self) {
        static_cast<CsvReader*>(self)->current.fields.emplace_back(static_cast<const char*>(data), size);
    }
    static void on_record_end(int, void* self) {
        auto& reader = *static_cast<CsvReader*>(self);
        reader.current.last_line = reader.line;
        reader.records.push_back(std::move(reader.current));
        reader.current = {};
        reader.in_record = false;
    }
};

// Every record of `text`. A quote left open (which swallows the rest of the
// file) makes its record one with no fields.
std::vector<Record> read_csv(std::string_view text) {
    csv_parser parser;
    if (csv_init(&parser, 0) != 0) throw std::bad_alloc();
    CsvReader reader;
    // Lines end in LF or CRLF, or in CR alone in a file with no LF at all
    // (Excel's "CSV (Macintosh)"); libcsv takes any of them.
    const std::vector<Line> lines = split_lines(text, LineEnds::lf_or_lone_cr);
    for (const Line& physical : lines) {
        const std::string_view line = physical.whole();
        reader.line = physical.number;
        if (!reader.in_record && !is_blank(line)) {
            reader.in_record = true;
            reader.current.line = reader.line;
        }
        if (csv_parse(&parser, line.data(), line.size(), CsvReader::on_field, CsvReader::on_record_end, &reader) !=
            line.size()) {
            csv_free(&parser);
            throw std::bad_alloc();  // without CSV_STRICT, only a failed allocation stops libcsv short
        }
    }
    // After a last line break, only a quote left open keeps a record going.
    if (lines.empty() || lines.back().end.empty())
        csv_parse(&parser, "\n", 1, CsvReader::on_field, CsvReader::on_record_end, &reader);
    if (reader.in_record) {
        reader.current.fields.clear();
        reader.current.last_line = reader.line;
        reader.records.push_back(std::move(reader.current));
    }
    csv_fini(&parser, nullptr, nullptr, nullptr);
    csv_free(&parser);
    return reader.records;
}

// The columns kith takes, by their names in the header.
enum Column { first_name, last_name, url, email, company, position, connected_on, column_count };
constexpr std::array<std::string_view, column_count> column_names = {
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"};

// Where each column stands in a header record; none when it is not the header.
std::optional<std::array<std::optional<std::size_t>, column_count>> header_columns(const Record& record) {
    std::array<std::optional<std::size_t>, column_count> at;
    for (std::size_t i = 0; i < record.fields.size(); ++i)
        for (std::size_t c = 0; c < column_count; ++c)
            if (!at[c] && fold_case(trimmed(record.fields[i])) == fold_case(column_names[c])) at[c] = i;
    if (!at[first_name] || !at[last_name]) return std::nullopt;
    return at;
}

// The contact one row describes, or why it cannot be imported.
ImportedEntry read_row(const Record& row, const std::array<std::optional<std::size_t>, column_count>& at,
                       std::size_t header_size, Date today) {
    ImportedEntry entry;
    entry.line = row.line;
    if (row.fields.empty()) {
        entry.problem = "a quoted field is never closed";
        if (row.last_line > row.line)
            entry.problem += fmt::format(", so lines {} to {} (the end) read as one row", row.line, row.last_line);
        return entry;
    }
    if (row.fields.size() != header_size) {
        entry.problem = fmt::format("it has {} fields; the header has {}", row.fields.size(), header_size);
        if (row.last_line > row.line)
            entry.problem +=
                fmt::format(" (lines {} to {} read as one row: is a quote out of place?)", row.line, row.last_line);
        return entry;
    }
    for (const std::string& field : row.fields)
        if (!is_valid_utf8(field)) {
            entry.problem = "it is not UTF-8 text";
            return entry;
        }
    const auto cell = [&](Column c) { return at[c] ? trimmed(row.fields[*at[c]]) : std::string(); };

    Contact contact;
    contact.name = trimmed(fmt::format("{} {}", cell(first_name), cell(last_name)));
    if (contact.name.empty()) {
        entry.problem = "it has no First Name or Last Name";
        return entry;
    }
    contact.linkedin = cell(url);
    contact.email = cell(email);
    contact.company = cell(company);
    contact.role = cell(position);
    contact.source = "LinkedIn";
    contact.added = today;
    if (const std::string connected = cell(connected_on); !connected.empty()) {
        const bool four_digit_year = connected.size() > 5 && connected[connected.size() - 5] == ' ' &&
                                     std::all_of(connected.end() - 4, connected.end(),
                                                 [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        contact.added = four_digit_year ? parse_date_as(connected, "%d %b %Y") : std::nullopt;  // 21 Nov 2026
        if (!contact.added) {
            entry.problem = fmt::format("its Connected On '{}' is not a date like '21 Nov 2026'", connected);
            return entry;
        }
    }
    entry.contact = std::move(contact);
    return entry;
}

}  // namespace

std::vector<ImportedEntry> read_linkedin_connections(std::string_view text, std::string_view file, Date today) {
    text = without_bom(text);
    const std::vector<Record> records = read_csv(text);

    // Everything before the header is LinkedIn's notes; everything after, a row.
    for (auto header = records.begin(); header != records.end(); ++header)
        if (const auto at = header_columns(*header)) {
            std::vector<ImportedEntry> entries;
            for (auto row = header + 1; row != records.end(); ++row)
                entries.push_back(read_row(*row, *at, header->fields.size(), today));
            return entries;
        }
    throw Error(Exit::usage, fmt::format("'{}' is not LinkedIn's Connections.csv: no header line '{}' in it", file,
                                         fmt::join(column_names, ",")));
}

}  // namespace kith
