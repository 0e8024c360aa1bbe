// Writing a report to a file so that no reader ever sees half of it (SPEC §7, --output).
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "kcity/report/render.hpp"

namespace kcity {

// Writes through a temporary file in the same folder renamed into place, so that no reader
// ever sees half a report. Returns an error message, or nothing.
std::optional<std::string> write_file_atomically(const std::string& path, const std::string& bytes);
// The same for a report written through a sink.
std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(const Sink&)>& produce);

}  // namespace kcity
