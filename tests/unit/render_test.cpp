// The byte-level rules of the output formats: the reports of due, list and
// show in text, TSV, JSON and iCalendar, export in JSON, CSV and vCard, RFC
// 5545 escaping and folding, text made visible for a terminal.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "formats/contact_file.hpp"
#include "formats/content_line.hpp"
#include "formats/ics.hpp"
#include "formats/render.hpp"
#include "model/contact.hpp"

using namespace kith;
using namespace date::literals;

namespace {

const Date today = date::local_days{2026_y / 11 / 20};

// A contact with a field of each kind: text, tags, a cadence, a date, an
// unknown key, and events with every field an event can have.
Contact ann() {
    return parse_contact(R"(name = "Ann Lee"
email = "ann@example.com"
company = "Acme"
tags = ["eng", "ml"]
keep_in_touch = "30d"
added = 2026-11-01
pronouns = "she/her"

[[event]]
type = "requested"
date = 2026-11-02
via = "email"
note = "Asked about\nthe team"

[[event]]
type = "scheduled"
date = 2026-11-05
at = 2026-11-25T09:00:00
where = "Zoom"
virtual = true

[[event]]
type = "met"
date = 2026-11-25
notes = "Good talk"
learned = ["hiring in Q1"]
referrals = ["bob"]
mood = "upbeat"
)",
                         "contacts/ann.toml", "ann");
}

Reminder reminder(Rule rule, std::string contact, std::string name, Date due, std::string message) {
    Reminder r;
    r.rule = rule;
    r.contact = std::move(contact);
    r.name = std::move(name);
    r.from = r.due = due;
    r.message = std::move(message);
    return r;
}

// One of each status on `today`: overdue, due and upcoming.
std::vector<Reminder> three() {
    return {reminder(Rule::follow_up, "ann", "Ann Lee", date::local_days{2026_y / 11 / 18}, "Follow up"),
            reminder(Rule::thank, "bob", "Bob", today, "Say thanks, \"soon\""),
            reminder(Rule::keep_in_touch, "cy", "Cy Ö", date::local_days{2026_y / 11 / 23}, "Check in")};
}

// A contact with a slug and a name, nothing else.
Contact named(std::string slug, std::string name) {
    Contact c;
    c.slug = std::move(slug);
    c.name = std::move(name);
    return c;
}

// Two rows of a list: Ann, scheduled with a reminder ahead, and Zoë, new,
// with nothing, whose name holds a tab and letters of two bytes.
struct Listed {
    Contact a = ann();
    Contact z = named("zoe", "Zoë\tÖst");
    std::vector<Standing> standings = {
        {&a, Stage::scheduled, date::local_days{2026_y / 11 / 5},
         reminder(Rule::prepare, "ann", "Ann Lee", date::local_days{2026_y / 11 / 24}, "Prepare")},
        {&z, Stage::new_contact, std::nullopt, std::nullopt},
    };
};

std::string due(std::span<const Reminder> reminders, DueFormat format, TextStyle style = {}) {
    std::ostringstream out;
    render_due(out, reminders, format, today, style);
    return out.str();
}

std::string show(const Contact& c, std::span<const Reminder> reminders, ShowFormat format,
                 const ReferralLinks& links = {}) {
    std::ostringstream out;
    render_show(out, c, Stage::scheduled, links, reminders, format, today);
    return out.str();
}

std::string exported(std::span<const Contact> contacts, ExportFormat format) {
    std::ostringstream out;
    render_export(out, contacts, format);
    return out.str();
}

}  // namespace

