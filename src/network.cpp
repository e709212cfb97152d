// Finding the network, reading its files, and resolving contact references.
#include "kith/network.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "kith/error.hpp"
#include "kith/text.hpp"
#include "toml_text.hpp"

namespace kith {

namespace fs = std::filesystem;

namespace {

bool holds_network(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / config_file_name, ec);
}

Network network_at(const fs::path& dir, std::string_view how) {
    if (!holds_network(dir))
        throw Error(Exit::usage, fmt::format("no kith network at '{}' ({}); create one with: kith init {}",
                                             dir.string(), how, dir.string()));
    return Network{dir};
}

// The network's own contact files: "<slug>.toml", never hidden ones (temporaries).
bool is_contact_file_name(const std::string& name) {
    return name.size() > 5 && name.front() != '.' && name.ends_with(".toml");
}

// A slug and the name in its file (empty when the file cannot be read).
struct Known {
    std::string slug;
    std::string name;
};

std::vector<Known> known_contacts(const Network& network) {
    std::vector<Known> out;
    for (auto& slug : contact_slugs(network)) {
        std::string name;
        try {
            name = load_contact(network, slug).name;
        } catch (const Error&) {
            // A broken file can still be named by its slug; `kith check` reports it.
        }
        out.push_back({std::move(slug), std::move(name)});
    }
    return out;
}

std::string describe(const std::vector<const Known*>& candidates) {
    std::string out;
    for (const Known* known : candidates) {
        if (!out.empty()) out += ", ";
        out += known->name.empty() ? known->slug : fmt::format("{} ({})", known->slug, known->name);
    }
    return out;
}

// A reference that can only be a file stem inside contacts/.
bool is_plain_stem(std::string_view reference) {
    return !reference.empty() && reference.front() != '.' && reference.find('/') == std::string_view::npos &&
           reference.find('\0') == std::string_view::npos;
}

[[noreturn]] void ambiguous(std::string_view reference, const std::vector<const Known*>& candidates) {
    throw Error(Exit::usage, fmt::format("ambiguous contact '{}': it could be {}", reference, describe(candidates)));
}

// The one contact whose name is `reference`, ignoring case.
std::optional<std::string> exact_name(const std::vector<Known>& known, std::string_view reference) {
    const std::string wanted = fold_case(reference);
    std::vector<const Known*> matches;
    for (const Known& k : known)
        if (!k.name.empty() && fold_case(k.name) == wanted) matches.push_back(&k);
    if (matches.size() > 1) ambiguous(reference, matches);
    if (matches.empty()) return std::nullopt;
    return matches.front()->slug;
}

}  // namespace

Network find_network(const WhereToLook& where) {
    if (where.dir_option) return network_at(*where.dir_option, "from --dir");
    if (where.kith_dir && !where.kith_dir->empty()) return network_at(*where.kith_dir, "from KITH_DIR");
    for (fs::path dir = where.working_directory; !dir.empty(); dir = dir.parent_path()) {
        if (holds_network(dir)) return Network{dir};
        if (dir == dir.root_path()) break;
    }
    const fs::path fallback = default_network_dir(where);
    if (holds_network(fallback)) return Network{fallback};
    throw Error(Exit::usage, fmt::format("no kith network here or in '{}'; create one with: kith init "
                                         "(or name one with --dir DIR or KITH_DIR)",
                                         fallback.string()));
}

fs::path default_network_dir(const WhereToLook& where) {
    if (where.dir_option) return *where.dir_option;
    if (where.kith_dir && !where.kith_dir->empty()) return *where.kith_dir;
    if (where.xdg_data_home && fs::path(*where.xdg_data_home).is_absolute())
        return fs::path(*where.xdg_data_home) / "kith";
    if (!where.home || where.home->empty())
        throw Error(Exit::usage, "neither XDG_DATA_HOME nor HOME is set; name the network with --dir DIR");
    return fs::path(*where.home) / ".local" / "share" / "kith";
}

