// The reminder rules of SPEC §5, case by case, each citing the guidance
// (SPEC §1) it encodes. Contacts are written as their files would be.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "formats/contact_file.hpp"
#include "model/error.hpp"
#include "rules/rules.hpp"

using namespace kith;
using namespace date::literals;

namespace doctest {
template <>
struct StringMaker<std::set<std::string>> {
    static String convert(const std::set<std::string>& lines) {
        return fmt::format("{{{}}}", fmt::join(lines, " | ")).c_str();
    }
};
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines) {
        return fmt::format("{{{}}}", fmt::join(lines, " | ")).c_str();
    }
};
}  // namespace doctest

namespace {

Date day(std::string_view text) {
    return parse_when(text, at_start_of(Date{2026_y / 1 / 1}), Direction::past).day();
}

// A contact from the text of its file.
Contact contact(std::string slug, std::string_view body, std::string_view name = "") {
    const std::string header = fmt::format("name = \"{}\"\n", name.empty() ? slug : name);
    return parse_contact(header + std::string(body), slug + ".toml", slug);
}

// A network as the rules see it.
struct Scene {
    std::vector<Contact> contacts;
    std::vector<Milestone> milestones;
    Policy policy;

    // "rule slug from due" for each reminder `kith due` lists on that day, in order.
    std::vector<std::string> on(std::string_view today) const {
        std::vector<std::string> out;
        for (const Reminder& r : select_due(all(today), {}, day(today)))
            out.push_back(
                fmt::format("{} {} {} {}", to_string(r.rule), r.contact, format_date(r.from), format_date(r.due)));
        return out;
    }
    std::vector<Reminder> all(std::string_view today) const {
        return reminders(contacts, milestones, policy, day(today));
    }
};

using Lines = std::vector<std::string>;

std::string event(std::string_view type, std::string_view date, std::string_view extra = "") {
    return fmt::format("\n[[event]]\ntype = \"{}\"\ndate = {}\n{}", type, date, extra);
}

}  // namespace

// ---- follow-up ---------------------------------------------------------------
// Guidance: "No answer to a request after about two weeks: send one polite follow-up."

TEST_CASE("follow-up: a request with no answer is due two weeks later") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02"))};
    CHECK(s.on("2026-11-15") == Lines{});
    CHECK(s.on("2026-11-16") == Lines{"follow-up ann 2026-11-16 2026-11-16"});
    CHECK(s.on("2026-12-20") == Lines{"follow-up ann 2026-11-16 2026-11-16"});
}

TEST_CASE("follow-up: the message names the request and ends with the command that records it") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02"))};
    const auto r = s.all("2026-11-16").at(0);
    CHECK(r.message.find("request of 2026-11-02") != std::string::npos);
    CHECK(r.message.ends_with("kith follow-up ann"));
    CHECK(r.name == "ann");
}

TEST_CASE("the command a message ends with quotes a slug that a shell would run as code") {
    // A file named by hand, or by a clone: contacts/x;touch pwned;#.toml.
    const std::string slug = "x;touch pwned;#";
    const struct {
        std::string_view events;
        std::string_view ending;
    } cases[] = {
        {"requested", "Then: kith follow-up 'x;touch pwned;#'"},
        {"replied", "Then: kith schedule 'x;touch pwned;#' WHEN"},
        {"met", "Then: kith note 'x;touch pwned;#' TEXT"},
    };
    for (const auto& c : cases) {
        Scene s;
        s.contacts = {contact(slug, event(c.events, "2026-11-02"), "X")};
        const auto all = s.all("2026-11-20");
        CAPTURE(c.events);
        CHECK(std::any_of(all.begin(), all.end(), [&](const Reminder& r) { return r.message.ends_with(c.ending); }));
    }
}

TEST_CASE("follow-up: any contact-facing answer or step after the request cancels it, a private note does not") {
    // Guidance: the follow-up is for silence; a reply, a meeting, a no, or
    // another touch is not silence.
    for (std::string_view type : {"replied", "declined", "met", "thanked", "checked-in", "followed-up", "moved-on"}) {
        CAPTURE(type);
        Scene s;
        s.contacts = {contact("ann", event("requested", "2026-11-02") + event(type, "2026-11-05"))};
        for (const auto& line : s.on("2026-11-20"))
            CHECK_FALSE(line.starts_with("follow-up"));
    }
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("note", "2026-11-05", "note = \"x\"\n"))};
    CHECK(s.on("2026-11-20") == Lines{"follow-up ann 2026-11-16 2026-11-16"});
}

