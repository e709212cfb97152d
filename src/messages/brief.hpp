// The meeting brief (`kith prepare`) and your pitch (`kith pitch`): what the
// guides say to bring to an informational interview, filled from the record.
#pragma once

#include <cstddef>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

#include "model/contact.hpp"
#include "rules/config.hpp"

namespace kith {

// The groups the guides sort their questions into.
enum class Topic { job_content, career_path, preparation, fit, next_steps };

// "The work itself", as a heading.
std::string_view to_string(Topic topic);

// One open question of the bank. `{org}` stands for their organization.
struct Question {
    Topic topic;
    std::string_view text;
};

// Every question, grouped by topic in the order above.
std::span<const Question> question_bank();

// The question the guides say never to leave out: who else to talk to.
const Question& referral_question();

// `count` questions: the referral question, then the next of each topic in
// turn, so that five or more cover every topic; returned in bank order.
// Throws Error(usage) unless 1 <= count <= the bank's size.
std::vector<const Question*> pick_questions(std::size_t count);

// How many questions a brief for one contact has unless told.
inline constexpr std::size_t default_question_count = 12;

// The brief, in Markdown: with a contact, who they are, how you found them,
// the whole history, your pitch, the checklist and the questions; without
// one (`contact` null), the pitch, the generic checklist and the questions.
void render_brief(std::ostream& out, const Contact* contact, std::span<const Contact> everyone, const Config& config,
                  std::span<const Question* const> questions, Date today);

// Your one-minute introduction from [me] pitch; else the guide's outline of
// what it should say, filled with what [me] holds.
void render_pitch(std::ostream& out, const Me& me);

}  // namespace kith
