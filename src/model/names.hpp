// The words people type and read for an enum's values ("follow-up" for
// Rule::follow_up): one table of {value, name} pairs per enum, in the order
// lists show them, and the lookups every such table needs.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace kith {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

// The name of `value`; every value of the enum is in its table.
template <typename Enum, std::size_t N>
constexpr std::string_view name_in(const NameTable<Enum, N>& table, Enum value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

// The value called `name`, if any.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> value_in(const NameTable<Enum, N>& table, std::string_view name) {
    for (const auto& [v, n] : table)
        if (n == name) return v;
    return std::nullopt;
}

// Every value, in the table's order.
template <typename Enum, std::size_t N>
constexpr std::array<Enum, N> values_in(const NameTable<Enum, N>& table) {
    std::array<Enum, N> out{};
    for (std::size_t i = 0; i < N; ++i)
        out[i] = table[i].first;
    return out;
}

}  // namespace kith
