// kith __complete contacts: the words the completion scripts offer that only
// the network knows. Plumbing, hidden from --help; it reads file names only,
// so that a TAB stays instant in a large network.
#include <fmt/format.h>

#include "commands.hpp"
#include "io/contacts.hpp"
#include "io/network.hpp"

namespace kith::cli {

Run add_complete(CLI::App& command) {
    command.add_option("WHAT")
        ->description("contacts: every contact's slug, one per line")
        ->required()
        ->check(CLI::IsMember({"contacts"}));
    return [](Setup& setup) {
        for (const std::string& slug : contact_slugs(*setup.network))
            fmt::print("{}\n", slug);
        return Outcome{};
    };
}

}  // namespace kith::cli
