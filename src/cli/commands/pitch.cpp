// kith pitch: your one-minute introduction, or an outline of one.
#include <sstream>

#include "commands.hpp"
#include "io/config.hpp"
#include "io/network.hpp"
#include "messages/brief.hpp"

namespace kith::cli {

void add_pitch(CLI::App& command, Globals& globals) {
    command.footer(
        "Prints pitch from [me] in kith.toml. When it is not set, prints what a one-minute introduction\n"
        "says (your name, studies, interests, the kind of position, relevant experience, why this\n"
        "organization), filled with what [me] holds.\n"
        "\nExample:\n  kith pitch");
    command.callback([&globals] {
        std::ostringstream pitch;
        render_pitch(pitch, load_config(open_network(globals)).me);
        print_text(pitch.str());
    });
}

}  // namespace kith::cli
