// Reading LinkedIn's Connections.csv, and deciding which entries a network
// already holds (issue 8: "match existing contacts by LinkedIn URL, then
// email, then exact name").
#include <doctest/doctest.h>

#include "formats/linkedin.hpp"
#include "model/error.hpp"
#include "rules/import.hpp"

using namespace kith;
using namespace date::literals;

namespace {

constexpr Date today = date::local_days{2026_y / 11 / 23};

// The header LinkedIn's data export writes, and the notes it puts before it.
constexpr std::string_view header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
constexpr std::string_view notes =
    "Notes:\n"
    "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n"
    "\n";

std::vector<ImportedEntry> linkedin(std::string_view rows) {
    return read_linkedin_connections(std::string(notes) + std::string(header) + std::string(rows), "Connections.csv",
                                     today);
}

Contact person(std::string name, std::string email = "", std::string linkedin = "") {
    Contact c;
    c.slug = "x";
    c.name = std::move(name);
    c.email = std::move(email);
    c.linkedin = std::move(linkedin);
    return c;
}

ImportedEntry entry(std::size_t line, Contact c) {
    ImportedEntry e;
    e.line = line;
    e.contact = std::move(c);
    return e;
}

}  // namespace

TEST_CASE("a LinkedIn row becomes a contact with every column in its place") {
    const auto entries = linkedin(
        "Priya,Singh,https://www.linkedin.com/in/priya,priya@example.org,Acme Batteries,Research Scientist,02 Nov "
        "2026\n");
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].contact);
    const Contact& c = *entries[0].contact;
    CHECK(entries[0].line == 5);
    CHECK(c.name == "Priya Singh");
    CHECK(c.linkedin == "https://www.linkedin.com/in/priya");
    CHECK(c.email == "priya@example.org");
    CHECK(c.company == "Acme Batteries");
    CHECK(c.role == "Research Scientist");
    CHECK(c.source == "LinkedIn");
    CHECK(c.added == date::local_days{2026_y / 11 / 2});
}

TEST_CASE("LinkedIn's quoting: commas, doubled quotes and line breaks inside a field") {
    const auto entries = linkedin(
        "Zoë,O'Brien,u1,,\"Volta Labs, Inc.\",\"Lead \"\"Cells\"\" Engineer\",21 Nov 2026\n"
        "José,Núñez,u2,,Grid,\"Head of R&D\nBattery Systems\",3 Sep 2025\n"
        "Sam,Rivera,u3,,Lumen,Analyst,1 Jan 2026\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].contact->company == "Volta Labs, Inc.");
    CHECK(entries[0].contact->role == "Lead \"Cells\" Engineer");
    CHECK(entries[1].contact->role == "Head of R&D\nBattery Systems");
    CHECK(entries[1].contact->added == date::local_days{2025_y / 9 / 3});
    // a row after one that spans two lines starts where it really starts
    CHECK(entries[2].line == 8);
    CHECK(entries[2].contact->added == date::local_days{2026_y / 1 / 1});
}

TEST_CASE("a byte order mark, CRLF line ends and the header's own column order are all read") {
    const auto entries = read_linkedin_connections(
        "\xEF\xBB\xBFNotes:\r\n\r\nURL,Last Name,First Name,Connected On\r\nu,Lee,Jordan,15 Oct 2026\r\n", "c.csv",
        today);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].line == 4);
    CHECK(entries[0].contact->name == "Jordan Lee");
    CHECK(entries[0].contact->linkedin == "u");
    CHECK(entries[0].contact->email.empty());
}

TEST_CASE("a row without Connected On is added today") {
    const auto entries = linkedin("Alex,Doe,u,,,,\n");
    CHECK(entries[0].contact->added == today);
}

