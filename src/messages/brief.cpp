#include "messages/brief.hpp"

#include <algorithm>
#include <array>
#include <regex>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "formats/render.hpp"
#include "model/error.hpp"
#include "model/names.hpp"
#include "model/text.hpp"

namespace kith {

namespace {

// Open questions, as career-center guides list them. The referral question
// is the first of its topic.
constexpr Question bank[] = {
    {Topic::job_content, "What does a typical day or week look like for you?"},
    {Topic::job_content, "Which parts of your work do you find most satisfying, and which most challenging?"},
    {Topic::job_content, "What skills matter most for doing your job well?"},
    {Topic::job_content, "What problems or decisions take up most of your time?"},
    {Topic::job_content, "How does your role fit into {org}, and whom do you work with most?"},
    {Topic::job_content, "How has your job changed since you started?"},
    {Topic::career_path, "How did you get into this field, and what led you to your current position?"},
    {Topic::career_path, "Which jobs or experiences best prepared you for this role?"},
    {Topic::career_path, "What do you wish you had known when you were starting out?"},
    {Topic::career_path, "Where do people in your position usually go next?"},
    {Topic::career_path, "How do you see this field changing over the next few years?"},
    {Topic::career_path, "If you were starting out today, would you take the same path?"},
    {Topic::preparation, "Which courses, training or degrees would you recommend for this field?"},
    {Topic::preparation, "What experience (internships, research, projects) would make me a stronger candidate?"},
    {Topic::preparation, "Which professional associations, journals or events should I know about?"},
    {Topic::preparation, "How do people in this field keep their skills current?"},
    {Topic::preparation, "How much does graduate study matter in this field?"},
    {Topic::fit, "How would you describe the culture at {org}?"},
    {Topic::fit, "What kind of person thrives in this work, and who tends to struggle?"},
    {Topic::fit, "How does {org} differ from other places in the field?"},
    {Topic::fit, "What are the expectations for hours, travel and flexibility?"},
    {Topic::fit, "Given my background, where do you think I would fit best in this field?"},
    {Topic::next_steps, "Who else would you suggest I talk to, and may I mention that you referred me?"},
    {Topic::next_steps, "Is there anything I should read or follow to learn more?"},
    {Topic::next_steps, "Based on what I have told you, what would you do next in my position?"},
    {Topic::next_steps, "How do people usually hear about openings in this field?"},
    {Topic::next_steps, "May I keep in touch, and let you know how things go?"},
};

constexpr NameTable<Topic, 5> topic_names = {{
    {Topic::job_content, "The work itself"},
    {Topic::career_path, "Their career path"},
    {Topic::preparation, "Preparing for the field"},
    {Topic::fit, "The organization and fit"},
    {Topic::next_steps, "Next steps"},
}};

// The time this round's request asked for ("20 minutes" in its note), else the guides' 20-30 minutes.
std::string time_asked_for(const std::vector<const Event*>& events) {
    static const std::regex minutes(R"((\d+)\s*(-|–|to)?\s*(\d+)?\s*min)", std::regex::icase);
    std::smatch match;
    const Event* request = last_of(events, EventType::requested);
    if (!request || !std::regex_search(request->note, match, minutes)) return "20–30 minutes";
    return match[3].matched ? fmt::format("{}–{} minutes", match[1].str(), match[3].str())
                            : fmt::format("{} minutes", match[1].str());
}

// Each line of `text` as a Markdown quote, after `indent`.
std::string as_quote(std::string_view text, std::string_view indent = "") {
    const std::string mark = fmt::format("{}> ", indent);
    return mark + prefix_lines(text, mark);
}

void render_outline(std::ostream& out, const Me& me) {
    fmt::print(out,
               "In about a minute, your introduction says:\n"
               "\n"
               "1. Your name{}\n"
               "2. What you study: school, major, year{}\n"
               "3. What interests you, and what drew you to this field\n"
               "4. The kind of position you are exploring\n"
               "5. Relevant experience: a job, an internship, research or a project\n"
               "6. Why this organization, and what you hope to learn from this person\n",
               me.name.empty() ? "" : fmt::format(": {}", me.name),
               me.headline.empty() ? "" : fmt::format(" (your headline: {})", me.headline));
}

void render_history(std::ostream& out, const Contact& c, std::span<const Contact> everyone, Date today) {
    const auto events = whole_timeline(c);
    if (events.empty()) {
        fmt::print(out, "Nothing recorded yet.\n");
        return;
    }
    for (const Event* e : events) {
        fmt::print(out, "- **{}** {}{}\n", format_when(e->date), event_heading(*e),
                   e->date.day() > today ? " (ahead)" : "");
        for (const std::string* text : {&e->note, &e->notes})
            if (!text->empty()) fmt::print(out, "\n{}\n", as_quote(trimmed(*text), "  "));
        for (const std::string& point : e->learned)
            fmt::print(out, "  - learned: {}\n", point);
        std::vector<std::string> names;
        for (const std::string& slug : e->referrals) {
            const Contact* referral = find_contact(everyone, slug);
            names.push_back(referral ? referral->name : slug);
        }
        if (!names.empty()) fmt::print(out, "  - referred you to: {}\n", fmt::join(names, ", "));
    }
}

void render_who(std::ostream& out, const Contact& c) {
    const auto field = [&](std::string_view label, std::string_view value) {
        if (!value.empty()) fmt::print(out, "- **{}:** {}\n", label, value);
    };
    field("Role", c.role);
    field("Company", c.company);
    field("Email", c.email);
    field("Phone", c.phone);
    field("LinkedIn", c.linkedin);
    field("Location", c.location);
    field("Tags", fmt::format("{}", fmt::join(c.tags, ", ")));
    if (c.added) field("Added", format_date(*c.added));
    for (const OtherField& other : c.other_fields)
        field(other.key, other.toml);
}

}  // namespace

std::string_view to_string(Topic topic) {
    return name_in(topic_names, topic);
}

std::span<const Question> question_bank() {
    return bank;
}

const Question& referral_question() {
    return *std::find_if(std::begin(bank), std::end(bank),
                         [](const Question& q) { return q.topic == Topic::next_steps; });
}

std::vector<const Question*> pick_questions(std::size_t count) {
    if (count < 1 || count > std::size(bank))
        throw Error(Exit::usage, fmt::format("--questions must be between 1 and {} (the bank's size), not {}",
                                             std::size(bank), count));
    std::vector<const Question*> picked = {&referral_question()};
    for (std::size_t round = 0; picked.size() < count; ++round)
        for (const auto& [topic, name] : topic_names) {
            std::size_t seen = 0;
            for (const Question& q : bank) {
                if (q.topic != topic || &q == &referral_question()) continue;
                if (seen++ == round && picked.size() < count) picked.push_back(&q);
            }
        }
    std::sort(picked.begin(), picked.end());  // bank order: the bank is one array
    return picked;
}

void render_brief(std::ostream& out, const Contact* c, std::span<const Contact> everyone, const Config& config,
                  std::span<const Question* const> questions, Date today) {
    const std::vector<const Event*> events = c ? whole_timeline(*c) : std::vector<const Event*>{};
    // The meeting to prepare for: only while one is set and not yet logged.
    const StageOf stage = c ? stage_of(*c, today) : StageOf{};
    const Event* meeting = stage.stage == Stage::scheduled ? stage.event : nullptr;

    if (c) {
        fmt::print(out, "# Meeting brief: {}\n\n", c->name);
        if (meeting) {
            fmt::print(out, "**Meeting:** {}{}{}{}\n\n", format_when(*meeting->at),
                       meeting->where.empty() ? "" : fmt::format(", {}", meeting->where),
                       meeting->is_virtual ? " (virtual)" : "",
                       meeting->at->day() < today ? " (passed: kith log-meeting " + shell_word(c->slug) + ")" : "");
        }
        fmt::print(out, "## Who they are\n\n");
        render_who(out, *c);
        fmt::print(out, "\n## How you found them\n\n");
        const ReferralLinks links = referral_links(*c, everyone);
        if (!c->source.empty()) fmt::print(out, "- **Source:** {}\n", c->source);
        if (links.referred_by)
            fmt::print(out, "- **Referred by:** {}: say so when you open the conversation\n", links.referred_by->name);
        else if (!c->referred_by.empty())
            fmt::print(out, "- **Referred by:** {} (not in the network)\n", c->referred_by);
        if (c->source.empty() && c->referred_by.empty() && !links.referred_by)
            fmt::print(out, "No source or referrer is recorded.\n");
        fmt::print(out, "\n## History\n\n");
        render_history(out, *c, everyone, today);
        fmt::print(out, "\n");
    } else {
        fmt::print(out, "# Meeting brief\n\n");
    }

    fmt::print(out, "## Your pitch\n\n");
    if (!trimmed(config.me.pitch).empty())
        fmt::print(out, "{}\n", as_quote(trimmed(config.me.pitch)));
    else
        render_outline(out, config.me);

    const std::string org = c && !c->company.empty() ? c->company : "their organization";
    fmt::print(out, "\n## Checklist\n\n");
    fmt::print(out, "- [ ] Research {}: what it does, its recent news, and the field it works in\n", org);
    if (c) fmt::print(out, "- [ ] Read up on {}: their role, their path, anything they have written\n", c->name);
    if (!meeting || meeting->is_virtual)
        fmt::print(out, "- [ ] For a video or phone call, test your setup the night before\n");
    fmt::print(out,
               "- [ ] Bring your resume, but offer it only if asked\n"
               "- [ ] Do not ask for a job, or about their salary\n"
               "- [ ] Ask who else you should talk to\n"
               "- [ ] Keep to the {} you asked for\n",
               time_asked_for(events));
    const std::string slug = c ? shell_word(c->slug) : "C";
    fmt::print(out,
               "- [ ] Afterwards, note what you learned (kith log-meeting {} --learned ...), and send a thank-you "
               "within {} (kith draft thank {})\n",
               slug, format_duration(config.policy.thank_within), slug);

    fmt::print(out, "\n## Questions\n");
    const std::string their_org = c && !c->company.empty() ? c->company : "your organization";
    std::size_t number = 0;
    std::optional<Topic> topic;
    for (const Question* q : questions) {
        if (q->topic != topic) {
            topic = q->topic;
            fmt::print(out, "\n### {}\n\n", to_string(q->topic));
        }
        fmt::print(out, "{}. {}\n", ++number, fmt::format(fmt::runtime(q->text), fmt::arg("org", their_org)));
    }
}

void render_pitch(std::ostream& out, const Me& me) {
    if (!trimmed(me.pitch).empty()) {
        fmt::print(out, "{}\n", trimmed(me.pitch));
        return;
    }
    fmt::print(out,
               "Your one-minute introduction is not written yet: add pitch = \"\"\"...\"\"\" under [me] in "
               "kith.toml.\n\n");
    render_outline(out, me);
}

}  // namespace kith
