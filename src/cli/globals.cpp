// Global options: network location, the clock, and output.
#include "globals.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <system_error>

#include <unistd.h>

#include <fmt/format.h>

#include "io/files.hpp"
#include "model/error.hpp"
#include "model/text.hpp"

namespace kith::cli {

namespace {

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (!value) return std::nullopt;
    return std::string(value);
}

// The wall clock in local time. The C library reads TZ exactly as every
// other program on the system does (names, ":Area/City", POSIX rules).
DateTime local_clock(WallClock wall) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(wall);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    const auto utc = date::sys_seconds{std::chrono::seconds{seconds}};
    const auto here = date::local_seconds{utc.time_since_epoch()} + std::chrono::seconds{local.tm_gmtoff};
    return DateTime{date::floor<std::chrono::minutes>(here), true, std::nullopt};
}

// `text` as it may reach `stream`: made visible on a terminal, else as it is.
std::string shown_on(std::FILE* stream, std::string_view text) {
    return is_terminal(stream) ? visible_text(text) : std::string(text);
}

}  // namespace

WhereToLook where_to_look(const Globals& globals, WallClock wall) {
    WhereToLook where;
    if (globals.dir) where.dir_option = *globals.dir;
    where.kith_dir = environment("KITH_DIR");
    std::error_code ec;
    where.working_directory = std::filesystem::current_path(ec);
    where.xdg_data_home = environment("XDG_DATA_HOME");
    where.xdg_cache_home = environment("XDG_CACHE_HOME");
    where.home = environment("HOME");
    where.now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(wall.time_since_epoch()).count();
    return where;
}

DateTime now(const Globals& globals, WallClock wall) {
    const DateTime clock = local_clock(wall);
    if (globals.today) {
        try {
            return at_start_of(parse_when(*globals.today, clock, Direction::past).day());
        } catch (const Error& e) {
            throw Error(Exit::usage, fmt::format("{} (from --today)", e.what()));
        }
    }
    if (auto today = environment("KITH_TODAY"); today && !today->empty()) {
        try {
            return at_start_of(parse_when(*today, clock, Direction::past).day());
        } catch (const Error& e) {
            throw Error(Exit::usage, fmt::format("{} (from KITH_TODAY)", e.what()));
        }
    }
    return clock;
}

bool is_terminal(std::FILE* stream) {
    return ::isatty(::fileno(stream)) == 1;
}

bool use_color(const Globals& globals) {
    if (globals.color == ColorWhen::always) return true;
    if (globals.color == ColorWhen::never) return false;
    const auto no_color = environment("NO_COLOR");
    const auto term = environment("TERM");
    return is_terminal(stdout) && (!no_color || no_color->empty()) && (!term || *term != "dumb");
}

TextStyle text_style(const Globals& globals) {
    return TextStyle{.color = use_color(globals), .visible = is_terminal(stdout)};
}

void print_text(std::string_view text) {
    if (is_terminal(stdout))
        fmt::print("{}", visible_text(text));
    else
        std::fwrite(text.data(), 1, text.size(), stdout);  // as it is, and an error leaves ferror set for main
}

std::string read_input(const std::string& path) {
    // A file named on the command line may be a pipe (`<(...)`, -), read as it
    // comes; /dev/zero or an endless pipe stops at largest_file.
    try {
        if (path == "-") return read_all(STDIN_FILENO, "standard input");
        return read_file(path, path, FileKind::any);
    } catch (const Error& e) {
        throw Error(Exit::usage, e.what());
    }
}

void say(const Globals& globals, std::string_view line) {
    if (globals.quiet) return;
    try {
        print_text(fmt::format("{}\n", line));
    } catch (const std::system_error&) {
        // stdout's error flag is set: main says so, once, when the command is done
    }
}

namespace {

// One line on stderr, "kith: " first. Never throws: a stderr that cannot be
// written (closed, full) must not turn a command that did its work into a crash.
void to_stderr(std::string_view kind, std::string_view message) {
    const std::string line = fmt::format("kith: {}{}\n", kind, shown_on(stderr, message));
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void warn(std::string_view message) {
    to_stderr("warning: ", message);
}

void note(const Globals& globals, std::string_view message) {
    if (!globals.quiet) to_stderr("", message);
}

void inform(std::string_view message) {
    to_stderr("", message);
}

void print_error(std::string_view message) {
    to_stderr("error: ", message);
}

}  // namespace kith::cli
