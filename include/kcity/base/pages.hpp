// Faulting in a large buffer at once, before one thread fills it.
#pragma once
#include <cstddef>
#include <vector>

namespace kcity {

// Maps the pages of [data, data + bytes) now, with huge pages where the kernel gives them to
// a program that asks (transparent huge pages in `madvise` mode), instead of one page fault
// per 4 KiB as the buffer is first written. A fault costs about 14 us on the virtual machines
// kcity was measured on (bench/README.md), and the buffers this is for are written by one
// thread while the others wait: the call's list of proposals, the load's tasks, a track's
// results. Only for memory about to be written whole (it becomes resident). Does nothing where
// the kernel does not know the requests (before Linux 5.14).
void map_pages_now(void* data, std::size_t bytes);

// Gives the pages wholly inside [data, data + bytes) back to the system once nothing reads
// them any more (a 100 MB file cut into parts does not stay whole in memory while its
// proposals pile up). Their contents read as zeros afterwards.
void release_pages(const void* data, std::size_t bytes);

// Room for n elements of v, mapped now (see map_pages_now); v must be empty.
template <class T>
void reserve_mapped(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    map_pages_now(v.data(), n * sizeof(T));
}

// n default elements in v, their memory mapped first (see map_pages_now); v must be empty.
template <class T>
void resize_mapped(std::vector<T>& v, std::size_t n) {
    reserve_mapped(v, n);
    v.resize(n);
}

}  // namespace kcity