TEST_CASE("follow-up: an answer recorded late with a past --date falls in its place") {
    // The reply was entered on 11-20 but dated 11-04: it still answers the request.
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("replied", "2026-11-04"))};
    CHECK(s.on("2026-11-20") == Lines{"schedule ann 2026-11-04 2026-11-06"});
    // A request logged after its reply in the file, dated before it, reads the same.
    Scene t;
    t.contacts = {contact("ann", event("replied", "2026-11-04") + event("requested", "2026-11-02"))};
    CHECK(t.on("2026-11-20") == Lines{"schedule ann 2026-11-04 2026-11-06"});
}

TEST_CASE("follow-up: a new request starts a new round, counted from the latest request") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-03-01") + event("followed-up", "2026-03-15") +
                                     event("moved-on", "2026-04-01") + event("requested", "2026-11-02"))};
    CHECK(s.on("2026-11-16") == Lines{"follow-up ann 2026-11-16 2026-11-16"});
}

TEST_CASE("follow-up: the policy sets the wait, and never turns it off") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02"))};
    s.policy.follow_up_after = parse_duration("10d", true);
    CHECK(s.on("2026-11-12") == Lines{"follow-up ann 2026-11-12 2026-11-12"});
    s.policy.follow_up_after = parse_duration("never", true);
    CHECK(s.on("2026-12-30") == Lines{});
}

TEST_CASE("follow-up: a request dated after today is ignored (--today shows the past as it stood)") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("replied", "2026-11-25"))};
    CHECK(s.on("2026-11-20") == Lines{"follow-up ann 2026-11-16 2026-11-16"});
}

// ---- move-on -----------------------------------------------------------------
// Guidance: "No answer after the second attempt: move on to other contacts."

TEST_CASE("move-on: no answer two weeks after the follow-up") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("followed-up", "2026-11-16"))};
    CHECK(s.on("2026-11-29") == Lines{});
    CHECK(s.on("2026-11-30") == Lines{"move-on ann 2026-11-30 2026-11-30"});
    const auto r = s.all("2026-11-30").at(0);
    CHECK(r.message.find("follow-up of 2026-11-16") != std::string::npos);
    CHECK(r.message.ends_with("kith move-on ann"));
}

TEST_CASE("move-on: counted from the last follow-up when there were two") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("followed-up", "2026-11-16") +
                                     event("followed-up", "2026-11-20"))};
    CHECK(s.on("2026-12-04") == Lines{"move-on ann 2026-12-04 2026-12-04"});
}

TEST_CASE("move-on: a reply, or moving on, ends it") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("followed-up", "2026-11-16") +
                                     event("moved-on", "2026-11-30")),
                  contact("bo", event("requested", "2026-11-02") + event("followed-up", "2026-11-16") +
                                    event("declined", "2026-11-18"))};
    CHECK(s.on("2026-12-30") == Lines{});
}

TEST_CASE("move-on: the policy's move_on_after") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("followed-up", "2026-11-16"))};
    s.policy.move_on_after = parse_duration("1w", true);
    CHECK(s.on("2026-11-23") == Lines{"move-on ann 2026-11-23 2026-11-23"});
}

// ---- schedule ----------------------------------------------------------------
// Keeps the record honest: "they replied but no meeting is set".

TEST_CASE("schedule: a reply with no meeting set is due within two days") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02") + event("replied", "2026-11-04T18:00:00"))};
    CHECK(s.on("2026-11-04") == Lines{"schedule ann 2026-11-04 2026-11-06"});
    CHECK(s.all("2026-11-04").at(0).message.ends_with("kith schedule ann WHEN"));
    s.policy.schedule_within = parse_duration("12h", true);
    // 2026-11-04 18:00 + 12h = 2026-11-05 06:00.
    CHECK(s.on("2026-11-04") == Lines{"schedule ann 2026-11-04 2026-11-05"});
}

TEST_CASE("schedule: a reply to a thank-you is not a reply to a request") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-11-02", "notes = \"x\"\n") + event("thanked", "2026-11-02") +
                                     event("replied", "2026-11-03"))};
    for (const auto& line : s.on("2026-11-04"))
        CHECK_FALSE(line.starts_with("schedule"));
}

TEST_CASE("schedule: setting a meeting, or a no, ends it") {
    Scene s;
    s.contacts = {
        contact("ann", event("replied", "2026-11-04") + event("scheduled", "2026-11-05", "at = 2026-12-10\n")),
        contact("bo", event("replied", "2026-11-04") + event("declined", "2026-11-05"))};
    CHECK(s.on("2026-11-10") == Lines{});
}

// ---- prepare -----------------------------------------------------------------
// Guidance: "Research the person, the organization and the field, and prepare
// 10-15 open questions before the meeting; test video/phone the night before a virtual one."

