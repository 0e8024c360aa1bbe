// Small files read many at a time through io_uring (private to load/; docs/decisions.md,
// "Reading 10,000 files"): a call's proposal files are mostly a few KB each, and opening,
// reading and closing each with its own system calls cost 9 to 13 us a file on the machines
// measured, where a batch costs about 2.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kcity {

// At most this many files in one batch, of at most batch_file_bytes each.
inline constexpr std::size_t batch_files = 32;
inline constexpr std::size_t batch_file_bytes = 64 << 10;

// The contents of the files at `paths` (at most batch_files, each a regular file by its
// folder's listing), read whole, in the same order. A file is nullopt when it must be read the
// usual way (read_file): io_uring is not available (an old kernel, a container that refuses it,
// KCITY_IO_URING=off), the file could not be opened or read (read_file then says why, in its
// words), or it is larger than batch_file_bytes. The views are valid until the thread's next
// call.
std::vector<std::optional<std::string_view>> read_batch(std::span<const std::string* const> paths);

// Whether this thread reads batches through io_uring (for tests and the benchmark).
bool batch_read_available();

}  // namespace kcity
