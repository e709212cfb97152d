// Reading a network's own draft templates (templates/<variant>.txt) from disk.
#pragma once

#include <string>

#include "io/network.hpp"
#include "messages/draft_templates.hpp"

namespace kith {

// The template a draft of `kind` takes: templates/<variant>.txt, else
// templates/<kind>.txt, in the network, else the built-in variant. Error(data)
// for a template file that cannot be read or is not UTF-8.
DraftTemplate load_template(const Network& network, DraftKind kind, const std::string& variant);

}  // namespace kith
