// `kcity init DIR`: a new call directory.
#pragma once
#include <optional>
#include <string>

#include "kcity/commands/outcome.hpp"

namespace kcity {

// The years `init --year` accepts: the programme's first call, and a bound that keeps every
// date four digits.
inline constexpr int first_call_year = 2020;
inline constexpr int last_call_year = 2999;

// Writes a new call directory at `dir` from the built-in rules: rules/ (with an example
// panel.yaml), two example proposals,
// an empty score-sheet template; with `year`, the call of that year (its year, deadlines and
// submission dates in it, and the earlier years' selections as history). Refuses (exit 1)
// when any of those files exists.
Outcome init_command(const std::string& dir, std::optional<int> year = std::nullopt);

}  // namespace kcity
