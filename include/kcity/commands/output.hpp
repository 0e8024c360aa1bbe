// Writing a report to a file so that no reader ever sees half of it (SPEC §7, --output).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kcity/load/inputs.hpp"
#include "kcity/report/render.hpp"

namespace kcity {

// Writes through a temporary file in the same folder renamed into place, so that no reader
// ever sees half a report; SIGINT, SIGTERM and SIGHUP while it is written remove the temporary
// file. A path that exists and is not a regular file (a device, a FIFO) is written directly.
// Returns an error message, or nothing.
std::optional<std::string> write_file_atomically(const std::string& path, const std::string& bytes);
// The same for a report written through a sink.
std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(const Sink&)>& produce);

// Writes a report to standard output, every write checked: an error message (`kcity score >
// /dev/full`), or nothing, also when the reader went away (EPIPE, as after `| head`).
std::optional<std::string> write_stdout(const std::function<void(const Sink&)>& produce);

// The files a run with these inputs reads, as far as they can be told before it runs: the
// proposal files and score sheets, every file of the rules folder, and the files or folders
// in `more` (diff's --base-rules).
std::vector<std::string> run_input_files(const InputOptions& inputs,
                                         const std::vector<std::string>& more = {});

// A refusal when `output` is the same file as one of `inputs` (by device and inode, not by
// name), or nothing.
std::optional<std::string> output_is_input(const std::string& output,
                                           const std::vector<std::string>& inputs);

}  // namespace kcity
