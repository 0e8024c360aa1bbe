// The one place that turns what a command found into the exit code (SPEC §7), and the
// catch-all that keeps any exception from ending kcity with a signal.
#pragma once
#include <functional>
#include <ostream>

#include "kcity/commands/outcome.hpp"

namespace kcity {

// The command line's exit options, for every command that has them.
struct ExitRules {
    bool strict = false;             // --strict: a warning makes the exit code 1
    bool detailed_exitcode = false;  // diff --detailed-exitcode: 2 when something changed
};

// Whether --strict turns the outcome's warnings into a failure.
bool strict_fails(const Outcome& outcome, const ExitRules& rules);

// 0 success; 1 an error of any kind or a failed --strict; 2 a change found by
// diff --detailed-exitcode.
int exit_code(const Outcome& outcome, const ExitRules& rules);

// Runs `body` and returns its exit code; an exception that escapes it is said on `err` as
// `kcity: error: ...` and becomes exit 1 (SPEC §7: no input ends kcity with an uncaught
// exception or a signal).
int run_guarded(const std::function<int()>& body, std::ostream& err);

}  // namespace kcity
