// Setting up the network for a command, once, in main.
#include "setup.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "formats/contact_text.hpp"
#include "io/git.hpp"
#include "model/lookup.hpp"

namespace kith::cli {

void set_up(Setup& setup, Needs needs) {
    if (needs == Needs::nothing) return;
    setup.network = find_network(where_to_look(setup.globals, setup.wall));
    // The lock before kith.toml is read, so that a write acts on what it read.
    if (needs == Needs::write) take_lock(setup);
    if (needs == Needs::network) return;
    read_config_again(setup);
    if (needs == Needs::contacts) setup.loaded = load_contacts(*setup.network);
}

void take_lock(Setup& setup) {
    setup.lock.emplace(*setup.network, say_waiting);
}

void read_config_again(Setup& setup) {
    setup.config = load_config(*setup.network);
}

const LoadedContacts& contacts(Setup& setup) {
    if (!setup.loaded) setup.loaded = load_contacts(*setup.network);
    return *setup.loaded;
}

std::string resolve(Setup& setup, std::string_view reference) {
    // A write by slug, the common case of a script, stays as quick in a large
    // network as in a small one.
    if (!setup.loaded && has_contact_file(*setup.network, reference)) return std::string(reference);
    return resolve_contact(contacts(setup), reference);
}

const Contact& named_contact(Setup& setup, std::string_view reference) {
    const std::string slug = resolve(setup, reference);
    if (const Contact* contact = find_contact(contacts(setup).contacts, slug)) return *contact;
    load_contact(*setup.network, slug);  // not among those read: its file's problem, with file:line:col
    throw Error(Exit::data,
                fmt::format("'{}' changed while kith read it; run the command again", contact_file_name(slug)));
}

DateTime parse_user_date(const Setup& setup, std::string_view text, Direction direction) {
    return parse_when(text, setup.now, direction);
}

void say_waiting(const std::string& holder) {
    inform(fmt::format("waiting for the network lock held by {}", holder));
}

void finish_write(Setup& setup, const NetworkLock& lock, const std::vector<std::string>& files,
                  std::string_view command, std::string_view subject) {
    setup.recorded = true;
    if (!setup.config.autocommit) return;
    try {
        commit_files(lock, files, fmt::format("{}: {}", command, subject));
    } catch (const Error& refused) {
        warn(refused.what());
    }
}

}  // namespace kith::cli
