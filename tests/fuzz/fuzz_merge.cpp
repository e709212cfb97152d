// libFuzzer: any three texts (base, ours, theirs: the input split at its
// first two 0x01 bytes) through the merge driver's table merge. It must never
// crash or reach undefined behaviour; table headers are found only at the
// start of a line, in order; and a merge of a side with itself, or with the
// base, is that side byte for byte.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/merge.hpp"
#include "formats/toml_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t first = input.find('\x01');
    const std::size_t second = first == std::string_view::npos ? first : input.find('\x01', first + 1);
    const std::string_view base = input.substr(0, first);
    const std::string_view ours = first == std::string_view::npos ? input : input.substr(first + 1, second - first - 1);
    const std::string_view theirs = second == std::string_view::npos ? ours : input.substr(second + 1);

    std::size_t previous = 0;
    bool any = false;
    for (const std::size_t at : kith::table_starts(ours)) {
        if (at >= ours.size() || (at > 0 && ours[at - 1] != '\n') || (any && at <= previous)) __builtin_trap();
        previous = at;
        any = true;
    }
    if (kith::merge_tables(base, ours, ours) != std::string(ours)) __builtin_trap();
    if (kith::merge_tables(base, ours, base) != std::string(ours)) __builtin_trap();
    if (kith::merge_tables(base, base, theirs) != std::string(theirs)) __builtin_trap();
    (void)kith::merge_tables(base, ours, theirs);
    return 0;
}