TEST_CASE("prepare: from two days before the meeting until the meeting") {
    Scene s;
    s.contacts = {contact("ann", event("scheduled", "2026-11-10", "at = 2026-11-25T15:00:00\n"))};
    CHECK(s.on("2026-11-22") == Lines{});
    CHECK(s.on("2026-11-23") == Lines{"prepare ann 2026-11-23 2026-11-25"});
    CHECK(s.on("2026-11-25") == Lines{"prepare ann 2026-11-23 2026-11-25"});
    const auto r = s.all("2026-11-23").at(0);
    CHECK(r.message.find("2026-11-25 15:00") != std::string::npos);
    CHECK(r.message.find("10-15") != std::string::npos);
    CHECK(r.message.ends_with("kith prepare ann"));
}

TEST_CASE("prepare: a virtual meeting reminds you to test your setup") {
    Scene s;
    s.contacts = {contact("ann", event("scheduled", "2026-11-10", "at = 2026-11-25\nvirtual = true\n"))};
    CHECK(s.all("2026-11-24").at(0).message.find("test your video or phone") != std::string::npos);
}

TEST_CASE("prepare: a rescheduled meeting counts from its new time") {
    Scene s;
    s.contacts = {contact("ann", event("scheduled", "2026-11-10", "at = 2026-11-20\n") +
                                     event("scheduled", "2026-11-19", "at = 2026-12-01\n"))};
    CHECK(s.on("2026-11-21") == Lines{});
    CHECK(s.on("2026-11-29") == Lines{"prepare ann 2026-11-29 2026-12-01"});
}

TEST_CASE("prepare: the policy's prepare_before, in hours too") {
    Scene s;
    s.contacts = {contact("ann", event("scheduled", "2026-11-10", "at = 2026-11-25T09:00:00\n"))};
    s.policy.prepare_before = parse_duration("12h", true);
    // 09:00 - 12h = the evening before.
    CHECK(s.on("2026-11-24") == Lines{"prepare ann 2026-11-24 2026-11-25"});
}

// ---- log-meeting ---------------------------------------------------------------
// Keeps the record honest: "a scheduled meeting has passed but was never logged".

TEST_CASE("log-meeting: the day after a scheduled meeting that was never logged") {
    Scene s;
    s.contacts = {contact("ann", event("scheduled", "2026-11-10", "at = 2026-11-18T10:00:00\n"))};
    CHECK(s.on("2026-11-18") == Lines{"prepare ann 2026-11-16 2026-11-18"});
    CHECK(s.on("2026-11-19") == Lines{"log-meeting ann 2026-11-19 2026-11-19"});
    CHECK(s.all("2026-11-19").at(0).message.ends_with("kith log-meeting ann"));
}

TEST_CASE("log-meeting: logging the meeting ends it") {
    Scene s;
    s.contacts = {contact("ann", event("scheduled", "2026-11-10", "at = 2026-11-18\n") +
                                     event("met", "2026-11-18", "notes = \"good\"\n") +
                                     event("thanked", "2026-11-18"))};
    CHECK(s.on("2026-11-25") == Lines{});
}

// ---- notes ---------------------------------------------------------------------
// Guidance: "Right after the meeting, jot down notes: name, date, what you
// learned, advice, referrals."

TEST_CASE("notes: a meeting logged with no notes is due the same day") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-11-20T12:30:00") + event("thanked", "2026-11-20"))};
    CHECK(s.on("2026-11-20") == Lines{"notes ann 2026-11-20 2026-11-20"});
    CHECK(s.all("2026-11-20").at(0).message.ends_with("kith note ann TEXT"));
}

TEST_CASE("notes: notes, a learned point, or a note event afterwards end it, blanks do not") {
    const std::string thanked = event("thanked", "2026-11-20");
    Scene s;
    s.contacts = {contact("a", event("met", "2026-11-20", "notes = \"x\"\n") + thanked),
                  contact("b", event("met", "2026-11-20", "learned = [\"y\"]\n") + thanked),
                  contact("c", event("met", "2026-11-20") + thanked + event("note", "2026-11-21", "note = \"z\"\n")),
                  contact("d", event("met", "2026-11-20", "notes = \"  \\n\"\nlearned = [\"\", \" \"]\n") + thanked)};
    CHECK(s.on("2026-11-22") == Lines{"notes d 2026-11-20 2026-11-20"});
}

TEST_CASE("notes: it is the last meeting that counts") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-10-01", "notes = \"x\"\n") + event("thanked", "2026-10-01") +
                                     event("met", "2026-11-20") + event("thanked", "2026-11-20"))};
    CHECK(s.on("2026-11-21") == Lines{"notes ann 2026-11-20 2026-11-20"});
}

// ---- thank ---------------------------------------------------------------------
// Guidance: "Send a thank-you note within 24 hours (some say 48)."

TEST_CASE("thank: due 24 hours after the meeting") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-11-20", "notes = \"x\"\n"))};
    CHECK(s.on("2026-11-20") == Lines{"thank ann 2026-11-20 2026-11-21"});
    CHECK(s.on("2026-11-30") == Lines{"thank ann 2026-11-20 2026-11-21"});
    CHECK(s.all("2026-11-20").at(0).message.ends_with("kith thank ann"));
}

