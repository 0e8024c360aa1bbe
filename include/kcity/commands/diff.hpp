// `kcity diff --base-rules OLD`: dry-runs a rules change on the same inputs.
#pragma once
#include <string>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/select/pipeline.hpp"

namespace kcity {

struct DiffOptions {
    InputOptions inputs;     // the inputs, and the new rules as `score` finds them
    std::string base_rules;  // a rules folder, or git:REV[:PATH]
    RunOptions run;
    std::string format = "text";  // text | markdown | json
    bool detailed_exitcode = false;
};

// Both rule sets are validated and evaluated on the same inputs; the report says what the
// change does. Exit 0, or 2 with detailed_exitcode when a status or award changed; 1 on error.
Outcome diff_command(const DiffOptions& options);

}  // namespace kcity
