// vCard files: RFC 2426 (3.0), RFC 6350 (4.0) and the 2.1 that Android
// phones still export, read as contacts; kith's own vCard 4.0 written.
#include <sstream>

#include <doctest/doctest.h>

#include "formats/contact_file.hpp"
#include "formats/vcard.hpp"
#include "model/error.hpp"

using namespace kith;
using namespace date::literals;

namespace {

const DateTime now = at_start_of(date::local_days{2026_y / 11 / 23});

// The one card of `lines` (joined by CRLF), read.
ImportedEntry card(std::string_view lines) {
    std::string text;
    std::size_t start = 0;
    while (start <= lines.size()) {
        const std::size_t end = std::min(lines.find('\n', start), lines.size());
        text += std::string(lines.substr(start, end - start)) + "\r\n";
        start = end + 1;
    }
    const auto entries = read_vcards(text, "c.vcf", now);
    REQUIRE(entries.size() == 1);
    return entries[0];
}

Contact contact(std::string_view lines) {
    const ImportedEntry entry = card(lines);
    INFO(entry.problem);
    REQUIRE(entry.contact);
    return *entry.contact;
}

std::string written(const Contact& c) {
    std::ostringstream out;
    write_vcard(out, c);
    return out.str();
}

}  // namespace

TEST_CASE("a vCard 3.0 card: FN, EMAIL, TEL, ORG's first part, TITLE, CATEGORIES as tags") {
    const Contact c = contact(
        "BEGIN:VCARD\nVERSION:3.0\nN:Singh;Priya;;;\nFN:Priya Singh\nEMAIL;TYPE=INTERNET:priya@example.org\n"
        "TEL;TYPE=CELL:+1 617-555-0134\nORG:Acme Batteries;Research\nTITLE:Research Scientist\n"
        "CATEGORIES:chemistry,alumni,chemistry\nEND:VCARD");
    CHECK(c.name == "Priya Singh");
    CHECK(c.email == "priya@example.org");
    CHECK(c.phone == "+1 617-555-0134");
    CHECK(c.company == "Acme Batteries");
    CHECK(c.role == "Research Scientist");
    CHECK(c.tags == std::vector<std::string>{"chemistry", "alumni"});
    CHECK(c.added == now.day());
    CHECK(c.source.empty());
    CHECK(c.events.empty());
}

TEST_CASE(
    "RFC 6350 3.4: backslash escapes of line breaks, commas, semicolons and backslashes are undone, and parts split "
    "only where not escaped") {
    const Contact c = contact(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Jordan Lee\nORG:Volta Labs\\, Inc.\\; R&D;Cells\n"
        "TITLE:Lead\\, Cells\nCATEGORIES:a\\,b,c\\\\d\nNOTE:One\\nTwo\\; three\\, four\\N\\\\five\nEND:VCARD");
    CHECK(c.company == "Volta Labs, Inc.; R&D");
    CHECK(c.role == "Lead, Cells");
    CHECK(c.tags == std::vector<std::string>{"a,b", "c\\d"});
    REQUIRE(c.events.size() == 1);
    CHECK(c.events[0].type == EventType::note);
    CHECK(c.events[0].date == now);
    CHECK(c.events[0].note == "One\nTwo; three, four\n\\five");
}

TEST_CASE("RFC 6350 3.2: a line that begins with a space or a tab continues the one before") {
    const Contact c =
        contact("BEGIN:VCARD\nVERSION:3.0\nFN:Zo\n ë O'Brien\nNOTE:a long no\n\tte, fol\n  ded\nEND:VCARD");
    CHECK(c.name == "Zoë O'Brien");
    CHECK(c.events[0].note == "a long note, fol ded");
}

TEST_CASE("without FN, the name is N's prefix, given, additional, family and suffix") {
    CHECK(contact("BEGIN:VCARD\nVERSION:3.0\nN:Lee;Jordan;A.,B.;Dr.;PhD\nEND:VCARD").name ==
          "Dr. Jordan A. B. Lee PhD");
    CHECK(card("BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nORG:Acme\nEND:VCARD").problem == "it has no name (FN or N)");
}

