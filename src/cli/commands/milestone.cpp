// kith milestone TEXT: record news worth telling the people who helped you.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "formats/config_text.hpp"
#include "io/store.hpp"
#include "model/error.hpp"
#include "model/text.hpp"
#include "record.hpp"

namespace kith::cli {

Run add_milestone(CLI::App& command) {
    auto text = std::make_shared<std::string>();
    auto date = std::make_shared<std::optional<std::string>>();
    command.add_option("TEXT", *text, "The news, as you would tell it")->required();
    command.add_option("--date", *date, "When it happened (default: now)")->type_name("DATE");
    command.footer("Example:\n  kith milestone \"Accepted an offer at Acme Batteries\"");
    command.callback([text] {
        if (is_blank(*text)) throw Error(Exit::usage, "the milestone is empty");
    });
    auto milestone = std::make_shared<Milestone>();
    return Run(
        [text, date, milestone](const Setup& setup) {
            *milestone = Milestone{event_date(setup, *date), *text};
        },
        [milestone, name = command.get_name()](Setup& setup) {
            append_milestone(*setup.lock, *milestone);
            finish_write(setup, *setup.lock, {std::string(config_file_name)}, name, milestone->text);
            say(setup.globals,
                fmt::format("Recorded milestone on {}: {}", format_when(milestone->date), milestone->text));
            return Outcome{};
        });
}

}  // namespace kith::cli
