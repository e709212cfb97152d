// What the recording commands (request, thank, note, ...) share: their common
// options, and the one path from "C" and an event to a line in a file.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "globals.hpp"
#include "kith/contact.hpp"
#include "kith/store.hpp"

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

// Runs under the network lock, before the write, with the contact as it
// stands; may warn, or fill in the event (log-meeting's referrals).
using BeforeWrite = std::function<void(const NetworkLock& lock, const Contact& contact, Event& event)>;

// Records `event` for the contact `reference` names: finds the network, locks
// it, resolves the contact, appends the event and says what it recorded.
void record(const Globals& globals, std::string_view reference, Event event, const BeforeWrite& before = {});

// The event of `type` that the shared options describe.
Event event_from(const Globals& globals, EventType type, const EventOptions& options);

}  // namespace kith::cli