TEST_CASE("thank: the duration is added to the meeting's date and time (SPEC §5's two examples)") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-11-20T23:30:00", "notes = \"x\"\n"))};
    s.policy.thank_within = parse_duration("36h", true);
    CHECK(s.on("2026-11-21") == Lines{"thank ann 2026-11-20 2026-11-22"});
    s.policy.thank_within = parse_duration("48h", true);
    CHECK(s.on("2026-11-21") == Lines{"thank ann 2026-11-20 2026-11-22"});
}

TEST_CASE("thank: a thank-you after the meeting ends it, one before it does not") {
    Scene s;
    s.contacts = {contact("a", event("met", "2026-11-20", "notes = \"x\"\n") + event("thanked", "2026-11-21")),
                  contact("b", event("thanked", "2026-11-01") + event("met", "2026-11-20", "notes = \"x\"\n"))};
    CHECK(s.on("2026-11-22") == Lines{"thank b 2026-11-20 2026-11-21"});
}

TEST_CASE("thank: a second meeting wants its own thank-you") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-10-01", "notes = \"x\"\n") + event("thanked", "2026-10-01") +
                                     event("met", "2026-11-20", "notes = \"y\"\n"))};
    CHECK(s.on("2026-11-20") == Lines{"thank ann 2026-11-20 2026-11-21"});
}

TEST_CASE("thank: a thank-you recorded late with a past --date still counts after the meeting") {
    Scene s;
    s.contacts = {contact("ann", event("thanked", "2026-11-21") + event("met", "2026-11-20", "notes = \"x\"\n"))};
    CHECK(s.on("2026-11-22") == Lines{});
}

// ---- referral ------------------------------------------------------------------
// Guidance: "Ask every contact for the name of someone else to talk to, and
// follow up with each referral, saying who referred you."

TEST_CASE("referral: due a week after the referrer's meeting that named them") {
    Scene s;
    s.contacts = {contact("jordan", event("met", "2026-11-10", "notes = \"x\"\nreferrals = [\"alex\"]\n") +
                                        event("thanked", "2026-11-10")),
                  contact("alex", "referred_by = \"jordan\"\nadded = 2026-11-12\n")};
    CHECK(s.on("2026-11-12") == Lines{"referral alex 2026-11-10 2026-11-17"});
    const auto r = s.all("2026-11-12").at(0);
    CHECK(r.message.find("jordan referred you") != std::string::npos);
    CHECK(r.message.ends_with("kith request alex"));
}

TEST_CASE("referral: the duration is added to the meeting's time, like every rule's") {
    Scene s;
    s.policy.referral_within = parse_duration("36h", true);
    s.contacts = {contact("jordan", event("met", "2026-11-20T23:30:00", "notes = \"x\"\nreferrals = [\"alex\"]\n") +
                                        event("thanked", "2026-11-20")),
                  contact("alex", "referred_by = \"jordan\"\nadded = 2026-11-21\n")};
    CHECK(s.on("2026-11-21") == Lines{"referral alex 2026-11-20 2026-11-22"});
}

TEST_CASE("referral: without such a meeting it counts from the day the contact was added") {
    Scene s;
    s.contacts = {contact("jordan", ""), contact("alex", "referred_by = \"jordan\"\nadded = 2026-11-12\n")};
    CHECK(s.on("2026-11-12") == Lines{"referral alex 2026-11-12 2026-11-19"});
}

TEST_CASE("referral: with neither a meeting nor an added date there is no reminder") {
    Scene s;
    s.contacts = {contact("alex", "referred_by = \"gone\"\n")};
    CHECK(s.on("2026-11-12") == Lines{});
}

TEST_CASE("referral: any contact-facing event ends it, a private note does not") {
    Scene s;
    s.contacts = {
        contact("a", "referred_by = \"j\"\nadded = 2026-11-01\n" + event("requested", "2026-11-03")),
        contact("b", "referred_by = \"j\"\nadded = 2026-11-01\n" + event("note", "2026-11-03", "note = \"x\"\n"))};
    const auto lines = s.on("2026-11-05");
    CHECK(std::count(lines.begin(), lines.end(), "referral b 2026-11-01 2026-11-08") == 1);
    CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("referral a"); }));
}

// ---- report-back ---------------------------------------------------------------
// Guidance: "After meeting a referral, tell the person who referred you how it went."

