// The meeting brief and the pitch, section by section, against SPEC §1 and §4
// ("prepare", "pitch") and what the guides say to bring to the meeting.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/contact_file.hpp"
#include "messages/brief.hpp"
#include "model/contact.hpp"
#include "model/date.hpp"

using namespace kith;
using namespace date::literals;

namespace {

constexpr Date today{2026_y / 11 / 23};

// A contact as its file would hold it, at `slug`.
Contact contact(std::string_view slug, std::string_view toml) {
    return parse_contact(toml, "contacts/" + std::string(slug) + ".toml", std::string(slug));
}

// The brief for `c` among `everyone` (the whole bank of questions unless told).
std::string brief(const Contact* c, const std::vector<Contact>& everyone = {}, const Config& config = {},
                  std::size_t questions = question_bank().size()) {
    std::ostringstream out;
    render_brief(out, c, everyone, config, pick_questions(questions), today);
    return out.str();
}

// The lines of one "## " section of a brief, its heading left out.
std::string section(const std::string& text, std::string_view heading) {
    const std::string start = "## " + std::string(heading) + "\n";
    const auto from = text.find(start);
    if (from == std::string::npos) return "(no section '" + std::string(heading) + "')";
    const auto begin = from + start.size();
    const auto end = text.find("\n## ", begin);
    return text.substr(begin, end == std::string::npos ? std::string::npos : end + 1 - begin);
}

bool holds(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// That `text` holds each of `expected` and none of `absent`.
void check_parts(const std::string& text, const std::vector<std::string>& expected,
                 const std::vector<std::string>& absent) {
    for (const std::string& part : expected) {
        CAPTURE(part);
        CHECK(holds(text, part));
    }
    for (const std::string& part : absent) {
        CAPTURE(part);
        CHECK_FALSE(holds(text, part));
    }
}

// [me] as kith.toml would hold it.
Me me(std::string_view name, std::string_view headline, std::string_view pitch) {
    Me out;
    out.name = name;
    out.headline = headline;
    out.pitch = pitch;
    return out;
}

const char* const priya_file = R"(name = "Priya Singh"
email = "priya@example.org"
phone = "+1 555 0100"
company = "Acme Batteries"
role = "Research Scientist"
linkedin = "https://www.linkedin.com/in/priya"
location = "Boston"
source = "the alumni directory"
referred_by = "jordan-lee"
tags = ["chem", "alumni"]
added = 2026-11-01
pronouns = "she/her"
)";

}  // namespace

// SPEC §1 prepare ("research the person"): the brief opens with who they are,
// every field the file holds, unknown keys too (SPEC §2: kept and shown).
TEST_CASE("who they are: every field the file holds, unknown keys too, and nothing for an empty one") {
    const Contact priya = contact("priya-singh", priya_file);
    const std::string text = brief(&priya);
    CHECK(text.starts_with("# Meeting brief: Priya Singh\n\n## Who they are\n"));
    CHECK(section(text, "Who they are") ==
          "\n"
          "- **Role:** Research Scientist\n"
          "- **Company:** Acme Batteries\n"
          "- **Email:** priya@example.org\n"
          "- **Phone:** +1 555 0100\n"
          "- **LinkedIn:** https://www.linkedin.com/in/priya\n"
          "- **Location:** Boston\n"
          "- **Tags:** chem, alumni\n"
          "- **Added:** 2026-11-01\n"
          "- **pronouns:** \"she/her\"\n"
          "\n");
    const Contact bare = contact("bo", "name = \"Bo\"\n");
    CHECK(section(brief(&bare), "Who they are") == "\n\n");
}

