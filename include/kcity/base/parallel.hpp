// Work spread over the machine's cores. Used where inputs are independent (files, parts of a
// large file); results are written to slots indexed by the work item and merged in order by
// the caller, so the output never depends on the number of threads or their timing.
#pragma once
#include <cstddef>
#include <functional>

namespace kcity {

// Worker threads to use: the KCITY_THREADS environment variable when it holds a positive
// number (1 = everything on the calling thread), else the number of CPUs.
unsigned worker_count();

// Calls body(i) for every i in [0, n) and returns when all calls are done. Items are handed
// out one at a time, in order, to up to worker_count() threads. If a call throws, the first
// exception is rethrown here after the other threads have stopped.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& body);

// Calls body(begin, end) for the consecutive ranges of [0, n) of `chunk` items each (the last
// one shorter), as parallel_for calls body(i): for many small items, which would cost more to
// hand out one by one than to do. At most one range (n <= chunk) runs on the calling thread.
void parallel_chunks(std::size_t n, std::size_t chunk,
                     const std::function<void(std::size_t, std::size_t)>& body);

}  // namespace kcity
