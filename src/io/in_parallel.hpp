// Spreading work on many files over the machine's cores.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace kith {

// Calls `work(i)` for each i in [0, count), spread over the machine's cores
// (each takes the next i not yet taken). The first exception any call throws
// is thrown again here, once every thread is done.
template <typename Work>
void in_parallel(std::size_t count, const Work& work) {
    constexpr std::size_t enough_for_a_thread = 64;
    const std::size_t threads = std::clamp<std::size_t>(
        std::min<std::size_t>(std::thread::hardware_concurrency(), count / enough_for_a_thread), 1, 16);
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::atomic_flag failed;
    const auto run = [&] {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < count;)
                work(i);
        } catch (...) {
            if (!failed.test_and_set()) failure = std::current_exception();
            next = count;
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < threads; ++t) {
            try {
                helpers.emplace_back(run);
            } catch (const std::system_error&) {
                break;  // no more threads to be had (a process limit): those started do the rest
            }
        }
        run();
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace kith