TEST_CASE("the preferred EMAIL and TEL win: PREF=1 in 4.0, TYPE=pref in 3.0, else the first") {
    const Contact four = contact(
        "BEGIN:VCARD\nVERSION:4.0\nFN:A\nEMAIL;PREF=2:work@example.org\nEMAIL;PREF=1:home@example.org\n"
        "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+1-555-0199\nEND:VCARD");
    CHECK(four.email == "home@example.org");
    CHECK(four.phone == "+1-555-0199");
    const Contact three = contact(
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEMAIL:first@example.org\nEMAIL;TYPE=INTERNET,pref:pref@example.org\n"
        "TEL:1\nTEL:2\nEND:VCARD");
    CHECK(three.email == "pref@example.org");
    CHECK(three.phone == "1");
}

TEST_CASE("a LinkedIn URL is the linkedin field, and other URLs are not") {
    CHECK(contact("BEGIN:VCARD\nVERSION:3.0\nFN:A\nURL:https://example.org/a\n"
                  "item1.URL:https\\://www.linkedin.com/in/a\nEND:VCARD")
              .linkedin == "https://www.linkedin.com/in/a");
    CHECK(contact("BEGIN:VCARD\nVERSION:4.0\nFN:A\nURL;TYPE=linkedin:in/a\nEND:VCARD").linkedin == "in/a");
    CHECK(contact("BEGIN:VCARD\nVERSION:3.0\nFN:A\nX-SOCIALPROFILE;type=linkedin:http://linkedin.com/in/a\nEND:VCARD")
              .linkedin == "http://linkedin.com/in/a");
    CHECK(contact("BEGIN:VCARD\nVERSION:3.0\nFN:A\nURL:https://example.org/a\nEND:VCARD").linkedin.empty());
}

TEST_CASE(
    "ADR gives the location (its city, region and country), and a quoted parameter may hold colons and semicolons") {
    const Contact c = contact(
        "BEGIN:VCARD\nVERSION:4.0\nFN:A\nADR;LABEL=\"1 Main St: Apt 2; Boston\":;;1 Main St;Boston;MA;02101;USA\n"
        "END:VCARD");
    CHECK(c.location == "Boston, MA, USA");
}

TEST_CASE("vCard 2.1: bare types, quoted-printable values and their soft line breaks") {
    const Contact c = contact(
        "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 N=C3=BA=C3=B1ez\n"
        "TEL;WORK:+34 1\nTEL;CELL;PREF:+34 2\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:Grid =26 Storage, ask about the =\npilot plant.\nEND:VCARD");
    CHECK(c.name == "José Núñez");
    CHECK(c.phone == "+34 2");
    CHECK(c.events[0].note == "Grid & Storage, ask about the pilot plant.");
}

TEST_CASE("a card that cannot be read is skipped with why, and the cards around it still read") {
    const auto entries = read_vcards(
        "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:B\r\nno colon here\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:C\r\n"
        "BEGIN:VCARD\r\nFN:D\xFF\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:E\r\nX-KITH-ADDED:2026-02-30\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:F\r\nX-KITH-KEEP-IN-TOUCH:often\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:G\r\nX-KITH-FIELD:name = \"H\"\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:I\r\n",
        "c.vcf", now);
    REQUIRE(entries.size() == 8);
    CHECK(entries[0].contact->name == "A");
    CHECK(entries[1].line == 4);
    CHECK(entries[1].problem == "line 6 is not a property (NAME:value)");
    CHECK(entries[2].line == 8);
    CHECK(entries[2].problem == "its BEGIN:VCARD has no END:VCARD before line 10");
    CHECK(entries[3].problem == "its FN on line 11 is not UTF-8 text");
    CHECK(entries[4].problem == "its X-KITH-ADDED '2026-02-30' is not a date like 2026-11-23");
    CHECK(entries[5].problem.starts_with("its X-KITH-KEEP-IN-TOUCH: "));
    CHECK(entries[6].problem ==
          "its line 23: X-KITH-FIELD:1:8: 'name' is one of kith's own keys, not one to keep as it is");
    CHECK(entries[7].problem == "its BEGIN:VCARD has no END:VCARD");
}

