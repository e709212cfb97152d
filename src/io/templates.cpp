// Reading a network's own draft templates.
#include "io/templates.hpp"

#include "io/files.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "model/error.hpp"
#include "model/text.hpp"

namespace kith {

DraftTemplate load_template(const Network& network, DraftKind kind, const std::string& variant) {
    for (const std::string& name : {variant, std::string(to_string(kind))}) {
        const std::string display = fmt::format("templates/{}.txt", name);
        if (!std::filesystem::exists(network.root / display)) continue;
        std::string text = read_file(network.root / display, display);
        if (!is_valid_utf8(text)) throw Error(Exit::data, fmt::format("'{}' is not valid UTF-8", display));
        return {name, std::move(text), display};
    }
    return {variant, std::string(built_in_template(variant)), {}};
}

}  // namespace kith