// SPEC §1 referral ("follow up with each referral, saying who referred you")
// and SPEC §2 (a contact's referrers are its referred_by and every meeting
// that lists it in referrals).
TEST_CASE("how you found them: the source, and the referrer by name with the advice to say so") {
    const Contact jordan = contact("jordan-lee", "name = \"Jordan Lee\"\n");
    const Contact sam = contact("sam-roe", R"(name = "Sam Roe"
[[event]]
type = "met"
date = 2026-11-10
referrals = ["alex-doe"]
)");
    struct Case {
        std::string file;
        std::vector<Contact> others;
        const char* expected;
    };
    const Case cases[] = {
        {"name = \"Alex Doe\"\nsource = \"a career fair\"\nreferred_by = \"jordan-lee\"\n",
         {jordan},
         "- **Source:** a career fair\n"
         "- **Referred by:** Jordan Lee: say so when you open the conversation\n"},
        // Named at a meeting, with no referred_by of their own (SPEC §2).
        {"name = \"Alex Doe\"\n", {sam}, "- **Referred by:** Sam Roe: say so when you open the conversation\n"},
        // A referrer whose file is gone is still named, by the slug written.
        {"name = \"Alex Doe\"\nreferred_by = \"jordan-lee\"\n",
         {},
         "- **Referred by:** jordan-lee (not in the network)\n"},
        {"name = \"Alex Doe\"\nsource = \"LinkedIn\"\n", {jordan}, "- **Source:** LinkedIn\n"},
        // Nothing recorded: said, not left blank.
        {"name = \"Alex Doe\"\n", {jordan}, "No source or referrer is recorded.\n"},
    };
    for (const Case& row : cases) {
        CAPTURE(row.file);
        const Contact alex = contact("alex-doe", row.file);
        std::vector<Contact> everyone = row.others;
        everyone.push_back(alex);
        CHECK(section(brief(&alex, everyone), "How you found them") == "\n" + std::string(row.expected) + "\n");
    }
}

// SPEC §1 notes ("jot down ... what you learned, advice, referrals") and
// SPEC §4 prepare ("history"): the whole record in date order, with what you
// learned last time, whom they sent you to (by name while they are in the
// network), and what is still ahead marked so.
TEST_CASE("the history: every event in date order, notes quoted, what you learned, whom they referred, what is ahead") {
    const Contact alex = contact("alex-doe", "name = \"Alex Doe\"\n");
    const Contact priya = contact("priya-singh", R"(name = "Priya Singh"
[[event]]
type = "met"
date = 2026-11-20T15:00:00
notes = """Typical week: lab work.
Hiring in spring."""
learned = ["Apply in December", "Read the battery roadmap"]
referrals = ["alex-doe", "cy-ng"]

[[event]]
type = "requested"
date = 2026-11-02
via = "email"
note = "Asked for 20 minutes"

[[event]]
type = "scheduled"
date = 2026-11-21
at = 2026-12-02T10:00:00
where = "her office"
)");
    CHECK(section(brief(&priya, {priya, alex}), "History") ==
          "\n"
          "- **2026-11-02** requested via email\n"
          "\n"
          "  > Asked for 20 minutes\n"
          "- **2026-11-20 15:00** met\n"
          "\n"
          "  > Typical week: lab work.\n"
          "  > Hiring in spring.\n"
          "  - learned: Apply in December\n"
          "  - learned: Read the battery roadmap\n"
          "  - referred you to: Alex Doe, cy-ng\n"
          "- **2026-11-21** scheduled for 2026-12-02 10:00 at her office\n"
          "\n");

    const Contact ahead = contact("bo", "name = \"Bo\"\n[[event]]\ntype = \"note\"\ndate = 2026-12-01\nnote = \"x\"\n");
    CHECK(holds(section(brief(&ahead), "History"), "- **2026-12-01** note (ahead)\n"));
    const Contact none = contact("bo", "name = \"Bo\"\n");
    CHECK(section(brief(&none), "History") == "\nNothing recorded yet.\n\n");
}

