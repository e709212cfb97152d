// The one error type of kith: a message and the exit status it leads to.
#pragma once

#include <stdexcept>
#include <string>

namespace kith {

// Exit statuses, as promised in SPEC §6.
enum class Exit : int {
    ok = 0,
    found = 1,  // `due --exit-code` listed something; `check` found problems
    usage = 2,  // bad argument, unknown contact, bad date, no network
    data = 3,   // a file that cannot be read, parsed or trusted
};

// Thrown where a fact is known to be wrong; caught and printed once, in main.
class Error : public std::runtime_error {
public:
    Error(Exit status, const std::string& message) : std::runtime_error(message), status_(status) {}
    Exit status() const { return status_; }

private:
    Exit status_;
};

}  // namespace kith
