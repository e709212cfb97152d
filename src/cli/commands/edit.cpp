// kith edit C: open a contact's file in your editor; keep the save only if it
// still reads as a contact and the file did not change while the editor was
// open (then the edit is kept in a copy, never lost).
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include <unistd.h>

#include <fmt/format.h>

#include "commands.hpp"
#include "formats/contact_file.hpp"
#include "formats/contact_text.hpp"
#include "io/files.hpp"
#include "io/network.hpp"
#include "io/process.hpp"
#include "io/store.hpp"
#include "model/error.hpp"
#include "record.hpp"

namespace kith::cli {

namespace {

// $VISUAL, else $EDITOR, else vi, split into words as a shell would.
std::vector<std::string> editor_command() {
    for (const char* name : {"VISUAL", "EDITOR"}) {
        const char* value = std::getenv(name);
        if (value && *value) {
            auto words = split_command_line(value);
            if (!words.empty()) return words;
        }
    }
    return {"vi"};
}

// A copy left by an edit that was killed (the terminal closed, say): called
// only while no other edit runs. One that holds nothing new is removed; one
// that differs may hold work, so it stays, and the user is told where.
void handle_leftover_copies(const std::filesystem::path& folder, std::string_view slug, const std::string& original) {
    for (const std::string& name : clear_leftover_edit_copies(folder, slug, original))
        warn(
            fmt::format("'contacts/{}' holds an edit that a 'kith edit' could not save; compare it "
                        "with '{}', take what you need, then delete it",
                        name, contact_file_name(slug)));
}

// What to do after a save that does not read: on a terminal, the user says;
// elsewhere there is no one to ask.
enum class Choice { edit_again, restore, no_one_to_ask };

Choice ask(const Error& problem) {
    if (!::isatty(STDIN_FILENO)) return Choice::no_one_to_ask;
    warn(fmt::format("the edited file does not read: {}", problem.what()));
    fmt::print(stderr, "Edit again (e) or restore the original (r)? [e] ");
    std::string answer;
    if (!std::getline(std::cin, answer)) return Choice::no_one_to_ask;
    return answer.empty() || answer[0] == 'e' || answer[0] == 'E' ? Choice::edit_again : Choice::restore;
}

Outcome run(Setup& setup, const std::string& command, const std::string& reference) {
    // The lock is held to set the edit up and to save it, never while the
    // editor is open: other writers need not wait for a person. So main only
    // finds the network and reads kith.toml (Needs::config).
    const Network& network = *setup.network;
    std::string slug, original;
    std::optional<LiveEdit> live;
    std::optional<EditCopy> copy;
    {
        take_lock(setup);
        read_config_again(setup);
        slug = resolve(setup, reference);
        const std::filesystem::path path = contact_path(network, slug);
        original = read_file(path, contact_file_name(slug));
        live.emplace(path.parent_path());
        if (live->alone()) handle_leftover_copies(path.parent_path(), slug, original);
        copy.emplace(path.parent_path(), slug, original);
        setup.lock.reset();
    }
    const std::string display = contact_file_name(slug);
    const std::string kept = fmt::format("'contacts/{}'", copy->path().filename().string());
    std::vector<std::string> argv = editor_command();
    argv.push_back(copy->path().string());

    for (;;) {
        const ProgramResult editor = run_program(argv, {}, Output::terminal);
        if (editor.status != 0)
            throw Error(Exit::data, fmt::format("the editor '{}' failed (exit status {}); '{}' is left as it was",
                                                argv.front(), editor.status, display));
        const std::string text = copy->read();
        if (text == original) {
            say(setup.globals, fmt::format("No changes to {}", display));
            return {};
        }
        try {
            parse_contact(text, display, slug);
        } catch (const Error& problem) {
            const Choice choice = ask(problem);
            if (choice == Choice::edit_again) continue;
            std::string where;
            if (choice == Choice::no_one_to_ask) {
                copy->keep();
                where = fmt::format(" (your edit is in {})", kept);
            }
            throw Error(Exit::data, fmt::format("kept the original '{}'; your edit did not read: {}{}", display,
                                                problem.what(), where));
        }
        // The edit reads: whatever stops it being saved now (a file changed
        // meanwhile, a kith.toml a pull left in conflict, a full disk), it is kept.
        try {
            take_lock(setup);
            read_config_again(setup);  // a pull meanwhile may have changed it
            if (!replace_contact(*setup.lock, slug, original, text))
                throw Error(Exit::data, fmt::format("'{}' changed while you edited it (a git pull, another kith, "
                                                    "another program): it is left as it now is",
                                                    display));
            finish_write(setup, *setup.lock, {display}, command, slug);
        } catch (const Error& problem) {
            copy->keep();
            throw Error(problem.status(), fmt::format("{}; your version is kept in {}: compare the two, then edit "
                                                      "again",
                                                      problem.what(), kept));
        }
        say(setup.globals, fmt::format("Saved {}", display));
        return {};
    }
}

}  // namespace

Run add_edit(CLI::App& command) {
    auto reference = std::make_shared<std::string>();
    command.add_option("C", *reference, "The contact: slug, name, or an unambiguous prefix")
        ->required()
        ->type_name("CONTACT");
    command.footer(
        "Opens a copy of the file in $VISUAL, else $EDITOR, else vi (\"code --wait\" works: no shell runs).\n"
        "A save that no longer reads as a contact is not kept: on a terminal you may edit again or restore\n"
        "the original; otherwise the original stays and kith exits 3. The copy of an edit that was killed\n"
        "is removed next time if it holds nothing new, else kept and named. No lock is held while the\n"
        "editor is open, so other kith commands go on; if the file changes meanwhile (a git pull, a note\n"
        "recorded), your save is not kept over it: the file stays as it now is, your version is kept in a\n"
        "copy that kith names, and kith exits 3.\n"
        "\nExample:\n  EDITOR=nano kith edit priya");
    return [reference, name = command.get_name()](Setup& setup) { return run(setup, name, *reference); };
}

}  // namespace kith::cli
