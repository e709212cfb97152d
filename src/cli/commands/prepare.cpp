// kith prepare [C]: a meeting brief in Markdown: who they are, the history,
// your pitch, a checklist and open questions from the guides' bank.
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "io/network.hpp"
#include "messages/brief.hpp"

namespace kith::cli {

namespace {

struct PrepareOptions {
    std::string contact;
    std::optional<int> questions;
};

Outcome run(Setup& setup, const PrepareOptions& options) {
    const Date today = setup.now.day();
    const std::vector<const Question*> questions =
        pick_questions(options.questions ? static_cast<std::size_t>(*options.questions)
                                         : (options.contact.empty() ? question_bank().size() : default_question_count));
    std::ostringstream brief;
    if (options.contact.empty())
        render_brief(brief, nullptr, {}, setup.config, questions, today);
    else
        render_brief(brief, &named_contact(setup, options.contact), contacts(setup).contacts, setup.config, questions,
                     today);
    print_text(brief.str());
    return {};
}

}  // namespace

Run add_prepare(CLI::App& command) {
    auto options = std::make_shared<PrepareOptions>();
    command.add_option("C", options->contact, "Whom you are meeting: slug, name, or an unambiguous prefix")
        ->type_name("CONTACT");
    command
        .add_option("--questions", options->questions,
                    fmt::format("How many questions (default {} for a contact; the whole bank of {} without one)",
                                default_question_count, question_bank().size()))
        ->check(CLI::Range(1, static_cast<int>(question_bank().size())))
        ->type_name("N");
    command.footer(
        "With C: who they are, how you found them and who referred you, the whole history, your pitch\n"
        "from [me], a checklist, and open questions drawn from every topic of the bank (the work, the\n"
        "career path, preparation, fit, next steps), always with 'who else should I talk to?'.\n"
        "Without C: your pitch, the checklist and the whole bank.\n"
        "\nExamples:\n  kith prepare priya > brief.md\n  kith prepare priya --questions 15 | pandoc -o brief.pdf\n"
        "  kith prepare");
    return [options](Setup& setup) { return run(setup, *options); };
}

}  // namespace kith::cli
