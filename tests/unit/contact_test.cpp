// Contact files, event logs, stages and slugs (SPEC §2, §5).
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "formats/contact_file.hpp"
#include "model/contact.hpp"
#include "model/error.hpp"

using namespace kith;
using namespace date::literals;

namespace {

constexpr Date today = date::local_days{2026_y / 11 / 23};

// What SPEC §2 allows a slug to be: lowercase ASCII letters, digits and
// single '-', none at either end. Such a stem cannot leave contacts/.
bool is_slug(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.back() == '-' || text.find("--") != std::string_view::npos)
        return false;
    return text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
}

Contact parse(std::string_view text) {
    return parse_contact(text, "contacts/ann.toml", "ann");
}

std::string data_error(std::string_view text) {
    try {
        parse(text);
    } catch (const Error& e) {
        CHECK(e.status() == Exit::data);
        return e.what();
    }
    FAIL("no error for:\n" << text);
    return {};
}

}  // namespace

TEST_CASE("text that toml++ 3.3 would misread (non-ASCII outside quotes) is refused at its line and column") {
    CHECK(data_error("\xEF\xBB\xBFname = Ann\xC3\xA9\n") ==
          "contacts/ann.toml:1:11: a character outside quotes must be ASCII (put text in a \"string\")");
    CHECK(data_error("name = \"Ann\"\ncompany = Acmé\n") ==
          "contacts/ann.toml:2:14: a character outside quotes must be ASCII (put text in a \"string\")");
    CHECK(data_error("name = \"Ann\"\n[[event]]\ntype = \"note\"\ndate = 2026Ќ-11-02\n") ==
          "contacts/ann.toml:4:12: a character outside quotes must be ASCII (put text in a \"string\")");
    CHECK(data_error("name = \"Ann\"\nrole = \"\"\"one \\\n  § two\"\"\"\n")
              .starts_with("contacts/ann.toml:3:3: a line-ending backslash cannot be followed by a non-ASCII"));
    CHECK(
        data_error("name = \"Ann\"\nrole = \"\"\"one \\Υ\"\"\"\n") ==
        "contacts/ann.toml:2:16: a backslash cannot be followed by a non-ASCII character (write \\\\ for a backslash)");
    CHECK(data_error("name = \"Ann\"\nrole = \"\"\"one \\  Υ\"\"\"\n")
              .starts_with("contacts/ann.toml:2:18: a backslash"));
    // quotes and brackets glued to a bare value are part of it to toml++ (found by fuzz_contact)
    for (const char* glued :
         {"name = \"Ann\"\nx = 1.'Υ'\n", "name = \"Ann\"\nx = [1, 2'Υ']\n", "name = \"Ann\"\nx = [\n  1,\n  2\"Υ\"]\n",
          "name = \"Ann\"\nx = {y = 1e'Υ'}\n", "name = \"Ann\"\nadded = 2026-11-02T10:\'\'\'\'bΥ\'\'\'\n",
          "name = \"Ann\"\nx = 2026x[\"aΥ\"]\n", "name = \"Ann\"\nx = [1]'Υ'\n"})
        CHECK(data_error(glued).find("a character outside quotes must be ASCII") != std::string::npos);
    // what TOML allows stays readable: non-ASCII in strings of every kind, in comments, after a BOM,
    // in quoted keys, in arrays and inline tables over several lines
    const Contact quoted = parse(
        "name = \"Ann\"\n\"kéy\".'ü' = 1\nx = [ 'aé',\n  \"bé\", # é\n  [\"cé\"] ]\n"
        "y = { a = \"é\", 'bé' = [\"é\"], c.\"dé\" = 1 }\nw = [{a = 'é'}, {b = \"é\"}]\n[t.\"é\"]\nz = 'é'\n");
    CHECK(quoted.name == "Ann");
    const Contact c = parse(
        "\xEF\xBB\xBFname = \"Zoë\" # Zoë\nrole = '''Ünï\n'''\ncompany = 'Café'\nlocation = \"\"\"a \\\n  b é\"\"\"\"\n"
        "tags = [\"\\\"é\", 'ß']\n");
    CHECK(c.name == "Zoë");
    CHECK(c.role == "Ünï\n");
    CHECK(c.company == "Café");
    CHECK(c.location == "a b é\"");
    CHECK(c.tags == std::vector<std::string>{"\"é", "ß"});
}

