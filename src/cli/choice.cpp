// The help lines' lists of names (choice.hpp).
#include "choice.hpp"

namespace kith::cli {

std::string in_words(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

}  // namespace kith::cli
