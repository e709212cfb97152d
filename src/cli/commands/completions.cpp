// kith completions SHELL: print the completion script, written from the
// command line itself.
#include <memory>

#include <fmt/format.h>

#include "choice.hpp"
#include "commands.hpp"
#include "completion.hpp"

namespace kith::cli {

Run add_completions(CLI::App& command) {
    auto shell = std::make_shared<Shell>();
    add_choice(command, "SHELL", *shell, shell_names, names_in_words(shell_names))->required();
    command.footer(
        "Completes commands, options, fixed values (formats, rules, draft kinds) and contact slugs.\n"
        "Installed with kith (cmake --install) where each shell looks; else save the script yourself.\n"
        "\nExamples:\n"
        "  mkdir -p ~/.local/share/bash-completion/completions\n"
        "  kith completions bash > ~/.local/share/bash-completion/completions/kith\n"
        "  mkdir -p ~/.zfunc && kith completions zsh > ~/.zfunc/_kith   # and in ~/.zshrc, before compinit:\n"
        "  fpath=(~/.zfunc $fpath)\n"
        "  mkdir -p ~/.config/fish/completions && kith completions fish > ~/.config/fish/completions/kith.fish");
    return [&command, shell](Setup&) {
        const CommandLine line = command_line_of(*command.get_parent());
        switch (*shell) {
            case Shell::bash: fmt::print("{}", bash_completion(line)); break;
            case Shell::zsh: fmt::print("{}", zsh_completion(line)); break;
            case Shell::fish: fmt::print("{}", fish_completion(line)); break;
        }
        return Outcome{};
    };
}

}  // namespace kith::cli