Config parse_config(std::string_view text, std::string_view file) {
    const toml::table root = parse_toml(text, file);
    const auto fail = [&](const toml::node& at, const std::string& message) {
        throw Error(Exit::data, fmt::format("{}:{}: {}", file, position_of(at.source()), message));
    };
    const auto table = [&](std::string_view key) -> const toml::table* {
        const toml::node* node = root.get(key);
        if (node && !node->is_table()) fail(*node, fmt::format("'{}' must be a table, written [{}]", key, key));
        return node ? node->as_table() : nullptr;
    };
    const auto text_of = [&](const toml::table& in, std::string_view key) -> std::string {
        const toml::node* node = in.get(key);
        if (!node) return {};
        if (!node->is_string()) fail(*node, fmt::format("'{}' must be a string", key));
        return node->value<std::string>().value();
    };

    Config out;
    if (const toml::table* me = table("me")) {
        out.me = Me{text_of(*me, "name"), text_of(*me, "email"), text_of(*me, "headline"), text_of(*me, "pitch"),
                    text_of(*me, "availability")};
    }
    if (const toml::table* policy = table("policy")) {
        for (const auto& [key, node] : *policy) {
            const auto fields = policy_fields();
            const std::string_view name = key.str();  // a structured binding cannot be captured before clang 16
            auto field =
                std::find_if(fields.begin(), fields.end(), [&](const PolicyField& f) { return f.key == name; });
            if (field == fields.end()) fail(node, fmt::format("unknown policy '{}'", key.str()));
            if (!node.is_string()) fail(node, fmt::format("policy '{}' must be a string such as \"14d\"", key.str()));
            try {
                out.policy.*(field->member) = parse_duration(node.value<std::string>().value(), true);
            } catch (const Error& e) {
                fail(node, fmt::format("policy '{}': {}", key.str(), e.what()));
            }
        }
    }
    if (const toml::table* git = table("git")) {
        if (const toml::node* autocommit = git->get("autocommit")) {
            if (!autocommit->is_boolean()) fail(*autocommit, "'autocommit' must be true or false");
            out.autocommit = autocommit->value<bool>().value();
        }
    }
    if (const toml::node* milestones = root.get("milestone")) {
        const toml::array* array = milestones->as_array();
        if (!array) fail(*milestones, "'milestone' must be written as [[milestone]] tables");
        for (const toml::node& node : *array) {
            const toml::table* milestone = node.as_table();
            if (!milestone) fail(node, "each [[milestone]] must be a table");
            Milestone m;
            const toml::node* when = milestone->get("date");
            if (!when) fail(node, "milestone has no 'date'");
            if (auto day = when->as_date())
                m.date = to_datetime(day->get());
            else if (auto moment = when->as_date_time())
                m.date = to_datetime(moment->get());
            else
                fail(*when, "a milestone's 'date' must be a TOML date, as in 2027-03-01");
            m.text = text_of(*milestone, "text");
            if (m.text.empty()) fail(node, "milestone has no 'text'");
            out.milestones.push_back(std::move(m));
        }
    }
    return out;
}

Config load_config(const Network& network) {
    return parse_config(read_file(network.root / config_file_name, config_file_name), config_file_name);
}

std::string initial_config_text() {
    std::string out =
        "# kith network: your profile, your policy, your milestones.\n"
        "# Contacts live in contacts/, one file each.\n"
        "\n"
        "[me]\n"
        "# name = \"Your Name\"\n"
        "# email = \"you@example.org\"\n"
        "# headline = \"second-year chemistry student\"\n"
        "# pitch = \"\"\"Your one-minute introduction.\"\"\"\n"
        "# availability = \"Wednesdays 8-11am, Fridays 12-3pm\"\n"
        "\n"
        "[policy]\n"
        "# How long each reminder waits. Durations: 36h, 14d, 2w, 3m (30 days), or \"never\".\n";
    for (const PolicyField& field : policy_fields())
        out += fmt::format("# {:<30} # {}\n", fmt::format("{} = \"{}\"", field.key, field.default_text), field.meaning);
    out +=
        "\n"
        "[git]\n"
        "# autocommit = false   # true: commit every change kith makes\n";
    return out;
}

std::string contact_file_name(std::string_view slug) {
    return fmt::format("contacts/{}.toml", slug);
}

fs::path contact_path(const Network& network, std::string_view slug) {
    return network.root / "contacts" / fmt::format("{}.toml", slug);
}

std::string read_file(const fs::path& path, std::string_view display) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw Error(Exit::data, fmt::format("cannot read '{}': it is a directory", display));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Exit::data, fmt::format("cannot read '{}': {}", display, std::strerror(errno)));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw Error(Exit::data, fmt::format("cannot read '{}': {}", display, std::strerror(errno)));
    return std::move(bytes).str();
}