// SPEC §1 prepare: the meeting the brief is for, with its place and whether
// it is virtual; once it has passed unlogged, the command that logs it
// (SPEC §5 log-meeting).
TEST_CASE("the meeting line: only while a meeting is set and not yet logged, with the command once it has passed") {
    const std::string requested = "name = \"Bo\"\n[[event]]\ntype = \"requested\"\ndate = 2026-11-02\n";
    const std::string scheduled = requested + "[[event]]\ntype = \"scheduled\"\ndate = 2026-11-05\n";
    struct Case {
        std::string file;
        const char* expected;  // the line after the title, or "" for none
    };
    const Case cases[] = {
        {scheduled + "at = 2026-11-25T09:00:00\nwhere = \"Zoom\"\nvirtual = true\n",
         "**Meeting:** 2026-11-25 09:00, Zoom (virtual)\n"},
        {scheduled + "at = 2026-11-25T09:00:00\n", "**Meeting:** 2026-11-25 09:00\n"},
        {scheduled + "at = 2026-11-20T09:00:00\n", "**Meeting:** 2026-11-20 09:00 (passed: kith log-meeting bo)\n"},
        {scheduled + "at = 2026-11-20T09:00:00\n[[event]]\ntype = \"met\"\ndate = 2026-11-20\n", ""},
        {requested, ""},
    };
    for (const Case& row : cases) {
        CAPTURE(row.file);
        const Contact bo = contact("bo", row.file);
        const std::string text = brief(&bo);
        const std::string after_title = text.substr(std::string_view("# Meeting brief: Bo\n\n").size());
        if (*row.expected)
            CHECK(after_title.starts_with(std::string(row.expected) + "\n## Who they are"));
        else
            CHECK(after_title.starts_with("## Who they are"));
    }
}

// SPEC §4 pitch: "your one-minute introduction from [me], or an outline of
// one"; the brief quotes it, and the outline is filled from [me] name and
// headline where they are set.
TEST_CASE("the pitch: yours from [me] pitch, else the outline filled from [me] name and headline") {
    struct Case {
        Me me;
        std::vector<std::string> expected;  // lines of "## Your pitch"
        std::vector<std::string> absent;
    };
    const std::string outline = "In about a minute, your introduction says:";
    const Case cases[] = {
        {me("Helen Cho", "a student", "\nHi, I am Helen.\nI study chemistry.\n\n"),
         {"\n> Hi, I am Helen.\n> I study chemistry.\n\n"},
         {outline}},
        {me("Helen Cho", "a second-year chemistry student", ""),
         {outline, "1. Your name: Helen Cho\n",
          "2. What you study: school, major, year (your headline: a second-year chemistry student)\n",
          "3. What interests you", "4. The kind of position you are exploring\n", "5. Relevant experience",
          "6. Why this organization"},
         {"> "}},
        // A pitch of spaces is none; missing values leave no dangling colon.
        {me("", "", "  \n "),
         {outline, "1. Your name\n", "2. What you study: school, major, year\n"},
         {"Your name:", "headline"}},
    };
    for (const Case& row : cases) {
        CAPTURE(row.me.pitch);
        Config config;
        config.me = row.me;
        const std::string pitch = section(brief(nullptr, {}, config), "Your pitch");
        check_parts(pitch, row.expected, row.absent);
    }
}

// SPEC §4 pitch, on its own: the pitch as written, or a note saying where to
// write it, then the outline.
TEST_CASE("kith pitch prints [me] pitch as written, else where to write it and the outline") {
    const auto pitch = [](const Me& me) {
        std::ostringstream out;
        render_pitch(out, me);
        return out.str();
    };
    CHECK(pitch(me("Helen Cho", "", "\n  Hi, I am Helen.\nI study chemistry.\n")) ==
          "Hi, I am Helen.\nI study chemistry.\n");
    const std::string none = pitch(me("Helen Cho", "", ""));
    CHECK(
        none.starts_with("Your one-minute introduction is not written yet: add pitch = \"\"\"...\"\"\" under [me] "
                         "in kith.toml.\n\nIn about a minute, your introduction says:\n"));
    CHECK(holds(none, "1. Your name: Helen Cho\n"));
    CHECK(pitch(me("", "", " \n")).starts_with("Your one-minute introduction is not written yet"));
}

