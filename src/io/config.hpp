// Reading the network's kith.toml.
#pragma once

#include "io/network.hpp"
#include "rules/config.hpp"

namespace kith {

// The network's kith.toml, read and checked; throws Error(data) with
// file:line:col.
Config load_config(const Network& network);

}  // namespace kith