TEST_CASE("report-back: on the referrer, from your first meeting with the referral") {
    Scene s;
    s.contacts = {contact("jordan", event("met", "2026-10-01", "notes = \"x\"\nreferrals = [\"alex\"]\n") +
                                        event("thanked", "2026-10-01")),
                  contact("alex", "referred_by = \"jordan\"\n" + event("requested", "2026-10-05") +
                                      event("met", "2026-11-10", "notes = \"x\"\n") + event("thanked", "2026-11-10") +
                                      event("met", "2026-11-20", "notes = \"x\"\n") + event("thanked", "2026-11-20"))};
    s.policy.keep_in_touch = parse_duration("never", true);
    CHECK(s.on("2026-11-21") == Lines{"report-back jordan 2026-11-10 2026-11-17"});
    const auto r = s.all("2026-11-21").at(0);
    CHECK(r.referral == "alex");
    CHECK(r.message.find("You met alex") != std::string::npos);
    CHECK(r.message.ends_with("kith check-in jordan"));
}

TEST_CASE("a contact named at a meeting without referred_by is that contact's referral, for both rules") {
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    s.contacts = {contact("jordan", event("met", "2026-10-01", "notes = \"x\"\nreferrals = [\"alex\"]\n") +
                                        event("thanked", "2026-10-01")),
                  contact("alex", "added = 2026-09-01\n")};
    CHECK(s.on("2026-10-02") == Lines{"referral alex 2026-10-01 2026-10-08"});
    s.contacts[1] = contact("alex", event("requested", "2026-10-05") + event("met", "2026-11-10", "notes = \"x\"\n") +
                                        event("thanked", "2026-11-10"));
    CHECK(s.on("2026-11-11") == Lines{"report-back jordan 2026-11-10 2026-11-17"});
}

TEST_CASE("report-back: a contact-facing event with the referrer on or after that day ends it") {
    const std::string alex =
        "referred_by = \"jordan\"\n" + event("met", "2026-11-10", "notes = \"x\"\n") + event("thanked", "2026-11-10");
    for (std::string_view when : {"2026-11-10", "2026-11-12"}) {
        Scene s;
        s.policy.keep_in_touch = parse_duration("never", true);
        s.contacts = {contact("jordan", event("checked-in", when)), contact("alex", alex)};
        CHECK(s.on("2026-11-20") == Lines{});
    }
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    s.contacts = {contact("jordan", event("checked-in", "2026-11-09") + event("note", "2026-11-12", "note = \"x\"\n")),
                  contact("alex", alex)};
    CHECK(s.on("2026-11-20") == Lines{"report-back jordan 2026-11-10 2026-11-17"});
}

TEST_CASE("report-back: the policy's report_back_within, and none for a referrer you moved on from") {
    const std::string alex = "referred_by = \"jordan\"\n" + event("met", "2026-11-10T18:00:00", "notes = \"x\"\n") +
                             event("thanked", "2026-11-10");
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    s.policy.report_back_within = parse_duration("36h", true);
    s.contacts = {contact("jordan", ""), contact("alex", alex)};
    CHECK(s.on("2026-11-11") == Lines{"report-back jordan 2026-11-10 2026-11-12"});
    s.contacts = {contact("jordan", event("moved-on", "2026-11-01")), contact("alex", alex)};
    CHECK(s.on("2026-11-11") == Lines{});
}

TEST_CASE("report-back: one reminder per referral met") {
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    const std::string met = event("met", "2026-11-10", "notes = \"x\"\n") + event("thanked", "2026-11-10");
    s.contacts = {contact("jordan", ""), contact("alex", "referred_by = \"jordan\"\n" + met),
                  contact("bea", "referred_by = \"jordan\"\n" + met),
                  contact("cy", "referred_by = \"jordan\"\nadded = 2026-11-01\n" + event("requested", "2026-11-02"))};
    const auto all = s.all("2026-11-11");
    CHECK(std::count_if(all.begin(), all.end(), [](const Reminder& r) { return r.rule == Rule::report_back; }) == 2);
}

// ---- keep-in-touch -------------------------------------------------------------
// Guidance: "Stay in touch every few months (quarterly): a friendly note, an
// article, congratulations."

TEST_CASE("keep-in-touch: 90 days after the last contact-facing event with someone you met") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-08-01", "notes = \"x\"\n") + event("thanked", "2026-08-02") +
                                     event("note", "2026-09-01", "note = \"private\"\n"))};
    CHECK(s.on("2026-10-30") == Lines{});
    CHECK(s.on("2026-10-31") == Lines{"keep-in-touch ann 2026-10-31 2026-10-31"});
    CHECK(s.all("2026-10-31").at(0).message.ends_with("kith check-in ann"));
}

TEST_CASE("keep-in-touch: each check-in restarts the clock") {
    Scene s;
    s.contacts = {contact("ann", event("met", "2026-05-01", "notes = \"x\"\n") + event("thanked", "2026-05-01") +
                                     event("checked-in", "2026-08-01"))};
    CHECK(s.on("2026-10-30") == Lines{"keep-in-touch ann 2026-10-30 2026-10-30"});
}