// SPEC §1 prepare ("research the person, the organization and the field ...
// test video/phone the night before a virtual one"), thank ("within 24
// hours"), referral ("ask every contact for the name of someone else"), and
// the guides' "do not ask for a job" and "keep to the time you asked for".
TEST_CASE("the checklist: research them and their organization, the video check unless in person, the time asked for") {
    const std::string base = "name = \"Bo Lin\"\ncompany = \"Volta Labs\"\n";
    const std::string meeting = "[[event]]\ntype = \"scheduled\"\ndate = 2026-11-05\nat = 2026-11-25T09:00:00\n";
    struct Case {
        std::string file;
        std::vector<std::string> expected;
        std::vector<std::string> absent;
    };
    const Case cases[] = {
        {base,
         {"- [ ] Research Volta Labs: what it does, its recent news, and the field it works in\n",
          "- [ ] Read up on Bo Lin: their role, their path, anything they have written\n",
          "- [ ] For a video or phone call, test your setup the night before\n",
          "- [ ] Bring your resume, but offer it only if asked\n",
          "- [ ] Do not ask for a job, or about their salary\n", "- [ ] Ask who else you should talk to\n",
          "- [ ] Keep to the 20–30 minutes you asked for\n"},
         {}},
        {"name = \"Bo Lin\"\n", {"- [ ] Research their organization:"}, {}},
        {base + meeting + "virtual = true\n", {"test your setup the night before"}, {}},
        {base + meeting + "where = \"her office\"\n", {}, {"test your setup"}},
        // The time is the last request's (SPEC §1 request: 20 to 30 minutes).
        {base + "[[event]]\ntype = \"requested\"\ndate = 2026-11-02\nnote = \"Asked for 20 minutes\"\n",
         {"- [ ] Keep to the 20 minutes you asked for\n"},
         {}},
        {base + "[[event]]\ntype = \"requested\"\ndate = 2026-11-02\nnote = \"Asked for 20 minutes\"\n" +
             "[[event]]\ntype = \"requested\"\ndate = 2026-11-12\nnote = \"15-20 min more?\"\n",
         {"- [ ] Keep to the 15–20 minutes you asked for\n"},
         {}},
        {base + "[[event]]\ntype = \"requested\"\ndate = 2026-11-02\nnote = \"half an hour, 10 to 15 Minutes\"\n",
         {"- [ ] Keep to the 10–15 minutes you asked for\n"},
         {}},
        {base + "[[event]]\ntype = \"requested\"\ndate = 2026-11-02\nnote = \"a short call\"\n",
         {"- [ ] Keep to the 20–30 minutes you asked for\n"},
         {}},
    };
    for (const Case& row : cases) {
        CAPTURE(row.file);
        const Contact bo = contact("bo-lin", row.file);
        const std::string checklist = section(brief(&bo), "Checklist");
        check_parts(checklist, row.expected, row.absent);
    }
    const std::string generic = section(brief(nullptr), "Checklist");
    CHECK(holds(generic, "- [ ] Research their organization:"));
    CHECK_FALSE(holds(generic, "Read up on"));
    CHECK(holds(generic, "test your setup the night before"));
}

