// kith __complete contacts: the words the completion scripts offer that only
// the network knows. Plumbing, hidden from --help; it reads file names only,
// so that a TAB stays instant in a large network.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "kith/network.hpp"

namespace kith::cli {

void add_complete(CLI::App& command, Globals& globals) {
    auto what = std::make_shared<std::string>();
    command.add_option("WHAT", *what, "contacts: every contact's slug, one per line")
        ->required()
        ->check(CLI::IsMember({"contacts"}));
    command.callback([&globals, what] {  // `what` lives as long as the option that fills it
        for (const std::string& slug : contact_slugs(open_network(globals)))
            fmt::print("{}\n", slug);
    });
}

}  // namespace kith::cli