TEST_CASE("a bad row is skipped with its line and why, and the rows after it still read") {
    const auto entries = linkedin(
        ",,https://www.linkedin.com/in/ACoAAB,,,,10 Nov 2026\n"
        "Sam,Rivera,u,,Lumen,Analyst,31 Noc 2026\n"
        "Alex,Doe,u,,Acme\n"
        "Ana,Bad\xFF,u,,,,\n"
        "Tom,Becker,u,,,,\n"
        "Open,Quote,u,,\"Acme,,\n");
    REQUIRE(entries.size() == 6);
    CHECK(entries[0].problem == "it has no First Name or Last Name");
    CHECK(entries[1].problem == "its Connected On '31 Noc 2026' is not a date like '21 Nov 2026'");
    CHECK(entries[2].problem == "it has 5 fields; the header has 7");
    CHECK(entries[3].problem == "it is not UTF-8 text");
    CHECK(entries[4].contact->name == "Tom Becker");
    CHECK(entries[5].line == 10);
    CHECK(entries[5].problem == "a quoted field is never closed");
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(entries[i].line == 5 + i);
        CHECK_FALSE(entries[i].contact);
    }
}

TEST_CASE("a quote out of place is named with the lines it joined") {
    const auto entries = linkedin(
        "Bo,Chen,u2,,\"Acme\" Labs,,\n"
        "Cy,\"Di\"az\",u3,,,,\n"
        "Ann,Lee,u1,,,,\n"
        "Open,Quote,u,,\"Acme,,\nNext,Row,u,,,,\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].line == 5);
    CHECK(entries[0].problem ==
          "it has 10 fields; the header has 7 (lines 5 to 6 read as one row: is a quote out of place?)");
    CHECK(entries[1].contact->name == "Ann Lee");
    CHECK(entries[2].problem == "a quoted field is never closed, so lines 8 to 9 (the end) read as one row");
}

TEST_CASE("Connected On needs its four-digit year: '21 Nov 26' is not the year 26") {
    CHECK(linkedin("Ann,Lee,u,,,,21 Nov 26\n")[0].problem ==
          "its Connected On '21 Nov 26' is not a date like '21 Nov 2026'");
    CHECK(linkedin("Ann,Lee,u,,,,31 Feb 2026\n")[0].problem ==
          "its Connected On '31 Feb 2026' is not a date like '21 Nov 2026'");
}

TEST_CASE("a file whose lines end in CR alone (Excel's CSV for Macintosh) reads line by line") {
    const auto entries = read_linkedin_connections(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\rAnn,Lee,u1,,,,\rBo,,u2,,\"A\rB\",,\r",
        "mac.csv", today);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].line == 2);
    CHECK(entries[1].line == 3);
    CHECK(entries[1].contact->company == "A\rB");
}

TEST_CASE("a file without LinkedIn's header is refused as a whole") {
    CHECK_THROWS_WITH_AS(read_linkedin_connections("name,email\nAnn,ann@example.org\n", "people.csv", today),
                         "'people.csv' is not LinkedIn's Connections.csv: no header line 'First Name,Last "
                         "Name,URL,Email Address,Company,Position,Connected On' in it",
                         Error);
}

TEST_CASE("a LinkedIn profile is the same whatever the scheme, host, case, query or final slash") {
    const std::string key = "linkedin.com/in/priya-singh";
    CHECK(linkedin_profile_key("https://www.linkedin.com/in/priya-singh") == key);
    CHECK(linkedin_profile_key("http://linkedin.com/in/priya-singh/") == key);
    CHECK(linkedin_profile_key("https://uk.linkedin.com/in/Priya-Singh?trk=public_profile") == key);
    CHECK(linkedin_profile_key(" www.linkedin.com/in/priya-singh#about ") == key);
    CHECK(linkedin_profile_key("https://www.linkedin.com/in/priya-singh-2") != key);
    CHECK(linkedin_profile_key("").empty());
}

