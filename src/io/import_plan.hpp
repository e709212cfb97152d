// Writing what an import's plan adds (rules/import.hpp decides the plan):
// every entry tried, one that cannot be written never the end of the rest.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "io/store.hpp"
#include "rules/import.hpp"

namespace kith {

// What became of one step of the plan when it was carried out.
struct ImportResult {
    const ImportStep* step = nullptr;
    bool written = false;  // an add whose contact file is now in place
    std::string failure;   // an add that could not be written: why (step->action stays add)
    Exit failure_status = Exit::ok;
    // An add whose referred_by names an entry of the same file that could not
    // be written: that referrer's slug, so that the person can mend it.
    std::string referrer_not_written;
};

// Creates, under `lock`, a contact file for each add of `plan` at the slug the
// plan chose (so that the referrals it set point where they should); skips
// and presents are passed through. With `dry_run`, nothing is written. The
// results are in the plan's order.
std::vector<ImportResult> apply_import(const NetworkLock& lock, std::span<const ImportStep> plan, bool dry_run);

}  // namespace kith
