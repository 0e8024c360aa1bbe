// What a command hands back to the CLI: the report (whole or streamed), the lines for standard
// error, and how it ended.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "kcity/report/render.hpp"

namespace kcity {

struct Outcome {
    int exit_code = 0;                  // SPEC §7: 0, 1 (any error or failed --strict), 2 (diff)
    std::string output;                 // the report (empty when there is an error)
    std::vector<std::string> messages;  // standard error lines, formatted
    // Instead of `output`: writes the report to a sink as it renders it (score), holding what
    // it reads, so that the report of a large call never sits whole in memory.
    std::function<void(const Sink&)> stream;
};

}  // namespace kcity