TEST_CASE("vCard 2.1 from Outlook and old phones: a CHARSET other than UTF-8, base64 lines not indented") {
    const Contact c = contact(
        "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1:M\xFCller;J\xFCrgen\n"
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\nAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEx\n\n"
        "X-OUTLOOK-LABEL:Caf\xE9 only Outlook reads\nEMAIL;INTERNET:j@example.de\nEND:VCARD");
    CHECK(c.name == "Jürgen Müller");
    CHECK(c.email == "j@example.de");
    CHECK(card("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=X-NO-SUCH:Caf\xE9\nEND:VCARD").problem ==
          "its FN on line 3 is not text in its CHARSET X-NO-SUCH");
}

TEST_CASE("a CHARSET's text that grows in UTF-8 is converted whole, and text not in its CHARSET is refused") {
    // windows-1252's euro sign, 0x80, is three bytes in UTF-8
    std::string euros;
    for (int i = 0; i < 40; ++i)
        euros += "\xE2\x82\xAC";
    std::string qp;
    for (int i = 0; i < 40; ++i)
        qp += "=80";
    CHECK(contact("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:" + qp + "\nEND:VCARD")
              .name == euros);
    // one byte of a two-byte UTF-16 unit: cut short
    CHECK(card("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-16LE:Q\nEND:VCARD").problem ==
          "its FN on line 3 is not text in its CHARSET UTF-16LE");
}

TEST_CASE("a quoted-printable value ending in '=' does not swallow the END:VCARD after it") {
    const auto entries = read_vcards(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:B\r\nEND:VCARD\r\n",
        "c.vcf", now);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].contact->events[0].note == "abc=");
    CHECK(entries[1].contact->name == "B");
}

TEST_CASE("a file whose lines end in CR alone reads card by card") {
    const auto entries =
        read_vcards("BEGIN:VCARD\rVERSION:3.0\rFN:A\rEND:VCARD\rBEGIN:VCARD\rFN:B\rEND:VCARD\r", "mac.vcf", now);
    REQUIRE(entries.size() == 2);
    CHECK(entries[1].line == 5);
    CHECK(entries[1].contact->name == "B");
}

TEST_CASE("a stray CR inside a value is a line end's, not text: what is read can be written") {
    const Contact c = contact("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\r Lee\nNOTE:a\\\rb\nEND:VCARD");
    CHECK(c.name == "Ann Lee");
    CHECK(c.events[0].note == "ab");
}

TEST_CASE("a group card is not a person") {
    CHECK(card("BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Friends\nEND:VCARD").problem ==
          "it is a group of contacts (KIND on line 3), not a person");
    CHECK(card("BEGIN:VCARD\nVERSION:3.0\nFN:Team\nX-ADDRESSBOOKSERVER-KIND:group\nEND:VCARD").problem ==
          "it is a group of contacts (X-ADDRESSBOOKSERVER-KIND on line 4), not a person");
}

TEST_CASE("a TEL written as text keeps what it says, and a value holding NUL is not cut short") {
    CHECK(contact("BEGIN:VCARD\nVERSION:4.0\nFN:A\nTEL;VALUE=text:tel: ask the office\nEND:VCARD").phone ==
          "tel: ask the office");
    std::string text = "BEGIN:VCARD\nVERSION:4.0\nFN:A\nEMAIL:a";
    text += '\0';
    text += "b@example.org\nEND:VCARD";
    CHECK(contact(text).email == std::string("a\0b@example.org", 15));
}

