// The commands as library functions: options in, an Outcome out. The CLI only parses the
// command line, calls one of these, and writes what comes back.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/inputs.hpp"
#include "kcity/pipeline.hpp"

namespace kcity {

struct Outcome {
    int exit_code = 0;                  // SPEC §7: 0, 1 (any error or failed --strict), 2 (diff)
    std::string output;                 // the report (empty when there is an error)
    std::vector<std::string> messages;  // standard error lines, formatted
};

struct ScoreOptions {
    InputOptions inputs;
    RunOptions run;
    std::string format = "text";  // text | json
    bool strict = false;
};

Outcome score_command(const ScoreOptions& options);

// Writes through a temporary file in the same folder renamed into place, so that no reader
// ever sees half a report. Returns an error message, or nothing.
std::optional<std::string> write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace kcity
