// What the recording commands (request, thank, note, ...) share: their common
// options, and the one path from "C" and an event to a line in a file.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "globals.hpp"
#include "io/files.hpp"
#include "io/store.hpp"
#include "model/contact.hpp"
#include "rules/config.hpp"
#include "setup.hpp"

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
DateTime event_date(const Setup& setup, const std::optional<std::string>& text);

// "Recorded met for Priya Singh (priya-singh) on 2026-11-20 15:00"
void say_recorded(const Globals& globals, const Contact& contact, const Event& event);

// Records `event` for the contact `reference` names, under the lock main
// took: resolves the contact, appends the event, commits if asked, and says
// what it recorded. Returns the contact as it was before.
Contact record(Setup& setup, std::string_view command, std::string_view reference, const Event& event);

// The event of `type` that the shared options describe.
Event event_from(const Setup& setup, EventType type, const EventOptions& options);

// The Run of a command that records one event for C: `make` reads the event
// from the options in the check step, so that a bad --date is named before
// the network is touched; the work records it (record) and hands the
// contact as it was before to `then`, if any.
Run recording(std::string command, std::shared_ptr<EventOptions> options, std::function<Event(const Setup&)> make,
              std::function<void(const Contact& before, const Event& event)> then = {});

}  // namespace kith::cli
