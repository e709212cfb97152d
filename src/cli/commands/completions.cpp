// kith completions SHELL: print the completion script, written from the
// command line itself.
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "completion.hpp"

namespace kith::cli {

Run add_completions(CLI::App& command) {
    auto shell = std::make_shared<std::string>();
    command.add_option("SHELL", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
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
        if (*shell == "bash") fmt::print("{}", bash_completion(line));
        if (*shell == "zsh") fmt::print("{}", zsh_completion(line));
        if (*shell == "fish") fmt::print("{}", fish_completion(line));
        return Outcome{};
    };
}

}  // namespace kith::cli
