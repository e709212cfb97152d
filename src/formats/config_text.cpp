// kith.toml's text, read and written.
#include "formats/config_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "formats/contact_text.hpp"
#include "formats/toml_text.hpp"
#include "model/error.hpp"

namespace kith {

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

std::string milestone_appended(const std::string& old, const Milestone& milestone) {
    const Config before = parse_config(old, config_file_name);
    const std::string text = appended(old, fmt::format("[[milestone]]\ndate = {}\ntext = {}\n",
                                                       toml_text(milestone.date), toml_text(milestone.text)));
    const Config after = parse_config(text, config_file_name);
    if (after.milestones.size() != before.milestones.size() + 1 || after.milestones.back().date != milestone.date ||
        after.milestones.back().text != milestone.text)
        refuse_to_write(config_file_name);
    return text;
}

}  // namespace kith
