// Reading one file of a call, and how its path is shown in messages (private to load/).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kcity/base/diagnostics.hpp"

namespace kcity {

// How a path is shown: relative to the current folder `cwd` when it lies below it.
std::string display(const std::filesystem::path& p, const std::filesystem::path& cwd);
std::string display(const std::filesystem::path& p);
// The same for a path held as a string, without making it a path when it need not be.
std::string display_path(const std::string& p, const std::filesystem::path& cwd);

// The bytes of a file, or an error at the file when it cannot be read or is larger than
// max_file_bytes (inputs.hpp).
std::optional<std::string> read_file(const std::filesystem::path& p, Diagnostics& diags);

// "the file is N bytes, more than the … kcity reads from one file: split it …"
std::string file_too_large_message(std::uintmax_t size);

// Whether discovery reads a file of this name (a proposal file or a score sheet), by its
// ending as discovery judges it; the others are only named (an ignored file, a lock file...).
bool is_read_by_discovery(std::string_view file_name);

}  // namespace kcity
