#include "messages/drafts.hpp"

#include <algorithm>
#include <array>

#include <fmt/args.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/files.hpp"
#include "model/error.hpp"
#include "model/names.hpp"
#include "model/text.hpp"
#include "rules/rules.hpp"

namespace kith {

namespace {

constexpr NameTable<DraftKind, 6> kind_names = {{
    {DraftKind::request, "request"},
    {DraftKind::follow_up, "follow-up"},
    {DraftKind::thank, "thank"},
    {DraftKind::check_in, "check-in"},
    {DraftKind::report_back, "report-back"},
    {DraftKind::share_news, "share-news"},
}};

constexpr PlaceholderInfo placeholder_table[] = {
    {"my_name", "your name, from [me] in kith.toml"},
    {"my_email", "your email, from [me]"},
    {"my_headline", "who you are in a phrase, from [me] headline"},
    {"my_availability", "when you can talk, from [me] availability"},
    {"name", "the contact's full name"},
    {"first_name", "the first word of the contact's name"},
    {"company", "the contact's company"},
    {"role", "the contact's role"},
    {"their_work", "\"your work as ROLE at COMPANY\", from what the record holds"},
    {"source", "how you found them (source)"},
    {"referrer", "the name of who referred you to them (referred_by)"},
    {"request_date", "the day of your last request to them (this round's)"},
    {"meeting_date", "the day of your last meeting with them"},
    {"learned", "the first one or two things you learned at that meeting (its learned), as '- ' lines"},
    {"referrals", "the people they referred you to at that meeting"},
    {"last_contact_date", "the day of your last exchange with them"},
    {"referral", "report-back: the person they referred you to whom you met"},
    {"referral_meeting_date", "report-back: the day you met that person"},
    {"referral_learned", "report-back: one or two things you learned from that person, as '- ' lines"},
    {"milestone", "your latest milestone's text"},
    {"milestone_date", "the day of your latest milestone"},
};

// What a request says after its first paragraph, with or without a referrer.
constexpr std::string_view request_rest =
    "I am exploring this field and trying to learn how people in it found their way and what the work is like "
    "day to day. I am not asking about job openings; I would simply value your perspective.\n"
    "\n"
    "Would you have 20 to 30 minutes for a conversation in the coming weeks, by phone, by video or in person, "
    "whichever suits you best? I am available {my_availability}, and glad to fit your schedule.\n"
    "\n"
    "Thank you for considering it.\n"
    "\n"
    "Best regards,\n"
    "{my_name}\n";

// What a thank-you opens with, with or without referrals to thank for.
constexpr std::string_view thank_start =
    "Subject: Thank you for your time\n"
    "\n"
    "Dear {first_name},\n"
    "\n"
    "Thank you for taking the time to talk with me on {meeting_date}. I came away with a lot to think about, "
    "especially:\n"
    "\n"
    "{learned}\n"
    "\n";

constexpr std::string_view thank_end =
    "Your advice gives me a much clearer picture of the path ahead, and I will let you know how things go.\n"
    "\n"
    "With thanks,\n"
    "{my_name}\n";

// Built-in templates, by variant. Paragraphs are single lines: mail programs wrap them.
const std::vector<std::pair<std::string_view, std::string>>& built_ins() {
    static const std::vector<std::pair<std::string_view, std::string>> table = {
        {"request",
         fmt::format(
             "{}{}",
             "Subject: Request for a brief conversation about your work\n"
             "\n"
             "Dear {first_name},\n"
             "\n"
             "My name is {my_name}, and I am a {my_headline}. I found you through {source}, and I would be grateful "
             "to hear about {their_work}.\n"
             "\n",
             request_rest)},
        {"request-referred", fmt::format("{}{}",
                                         "Subject: {referrer} suggested I contact you\n"
                                         "\n"
                                         "Dear {first_name},\n"
                                         "\n"
                                         "{referrer} suggested I get in touch with you. My name is {my_name}, "
                                         "and I am a {my_headline}; I would be grateful to hear about "
                                         "{their_work}.\n"
                                         "\n",
                                         request_rest)},
        {"thank", fmt::format("{}{}", thank_start, thank_end)},
        {"thank-referrals", fmt::format("{}{}{}", thank_start,
                                        "Thank you also for suggesting I speak with {referrals}. I will reach out this "
                                        "week and mention that you sent me.\n"
                                        "\n",
                                        thank_end)},
        {"follow-up",
         "Subject: Following up: a brief conversation about your work\n"
         "\n"
         "Dear {first_name},\n"
         "\n"
         "I wrote to you on {request_date} to ask for a brief conversation about {their_work}. I know how full inboxes "
         "get, so I am following up once in case my note was buried.\n"
         "\n"
         "If you could spare 20 to 30 minutes in the coming weeks, I would be grateful; and if now is not a good time, "
         "I completely understand.\n"
         "\n"
         "Best regards,\n"
         "{my_name}\n"},
        {"check-in",
         "Subject: Catching up\n"
         "\n"
         "Dear {first_name},\n"
         "\n"
         "I hope all is well with you. It has been a while since we were last in touch, on {last_contact_date}, and I "
         "wanted to send a short update.\n"
         "\n"
         "[Your news in a sentence or two: a course, a project, an internship; or an article you think they would "
         "enjoy, or congratulations on their news.]\n"
         "\n"
         "I hope we can stay in touch.\n"
         "\n"
         "Best regards,\n"
         "{my_name}\n"},
        {"report-back",
         "Subject: I spoke with {referral}\n"
         "\n"
         "Dear {first_name},\n"
         "\n"
         "Thank you again for putting me in touch with {referral}. We spoke on {referral_meeting_date}, and it was "
         "very "
         "helpful. Among other things, I learned:\n"
         "\n"
         "{referral_learned}\n"
         "\n"
         "I am grateful for the introduction, and I will keep you posted on where it leads.\n"
         "\n"
         "Best regards,\n"
         "{my_name}\n"},
        {"share-news",
         "Subject: Some news, and thank you\n"
         "\n"
         "Dear {first_name},\n"
         "\n"
         "Our conversation on {meeting_date} helped me along the way, so I wanted you to hear my news: "
         "{milestone}.\n"
         "\n"
         "Thank you for your time and your advice; I am very grateful. I would be glad to stay in touch, and if I "
         "can ever return the favour, please let me know.\n"
         "\n"
         "With thanks,\n"
         "{my_name}\n"},
    };
    return table;
}

// "November 2", with the year when it is not this year's.
std::string spoken_date(Date day, Date today) {
    const date::year_month_day ymd{day};
    const std::string month = date::format("%B", ymd.month());
    if (ymd.year() == date::year_month_day{today}.year())
        return fmt::format("{} {}", month, static_cast<unsigned>(ymd.day()));
    return fmt::format("{} {}, {}", month, static_cast<unsigned>(ymd.day()), static_cast<int>(ymd.year()));
}

// "A", "A and B", "A, B and C".
std::string spoken_list(const std::vector<std::string>& items) {
    if (items.size() <= 1) return items.empty() ? std::string() : items.front();
    std::vector<std::string> head(items.begin(), items.end() - 1);
    return fmt::format("{} and {}", fmt::join(head, ", "), items.back());
}

std::string without_final_period(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' ' || text.back() == '\n'))
        text.pop_back();
    return text;
}

