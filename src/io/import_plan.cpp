// Carrying out an import's plan.
#include "io/import_plan.hpp"

#include <set>

namespace kith {

std::vector<ImportResult> apply_import(const NetworkLock& lock, std::span<const ImportStep> plan, bool dry_run) {
    std::vector<ImportResult> results;
    results.reserve(plan.size());
    std::set<std::string, std::less<>> not_written;  // planned slugs whose entry could not be written
    for (const ImportStep& step : plan) {
        ImportResult& result = results.emplace_back();
        result.step = &step;
        if (step.action != ImportAction::add || dry_run) continue;
        try {
            create_contact_as(lock, step.contact, step.slug);
            result.written = true;
        } catch (const Error& e) {
            result.failure = e.what();
            result.failure_status = e.status();
            not_written.insert(step.slug);
        }
    }
    for (ImportResult& result : results)
        if (result.written && not_written.contains(result.step->contact.referred_by))
            result.referrer_not_written = result.step->contact.referred_by;
    return results;
}

}  // namespace kith
