// The built-in templates of message drafts, and which variant a draft takes.
#include "messages/draft_templates.hpp"

#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/error.hpp"
#include "model/names.hpp"

namespace kith {

namespace {

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

}  // namespace

std::string_view to_string(DraftKind kind) {
    return name_in(draft_kind_names, kind);
}

std::span<const DraftKind> all_draft_kinds() {
    static constexpr auto kinds = values_in(draft_kind_names);
    return kinds;
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

std::string_view built_in_template(std::string_view variant) {
    for (const auto& [name, text] : built_ins())
        if (name == variant) return text;
    throw Error(Exit::usage, fmt::format("there is no built-in template '{}'", variant));
}

}  // namespace kith
