// libFuzzer: any UTF-8 string through the writer the store uses for values
// (toml_text) and back through toml++: it must read back byte for byte, as a
// note, a name or a tag, so that no user text is ever changed by a write.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/toml_text.hpp"
#include "model/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (!kith::is_valid_utf8(text)) return 0;  // the CLI refuses such text before it reaches the writer
    const toml::table value = kith::parse_toml("v = " + kith::toml_text(text) + "\n", "fuzz");
    if (value["v"].value<std::string>() != text) __builtin_trap();
    const toml::table list =
        kith::parse_toml("v = " + kith::toml_text(std::vector<std::string>{text, "x", text}) + "\n", "fuzz");
    const toml::array* array = list["v"].as_array();
    if (!array || array->size() != 3 || (*array)[2].value<std::string>() != text) __builtin_trap();
    return 0;
}