TEST_CASE("X-KITH-SLUG is kept for following referrals, and a key given twice in X-KITH-FIELDs is refused") {
    CHECK(card("BEGIN:VCARD\nVERSION:4.0\nFN:A\nX-KITH-SLUG:jordan\nEND:VCARD").exported_slug == "jordan");
    CHECK(card("BEGIN:VCARD\nVERSION:4.0\nFN:A\nX-KITH-FIELD:a = 1\nX-KITH-FIELD:a = 2\nEND:VCARD").problem ==
          "its X-KITH-FIELDs:2:5: Error while parsing key-value pair: cannot redefine existing integer 'a'");
}

TEST_CASE("a file with no card at all is refused as a whole") {
    CHECK_THROWS_WITH_AS(read_vcards("First Name,Last Name\n", "people.csv", now),
                         "'people.csv' holds no vCard: no line BEGIN:VCARD in it", Error);
}

TEST_CASE("kith writes vCard 4.0 with CRLF, escapes, and lines folded at 75 bytes between UTF-8 characters") {
    Contact c;
    c.name = "Zoë O'Brien";
    c.company = "Volta Labs, Inc.; R&D";
    c.location = "Boston, MA";
    c.tags = {"a,b", "c"};
    c.source = std::string(60, 'x') + "ëëëëëëëëëë";
    c.added = date::local_days{2026_y / 11 / 2};
    const std::string text = written(c);
    CHECK(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë O'Brien\r\nORG:Volta Labs\\, Inc.\\; R&D\r\n"));
    CHECK(text.find("ADR:;;;Boston\\, MA;;;\r\n") != std::string::npos);
    CHECK(text.find("CATEGORIES:a\\,b,c\r\n") != std::string::npos);
    // "X-KITH-SOURCE:" and 60 x are 74 bytes; the next 'ë' (2 bytes) goes to the next line
    CHECK(text.find("X-KITH-SOURCE:" + std::string(60, 'x') + "\r\n ëëëëëëëëëë\r\n") != std::string::npos);
    CHECK(text.ends_with("X-KITH-ADDED:2026-11-02\r\nEND:VCARD\r\n"));
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find("\r\n", start);
        CHECK(end - start <= 75);
        start = end + 2;
    }
}

TEST_CASE("what kith writes, it reads back as the same fields") {
    Contact c;
    c.name = "Nadia \"Nad\" Petrova";
    c.email = "npetrova@example.org";
    c.phone = "+1 202 555 0100";
    c.company = "Center for Science & Public Policy; Energy";
    c.role = "Fellow,\nEnergy & Environment";
    c.linkedin = "https://www.linkedin.com/in/nadia";
    c.location = "Washington, DC";
    c.source = "the \"Careers Beyond the Bench\" webinar";
    c.referred_by = "priya-raman";
    c.tags = {"policy", "non;profit", "a,b"};
    c.keep_in_touch = parse_duration("60d", true);
    c.added = date::local_days{2026_y / 11 / 12};
    c.other_fields = parse_other_fields("pronouns = \"she/her\"\nscore = 3\n[social]\nx = \"@n\"\n", "t");
    const auto entries = read_vcards(written(c), "c.vcf", now);
    REQUIRE(entries.size() == 1);
    INFO(entries[0].problem);
    REQUIRE(entries[0].contact);
    const Contact& back = *entries[0].contact;
    CHECK(back.name == c.name);
    CHECK(back.email == c.email);
    CHECK(back.phone == c.phone);
    CHECK(back.company == c.company);
    CHECK(back.role == c.role);
    CHECK(back.linkedin == c.linkedin);
    CHECK(back.location == c.location);
    CHECK(back.source == c.source);
    CHECK(back.referred_by == c.referred_by);
    CHECK(back.tags == c.tags);
    CHECK(format_duration(*back.keep_in_touch) == "60d");
    CHECK(back.added == c.added);
    CHECK(back.other_fields == c.other_fields);
    CHECK(back.events.empty());
}