TEST_CASE("an entry matches by LinkedIn URL first, then by email, then by name unless those differ") {
    std::vector<Contact> existing = {person("Priya Singh", "priya@example.org", "https://linkedin.com/in/priya"),
                                     person("Jordan Lee", "jordan@example.org")};
    existing[0].slug = "priya-singh";
    existing[1].slug = "jordan-lee";
    struct Case {
        Contact imported;
        ImportAction action;
        std::string by;
        std::string slug;
    };
    const Case cases[] = {
        // the URL wins even over a name and email of someone else
        {person("P. Singh", "jordan@example.org", "https://www.linkedin.com/in/priya/"), ImportAction::present,
         "LinkedIn URL", "priya-singh"},
        {person("J. Lee", "JORDAN@example.org"), ImportAction::present, "email", "jordan-lee"},
        {person("  jordan   LEE "), ImportAction::present, "name", "jordan-lee"},
        {person("Jordan Lee", "", "https://linkedin.com/in/jordan"), ImportAction::present, "name", "jordan-lee"},
        {person("Jordan Leer"), ImportAction::add, "", "jordan-leer"},
        // the same name, but another profile or another email: another person
        {person("Priya Singh", "", "https://linkedin.com/in/other"), ImportAction::add, "", "priya-singh-2"},
        {person("Jordan Lee", "jl@other.example"), ImportAction::add, "", "jordan-lee-2"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.imported.name);
        const ImportedEntry e = entry(7, c.imported);
        const auto steps = plan_import(existing, std::span(&e, 1));
        REQUIRE(steps.size() == 1);
        CHECK(steps[0].action == c.action);
        CHECK(steps[0].matched_by == c.by);
        CHECK(steps[0].slug == c.slug);
        CHECK(steps[0].matched_line == 0);
        CHECK(steps[0].line == 7);
    }
}

TEST_CASE("a repeat within the file is the entry added before it, and an unreadable one is skipped") {
    ImportedEntry bad;
    bad.line = 4;
    bad.problem = "it has no First Name or Last Name";
    const std::vector<ImportedEntry> entries = {entry(2, person("Ann Lee", "ann@example.org")), bad,
                                                entry(5, person("Ann B. Lee", "ANN@example.org")),
                                                entry(6, person("Ann Lee", "ann@other.example"))};
    const auto steps = plan_import({}, entries);
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].action == ImportAction::add);
    CHECK(steps[0].slug == "ann-lee");
    CHECK(steps[1].action == ImportAction::skip);
    CHECK(steps[1].problem == "it has no First Name or Last Name");
    CHECK(steps[2].action == ImportAction::present);
    CHECK(steps[2].matched_by == "email");
    CHECK(steps[2].slug == "ann-lee");
    CHECK(steps[2].matched_line == 2);
    // a namesake with another email is another person, under the next free slug
    CHECK(steps[3].action == ImportAction::add);
    CHECK(steps[3].slug == "ann-lee-2");
}

TEST_CASE("referred_by follows the referrer's exported slug to the slug it gets here") {
    Contact old;
    old.slug = "jordan-lee";
    old.name = "Someone Else";
    Contact alex = person("Alex Doe");
    alex.referred_by = "jordan";  // the referrer's slug where the file came from
    Contact sam = person("Sam Roe");
    sam.referred_by = "nobody-here";
    std::vector<ImportedEntry> entries = {entry(1, alex), entry(9, person("Jordan Lee")), entry(20, sam)};
    entries[1].exported_slug = "jordan";
    const auto steps = plan_import(std::span(&old, 1), entries);
    REQUIRE(steps.size() == 3);
    CHECK(steps[1].slug == "jordan-lee-2");
    CHECK(steps[0].contact.referred_by == "jordan-lee-2");
    CHECK(steps[2].contact.referred_by == "nobody-here");
    CHECK(steps[2].warning.empty());
}

TEST_CASE("a referral to an entry that was skipped is left out, with a warning, not sent to another contact") {
    Contact jordan;
    jordan.slug = "jordan";
    jordan.name = "Jordan Smith";
    ImportedEntry bad;
    bad.line = 3;
    bad.problem = "its X-KITH-ADDED '2026-13-01' is not a date like 2026-11-23";
    bad.exported_slug = "jordan";
    Contact alex = person("Alex Doe");
    alex.referred_by = "jordan";
    const std::vector<ImportedEntry> entries = {bad, entry(9, alex)};
    const auto steps = plan_import(std::span(&jordan, 1), entries);
    REQUIRE(steps.size() == 2);
    CHECK(steps[1].contact.referred_by.empty());
    CHECK(steps[1].warning == "its referrer 'jordan', on line 3, was skipped, so it is added without referred_by");
}