TEST_CASE("keep-in-touch: a contact still new but checked in with is kept warm too") {
    Scene s;
    s.contacts = {contact("ann", event("checked-in", "2026-08-01")),
                  contact("bo", event("note", "2026-08-01", "note = \"x\"\n"))};
    CHECK(s.on("2026-10-30") == Lines{"keep-in-touch ann 2026-10-30 2026-10-30"});
}

TEST_CASE("keep-in-touch: the contact's own cadence wins over the policy, both ways") {
    const std::string met = event("met", "2026-08-01", "notes = \"x\"\n") + event("thanked", "2026-08-01");
    Scene s;
    s.contacts = {contact("often", "keep_in_touch = \"30d\"\n" + met),
                  contact("never", "keep_in_touch = \"never\"\n" + met), contact("usual", met)};
    CHECK(s.on("2026-10-30") ==
          Lines{"keep-in-touch often 2026-08-31 2026-08-31", "keep-in-touch usual 2026-10-30 2026-10-30"});
    s.policy.keep_in_touch = parse_duration("never", true);
    CHECK(s.on("2026-10-30") == Lines{"keep-in-touch often 2026-08-31 2026-08-31"});
}

TEST_CASE("keep-in-touch: not while a new round is under way, nor for those who declined or were left") {
    Scene s;
    const std::string met = event("met", "2026-01-01", "notes = \"x\"\n") + event("thanked", "2026-01-01");
    s.contacts = {contact("a", met + event("requested", "2026-11-01")),
                  contact("b", met + event("declined", "2026-02-01")),
                  contact("c", met + event("moved-on", "2026-02-01"))};
    CHECK(s.on("2026-11-02") == Lines{});
}

// ---- share-news ----------------------------------------------------------------
// Guidance: "When you land a position or choose your path, tell the people who helped you."

TEST_CASE("share-news: everyone met before the latest milestone, within a week of it") {
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    const std::string met = event("met", "2026-10-01", "notes = \"x\"\n") + event("thanked", "2026-10-01");
    s.contacts = {contact("before", met),
                  contact("after", event("met", "2026-11-20", "notes = \"x\"\n") + event("thanked", "2026-11-20")),
                  contact("never-met", event("requested", "2026-10-01") + event("declined", "2026-10-02"))};
    s.milestones = {{at_start_of(day("2026-03-01")), "Old news"},
                    {at_start_of(day("2026-11-16")), "Accepted an offer"}};
    CHECK(s.on("2026-11-22") == Lines{"share-news before 2026-11-16 2026-11-23"});
    const auto r = s.all("2026-11-22").at(0);
    CHECK(r.message.find("\"Accepted an offer\"") != std::string::npos);
    CHECK(r.message.ends_with("kith check-in before"));
}

TEST_CASE("the latest milestone: by moment, the later in kith.toml at the same moment, none ahead of today") {
    DateTime evening = at_start_of(day("2026-11-16"));
    evening.local += std::chrono::hours{18};
    evening.has_time = true;
    const std::vector<Milestone> news = {{evening, "Got the offer"},
                                         {at_start_of(day("2026-11-16")), "Passed the interview"},
                                         {at_start_of(day("2026-11-17")), "Same day A"},
                                         {at_start_of(day("2026-11-17")), "Same day B"},
                                         {at_start_of(day("2026-12-01")), "Ahead"}};
    CHECK(latest_milestone(news, day("2026-11-16"))->text == "Got the offer");
    CHECK(latest_milestone(news, day("2026-11-20"))->text == "Same day B");
    CHECK(latest_milestone(news, day("2026-11-01")) == nullptr);
}

TEST_CASE("share-news: a meeting on the milestone's day is not before it") {
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    s.contacts = {contact("ann", event("met", "2026-11-16", "notes = \"x\"\n") + event("thanked", "2026-11-16"))};
    s.milestones = {{at_start_of(day("2026-11-16")), "News"}};
    CHECK(s.on("2026-11-20") == Lines{});
}

TEST_CASE("share-news: telling them (any contact-facing event on or after the day) ends it") {
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    const std::string met = event("met", "2026-10-01", "notes = \"x\"\n") + event("thanked", "2026-10-01");
    s.contacts = {contact("told", met + event("checked-in", "2026-11-16")),
                  contact("noted", met + event("note", "2026-11-17", "note = \"x\"\n"))};
    s.milestones = {{at_start_of(day("2026-11-16")), "News"}};
    CHECK(s.on("2026-11-20") == Lines{"share-news noted 2026-11-16 2026-11-23"});
}

TEST_CASE("share-news: the policy's share_news_within") {
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    s.policy.share_news_within = parse_duration("3d", true);
    s.contacts = {contact("ann", event("met", "2026-10-01", "notes = \"x\"\n") + event("thanked", "2026-10-01"))};
    s.milestones = {{at_start_of(day("2026-11-16")), "News"}};
    CHECK(s.on("2026-11-20") == Lines{"share-news ann 2026-11-16 2026-11-19"});
}

