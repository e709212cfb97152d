// Turning what core computed into bytes: the reports of due, list and show
// (formats/reports.cpp; due's calendar is formats/ics.cpp's) and export
// (formats/export.cpp). Text for people, TSV, JSON and iCalendar for programs
// (SPEC §5 "Output of due"). Never reads files, never decides what is due.
#pragma once

#include <optional>
#include <ostream>
#include <span>
#include <string_view>

#include "model/names.hpp"
#include "rules/rules.hpp"

namespace kith {

// How the text formats of due and list are written, as the CLI decides for
// where they go. Their names and messages are coloured, so they are made
// visible here, before the colour; the other reports for people are made
// visible whole by the CLI.
struct TextStyle {
    bool color = false;    // in colour and bold
    bool visible = false;  // for a terminal: control characters made visible (visible_text)
};

// The formats of `kith due`, and their names as `--format` takes them.
enum class DueFormat { text, tsv, json, ics };
inline constexpr NameTable<DueFormat, 4> due_format_names = {
    {{DueFormat::text, "text"}, {DueFormat::tsv, "tsv"}, {DueFormat::json, "json"}, {DueFormat::ics, "ics"}}};

// Writes `reminders` (already selected and sorted) in `format`. Text is
// grouped Overdue / Due / Upcoming, in `style`; nothing at all when there is
// nothing to report, except an empty JSON array or calendar.
void render_due(std::ostream& out, std::span<const Reminder> reminders, DueFormat format, Date today, TextStyle style);

// The formats of `kith list`, and their names as `--format` takes them.
enum class ListFormat { text, tsv, json };
inline constexpr NameTable<ListFormat, 3> list_format_names = {
    {{ListFormat::text, "text"}, {ListFormat::tsv, "tsv"}, {ListFormat::json, "json"}}};

// Writes one line per contact. Text is aligned columns (name, slug, company,
// stage, last interaction, next reminder) and a summary line counting the
// stages; TSV (slug, name, company, stage, last, next due, next rule) and
// JSON carry no summary. Text is in `style`.
void render_list(std::ostream& out, std::span<const Standing> standings, ListFormat format, Date today,
                 TextStyle style);

// The formats of `kith show`, and their names as `--format` takes them.
enum class ShowFormat { text, json };
inline constexpr NameTable<ShowFormat, 2> show_format_names = {
    {{ShowFormat::text, "text"}, {ShowFormat::json, "json"}}};

// One contact in full: every field (unknown ones too), its stage and
// reminders, referral links both ways, and the whole timeline in date order
// with notes in full. `reminders` are that contact's, sorted.
void render_show(std::ostream& out, const Contact& contact, Stage stage, const ReferralLinks& links,
                 std::span<const Reminder> reminders, ShowFormat format, Date today);

// The formats of `kith export`, and their names as `--format` takes them.
enum class ExportFormat { json, csv, vcard };
inline constexpr NameTable<ExportFormat, 3> export_format_names = {
    {{ExportFormat::json, "json"}, {ExportFormat::csv, "csv"}, {ExportFormat::vcard, "vcard"}}};

// Every contact with every field, for other tools. JSON: an array, one
// object a line, each with its events in file order. CSV (RFC 4180, CRLF):
// a header row, then a row per contact; tags joined by ';', and a column
// for each key kith does not know, in the order first met. vCard: one
// 4.0 card per contact, its fields only (see write_vcard).
void render_export(std::ostream& out, std::span<const Contact> contacts, ExportFormat format);

// An event in one line, as show and the brief list it: "scheduled for
// 2026-11-25 09:00 at Zoom (virtual)", "requested via email".
std::string event_heading(const Event& event);

}  // namespace kith
