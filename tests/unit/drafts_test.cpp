// Drafts and the brief, against what the guides say each holds.
#include <doctest/doctest.h>

#include <set>

#include <fmt/format.h>

#include "messages/brief.hpp"
#include "messages/drafts.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "rules/config.hpp"

using namespace kith;
using namespace date::literals;

namespace {

// Every placeholder with a value, so a template's own text can be read.
std::map<std::string, Value, std::less<>> all_values() {
    std::map<std::string, Value, std::less<>> values;
    for (const PlaceholderInfo& p : placeholders())
        values[std::string(p.name)] = Value{fmt::format("<{}>", p.name), {}};
    return values;
}

std::string built_in(std::string_view variant) {
    return fill_template({std::string(variant), std::string(built_in_template(variant)), {}}, all_values(), "test");
}

bool holds(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("every built-in template reads: a Subject line, a blank line, known placeholders") {
    for (const char* variant : {"request", "request-referred", "follow-up", "thank", "thank-referrals", "check-in",
                                "report-back", "share-news"}) {
        CAPTURE(variant);
        const std::string draft = built_in(variant);
        CHECK(draft.starts_with("Subject: "));
        CHECK(holds(draft, "\n\nDear <first_name>,\n"));
        CHECK(draft.ends_with("<my_name>\n"));
    }
}

TEST_CASE("request: who you are, how you found them, 20 to 30 minutes in any medium, your availability") {
    const std::string draft = built_in("request");
    CHECK(holds(draft, "My name is <my_name>, and I am a <my_headline>."));
    CHECK(holds(draft, "I found you through <source>"));
    CHECK(holds(draft, "20 to 30 minutes"));
    CHECK(holds(draft, "by phone, by video or in person"));
    CHECK(holds(draft, "I am available <my_availability>"));
}

TEST_CASE("a referred request names the referrer in the subject and the first sentence") {
    const std::string draft = built_in("request-referred");
    CHECK(draft.starts_with("Subject: <referrer> suggested I contact you\n"));
    CHECK(holds(draft, "Dear <first_name>,\n\n<referrer> suggested"));
}

TEST_CASE("follow-up is short and names the first request's day, and a thank-you names what you learned") {
    CHECK(holds(built_in("follow-up"), "on <request_date>"));
    CHECK(built_in("follow-up").size() < 600);
    CHECK(holds(built_in("thank"), "<learned>"));
    CHECK_FALSE(holds(built_in("thank"), "<referrals>"));
    CHECK(holds(built_in("thank-referrals"), "<referrals>"));
    CHECK(holds(built_in("report-back"), "<referral_learned>"));
    CHECK(holds(built_in("share-news"), "<milestone>"));
}

TEST_CASE("the variant follows the record") {
    Contact c;
    c.name = "Ann Lee";
    c.slug = "ann-lee";
    Contact jordan;
    jordan.slug = "jordan-lee";
    jordan.name = "Jordan Lee";
    CHECK(variant_name(DraftKind::request, c, std::vector{c, jordan}, Date{2026_y / 12 / 1}) == "request");
    c.referred_by = "jordan-lee";
    CHECK(variant_name(DraftKind::request, c, std::vector{c, jordan}, Date{2026_y / 12 / 1}) == "request-referred");
    CHECK(variant_name(DraftKind::request, c, std::vector{c}, Date{2026_y / 12 / 1}) ==
          "request");  // a referrer not in the network
    CHECK(variant_name(DraftKind::thank, c, {}, Date{2026_y / 12 / 1}) == "thank");
    Event met;
    met.type = EventType::met;
    met.date = at_start_of(Date{2026_y / 11 / 20});
    met.referrals = {"bo-park"};
    c.events.push_back(met);
    CHECK(variant_name(DraftKind::thank, c, {}, Date{2026_y / 12 / 1}) == "thank-referrals");
}

TEST_CASE("values: first name, spoken dates, one or two points learned, the referrals by name") {
    Contact jordan;
    jordan.slug = "jordan-lee";
    jordan.name = "Jordan Lee";
    Event met;
    met.type = EventType::met;
    met.date = at_start_of(Date{2026_y / 11 / 20});
    met.learned = {"One.", "Two", "Three"};
    met.referrals = {"bo-park", "cy-ng"};
    jordan.events.push_back(met);
    Contact bo;
    bo.slug = "bo-park";
    bo.name = "Bo Park";
    const std::vector<Contact> everyone = {jordan, bo};
    const auto v = draft_values(jordan, everyone, Config{}, Date{2027_y / 1 / 5});
    CHECK(v.at("first_name").text == "Jordan");
    CHECK(v.at("meeting_date").text == "November 20, 2026");
    CHECK(v.at("learned").text == "- One\n- Two");
    CHECK(v.at("referrals").text == "Bo Park and cy-ng");
    CHECK_FALSE(v.at("my_name").text);
    CHECK(v.at("my_name").missing == "[me] name is not set in kith.toml");
    CHECK_FALSE(v.at("their_work").text);
}

TEST_CASE("a template that is not one is a data error at file:line:col") {
    const auto error = [](const std::string& text) {
        try {
            fill_template({"thank", text, "templates/thank.txt"}, all_values(), "test");
        } catch (const Error& e) {
            CHECK(e.status() == Exit::data);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(holds(error("Subject: a\n\n{nope}\n"), "templates/thank.txt:3:1: unknown placeholder {nope}"));
    CHECK(holds(error("Subject: a\nb\n"), "templates/thank.txt:1:1: a template starts with"));
    CHECK(holds(error("Subject: a\n\nx }\n"), "templates/thank.txt:3:3: a '}' with no '{'"));
    CHECK(holds(error("Subject: a\n\n{{ok}} {name\n"), "templates/thank.txt:3:8: a '{' with no '}'"));
    CHECK(error("Subject: a\n\n{{ok}}\n") == "no error");
}

TEST_CASE("questions: the referral question always, every topic from five on, none twice") {
    const auto bank = question_bank();
    for (std::size_t n = 1; n <= bank.size(); ++n) {
        CAPTURE(n);
        const auto picked = pick_questions(n);
        REQUIRE(picked.size() == n);
        CHECK(std::find(picked.begin(), picked.end(), &referral_question()) != picked.end());
        CHECK(std::set<const Question*>(picked.begin(), picked.end()).size() == n);
        std::set<Topic> topics;
        for (const Question* q : picked)
            topics.insert(q->topic);
        CHECK(topics.size() == std::min<std::size_t>(n, 5));
    }
    CHECK(default_question_count >= 10);
    CHECK(default_question_count <= 15);
    CHECK_THROWS_AS(pick_questions(0), Error);
    CHECK_THROWS_AS(pick_questions(bank.size() + 1), Error);
}

TEST_CASE("no question in the bank asks for a job or about salary") {
    for (const Question& q : question_bank()) {
        const std::string text = ascii_lowercase(q.text);
        CHECK_FALSE(holds(text, "salary"));
        CHECK_FALSE(holds(text, "hire me"));
        CHECK_FALSE(holds(text, "job opening"));
    }
}