TEST_CASE("share-news: a milestone dated after today is ignored") {
    Scene s;
    s.policy.keep_in_touch = parse_duration("never", true);
    s.contacts = {contact("ann", event("met", "2026-10-01", "notes = \"x\"\n") + event("thanked", "2026-10-01"))};
    s.milestones = {{at_start_of(day("2026-12-01")), "Future"}};
    CHECK(s.on("2026-11-20") == Lines{});
    CHECK(s.on("2026-12-01") == Lines{"share-news ann 2026-12-01 2026-12-08"});
}

// ---- across rules --------------------------------------------------------------

TEST_CASE("a moved-on contact gets no reminders at all") {
    // Guidance: "No answer after the second attempt: move on to other contacts."
    Scene s;
    s.contacts = {contact("ann", "referred_by = \"x\"\nadded = 2026-11-01\n" + event("met", "2026-11-02") +
                                     event("moved-on", "2026-11-03"))};
    s.milestones = {{at_start_of(day("2026-11-10")), "News"}};
    CHECK(s.on("2026-11-20") == Lines{});
}

TEST_CASE("a declined contact gets no follow-up, move-on or keep-in-touch") {
    // Guidance: a no is an answer; the guides' follow-ups are for silence.
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-01") + event("declined", "2026-11-03")),
                  contact("bo", event("requested", "2026-11-01") + event("followed-up", "2026-11-15") +
                                    event("declined", "2026-11-20")),
                  contact("cy", event("met", "2026-06-01", "notes = \"x\"\n") + event("thanked", "2026-06-01") +
                                    event("requested", "2026-11-01") + event("declined", "2026-11-03"))};
    CHECK(s.on("2026-12-20") == Lines{});
    CHECK(s.on("2027-06-01") == Lines{});
}

TEST_CASE("reminders are sorted by due date, then rule id, then slug") {
    // SPEC §5: the morning report reads most urgent first, the same way every day.
    Scene s;
    s.contacts = {contact("zed", event("met", "2026-11-20")), contact("amy", event("met", "2026-11-20")),
                  contact("bob", event("requested", "2026-11-06"))};
    CHECK(s.on("2026-11-20") == Lines{"follow-up bob 2026-11-20 2026-11-20", "notes amy 2026-11-20 2026-11-20",
                                      "notes zed 2026-11-20 2026-11-20", "thank amy 2026-11-20 2026-11-21",
                                      "thank zed 2026-11-20 2026-11-21"});
}

TEST_CASE("each policy value set to never turns off its rule, and only its rule") {
    // SPEC §5: "Any policy value may be "never": that rule is off."
    // A network where, on 2026-11-23, every rule has a reminder.
    const std::string met_old = event("met", "2026-08-01", "notes = \"x\"\n") + event("thanked", "2026-08-01");
    Scene s;
    s.contacts = {
        contact("asked", event("requested", "2026-11-01")),
        contact("chased", event("requested", "2026-10-01") + event("followed-up", "2026-11-01")),
        contact("answered", event("requested", "2026-11-01") + event("replied", "2026-11-22")),
        contact("soon", event("scheduled", "2026-11-10", "at = 2026-11-24\n")),
        contact("passed", event("scheduled", "2026-11-10", "at = 2026-11-20\n")),
        contact("fresh", event("met", "2026-11-22", "referrals = [\"ref\"]\n")),
        contact("ref", "referred_by = \"fresh\"\nadded = 2026-11-22\n"),
        contact("teller", event("met", "2026-07-01", "notes = \"x\"\n") + event("thanked", "2026-07-01") +
                              event("checked-in", "2026-11-20")),
        contact("told", "referred_by = \"teller\"\n" + event("met", "2026-11-21", "notes = \"x\"\n") +
                            event("thanked", "2026-11-21")),
        contact("old", met_old),
    };
    s.milestones = {{at_start_of(day("2026-11-21")), "News"}};
    const auto rules_listed = [&] {
        std::set<std::string> out;
        for (const Reminder& r : select_due(s.all("2026-11-23"), {}, day("2026-11-23")))
            out.insert(std::string(to_string(r.rule)));
        return out;
    };
    const std::set<std::string> every = rules_listed();
    REQUIRE(every.size() == 11);
    const std::pair<std::string_view, std::string_view> rule_of[] = {
        {"follow_up_after", "follow-up"},      {"move_on_after", "move-on"},       {"schedule_within", "schedule"},
        {"prepare_before", "prepare"},         {"thank_within", "thank"},          {"referral_within", "referral"},
        {"report_back_within", "report-back"}, {"keep_in_touch", "keep-in-touch"}, {"share_news_within", "share-news"},
    };
    for (const auto& [policy_key, rule] : rule_of) {
        const std::string_view key = policy_key;  // a structured binding cannot be captured before clang 16
        CAPTURE(key);
        const auto field = std::find_if(policy_fields().begin(), policy_fields().end(),
                                        [&](const PolicyField& f) { return f.key == key; });
        REQUIRE(field != policy_fields().end());
        const Policy saved = s.policy;
        s.policy.*(field->member) = parse_duration("never", true);
        std::set<std::string> expected = every;
        expected.erase(std::string(rule));
        CHECK(rules_listed() == expected);
        s.policy = saved;
    }
}