// SPEC §4 prepare and §5: every command a brief suggests names the contact
// as a shell word, so it can be pasted even for a file named by hand; the
// thank-you deadline is the policy's (SPEC §1 thank: 24 hours by default,
// which format_duration writes as 1d).
TEST_CASE("the hints: commands name the contact as a shell word, and the thank-you window is the policy's") {
    struct Case {
        std::string slug;
        std::string word;
    };
    const Case cases[] = {
        {"priya-singh", "priya-singh"},
        {"ann smith", "'ann smith'"},  // contacts/ann smith.toml, written by hand
        {"o'brien", "'o'\\''brien'"},
        {"$(rm)", "'$(rm)'"},
    };
    for (const Case& row : cases) {
        CAPTURE(row.slug);
        const Contact c = contact(row.slug,
                                  "name = \"Someone\"\n[[event]]\ntype = \"scheduled\"\ndate = "
                                  "2026-11-05\nat = 2026-11-20T09:00:00\n");
        const std::string text = brief(&c);
        CHECK(holds(text, "(passed: kith log-meeting " + row.word + ")"));
        CHECK(holds(text, "- [ ] Afterwards, note what you learned (kith log-meeting " + row.word +
                              " --learned ...), and send a thank-you within 1d (kith draft thank " + row.word + ")\n"));
    }
    Config config;
    config.policy.thank_within = parse_duration("48h", false);
    CHECK(holds(brief(nullptr, {}, config),
                "(kith log-meeting C --learned ...), and send a thank-you within 48h (kith draft thank C)\n"));
}

// SPEC §4 prepare ("10–15 questions from the built-in bank by topic") and
// §1 referral (always ask who else to talk to): the picked questions under
// one heading a topic, numbered on across topics, {org} filled in.
TEST_CASE("the questions: a heading a topic, numbered on across them, their organization named") {
    const Contact bo = contact("bo", "name = \"Bo\"\ncompany = \"Volta Labs\"\n");
    const std::string questions = section(brief(&bo, {}, {}, 5), "Questions");
    CHECK(questions ==
          "\n### The work itself\n\n"
          "1. What does a typical day or week look like for you?\n"
          "\n### Their career path\n\n"
          "2. How did you get into this field, and what led you to your current position?\n"
          "\n### Preparing for the field\n\n"
          "3. Which courses, training or degrees would you recommend for this field?\n"
          "\n### The organization and fit\n\n"
          "4. How would you describe the culture at Volta Labs?\n"
          "\n### Next steps\n\n"
          "5. Who else would you suggest I talk to, and may I mention that you referred me?\n");
    CHECK(section(brief(&bo, {}, {}, 1), "Questions") ==
          "\n### Next steps\n\n1. Who else would you suggest I talk to, and may I mention that you referred me?\n");

    struct Case {
        std::string file;
        const char* org;
    };
    const Case cases[] = {
        {"name = \"Bo\"\ncompany = \"Volta Labs\"\n", "the culture at Volta Labs?"},
        {"name = \"Bo\"\n", "the culture at your organization?"},
    };
    for (const Case& row : cases) {
        const Contact c = contact("bo", row.file);
        const std::string all = section(brief(&c), "Questions");
        CHECK(holds(all, row.org));
        CHECK_FALSE(holds(all, "{org}"));
        CHECK(holds(all, "\n27. "));
    }
    CHECK(holds(section(brief(nullptr), "Questions"), "the culture at your organization?"));
}

// SPEC §4 prepare without C: the pitch, the generic checklist and the
// questions, and nothing of a contact.
TEST_CASE("a brief for no one: the pitch, the generic checklist and the questions, in that order") {
    const std::string text = brief(nullptr);
    CHECK(text.starts_with("# Meeting brief\n\n## Your pitch\n"));
    for (const char* heading : {"Who they are", "How you found them", "History"})
        CHECK_FALSE(holds(text, heading));
    const auto pitch = text.find("## Your pitch"), checklist = text.find("## Checklist"),
               questions = text.find("## Questions");
    CHECK(pitch < checklist);
    CHECK(checklist < questions);
    CHECK(questions != std::string::npos);
}

TEST_CASE("topics are headed in the words of the guides") {
    CHECK(to_string(Topic::job_content) == "The work itself");
    CHECK(to_string(Topic::career_path) == "Their career path");
    CHECK(to_string(Topic::preparation) == "Preparing for the field");
    CHECK(to_string(Topic::fit) == "The organization and fit");
    CHECK(to_string(Topic::next_steps) == "Next steps");
}
