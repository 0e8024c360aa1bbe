// `kcity check`: validation only, every problem at once.
#pragma once
#include <string>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"

namespace kcity {

struct CheckOptions {
    InputOptions inputs;
    std::string format = "text";  // text | json | github
    bool strict = false;
};

// Validates rules, proposals and sheets and prints every problem at once (standard output),
// errors and warnings. Exit 1 on an error, or on a warning with --strict.
Outcome check_command(const CheckOptions& options);

}  // namespace kcity