std::vector<std::string> contact_slugs(const Network& network) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(network.root / "contacts", ec)) {
        const std::string name = entry.path().filename().string();
        if (is_contact_file_name(name)) out.push_back(name.substr(0, name.size() - 5));
    }
    std::sort(out.begin(), out.end());
    return out;
}

Contact load_contact(const Network& network, std::string_view slug) {
    const std::string display = contact_file_name(slug);
    return parse_contact(read_file(contact_path(network, slug), display), display, std::string(slug));
}

LoadedContacts load_contacts(const Network& network) {
    LoadedContacts out;
    for (const std::string& slug : contact_slugs(network)) {
        try {
            out.contacts.push_back(load_contact(network, slug));
        } catch (const Error& e) {
            out.problems.push_back(e);
        }
    }
    return out;
}

std::vector<std::string> check_network(const Network& network) {
    std::vector<std::string> problems;
    try {
        load_config(network);
    } catch (const Error& e) {
        problems.push_back(e.what());
    }
    const LoadedContacts loaded = load_contacts(network);
    for (const Error& e : loaded.problems)
        problems.push_back(e.what());

    std::map<std::string, const Contact*, std::less<>> by_slug;
    for (const Contact& c : loaded.contacts)
        by_slug.emplace(c.slug, &c);
    const auto exists = [&](const std::string& slug) {
        std::error_code ec;
        return by_slug.contains(slug) || (is_plain_stem(slug) && fs::is_regular_file(contact_path(network, slug), ec));
    };
    std::map<std::string, const Contact*> by_email;
    for (const Contact& c : loaded.contacts) {
        const std::string file = contact_file_name(c.slug);
        const auto problem = [&](std::size_t line, const std::string& what) {
            problems.push_back(fmt::format("{}:{}: {}", file, line, what));
        };
        if (!c.referred_by.empty() && !exists(c.referred_by))
            problem(c.referred_by_line, fmt::format("referred_by '{}' is not a contact", c.referred_by));
        for (const Event& e : c.events)
            for (const std::string& referral : e.referrals)
                if (!exists(referral)) problem(e.line, fmt::format("referral '{}' is not a contact", referral));
        const std::string expected = make_slug(c.name);
        const bool numbered = c.slug.starts_with(expected + "-") &&
                              c.slug.find_first_not_of("0123456789", expected.size() + 1) == std::string::npos;
        if (c.slug != expected && !numbered)
            problem(1, fmt::format("the file name does not match the name '{}' (expected {})", c.name,
                                   contact_file_name(expected)));
        if (!c.email.empty()) {
            const auto [first, fresh] = by_email.emplace(fold_case(c.email), &c);
            if (!fresh)
                problem(c.email_line,
                        fmt::format("email {} is also {}'s ({})", c.email, first->second->name, first->second->slug));
        }
    }
    return problems;
}

std::optional<std::string> find_contact_exactly(const Network& network, std::string_view reference) {
    std::error_code ec;
    if (is_plain_stem(reference) && fs::is_regular_file(contact_path(network, reference), ec))
        return std::string(reference);
    return exact_name(known_contacts(network), reference);
}

std::string resolve_contact(const Network& network, std::string_view reference) {
    if (reference.empty()) throw Error(Exit::usage, "no contact named: the contact reference is empty");
    std::error_code ec;
    if (is_plain_stem(reference) && fs::is_regular_file(contact_path(network, reference), ec))
        return std::string(reference);
    const std::vector<Known> known = known_contacts(network);
    if (auto exact = exact_name(known, reference)) return *exact;

    const std::string wanted = fold_case(reference);
    std::vector<const Known*> prefixed;
    for (const Known& k : known)
        if (k.slug.starts_with(wanted) || fold_case(k.name).starts_with(wanted)) prefixed.push_back(&k);
    if (prefixed.size() == 1) return prefixed.front()->slug;
    if (prefixed.size() > 1) ambiguous(reference, prefixed);

    std::vector<const Known*> similar;
    const std::string as_slug = make_slug(reference);
    for (const Known& k : known)
        if (edit_distance(k.slug, as_slug) <= 2 || k.slug.find(as_slug) != std::string::npos) similar.push_back(&k);
    if (similar.empty()) throw Error(Exit::usage, fmt::format("unknown contact '{}'", reference));
    throw Error(Exit::usage, fmt::format("unknown contact '{}'; did you mean {}?", reference, describe(similar)));
}

}  // namespace kith
