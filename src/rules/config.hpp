// kith.toml as values: who you are, the policy, and the milestones.
#pragma once

#include <string>
#include <vector>

#include "rules/rules.hpp"

namespace kith {

// [me] in kith.toml: who you are, for drafts and your pitch.
struct Me {
    std::string name;
    std::string email;
    std::string headline;
    std::string pitch;
    std::string availability;
};

// kith.toml, read and checked.
struct Config {
    Me me;
    Policy policy;
    bool autocommit = false;
    std::vector<Milestone> milestones;
};

}  // namespace kith