TEST_CASE("ics text escapes backslash, semicolon, comma and newline") {
    CHECK(ics_escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf");
    CHECK(ics_escape("bell\a tab\t") == "bell  tab\t");
}

TEST_CASE("content lines fold at 75 octets with CRLF and a space, never inside a UTF-8 character") {
    struct Case {
        std::string line, folded;
    };
    const std::string x74(74, 'x'), x75(75, 'x'), x73(73, 'x');
    const Case cases[] = {
        {"SHORT", "SHORT\r\n"},
        {"", "\r\n"},
        {x75, x75 + "\r\n"},                                    // 75 octets fit
        {x75 + "y", x75 + "\r\n y\r\n"},                        // the 76th goes on a continuation
        {x75 + x74 + "z", x75 + "\r\n " + x74 + "\r\n z\r\n"},  // a continuation holds 74 after its space
        {x74 + "🎉b", x74 + "\r\n 🎉b\r\n"},                      // a 4-octet emoji straddling the limit moves whole
        {x73 + "é" + "b", x73 + "é\r\n b\r\n"},                 // a 2-octet letter ending at 75 stays
        {x74 + "é", x74 + "\r\n é\r\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        CHECK(fold_content_line(c.line) == c.folded);
    }
    const std::string folded = fold_content_line(std::string(200, 'x'));
    std::size_t start = 0, lines = 0;
    while (start < folded.size()) {
        const std::size_t end = folded.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        if (lines++ > 0) CHECK(folded[start] == ' ');
        start = end + 2;
    }
    CHECK(lines == 3);
}

TEST_CASE("an event's heading names its type, when, where, whether virtual and how") {
    const Contact c = ann();
    CHECK(event_heading(c.events[0]) == "requested via email");
    CHECK(event_heading(c.events[1]) == "scheduled for 2026-11-25 09:00 at Zoom (virtual)");
    CHECK(event_heading(c.events[2]) == "met");
    Event e;
    e.type = EventType::note;
    e.where = "a\tcafé\nupstairs";
    CHECK(event_heading(e) == "note at a café upstairs");  // one line, whatever the file holds
}

TEST_CASE("tsv puts one reminder on one line, tabs and newlines inside fields become spaces") {
    Reminder r = reminder(Rule::share_news, "ann", "Ann\tLee", date::local_days{2026_y / 11 / 16},
                          "Tell them: \"line one\nline two\"");
    const Reminder reminders[] = {r};
    CHECK(due(reminders, DueFormat::tsv) ==
          "2026-11-16\toverdue\tshare-news\tann\tAnn Lee\tTell them: \"line one line two\"\n");
}

TEST_CASE("text prints nothing at all when nothing is due") {
    CHECK(due({}, DueFormat::text, {.color = true}).empty());
    CHECK(due({}, DueFormat::tsv).empty());
}

TEST_CASE("due text groups reminders as overdue, due and upcoming, a blank line between groups") {
    CHECK(due(three(), DueFormat::text) ==
          "Overdue\n"
          "  2026-11-18  follow-up      Ann Lee: Follow up\n"
          "\n"
          "Due\n"
          "  2026-11-20  thank          Bob: Say thanks, \"soon\"\n"
          "\n"
          "Upcoming\n"
          "  2026-11-23  keep-in-touch  Cy Ö: Check in\n");
}

TEST_CASE("due text in colour paints each group's heading and dates, and the names bold") {
    const std::string text = due(three(), DueFormat::text, {.color = true});
    CHECK(
        text.starts_with("\x1b[1m\x1b[31mOverdue\x1b[0m\n  \x1b[31m2026-11-18\x1b[0m  follow-up      "
                         "\x1b[1mAnn Lee\x1b[0m: Follow up\n"));
    CHECK(text.find("\x1b[1m\x1b[33mDue\x1b[0m\n  \x1b[33m2026-11-20\x1b[0m") != std::string::npos);
    CHECK(text.find("\x1b[1m\x1b[36mUpcoming\x1b[0m\n  \x1b[36m2026-11-23\x1b[0m") != std::string::npos);
}

TEST_CASE("due text for a terminal shows the name's and message's control characters, inside kith's own colour") {
    Reminder r = reminder(Rule::follow_up, "eve", "Eve \x1b]52;c;eA==\x07", today,
                          "Say hi\x1b[8m \xe2\x80\xae\tThen: kith follow-up eve");
    const Reminder reminders[] = {r};
    CHECK(due(reminders, DueFormat::text, {.visible = true}) ==
          "Due\n  2026-11-20  follow-up      Eve ^[]52;c;eA==^G: Say hi^[[8m <U+202E> Then: kith follow-up eve\n");
    CHECK(due(reminders, DueFormat::text, {.color = true, .visible = true})
              .find("\x1b[1mEve ^[]52;c;eA==^G\x1b[0m: Say hi^[[8m <U+202E> Then") != std::string::npos);
    // Elsewhere, as ever: control characters as spaces, the rest as it is.
    CHECK(due(reminders, DueFormat::text) ==
          "Due\n  2026-11-20  follow-up      Eve  ]52;c;eA== : Say hi [8m \xe2\x80\xae Then: kith follow-up eve\n");
}

TEST_CASE("due json is an array with one reminder object a line, keys in SPEC order") {
    CHECK(due({}, DueFormat::json) == "[]\n");
    CHECK(due(three(), DueFormat::json) ==
          "[\n"
          "  {\"due\": \"2026-11-18\", \"from\": \"2026-11-18\", \"status\": \"overdue\", \"rule\": \"follow-up\", "
          "\"contact\": \"ann\", \"name\": \"Ann Lee\", \"message\": \"Follow up\"},\n"
          "  {\"due\": \"2026-11-20\", \"from\": \"2026-11-20\", \"status\": \"due\", \"rule\": \"thank\", "
          "\"contact\": \"bob\", \"name\": \"Bob\", \"message\": \"Say thanks, \\\"soon\\\"\"},\n"
          "  {\"due\": \"2026-11-23\", \"from\": \"2026-11-23\", \"status\": \"upcoming\", \"rule\": "
          "\"keep-in-touch\", \"contact\": \"cy\", \"name\": \"Cy Ö\", \"message\": \"Check in\"}\n"
          "]\n");
}

TEST_CASE("json strings escape quotes, backslashes and control characters and keep other UTF-8 as it is") {
    struct Case {
        std::string message, json;
    };
    const Case cases[] = {
        {"plain", "\"plain\""},
        {"a \"b\" \\ c", "\"a \\\"b\\\" \\\\ c\""},
        {"tab\there\nnew\rcr", "\"tab\\there\\nnew\\rcr\""},
        {"bell\a esc\x1b", "\"bell\\u0007 esc\\u001B\""},
        {"del\x7f", "\"del\\u007F\""},
        {"Zoë 🎉 \xe2\x80\xae", "\"Zoë 🎉 \xe2\x80\xae\""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.message);
        const Reminder reminders[] = {reminder(Rule::follow_up, "ann", "Ann", today, c.message)};
        const std::string json = due(reminders, DueFormat::json);
        const std::string key = "\"message\": ";
        const std::size_t at = json.find(key) + key.size();
        CHECK(json.substr(at, json.find("}\n", at) - at) == c.json);
    }
}

TEST_CASE("due ics is a calendar of one VTODO per reminder, dated by the report's day, with a stable UID") {
    Reminder r = reminder(Rule::report_back, "ann", "Ann; Lee", date::local_days{2026_y / 11 / 22}, "Tell her, now");
    r.from = date::local_days{2026_y / 11 / 15};
    r.referral = "bob";
    const Reminder reminders[] = {r};
    const std::string head =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//kith " KITH_VERSION "//EN\r\nCALSCALE:GREGORIAN\r\n";
    CHECK(due({}, DueFormat::ics) == head + "END:VCALENDAR\r\n");
    CHECK(due(reminders, DueFormat::ics) == head +
                                                "BEGIN:VTODO\r\n"
                                                "UID:report-back.ann.20261115.bob@kith\r\n"
                                                "DTSTAMP:20261120T000000Z\r\n"
                                                "DUE;VALUE=DATE:20261122\r\n"
                                                "SUMMARY:Tell Ann\\; Lee how it went\r\n"
                                                "DESCRIPTION:Tell her\\, now\r\n"
                                                "CATEGORIES:kith,report-back\r\n"
                                                "STATUS:NEEDS-ACTION\r\n"
                                                "END:VTODO\r\n"
                                                "END:VCALENDAR\r\n");
}

TEST_CASE("list text aligns its columns by characters and counts the stages") {
    const Listed listed;
    std::ostringstream out;
    render_list(out, listed.standings, ListFormat::text, today, {});
    CHECK(out.str() ==
          "NAME     SLUG  COMPANY  STAGE        LAST        NEXT\n"
          "Ann Lee  ann   Acme     scheduled    2026-11-05  2026-11-24 prepare\n"
          "Zoë Öst  zoe            new\n"
          "\n"
          "2 contacts: 1 new, 1 scheduled\n");
    std::ostringstream none;
    render_list(none, {}, ListFormat::text, today, {});
    CHECK(none.str() == "No contacts.\n");
}

TEST_CASE("list text in colour makes the header bold and a contact with an overdue reminder red") {
    Contact a = ann();
    const Standing standings[] = {{&a, Stage::requested, std::nullopt,
                                   reminder(Rule::follow_up, "ann", "Ann Lee", date::local_days{2026_y / 11 / 1}, "")}};
    std::ostringstream out;
    render_list(out, standings, ListFormat::text, today, {.color = true});
    CHECK(out.str() ==
          "\x1b[1mNAME     SLUG  COMPANY  STAGE        LAST        NEXT\x1b[0m\n"
          "\x1b[31mAnn Lee  ann   Acme     requested                2026-11-01 follow-up\x1b[0m\n"
          "\n"
          "1 contact: 1 requested\n");
}

TEST_CASE("list tsv and json carry every column, empty or null where there is nothing") {
    const Listed listed;
    const std::span<const Standing> standings = listed.standings;
    std::ostringstream tsv, json, empty;
    render_list(tsv, standings, ListFormat::tsv, today, {});
    CHECK(tsv.str() ==
          "ann\tAnn Lee\tAcme\tscheduled\t2026-11-05\t2026-11-24\tprepare\n"
          "zoe\tZoë Öst\t\tnew\t\t\t\n");
    render_list(json, standings, ListFormat::json, today, {});
    CHECK(json.str() ==
          "[\n"
          "  {\"contact\": \"ann\", \"name\": \"Ann Lee\", \"company\": \"Acme\", \"stage\": \"scheduled\", "
          "\"last_interaction\": \"2026-11-05\", \"next\": {\"due\": \"2026-11-24\", \"from\": \"2026-11-24\", "
          "\"status\": \"upcoming\", \"rule\": \"prepare\", \"message\": \"Prepare\"}},\n"
          "  {\"contact\": \"zoe\", \"name\": \"Zoë\\tÖst\", \"company\": \"\", \"stage\": \"new\", "
          "\"last_interaction\": null, \"next\": null}\n"
          "]\n");
    render_list(empty, {}, ListFormat::json, today, {});
    CHECK(empty.str() == "[]\n");
}

TEST_CASE("show text lists the fields, the stage, reminders, referrals both ways and the whole timeline") {
    Contact a = ann();
    const Contact bob = named("bob", "Bob");
    const ReferralLinks links{nullptr, {&bob}};
    a.referred_by = "cy";
    const Reminder reminders[] = {
        reminder(Rule::prepare, "ann", "Ann Lee", date::local_days{2026_y / 11 / 24}, "Prepare\nwell")};
    CHECK(show(a, reminders, ShowFormat::text, links) ==
          "Ann Lee (ann)\n"
          "  email            ann@example.com\n"
          "  company          Acme\n"
          "  tags             eng, ml\n"
          "  keep in touch    30d\n"
          "  added            2026-11-01\n"
          "  pronouns         \"she/her\"\n"
          "  stage            scheduled\n"
          "  upcoming         2026-11-24 prepare: Prepare\n"
          "                   well\n"
          "  referred by      cy (not in the network)\n"
          "  referred you to  Bob (bob)\n"
          "\n"
          "Timeline\n"
          "  2026-11-02          requested via email\n"
          "                      Asked about\n"
          "                      the team\n"
          "  2026-11-05          scheduled for 2026-11-25 09:00 "
          "at Zoom (virtual)\n"
          "  2026-11-25          met  (ahead)\n"
          "                      Good talk\n"
          "                      learned: hiring in Q1\n"
          "                      referrals: bob\n"
          "                      mood: \"upbeat\"\n");
    const ReferralLinks known{&bob, {}};
    CHECK(show(a, {}, ShowFormat::text, known).find("  referred by      Bob (bob)\n") != std::string::npos);
}

TEST_CASE("show json is one object: the contact's fields a line each, then its events one a line") {
    Contact a = ann();
    const Contact bob = named("bob", "Bob");
    const ReferralLinks links{&bob, {&bob}};
    const Reminder reminders[] = {
        reminder(Rule::prepare, "ann", "Ann Lee", date::local_days{2026_y / 11 / 24}, "Prepare")};
    CHECK(show(a, reminders, ShowFormat::json, links) ==
          "{\n"
          "  \"contact\": \"ann\",\n"
          "  \"name\": \"Ann Lee\",\n"
          "  \"email\": \"ann@example.com\",\n"
          "  \"company\": \"Acme\",\n"
          "  \"tags\": [\"eng\", \"ml\"],\n"
          "  \"keep_in_touch\": \"30d\",\n"
          "  \"added\": \"2026-11-01\",\n"
          "  \"other_fields\": {\"pronouns\": \"she/her\"},\n"
          "  \"stage\": \"scheduled\",\n"
          "  \"referrer\": \"bob\",\n"
          "  \"referred_to\": [\"bob\"],\n"
          "  \"reminders\": [{\"due\": \"2026-11-24\", \"from\": \"2026-11-24\", \"status\": \"upcoming\", "
          "\"rule\": \"prepare\", \"message\": \"Prepare\"}],\n"
          "  \"events\": [\n"
          "    {\"type\": \"requested\", \"date\": \"2026-11-02\", \"via\": \"email\", \"note\": \"Asked "
          "about\\nthe team\"},\n"
          "    {\"type\": \"scheduled\", \"date\": \"2026-11-05\", \"at\": \"2026-11-25T09:00:00\", \"where\": "
          "\"Zoom\", \"virtual\": true},\n"
          "    {\"type\": \"met\", \"date\": \"2026-11-25\", \"notes\": \"Good talk\", \"learned\": [\"hiring in "
          "Q1\"], \"referrals\": [\"bob\"], \"other_fields\": {\"mood\": \"upbeat\"}}\n"
          "  ]\n"
          "}\n");
    const Contact bare = named("x", "X");
    CHECK(show(bare, {}, ShowFormat::json) ==
          "{\n"
          "  \"contact\": \"x\",\n"
          "  \"name\": \"X\",\n"
          "  \"tags\": [],\n"
          "  \"other_fields\": {},\n"
          "  \"stage\": \"scheduled\",\n"
          "  \"referrer\": null,\n"
          "  \"referred_to\": [],\n"
          "  \"reminders\": [],\n"
          "  \"events\": []\n"
          "}\n");
}

TEST_CASE("export json is an array with one contact object a line, its events in file order") {
    const Contact bare = named("x", "X");
    const Contact contacts[] = {ann(), bare};
    CHECK(exported({}, ExportFormat::json) == "[]\n");
    CHECK(exported(contacts, ExportFormat::json) ==
          "[\n"
          "  {\"contact\": \"ann\", \"name\": \"Ann Lee\", \"email\": \"ann@example.com\", \"company\": \"Acme\", "
          "\"tags\": [\"eng\", \"ml\"], \"keep_in_touch\": \"30d\", \"added\": \"2026-11-01\", \"other_fields\": "
          "{\"pronouns\": \"she/her\"}, \"events\": [{\"type\": \"requested\", \"date\": \"2026-11-02\", \"via\": "
          "\"email\", \"note\": \"Asked about\\nthe team\"}, {\"type\": \"scheduled\", \"date\": \"2026-11-05\", "
          "\"at\": \"2026-11-25T09:00:00\", \"where\": \"Zoom\", \"virtual\": true}, {\"type\": \"met\", \"date\": "
          "\"2026-11-25\", \"notes\": \"Good talk\", \"learned\": [\"hiring in Q1\"], \"referrals\": [\"bob\"], "
          "\"other_fields\": {\"mood\": \"upbeat\"}}]},\n"
          "  {\"contact\": \"x\", \"name\": \"X\", \"tags\": [], \"other_fields\": {}, \"events\": []}\n"
          "]\n");
}

TEST_CASE("export csv has a header row, a row per contact, tags joined by semicolons and a column per unknown key") {
    Contact bob;
    bob.slug = "bob";
    bob.name = "Bob \"B\", Jr";
    bob.other_fields = parse_other_fields("shoe = 44\npronouns = \"he\"\n", "x");
    const Contact contacts[] = {ann(), bob};
    CHECK(exported(contacts, ExportFormat::csv) ==
          "contact,name,email,phone,company,role,linkedin,location,source,referred_by,tags,keep_in_touch,added,"
          "pronouns,shoe\r\n"
          "ann,Ann Lee,ann@example.com,,Acme,,,,,,eng;ml,30d,2026-11-01,she/her,\r\n"
          "bob,\"Bob \"\"B\"\", Jr\",,,,,,,,,,,,he,44\r\n");
}

TEST_CASE("export vcard writes one 4.0 card per contact, CRLF, in file order") {
    const Contact bare = named("x", "X");
    const Contact contacts[] = {bare, bare};
    const std::string card = exported(contacts, ExportFormat::vcard);
    CHECK(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    CHECK(card.find("FN:X\r\n") != std::string::npos);
    CHECK(card.ends_with("END:VCARD\r\n"));
    CHECK(card.size() % 2 == 0);
    CHECK(card.substr(0, card.size() / 2) == card.substr(card.size() / 2));
}

TEST_CASE("format names are the ones SPEC §4 spells, and no other name is one") {
    CHECK(value_in(due_format_names, "ics") == DueFormat::ics);
    CHECK(value_in(due_format_names, "csv") == std::nullopt);
    CHECK(value_in(list_format_names, "tsv") == ListFormat::tsv);
    CHECK(value_in(list_format_names, "ics") == std::nullopt);
    CHECK(value_in(show_format_names, "json") == ShowFormat::json);
    CHECK(value_in(show_format_names, "tsv") == std::nullopt);
    CHECK(value_in(export_format_names, "vcard") == ExportFormat::vcard);
    CHECK(value_in(export_format_names, "text") == std::nullopt);
}

TEST_CASE("json writes a byte that is not UTF-8 as U+FFFD, never as another character") {
    // toml++'s writer, before, made the byte 0xFF the letter U+00FF.
    const Reminder reminders[] = {reminder(Rule::follow_up, "\xff", "Ann", today, "hi")};
    CHECK(due(reminders, DueFormat::json).find("\"contact\": \"\xef\xbf\xbd\"") != std::string::npos);
}