// The first one or two things learned at a meeting (its `learned`; notes are
// private, never quoted to anyone), as a bulleted list.
std::optional<std::string> learned_at(const Event& meeting) {
    std::vector<std::string> points;
    for (const std::string& point : meeting.learned)
        if (points.size() < 2 && !without_final_period(point).empty())
            points.push_back(fmt::format("- {}", without_final_period(point)));
    if (points.empty()) return std::nullopt;
    return fmt::format("{}", fmt::join(points, "\n"));
}

Value given(std::string text) {
    return Value{std::move(text), {}};
}
Value none(std::string why) {
    return Value{std::nullopt, std::move(why)};
}

Value text_field(const Contact& c, std::string_view key, const std::string& value) {
    if (!value.empty()) return given(value);
    return none(fmt::format("{} has no {} (kith edit {})", c.name, key, shell_word(c.slug)));
}

}  // namespace

std::string_view to_string(DraftKind kind) {
    return name_in(kind_names, kind);
}

std::optional<DraftKind> parse_draft_kind(std::string_view text) {
    return value_in(kind_names, text);
}

std::span<const DraftKind> all_draft_kinds() {
    static constexpr auto kinds = values_in(kind_names);
    return kinds;
}

std::span<const PlaceholderInfo> placeholders() {
    return placeholder_table;
}

