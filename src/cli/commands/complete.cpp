// kith __complete contacts: the words the completion scripts offer that only
// the network knows. Plumbing, hidden from --help; it reads file names only,
// so that a TAB stays instant in a large network.
#include <memory>

#include <fmt/format.h>

#include "choice.hpp"
#include "commands.hpp"
#include "completion.hpp"
#include "io/contacts.hpp"
#include "io/network.hpp"

namespace kith::cli {

Run add_complete(CLI::App& command) {
    auto what = std::make_shared<Completing>();
    add_choice(command, "WHAT", *what, completing_names, "contacts: every contact's slug, one per line")
        ->required()
        ->type_name("");
    return [what](Setup& setup) {  // `what` held for CLI11 to write to
        for (const std::string& slug : contact_slugs(*setup.network))
            fmt::print("{}\n", slug);
        return Outcome{};
    };
}

}  // namespace kith::cli
