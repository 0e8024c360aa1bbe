#include "kcity/base/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kcity {

unsigned worker_count() {
    if (const char* env = std::getenv("KCITY_THREADS"); env && *env) {
        char* end = nullptr;
        long n = std::strtol(env, &end, 10);
        if (*end == '\0' && n > 0) return static_cast<unsigned>(std::min(n, 256L));
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

namespace {
// Set on the threads of a parallel_for: a parallel_for inside its body (robustness runs each
// evaluate a track, which spreads its proposals) runs on the calling thread, rather than
// starting threads of its own for every item on cores that are busy already.
thread_local bool in_parallel_for = false;
}  // namespace

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& body) {
    std::size_t threads = in_parallel_for ? 1 : std::min<std::size_t>(worker_count(), n);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i) body(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_lock;
    auto work = [&] {
        const bool outer = in_parallel_for;
        in_parallel_for = true;
        for (std::size_t i; !failed && (i = next.fetch_add(1)) < n;) {
            try {
                body(i);
            } catch (...) {
                std::lock_guard guard(error_lock);
                if (!first_error) first_error = std::current_exception();
                failed = true;
            }
        }
        in_parallel_for = outer;
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();  // the calling thread is one of the workers
    for (auto& t : pool) t.join();
    if (first_error) std::rethrow_exception(first_error);
}

void parallel_chunks(std::size_t n, std::size_t chunk,
                     const std::function<void(std::size_t, std::size_t)>& body) {
    chunk = std::max<std::size_t>(chunk, 1);
    parallel_for((n + chunk - 1) / chunk,
                 [&](std::size_t c) { body(c * chunk, std::min(n, (c + 1) * chunk)); });
}

}  // namespace kcity