std::map<std::string, Value, std::less<>> draft_values(const Contact& c, std::span<const Contact> everyone,
                                                       const Config& config, Date today, std::string_view about) {
    std::map<std::string, Value, std::less<>> v;
    const auto me = [&](std::string_view key, const std::string& value) {
        v[fmt::format("my_{}", key)] =
            value.empty() ? none(fmt::format("[me] {} is not set in kith.toml", key)) : given(value);
    };
    me("name", config.me.name);
    me("email", config.me.email);
    me("headline", config.me.headline);
    me("availability", config.me.availability);

    v["name"] = given(c.name);
    v["first_name"] = given(c.name.substr(0, c.name.find(' ')));
    v["company"] = text_field(c, "company", c.company);
    v["role"] = text_field(c, "role", c.role);
    v["source"] = text_field(c, "source", c.source);
    if (!c.role.empty() && !c.company.empty())
        v["their_work"] = given(fmt::format("your work as {} at {}", c.role, c.company));
    else if (!c.role.empty() || !c.company.empty())
        v["their_work"] =
            given(c.role.empty() ? fmt::format("your work at {}", c.company) : fmt::format("your work as {}", c.role));
    else
        v["their_work"] =
            none(fmt::format("{} has neither a role nor a company (kith edit {})", c.name, shell_word(c.slug)));

    const ReferralLinks links = referral_links(c, everyone);
    if (links.referred_by)
        v["referrer"] = given(links.referred_by->name);
    else if (!c.referred_by.empty())
        v["referrer"] = none(fmt::format("{}'s referred_by '{}' is not a contact", c.name, c.referred_by));
    else
        v["referrer"] = none(fmt::format("no one referred you to {} (referred_by)", c.name));

    const std::vector<const Event*> events = timeline(c, today);
    // The request a follow-up is about: the last, since a new request starts a new round (SPEC §5).
    const Event* request = last_of(events, EventType::requested);
    v["request_date"] =
        request ? given(spoken_date(request->date.day(), today))
                : none(fmt::format("no request to {} is recorded (kith request {})", c.name, shell_word(c.slug)));

    const Event* meeting = last_of(events, EventType::met);
    const std::string no_meeting =
        fmt::format("no meeting with {} is recorded (kith log-meeting {})", c.name, shell_word(c.slug));
    if (meeting) {
        v["meeting_date"] = given(spoken_date(meeting->date.day(), today));
        const auto learned = learned_at(*meeting);
        v["learned"] = learned ? given(*learned)
                               : none(fmt::format("your meeting with {} on {} has no learned points (kith edit {}: "
                                                  "learned = [\"...\"] in its [[event]])",
                                                  c.name, format_date(meeting->date.day()), shell_word(c.slug)));
        std::vector<std::string> names;
        for (const std::string& slug : meeting->referrals) {
            const Contact* referral = find_contact(everyone, slug);
            names.push_back(referral ? referral->name : slug);
        }
        v["referrals"] = names.empty() ? none(fmt::format("your meeting with {} on {} gave no referrals", c.name,
                                                          format_date(meeting->date.day())))
                                       : given(spoken_list(names));
    } else {
        v["meeting_date"] = v["learned"] = v["referrals"] = none(no_meeting);
    }

    const auto last_exchange =
        std::find_if(events.rbegin(), events.rend(), [](const Event* e) { return is_contact_facing(*e); });
    v["last_contact_date"] = last_exchange != events.rend()
                                 ? given(spoken_date((*last_exchange)->date.day(), today))
                                 : none(fmt::format("nothing you exchanged with {} is recorded", c.name));

    // report-back: the referral the report is on, and your first meeting with
    // them (the one the report-back rule counts from).
    if (!about.empty() && std::none_of(links.referred_to.begin(), links.referred_to.end(),
                                       [&](const Contact* r) { return r->slug == about; }))
        throw Error(Exit::usage, fmt::format("{} did not refer you to '{}'", c.name, about));
    const Contact* referral = nullptr;
    const Event* referral_meeting = nullptr;
    for (const Contact* candidate : links.referred_to) {
        if (!about.empty() && candidate->slug != about) continue;
        const Event* met = first_of(timeline(*candidate, today), EventType::met);
        if (met && (!referral_meeting || met->date.local >= referral_meeting->date.local))
            referral = candidate, referral_meeting = met;
    }
    if (referral) {
        v["referral"] = given(referral->name);
        v["referral_meeting_date"] = given(spoken_date(referral_meeting->date.day(), today));
        const auto learned = learned_at(*referral_meeting);
        v["referral_learned"] =
            learned ? given(*learned)
                    : none(fmt::format("your meeting with {} on {} has no learned points (kith edit {}: "
                                       "learned = [\"...\"] in its [[event]])",
                                       referral->name, format_date(referral_meeting->date.day()),
                                       shell_word(referral->slug)));
    } else {
        const std::string why =
            about.empty() ? fmt::format("you have met no one {} referred you to (kith log-meeting)", c.name)
                          : fmt::format("'{}' is not someone {} referred you to whom you have met", about, c.name);
        v["referral"] = v["referral_meeting_date"] = v["referral_learned"] = none(why);
    }

    if (const Milestone* latest = latest_milestone(config.milestones, today)) {
        v["milestone"] = given(without_final_period(latest->text));
        v["milestone_date"] = given(spoken_date(latest->date.day(), today));
    } else {
        v["milestone"] = v["milestone_date"] = none("no milestone is recorded (kith milestone TEXT)");
    }
    return v;
}

