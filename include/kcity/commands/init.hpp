// `kcity init DIR`: a new call directory.
#pragma once
#include <string>

#include "kcity/commands/outcome.hpp"

namespace kcity {

// Writes a new call directory at `dir` from the built-in rules: rules/, two example proposals,
// an empty score-sheet template. Refuses (exit 1) when any of those files exists.
Outcome init_command(const std::string& dir);

}  // namespace kcity
