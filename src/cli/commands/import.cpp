// kith import linkedin|vcard FILE: add the contacts of another tool's export,
// those the network does not already hold.
#include <memory>

#include <fmt/format.h>

#include "choice.hpp"
#include "commands.hpp"
#include "formats/contact_text.hpp"
#include "formats/linkedin.hpp"
#include "formats/vcard.hpp"
#include "io/contacts.hpp"
#include "io/import_plan.hpp"
#include "io/network.hpp"
#include "io/store.hpp"
#include "model/error.hpp"
#include "record.hpp"
#include "rules/import.hpp"

namespace kith::cli {

namespace {

// What `kith import` was asked to do.
struct ImportOptions {
    ImportKind kind = ImportKind::linkedin;
    std::string file;
    bool dry_run = false;
    bool verbose = false;
    std::string text;  // FILE's, read before the network is locked: a slow pipe keeps no writer waiting
};

// "Priya Singh is already here as priya-singh (same email)", or for a repeat
// within the file, "Priya Singh repeats line 5, priya-singh (same email)".
std::string already_here(const ImportStep& step) {
    if (step.matched_line != 0)
        return fmt::format("{} repeats line {}, {} (same {})", step.contact.name, step.matched_line, step.slug,
                           step.matched_by);
    return fmt::format("{} is already here as {} (same {})", step.contact.name, step.slug, step.matched_by);
}

// Reads the whole file, then under the lock adds each entry the network
// does not hold, saying what became of each as asked; an entry that cannot
// be read or written is a problem for main to name, never the end of the rest.
Outcome run(Setup& setup, const std::string& command, const ImportOptions& options) {
    const Globals& globals = setup.globals;
    const std::string display = options.file == "-" ? "standard input" : options.file;
    const std::string& text = options.text;
    const DateTime today = setup.now;
    // A file that is no such export stops here, before anything is written.
    const std::vector<ImportedEntry> entries = options.kind == ImportKind::linkedin
                                                   ? read_linkedin_connections(text, display, today.day())
                                                   : read_vcards(text, display, today);

    const LoadedContacts& loaded = contacts(setup);
    Outcome outcome;
    if (!loaded.problems.empty()) {
        outcome.problems = loaded.problems;
        outcome.problems.emplace_back(
            Exit::data,
            "nothing imported: a contact file that does not read cannot be checked for duplicates; "
            "mend it first ('kith check' lists the problems)");
        return outcome;
    }
    const NetworkLock& lock = *setup.lock;

    const std::vector<ImportStep> plan = plan_import(loaded.contacts, entries);
    const std::vector<ImportResult> results = apply_import(lock, plan, options.dry_run);
    std::vector<std::string> files;
    std::size_t added = 0, present = 0, skipped = 0;
    for (const ImportResult& result : results) {
        const ImportStep& step = *result.step;
        const std::string where = fmt::format("{}:{}", display, step.line);
        if (step.action == ImportAction::skip) {
            ++skipped;
            outcome.problems.emplace_back(Exit::usage, fmt::format("{}: skipped: {}", where, step.problem));
        } else if (step.action == ImportAction::present) {
            ++present;
            if (options.verbose || options.dry_run) say(globals, fmt::format("{}: {}", where, already_here(step)));
        } else if (options.dry_run) {
            ++added;
            say(globals, fmt::format("{}: would add {} as {}", where, step.contact.name, step.slug));
            if (!step.warning.empty()) warn(fmt::format("{}: {}", where, step.warning));
        } else if (!result.written) {
            ++skipped;
            outcome.problems.emplace_back(result.failure_status, fmt::format("{}: skipped: {}", where, result.failure));
        } else {
            ++added;
            setup.recorded = true;  // from here on, a retry would not add it again, but say it is present
            files.push_back(contact_file_name(step.slug));
            if (options.verbose) say(globals, fmt::format("{}: added {} as {}", where, step.contact.name, step.slug));
            if (!step.warning.empty()) warn(fmt::format("{}: {}", where, step.warning));
            if (step.slug != make_slug(step.contact.name))
                warn(fmt::format("{}: the slug '{}' was taken (is {} already a contact?); this one is '{}'", where,
                                 make_slug(step.contact.name), step.contact.name, step.slug));
        }
    }
    for (const ImportResult& result : results)
        if (!result.referrer_not_written.empty())
            warn(fmt::format("{}:{}: its referred_by '{}' names an entry that could not be written", display,
                             result.step->line, result.referrer_not_written));
    if (!files.empty())
        finish_write(setup, lock, files, command,
                     fmt::format("{} contact{} from {}", added, added == 1 ? "" : "s",
                                 std::filesystem::path(display).filename().string()));
    say(globals, options.dry_run ? fmt::format("{} to add, {} already present, {} skipped (dry run: nothing written)",
                                               added, present, skipped)
                                 : fmt::format("{} added, {} already present, {} skipped", added, present, skipped));
    return outcome;
}

}  // namespace

Run add_import(CLI::App& command) {
    auto options = std::make_shared<ImportOptions>();
    const auto file_of = [](ImportKind kind) -> std::string_view {
        return kind == ImportKind::linkedin ? "Connections.csv" : ".vcf";
    };
    add_choice(command, "KIND", options->kind, import_kind_names,
               "What the file is: " + names_in_words(import_kind_names, file_of))
        ->required()
        ->type_name("KIND");
    command.add_option("FILE", options->file, "The export to read (- for standard input)")
        ->required()
        ->type_name("FILE");
    command.add_flag("-n,--dry-run", options->dry_run, "Say what would become of each entry, and write nothing");
    command.add_flag("-v,--verbose", options->verbose, "Say what became of each entry, not just the counts");
    command.footer(
        "linkedin: the Connections.csv of LinkedIn's data export (Settings, Data privacy, Get a copy of\n"
        "your data). Each row becomes a contact with source \"LinkedIn\", its profile URL, email, company and\n"
        "position, added on the day you connected.\n"
        "vcard: a .vcf file of one or more cards, vCard 2.1, 3.0 or 4.0, as phones, Google Contacts and\n"
        "khard export them: FN (or N), the preferred EMAIL and TEL, ORG, TITLE, a LinkedIn URL, ADR's city,\n"
        "region and country (as location), CATEGORIES (as tags), NOTE (as a first note), and the X-KITH-*\n"
        "properties of 'kith export --format vcard'.\n"
        "\n"
        "An entry is already present, and not added again, when a contact has the same LinkedIn URL, else\n"
        "the same email, else the same name and neither another LinkedIn URL nor another email; the same\n"
        "goes for repeats within the file. So importing a newer export of the same account adds only the\n"
        "new people. A namesake who is someone else is added under the next free slug, with a warning.\n"
        "An entry that cannot be read (or written) is named on stderr with its line and why, and skipped;\n"
        "the others are imported, and kith exits 2 (3 for one that could not be written).\n"
        "\nExamples:\n"
        "  kith import linkedin --dry-run ~/Downloads/Connections.csv\n"
        "  kith import linkedin ~/Downloads/Connections.csv\n"
        "  cat ~/contacts/*.vcf | kith import vcard -");
    command.callback([options] { options->text = read_input(options->file); });
    return [options, name = command.get_name()](Setup& setup) { return run(setup, name, *options); };
}

}  // namespace kith::cli
