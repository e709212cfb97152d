// kith export: every contact with every field, for other tools.
#include <iostream>
#include <memory>
#include <sstream>

#include "choice.hpp"
#include "commands.hpp"
#include "formats/render.hpp"

namespace kith::cli {

Run add_export(CLI::App& command) {
    auto format = std::make_shared<ExportFormat>();
    add_choice(command, "--format", *format, export_format_names, names_in_words(export_format_names))
        ->required()
        ->type_name("FORMAT");
    command.footer(
        "json: an array with one object a line: contact (the slug), name, the fields that are set, tags,\n"
        "keep_in_touch, added, other_fields (keys kith does not know) and events, each with its fields,\n"
        "in the order of the file.\n"
        "csv (RFC 4180): a header row, then a row per contact: contact, name, email, phone, company, role,\n"
        "linkedin, location, source, referred_by, tags (joined by ';'), keep_in_touch, added, then a\n"
        "column for each key kith does not know. Events are in the JSON only.\n"
        "vcard: a vCard 4.0 per contact, for phones and address books: FN, EMAIL, TEL, ORG, TITLE, URL (the\n"
        "LinkedIn profile), ADR (location), CATEGORIES (tags), X-KITH-SLUG, -SOURCE, -REFERRED-BY,\n"
        "-KEEP-IN-TOUCH and -ADDED, and an X-KITH-FIELD for each key kith does not know, so that 'kith\n"
        "import vcard' reads back the same contacts, each referral following its referrer to the slug it\n"
        "gets there. Events are not in it.\n"
        "A contact file that cannot be read is named on stderr; the others are exported, and kith exits 3.\n"
        "\nExamples:\n  kith export --format json > contacts.json\n"
        "  kith export --format json | jq -r '.[] | select(.company == \"Acme Batteries\") | .email'\n"
        "  kith export --format csv > contacts.csv\n"
        "  kith export --format vcard > contacts.vcf");
    return [format](Setup& setup) {
        std::ostringstream out;  // on a terminal a person reads it: its text made visible there
        render_export(out, contacts(setup).contacts, *format);
        print_text(out.str());
        return Outcome{};
    };
}

}  // namespace kith::cli
