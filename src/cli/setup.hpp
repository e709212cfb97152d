// What main sets up before a command runs, as the command table's Needs
// column says (git's RUN_SETUP, ninja's tool table), and what the command
// hands back: its Outcome.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "globals.hpp"
#include "io/config.hpp"
#include "io/contacts.hpp"
#include "io/network.hpp"
#include "io/store.hpp"
#include "model/contact.hpp"
#include "model/date.hpp"
#include "model/error.hpp"
#include "rules/config.hpp"

namespace kith::cli {

// What a command needs before it runs. Each level up to `contacts` holds the
// ones before it; `write` holds `config` and its lock, and loads the contacts
// only when a reference needs them.
enum class Needs {
    nothing,   // init, completions, merge-file: they find their own files, or need none
    network,   // the network found (check and __complete read its files their own way)
    config,    // and its kith.toml read (pitch; edit, which locks only to set up and to save)
    contacts,  // and every contact that reads loaded, the others' problems named after the report
    write,     // the network found and locked, kith.toml read; its contacts loaded if a reference needs them
};

// What a command hands back to main, the one place that prints errors and
// picks the exit status: a status of its own (1 for `due --exit-code`), and
// the problems it met that did not stop it, each printed as an error.
struct Outcome {
    Exit status = Exit::ok;
    std::vector<Error> problems;
};

// Everything main set up for one command: the global options, the clock read
// once, and as Needs says the network, its lock, kith.toml and its contacts.
struct Setup {
    const Globals& globals;
    WallClock wall;                     // the clock, read once
    DateTime now{};                     // --today's day, KITH_TODAY's, or `wall` in local time (Needs::contacts, write)
    std::optional<Network> network{};   // Needs::network and up
    std::optional<NetworkLock> lock{};  // Needs::write
    Config config{};                    // Needs::config and up
    std::optional<LoadedContacts> loaded{};  // Needs::contacts; else once contacts() is called
    // Set once a write is in place: from then on nothing that fails (the
    // confirmation, a commit) may turn it into an error, or a script that
    // retries would record the event twice (SPEC §6).
    bool recorded = false;
};

// Sets up what `needs` asks for; throws Error(usage) when there is no network,
// Error(data) for a kith.toml that does not read.
void set_up(Setup& setup, Needs needs);

// Takes the network's lock as main does for Needs::write, held until
// setup.lock.reset(): for edit, which holds it only to set up and to save,
// never while the editor is open, and for init, on the network it made.
// Edit reads kith.toml again under it (a pull may have changed it); init
// does not, so that a clone whose kith.toml does not read still gets git's
// merge driver.
void take_lock(Setup& setup);

// Reads kith.toml anew into setup.config (Error(data) when it does not read).
void read_config_again(Setup& setup);

// Every contact that reads and the problems of the others: those main loaded,
// else loaded now (through the cache) and kept for the rest of the command.
const LoadedContacts& contacts(Setup& setup);

// The slug `reference` names (model/lookup.hpp), over the contacts loaded.
// A write given an exact slug need not load them: its file is there.
std::string resolve(Setup& setup, std::string_view reference);

// The contact `reference` names, as loaded; its own broken file is the
// command's error (Error(data) with file:line:col).
const Contact& named_contact(Setup& setup, std::string_view reference);

// A date the user typed (--date and the like), read relative to setup.now.
DateTime parse_user_date(const Setup& setup, std::string_view text, Direction direction);

// What a writer says on stderr when the network's lock is not had within a
// second: who holds it (NetworkLock's Waiting), so that the user knows why
// nothing happens.
void say_waiting(const std::string& holder);

// After a write: notes that it is in place (Setup::recorded), and with [git]
// autocommit = true commits the files it touched (relative to the network),
// the message saying what and whom, as "request: priya-singh". A commit git
// refuses is a warning with git's words: the write stands.
void finish_write(Setup& setup, const NetworkLock& lock, const std::vector<std::string>& files,
                  std::string_view command, std::string_view subject);

}  // namespace kith::cli