TEST_CASE("status: overdue after the due day, due from its from to its due, upcoming before") {
    Reminder r;
    r.from = day("2026-11-20");
    r.due = day("2026-11-22");
    CHECK(status_of(r, day("2026-11-19")) == Status::upcoming);
    CHECK(status_of(r, day("2026-11-20")) == Status::due);
    CHECK(status_of(r, day("2026-11-22")) == Status::due);
    CHECK(status_of(r, day("2026-11-23")) == Status::overdue);
}

TEST_CASE("select_due keeps what is active by today + within, for the rules and contact asked") {
    Scene s;
    s.contacts = {contact("ann", event("requested", "2026-11-02")), contact("bo", event("met", "2026-11-20"))};
    const Date today = day("2026-11-14");
    const auto all = s.all("2026-11-20");
    DueFilter filter;
    CHECK(select_due(s.all("2026-11-14"), filter, today).empty());
    filter.within = parse_duration("2d", false);
    CHECK(select_due(s.all("2026-11-14"), filter, today).size() == 1);
    filter = {};
    filter.rules = {Rule::thank};
    const auto thanks = select_due(all, filter, day("2026-11-20"));
    REQUIRE(thanks.size() == 1);
    CHECK(thanks[0].contact == "bo");
    filter = {};
    filter.contact = "ann";
    const auto anns = select_due(all, filter, day("2026-11-20"));
    REQUIRE(anns.size() == 1);
    CHECK(anns[0].rule == Rule::follow_up);
}

TEST_CASE("rule ids read and print as SPEC §5 spells them") {
    for (Rule rule : all_rules())
        CHECK(value_in(rule_names, to_string(rule)) == rule);
    CHECK(all_rules().size() == 11);
    CHECK_FALSE(value_in(rule_names, "follow_up"));
}

TEST_CASE("a second follow-up with no reply is the third attempt") {
    // Guidance: "No answer after the second attempt: move on to other contacts."
    const Contact once = contact("ann", event("requested", "2026-11-01") + event("followed-up", "2026-11-15"));
    const Contact asked = contact("ann", event("requested", "2026-11-01"));
    const Contact answered = contact(
        "ann", event("requested", "2026-11-01") + event("followed-up", "2026-11-15") + event("replied", "2026-11-16"));
    CHECK(is_third_attempt(once, day("2026-11-29")));
    CHECK_FALSE(is_third_attempt(asked, day("2026-11-15")));
    CHECK_FALSE(is_third_attempt(answered, day("2026-11-29")));
}

TEST_CASE("standings give each contact's stage, last contact-facing event and first-due reminder") {
    Scene s;
    s.contacts = {
        contact("ann", "tags = [\"Alumni\"]\ncompany = \"Acme Batteries\"\n" + event("requested", "2026-11-02") +
                           event("note", "2026-11-05", "note = \"x\"\n")),
        contact("bo", "company = \"Volta\"\n" + event("met", "2026-11-20") + event("requested", "2026-12-01")),
        contact("cy", "")};
    const Date today = day("2026-11-23");
    const auto all = s.all("2026-11-23");
    const auto every = standings(s.contacts, all, {}, today);
    REQUIRE(every.size() == 3);
    CHECK(every[0].stage == Stage::requested);
    CHECK(every[0].last_interaction == day("2026-11-02"));
    REQUIRE(every[0].next);
    CHECK(every[0].next->rule == Rule::follow_up);
    CHECK(every[1].stage == Stage::met);  // the request of 12-01 lies after today
    CHECK(every[1].next->rule == Rule::notes);
    CHECK_FALSE(every[2].last_interaction);
    CHECK_FALSE(every[2].next);

    CHECK(standings(s.contacts, all, {"alumni", std::nullopt, ""}, today).size() == 1);
    CHECK(standings(s.contacts, all, {"", Stage::met, ""}, today).at(0).contact->slug == "bo");
    CHECK(standings(s.contacts, all, {"", std::nullopt, "acme"}, today).at(0).contact->slug == "ann");
    CHECK(standings(s.contacts, all, {"", Stage::declined, ""}, today).empty());
}

TEST_CASE("stages read and print as kith list spells them") {
    for (Stage stage : all_stages())
        CHECK(value_in(stage_names, to_string(stage)) == stage);
    CHECK(value_in(stage_names, "new") == Stage::new_contact);
    CHECK_FALSE(value_in(stage_names, "New"));
}
