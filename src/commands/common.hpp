// What the commands share: loading messages into an Outcome. Private to src/commands/.
#pragma once
#include <string>

#include "kcity/base/diagnostics.hpp"
#include "kcity/commands/outcome.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// Every diagnostic, in order, as standard error lines.
void add_diagnostics(const Diagnostics& diags, Outcome& out);

// An error with no file: `kcity: error: MESSAGE`, and no report.
Outcome fail(const std::string& message);

// SPEC §2: when the built-in rules are used, the program names them on standard error.
void note_builtin_rules(const Call& call, Outcome& out);

}  // namespace kcity
