// kith pitch: your one-minute introduction, or an outline of one.
#include <sstream>

#include "commands.hpp"
#include "io/config.hpp"
#include "io/network.hpp"
#include "messages/brief.hpp"

namespace kith::cli {

Run add_pitch(CLI::App& command) {
    command.footer(
        "Prints pitch from [me] in kith.toml. When it is not set, prints what a one-minute introduction\n"
        "says (your name, studies, interests, the kind of position, relevant experience, why this\n"
        "organization), filled with what [me] holds.\n"
        "\nExample:\n  kith pitch");
    return [](Setup& setup) {
        std::ostringstream pitch;
        render_pitch(pitch, setup.config.me);
        print_text(pitch.str());
        return Outcome{};
    };
}

}  // namespace kith::cli
