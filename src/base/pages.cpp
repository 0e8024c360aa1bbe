#include "kcity/base/pages.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; glibc 2.36's headers may lack it
#endif

namespace kcity {

namespace {

// The whole pages inside [data, data + bytes): where they start and how many bytes (0: none).
struct PageRange {
    void* from;
    std::size_t bytes;
};

PageRange inner_pages(const void* data, std::size_t bytes) {
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    auto begin = reinterpret_cast<std::uintptr_t>(data);
    std::uintptr_t from = (begin + page - 1) / page * page;
    std::uintptr_t to = (begin + bytes) / page * page;
    if (data == nullptr || to <= from) return {nullptr, 0};
    return {reinterpret_cast<void*>(from), to - from};
}

}  // namespace

void map_pages_now(void* data, std::size_t bytes) {
    // Below 64 pages the faults cost less than the two system calls.
    if (bytes < (std::size_t{256} << 10)) return;
    PageRange r = inner_pages(data, bytes);
    if (r.bytes == 0) return;
#if defined(MADV_HUGEPAGE)
    // Both are advice: a kernel without them answers EINVAL and the pages fault in as before.
    madvise(r.from, r.bytes, MADV_HUGEPAGE);
#endif
    madvise(r.from, r.bytes, MADV_POPULATE_WRITE);
}

void release_pages(const void* data, std::size_t bytes) {
    PageRange r = inner_pages(data, bytes);
    if (r.bytes > 0) madvise(r.from, r.bytes, MADV_DONTNEED);
}

}  // namespace kcity
