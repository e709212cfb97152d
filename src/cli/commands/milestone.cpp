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

void add_milestone(CLI::App& command, Globals& globals) {
    auto text = std::make_shared<std::string>();
    auto date = std::make_shared<std::optional<std::string>>();
    command.add_option("TEXT", *text, "The news, as you would tell it")->required();
    command.add_option("--date", *date, "When it happened (default: now)")->type_name("DATE");
    command.footer("Example:\n  kith milestone \"Accepted an offer at Acme Batteries\"");
    command.callback([&globals, text, date, name = command.get_name()] {
        if (is_blank(*text)) throw Error(Exit::usage, "the milestone is empty");
        const Milestone milestone{event_date(globals, *date), *text};
        const OpenForWrite open = open_for_write(globals);
        append_milestone(open.lock, milestone);
        finish_write(globals, open, {std::string(config_file_name)}, name, milestone.text);
        say(globals, fmt::format("Recorded milestone on {}: {}", format_when(milestone.date), milestone.text));
    });
}

}  // namespace kith::cli
