// Filling a draft's template with its values.
#include "messages/drafts.hpp"

#include <algorithm>
#include <vector>

#include <fmt/args.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/error.hpp"

namespace kith {

std::string fill_template(const DraftTemplate& tmpl, const std::map<std::string, Value, std::less<>>& values,
                          std::string_view draft) {
    const std::string where = tmpl.file.empty() ? fmt::format("built-in template '{}'", tmpl.name) : tmpl.file;
    const std::string_view text = tmpl.text;
    const auto fail_at = [&](std::size_t offset, const std::string& message) {
        const std::string_view before = text.substr(0, offset);
        const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
        const std::size_t column = offset - (before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1);
        throw Error(Exit::data, fmt::format("{}:{}:{}: {}", where, line, column + 1, message));
    };
    const std::size_t first_end = text.find('\n');
    if (!text.starts_with("Subject: ") || first_end == std::string_view::npos || text.substr(first_end + 1, 1) != "\n")
        fail_at(0, "a template starts with a 'Subject: ...' line, then a blank line, then the body");

    // The placeholders it uses, checked before fmt fills them.
    std::vector<std::string_view> used;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '}') {
            if (text.substr(at, 2) != "}}") fail_at(at, "a '}' with no '{' (write '}}' for a brace)");
            ++at;
            continue;
        }
        if (text[at] != '{') continue;
        if (text.substr(at, 2) == "{{") {
            ++at;
            continue;
        }
        const std::size_t close = text.find('}', at);
        const std::string_view name =
            text.substr(at + 1, close == std::string_view::npos ? std::string_view::npos : close - at - 1);
        if (close == std::string_view::npos || name.find_first_of("{\n") != std::string_view::npos)
            fail_at(at, "a '{' with no '}' (write '{{' for a brace)");
        if (!values.contains(name)) {
            std::vector<std::string_view> known;
            for (const PlaceholderInfo& p : placeholders())
                known.push_back(p.name);
            fail_at(at, fmt::format("unknown placeholder {{{}}}; known: {}", name, fmt::join(known, ", ")));
        }
        if (std::find(used.begin(), used.end(), name) == used.end()) used.push_back(name);
        at = close;
    }

    // What has no value, grouped by why, so each reason is said once.
    std::vector<std::pair<std::string, std::vector<std::string>>> missing;  // why, placeholders
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const std::string_view name : used) {
        const Value& value = values.find(name)->second;
        if (value.text) {
            args.push_back(fmt::arg(std::string(name).c_str(), *value.text));
            continue;
        }
        auto same =
            std::find_if(missing.begin(), missing.end(), [&](const auto& m) { return m.first == value.missing; });
        if (same == missing.end()) same = missing.insert(missing.end(), {value.missing, {}});
        same->second.push_back(fmt::format("{{{}}}", name));
    }
    if (!missing.empty()) {
        std::string lines;
        for (const auto& [why, names] : missing)
            lines += fmt::format("\n  {}: {}", fmt::join(names, ", "), why);
        throw Error(Exit::data, fmt::format("{}{} needs what the network does not hold:{}", draft,
                                            tmpl.file.empty() ? "" : fmt::format(" ({})", tmpl.file), lines));
    }
    std::string out = fmt::vformat(text, args);
    if (!out.ends_with('\n')) out += '\n';
    return out;
}

}  // namespace kith
