// What the recording commands (request, thank, note, ...) share: their common
// options, and the one path from "C" and an event to a line in a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "globals.hpp"
#include "io/files.hpp"
#include "io/store.hpp"
#include "model/contact.hpp"
#include "rules/config.hpp"

namespace kith::cli {

// The options most recording commands take.
struct EventOptions {
    std::string contact;              // C
    std::optional<std::string> date;  // --date; none: now
    std::string via;                  // --via
    std::string note;                 // --note
};

// Declares C, and --date with `date_help`.
void add_contact_and_date(CLI::App& command, EventOptions& options, std::string_view date_help);
// Declares --via and --note.
void add_via_and_note(CLI::App& command, EventOptions& options);
// Declares --note only.
void add_note_option(CLI::App& command, EventOptions& options);

// When the event happened: --date read as a past date, else now. Warns when
// it lies ahead of today (the rules ignore it until then).
DateTime event_date(const Globals& globals, const std::optional<std::string>& text);

// The network's lock, saying on stderr who holds it when it is not had
// within a second.
NetworkLock lock_network(const Network& network);

// A network opened for a write: locked, and its kith.toml read (a bad one
// stops the command before anything is written).
struct OpenForWrite {
    NetworkLock lock;
    Config config;
};
OpenForWrite open_for_write(const Globals& globals);

// After a write: notes that it is in place (Globals::recorded), and with
// [git] autocommit = true commits the files it touched (relative to the
// network), the message saying what and whom, as "request: priya-singh". A
// commit git refuses is a warning with git's words: the write stands.
void finish_write(Globals& globals, const OpenForWrite& open, const std::vector<std::string>& files,
                  std::string_view command, std::string_view subject);

// "Recorded met for Priya Singh (priya-singh) on 2026-11-20 15:00"
void say_recorded(const Globals& globals, const Contact& contact, const Event& event);

// Records `event` for the contact `reference` names: locks the network,
// resolves the contact, appends the event, commits if asked, and says what it
// recorded. Returns the contact as it was before.
Contact record(Globals& globals, std::string_view command, std::string_view reference, const Event& event);

// The event of `type` that the shared options describe.
Event event_from(const Globals& globals, EventType type, const EventOptions& options);

}  // namespace kith::cli