std::string variant_name(DraftKind kind, const Contact& contact, std::span<const Contact> everyone, Date today) {
    if (kind == DraftKind::request && referral_links(contact, everyone).referred_by) return "request-referred";
    if (kind == DraftKind::thank) {
        const std::vector<const Event*> events = timeline(contact, today);
        const Event* meeting = last_of(events, EventType::met);
        if (meeting && !meeting->referrals.empty()) return "thank-referrals";
    }
    return std::string(to_string(kind));
}

DraftTemplate load_template(const Network& network, DraftKind kind, const std::string& variant) {
    for (const std::string& name : {variant, std::string(to_string(kind))}) {
        const std::string display = fmt::format("templates/{}.txt", name);
        if (!std::filesystem::exists(network.root / display)) continue;
        std::string text = read_file(network.root / display, display);
        if (!is_valid_utf8(text)) throw Error(Exit::data, fmt::format("'{}' is not valid UTF-8", display));
        return {name, std::move(text), display};
    }
    return {variant, std::string(built_in_template(variant)), {}};
}

std::string_view built_in_template(std::string_view variant) {
    for (const auto& [name, text] : built_ins())
        if (name == variant) return text;
    throw Error(Exit::usage, fmt::format("there is no built-in template '{}'", variant));
}

std::string fill_template(const DraftTemplate& tmpl, const std::map<std::string, Value, std::less<>>& values,
                          std::string_view draft) {
    const std::string where = tmpl.file.empty() ? fmt::format("built-in template '{}'", tmpl.name) : tmpl.file;
    const std::string_view text = tmpl.text;
    const auto fail_at = [&](std::size_t offset, const std::string& message) {
        const std::string_view before = text.substr(0, offset);
        const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
        const std::size_t column = offset - (before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1);
        throw Error(Exit::data, fmt::format("{}:{}:{}: {}", where, line, column + 1, message));
    };
    const std::size_t first_end = text.find('\n');
    if (!text.starts_with("Subject: ") || first_end == std::string_view::npos || text.substr(first_end + 1, 1) != "\n")
        fail_at(0, "a template starts with a 'Subject: ...' line, then a blank line, then the body");

    // The placeholders it uses, checked before fmt fills them.
    std::vector<std::string_view> used;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '}') {
            if (text.substr(at, 2) != "}}") fail_at(at, "a '}' with no '{' (write '}}' for a brace)");
            ++at;
            continue;
        }
        if (text[at] != '{') continue;
        if (text.substr(at, 2) == "{{") {
            ++at;
            continue;
        }
        const std::size_t close = text.find('}', at);
        const std::string_view name =
            text.substr(at + 1, close == std::string_view::npos ? std::string_view::npos : close - at - 1);
        if (close == std::string_view::npos || name.find_first_of("{\n") != std::string_view::npos)
            fail_at(at, "a '{' with no '}' (write '{{' for a brace)");
        if (!values.contains(name)) {
            std::vector<std::string_view> known;
            for (const PlaceholderInfo& p : placeholders())
                known.push_back(p.name);
            fail_at(at, fmt::format("unknown placeholder {{{}}}; known: {}", name, fmt::join(known, ", ")));
        }
        if (std::find(used.begin(), used.end(), name) == used.end()) used.push_back(name);
        at = close;
    }

    // What has no value, grouped by why, so each reason is said once.
    std::vector<std::pair<std::string, std::vector<std::string>>> missing;  // why, placeholders
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const std::string_view name : used) {
        const Value& value = values.find(name)->second;
        if (value.text) {
            args.push_back(fmt::arg(std::string(name).c_str(), *value.text));
            continue;
        }
        auto same =
            std::find_if(missing.begin(), missing.end(), [&](const auto& m) { return m.first == value.missing; });
        if (same == missing.end()) same = missing.insert(missing.end(), {value.missing, {}});
        same->second.push_back(fmt::format("{{{}}}", name));
    }
    if (!missing.empty()) {
        std::string lines;
        for (const auto& [why, names] : missing)
            lines += fmt::format("\n  {}: {}", fmt::join(names, ", "), why);
        throw Error(Exit::data, fmt::format("{}{} needs what the network does not hold:{}", draft,
                                            tmpl.file.empty() ? "" : fmt::format(" ({})", tmpl.file), lines));
    }
    std::string out = fmt::vformat(text, args);
    if (!out.ends_with('\n')) out += '\n';
    return out;
}

}  // namespace kith