TEST_CASE("slugs fold names to lowercase ASCII, as SPEC §2 shows") {
    const struct {
        std::string_view name;
        std::string_view slug;
    } cases[] = {
        {"Priya Singh", "priya-singh"},
        {"Zoë O'Brien", "zoe-obrien"},
        {"Zoë O\u2019Brien", "zoe-obrien"},
        {"Jürgen Groß", "jurgen-gross"},
        {"Ægir Ørsted", "aegir-orsted"},
        {"Łukasz Đorđević", "lukasz-dordevic"},
        {"Þóra Sigurðardóttir", "thora-sigurdardottir"},
        {"José Martínez", "jose-martinez"},
        {"Şerban Ţăranu", "serban-taranu"},
        {"Ștefan", "stefan"},
        {"Nguyễn Văn Trần", "nguyen-van-tran"},
        {"Phạm Thị Hương", "pham-thi-huong"},
        {"Đặng Ngọc Ánh", "dang-ngoc-anh"},
        {"Ǆemal Ǧuro", "dzemal-guro"},
        {"Jose\u0301 decomposed", "jose-decomposed"},
        {"  Mary-Jane   Watson  ", "mary-jane-watson"},
        {"Dr. J. R. Smith, PhD", "dr-j-r-smith-phd"},
        {"R2-D2", "r2-d2"},
        {"---", "contact"},
        {"", "contact"},
        {"王小明", "contact"},
        {"Алексей", "contact"},
        {"Anna 王", "anna"},
        {"../etc/passwd", "etc-passwd"},
        {"/etc/x", "etc-x"},
        {".", "contact"},
        {"..", "contact"},
        {"a/../../b", "a-b"},
        {"\xff\xfe bad bytes", "bad-bytes"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(make_slug(c.name) == c.slug);
        CHECK(is_slug(make_slug(c.name)));
    }
}

TEST_CASE("a very long name gives a slug short enough for any file system") {
    const std::string name(500, 'a');
    CHECK(make_slug(name).size() <= 80);
    CHECK(make_slug(std::string(60, 'a') + " " + std::string(60, 'b')).size() <= 80);
    CHECK(make_slug(std::string(60, 'a') + " " + std::string(60, 'b')).back() != '-');
}

TEST_CASE("a contact file reads into its header and event log") {
    const Contact c = parse(R"(name = "Priya Singh"
email = "priya.singh@example.org"
company = "Acme Batteries"
role = "Research Scientist"
source = "alumni directory"
referred_by = "jordan-lee"
tags = ["chemistry", "alumni"]
keep_in_touch = "60d"
pronouns = "she/her"
added = 2026-11-01
office = { building = 4 }

[[event]]
type = "requested"
date = 2026-11-02
via = "email"
note = "Asked for 20 minutes"

[[event]]
type = "scheduled"
date = 2026-11-05
at = 2026-11-20T15:00:00
where = "https://meet.example/x"
virtual = true

[[event]]
type = "met"
date = 2026-11-20T15:00:00-05:00
notes = """Typical week: ..."""
learned = ["a", "b"]
referrals = ["alex-doe"]
)");
    CHECK(c.name == "Priya Singh");
    CHECK(c.slug == "ann");
    CHECK(c.referred_by == "jordan-lee");
    CHECK(c.tags == std::vector<std::string>{"chemistry", "alumni"});
    CHECK(format_duration(*c.keep_in_touch) == "60d");
    CHECK(*c.added == Date{2026_y / 11 / 1});
    REQUIRE(c.other_fields.size() == 2);
    CHECK(c.other_fields[0] ==
          OtherField{"pronouns", "\"she/her\"", "\"she/her\"", "she/her", "pronouns = \"she/her\""});
    CHECK(c.other_fields[1].key == "office");
    REQUIRE(c.events.size() == 3);
    CHECK(c.events[0].type == EventType::requested);
    CHECK(c.events[0].via == "email");
    CHECK(c.events[0].line == 13);
    CHECK(c.events[1].is_virtual);
    CHECK(format_when(*c.events[1].at) == "2026-11-20 15:00");
    CHECK(c.events[2].learned == std::vector<std::string>{"a", "b"});
    CHECK(c.events[2].referrals == std::vector<std::string>{"alex-doe"});
    CHECK(format_when(c.events[2].date) == "2026-11-20 15:00-05:00");
}

TEST_CASE("unknown keys holding small fractions and the least integer are kept as TOML that reads back the same") {
    // toml++ 3.3 mis-guesses the printed width of such arrays (see CMakeLists.txt): what it prints must still be TOML.
    const Contact c = parse(
        "name = \"Ann\"\nscores = [0.5, -0.25, 1e-300]\nbig = [-9223372036854775808, 1]\nt = { x = 0.5, y = [0.125] "
        "}\n");
    REQUIRE(c.other_fields.size() == 3);
    std::string document;
    for (const OtherField& field : c.other_fields)
        document += field.document + "\n";
    const std::vector<OtherField> back = parse_other_fields(document, "back.toml");
    CHECK(back == c.other_fields);
    CHECK(parse(fmt::format("name = \"Ann\"\nscores = {}\n", c.other_fields[0].toml)).other_fields[0].json ==
          c.other_fields[0].json);
}

TEST_CASE("a file that breaks SPEC §2 is a data error naming file, line and column") {
    CHECK(data_error("name = \"A\"\nbad = [\n") ==
          "contacts/ann.toml:2:9: Error while parsing "
          "array: encountered end-of-file");
    CHECK(data_error("email = \"a@b\"\n") == "contacts/ann.toml:1:1: it has no 'name'");
    CHECK(data_error("name = 3\n") == "contacts/ann.toml:1:8: 'name' must be a string");
    CHECK(data_error("name = \"A\"\n[[event]]\ntype = \"meet\"\ndate = 2026-11-02\n") ==
          "contacts/ann.toml:3:8: unknown event type 'meet'");
    CHECK(data_error("name = \"A\"\n[[event]]\ntype = \"note\"\n") ==
          "contacts/ann.toml:2:1: 'note' event has no 'date'");
    CHECK(data_error("name = \"A\"\n[[event]]\ntype = \"note\"\ndate = \"2026-11-02\"\n")
              .find("ann.toml:4:8: 'date' must be a TOML date") != std::string::npos);
    CHECK(data_error("name = \"A\"\n[[event]]\ntype = \"scheduled\"\ndate = 2026-11-02\n") ==
          "contacts/ann.toml:2:1: 'scheduled' event has no 'at' (when the meeting is)");
    CHECK(data_error("name = \"A\"\nkeep_in_touch = \"often\"\n").find("ann.toml:2:17: invalid duration 'often'") !=
          std::string::npos);
    CHECK(data_error("name = \"A\"\n[event]\ntype = \"note\"\n").find("written as [[event]]") != std::string::npos);
    CHECK(data_error("name = \"A\"\ntags = [\"a\", 1]\n").find("'tags' must be an array of strings") !=
          std::string::npos);
    CHECK(data_error("name = \"A\"\ndate = 2026-02-30\n").find("contacts/ann.toml:2:") != std::string::npos);
}

TEST_CASE("the timeline orders events by calendar date, ties by file order, and ignores the future") {
    const Contact c = parse(R"(name = "A"
[[event]]
type = "note"
date = 2026-11-10T18:00:00
note = "first in file, same day"
[[event]]
type = "requested"
date = 2026-11-02
[[event]]
type = "note"
date = 2026-11-10T08:00:00
note = "second in file, same day, earlier hour"
[[event]]
type = "note"
date = 2026-12-01
)");
    const auto events = timeline(c, today);
    REQUIRE(events.size() == 3);
    CHECK(events[0]->type == EventType::requested);
    CHECK(events[1]->note == "first in file, same day");
    CHECK(events[2]->note == "second in file, same day, earlier hour");
}

namespace {

Stage stage_after(std::initializer_list<std::string_view> types) {
    std::string text = "name = \"A\"\n";
    int day = 0;
    for (std::string_view type : types) {
        ++day;
        text += "[[event]]\ntype = \"" + std::string(type) + "\"\ndate = 2026-11-" + (day < 10 ? "0" : "") +
                std::to_string(day) + "\nat = 2026-11-28\n";
    }
    return stage_of(parse(text), today).stage;
}

}  // namespace

TEST_CASE("stages follow SPEC §5's table") {
    CHECK(stage_after({}) == Stage::new_contact);
    CHECK(stage_after({"note", "thanked", "checked-in"}) == Stage::new_contact);
    CHECK(stage_after({"requested"}) == Stage::requested);
    CHECK(stage_after({"requested", "followed-up"}) == Stage::followed_up);
    CHECK(stage_after({"requested", "followed-up", "followed-up"}) == Stage::followed_up);
    CHECK(stage_after({"followed-up"}) == Stage::new_contact);
    CHECK(stage_after({"requested", "replied"}) == Stage::replied);
    CHECK(stage_after({"replied"}) == Stage::replied);
    CHECK(stage_after({"requested", "followed-up", "replied"}) == Stage::replied);
    // A reply to a thank-you changes nothing.
    CHECK(stage_after({"requested", "met", "thanked", "replied"}) == Stage::met);
    CHECK(stage_after({"requested", "replied", "scheduled"}) == Stage::scheduled);
    CHECK(stage_after({"scheduled", "met"}) == Stage::met);
    CHECK(stage_after({"requested", "declined"}) == Stage::declined);
    CHECK(stage_after({"requested", "moved-on"}) == Stage::moved_on);
    // A new request starts a new round from any stage.
    CHECK(stage_after({"requested", "moved-on", "requested"}) == Stage::requested);
    CHECK(stage_after({"met", "requested"}) == Stage::requested);
    CHECK(stage_after({"requested", "followed-up", "met", "followed-up"}) == Stage::met);
}

TEST_CASE("the stage event is the last event that sets a stage, even the same one again") {
    const Contact c = parse(R"(name = "A"
[[event]]
type = "scheduled"
date = 2026-11-01
at = 2026-11-10
[[event]]
type = "scheduled"
date = 2026-11-05
at = 2026-11-12
[[event]]
type = "note"
date = 2026-11-06
)");
    const StageOf s = stage_of(c, today);
    CHECK(s.stage == Stage::scheduled);
    REQUIRE(s.event != nullptr);
    CHECK(s.event == &c.events[1]);
}

TEST_CASE("event types read and print as SPEC §2 spells them") {
    for (std::string_view name : {"requested", "followed-up", "replied", "declined", "scheduled", "met", "thanked",
                                  "checked-in", "note", "moved-on"}) {
        CAPTURE(name);
        REQUIRE(parse_event_type(name));
        CHECK(to_string(*parse_event_type(name)) == name);
    }
    CHECK_FALSE(parse_event_type("followed_up"));
    CHECK_FALSE(parse_event_type("Met"));
}
