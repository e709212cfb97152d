// Reading the network's kith.toml.
#include "io/config.hpp"

#include "formats/config_text.hpp"
#include "io/files.hpp"

namespace kith {

Config load_config(const Network& network) {
    return parse_config(read_file(network.root / config_file_name, config_file_name), config_file_name);
}

}  // namespace kith
