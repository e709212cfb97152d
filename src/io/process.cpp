// posix_spawnp with an argv: no shell ever sees the user's words.
#include "io/process.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <fmt/format.h>

#include "model/error.hpp"

extern char** environ;

namespace kith {

std::vector<std::string> split_command_line(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote == '\'') {
            if (c == '\'')
                quote = 0;
            else
                word += c;
        } else if (quote == '"') {
            if (c == '"')
                quote = 0;
            else if (c == '\\' && i + 1 < line.size() &&
                     std::string_view("\"\\$`").find(line[i + 1]) != std::string_view::npos)
                word += line[++i];
            else
                word += c;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) words.push_back(std::exchange(word, {}));
            in_word = false;
        } else {
            in_word = true;
            if (c == '\'' || c == '"')
                quote = c;
            else if (c == '\\' && i + 1 < line.size())
                word += line[++i];
            else
                word += c;
        }
    }
    if (quote) throw Error(Exit::usage, fmt::format("unterminated {} quote in '{}'", quote, line));
    if (in_word) words.push_back(word);
    return words;
}

ProgramResult run_program(const std::vector<std::string>& argv, const std::filesystem::path& directory, Output output) {
    if (argv.empty()) throw Error(Exit::usage, "no program to run");
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);

    int pipe_fds[2] = {-1, -1};
    if (output == Output::capture && ::pipe2(pipe_fds, O_CLOEXEC) != 0)
        throw Error(Exit::usage, fmt::format("cannot run '{}': {}", argv[0], std::strerror(errno)));

    // While an editor has the terminal, Ctrl-C and Ctrl-\ are the editor's
    // (vim uses Ctrl-C): kith ignores them until it returns, as git does, and
    // the program starts with the default handlers.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
    struct sigaction ignore {
    }, old_int{}, old_quit{};
    ignore.sa_handler = SIG_IGN;
    if (output == Output::terminal) {
        ::sigaction(SIGINT, &ignore, &old_int);
        ::sigaction(SIGQUIT, &ignore, &old_quit);
    }
    const auto restore_signals = [&] {
        if (output == Output::terminal) {
            ::sigaction(SIGINT, &old_int, nullptr);
            ::sigaction(SIGQUIT, &old_quit, nullptr);
        }
    };

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (output == Output::capture) {
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    }
    if (!directory.empty()) posix_spawn_file_actions_addchdir_np(&actions, directory.c_str());

    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (output == Output::capture) ::close(pipe_fds[1]);
    if (spawned != 0) {
        restore_signals();
        if (output == Output::capture) ::close(pipe_fds[0]);
        throw Error(Exit::usage, fmt::format("cannot run '{}': {}", argv[0], std::strerror(spawned)));
    }

    ProgramResult result;
    if (output == Output::capture) {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            result.output.append(buffer, static_cast<std::size_t>(n));
        }
        ::close(pipe_fds[0]);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    restore_signals();
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

}  // namespace kith
