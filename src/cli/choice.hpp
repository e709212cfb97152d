// Options and arguments whose value is one of an enum's names (--format,
// --rule, KIND, SHELL): declared from the enum's name table, so that what
// kith accepts, what --help lists and what the completions offer are that
// table, and the variable holds the enum itself.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "model/names.hpp"

namespace kith::cli {

// The table's names, in its order.
template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const NameTable<Enum, N>& table) {
    std::vector<std::string> out;
    for (const auto& pair : table)
        out.emplace_back(pair.second);
    return out;
}

// "a", "a or b", "a, b or c": a list as the help lines say it.
std::string in_words(const std::vector<std::string>& words);

// The table's names in words, each followed by its note in parentheses when
// `note` gives one: "linkedin (Connections.csv) or vcard (.vcf)".
template <typename Enum, std::size_t N>
std::string names_in_words(const NameTable<Enum, N>& table,
                           const std::type_identity_t<std::function<std::string_view(Enum)>>& note) {
    std::vector<std::string> words;
    for (const auto& [value, name] : table) {
        const std::string_view said = note(value);
        words.push_back(said.empty() ? std::string(name) : std::string(name) + " (" + std::string(said) + ")");
    }
    return in_words(words);
}

// "text (default), tsv, json or ics"; without a default, "bash, zsh or fish".
template <typename Enum, std::size_t N>
std::string names_in_words(const NameTable<Enum, N>& table,
                           std::type_identity_t<std::optional<Enum>> default_value = std::nullopt) {
    return names_in_words<Enum, N>(
        table, [default_value](Enum value) { return value == default_value ? "default" : std::string_view(); });
}

// A CLI11 check that takes exactly the table's names. Its description,
// "{text,tsv,json,ics}", follows the type name in --help, is where the
// completions read the choices (completion.cpp), and ends the error for any
// other word ("xml not in {text,tsv,json,ics}"), as CLI::IsMember's would.
template <typename Enum, std::size_t N>
CLI::Validator one_of(const NameTable<Enum, N>& table) {
    const std::string set = "{" + CLI::detail::join(names_of(table), ",") + "}";
    return CLI::Validator(
        [table, set](std::string& input) { return value_in(table, input) ? std::string() : input + " not in " + set; },
        set);
}

namespace detail {

// Stores the values `words` name into an option's variable; false (CLI11's
// conversion error) for a word that is no name, which one_of has refused first.
template <typename Enum, std::size_t N>
bool store(const NameTable<Enum, N>& table, const CLI::results_t& words, Enum& variable) {
    const std::optional<Enum> value = words.size() == 1 ? value_in(table, words.front()) : std::nullopt;
    if (value) variable = *value;
    return value.has_value();
}

template <typename Enum, std::size_t N>
bool store(const NameTable<Enum, N>& table, const CLI::results_t& words, std::optional<Enum>& variable) {
    Enum value{};
    if (!store(table, words, value)) return false;
    variable = value;
    return true;
}

template <typename Enum, std::size_t N>
bool store(const NameTable<Enum, N>& table, const CLI::results_t& words, std::vector<Enum>& variable) {
    variable.clear();
    for (const std::string& word : words) {
        const std::optional<Enum> value = value_in(table, word);
        if (!value) return false;
        variable.push_back(*value);
    }
    return true;
}

}  // namespace detail

// Declares the option or positional `name` on `app`, taking one of the
// table's names into `variable`: an Enum, a std::optional<Enum> (unset
// unless given) or a std::vector<Enum> (every one given, once the caller
// lets it repeat). Its type name is TEXT, as for any word, until the caller
// names it (FORMAT, RULE).
template <typename Variable, typename Enum, std::size_t N>
CLI::Option* add_choice(CLI::App& app, const std::string& name, Variable& variable, const NameTable<Enum, N>& table,
                        const std::string& description) {
    const auto to_variable = [&variable, table](const CLI::results_t& words) {
        return detail::store(table, words, variable);
    };
    return app.add_option(name, to_variable, description)->check(one_of(table))->type_name("TEXT");
}

}  // namespace kith::cli
