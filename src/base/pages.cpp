#include "kcity/base/pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace kcity {

void map_pages_now(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Below 64 pages the faults cost less than the two system calls.
    if (data == nullptr || bytes < (std::size_t{256} << 10)) return;
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    auto begin = reinterpret_cast<std::uintptr_t>(data);
    std::uintptr_t from = (begin + page - 1) / page * page;  // whole pages inside the buffer
    std::uintptr_t to = (begin + bytes) / page * page;
    if (to <= from) return;
    auto* at = reinterpret_cast<void*>(from);
    // Both are advice: a kernel without them answers EINVAL and the pages fault in as before.
    madvise(at, to - from, MADV_HUGEPAGE);
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; glibc 2.36's headers may lack it
#endif
    madvise(at, to - from, MADV_POPULATE_WRITE);
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace kcity
