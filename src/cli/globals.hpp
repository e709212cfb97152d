// The global options every command shares, and what they decide: which
// network, what "now" is, and whether to speak.
#pragma once

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/render.hpp"
#include "io/network.hpp"
#include "model/contact.hpp"
#include "model/date.hpp"
#include "model/error.hpp"
#include "model/names.hpp"
#include "rules/config.hpp"

namespace kith::cli {

// When to colour stdout (--color), named as --color takes them.
enum class ColorWhen { automatic, always, never };
inline constexpr NameTable<ColorWhen, 3> color_when_names = {
    {{ColorWhen::automatic, "auto"}, {ColorWhen::always, "always"}, {ColorWhen::never, "never"}}};

// The global options as parsed (SPEC §4).
struct Globals {
    std::optional<std::string> dir;          // --dir
    std::optional<std::string> today;        // --today (else KITH_TODAY)
    ColorWhen color = ColorWhen::automatic;  // --color
    bool quiet = false;                      // --quiet
};

// Whether `stream` (stdout, stderr) is a terminal. There, text that came from
// files or imports is shown with its control characters made visible
// (visible_text, SPEC §6); a pipe or a file gets it byte for byte. The one
// place kith asks.
bool is_terminal(std::FILE* stream);

// Whether to colour stdout: --color always/never, else only on a terminal
// and when NO_COLOR is unset or empty.
bool use_color(const Globals& globals);

// How due and list write their text format on stdout: coloured as
// use_color says, made visible on a terminal.
TextStyle text_style(const Globals& globals);

// Text for people on stdout (a report, a brief, a draft), made visible on a
// terminal; every command's human output goes through here, or through
// text_style for the reports in colour. Machine formats (TSV, JSON, iCalendar,
// CSV, vCard) are written as they are.
void print_text(std::string_view text);

// The wall clock as main read it, once for the whole command.
using WallClock = std::chrono::system_clock::time_point;

// Where --dir, KITH_DIR, the working directory and XDG point, and `wall` for
// the cache.
WhereToLook where_to_look(const Globals& globals, WallClock wall);

// Now: --today's (or KITH_TODAY's) day with no time of day, else the local
// time (TZ) at `wall` to the minute.
DateTime now(const Globals& globals, WallClock wall);

// The whole of a file the user names on the command line, or standard input
// for "-"; Error(usage) when it cannot be read.
std::string read_input(const std::string& path);

// One line on stdout, unless --quiet (through print_text).
void say(const Globals& globals, std::string_view line);

// "kith: warning: ..." on stderr. These and the two below quote the user's
// text and file names, made visible when stderr is a terminal.
void warn(std::string_view message);

// "kith: ..." on stderr, unless --quiet: a hint beside output that goes to a
// file or a pipe (which template to save where).
void note(const Globals& globals, std::string_view message);

// "kith: ..." on stderr even with --quiet: why nothing happens yet (a wait).
void inform(std::string_view message);

// "kith: error: ..." on stderr: main's, once per error.
void print_error(std::string_view message);

}  // namespace kith::cli
