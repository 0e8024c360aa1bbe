#include "common.hpp"

#include "kcity/load/inputs.hpp"

namespace kcity {

void add_diagnostics(const Diagnostics& diags, Outcome& out) {
    for (const auto& d : diags.sorted()) out.messages.push_back(format_diagnostic(d));
}

Outcome fail(const std::string& message) {
    Outcome out;
    out.exit_code = 1;
    out.messages.push_back("kcity: error: " + message);
    return out;
}

void note_builtin_rules(const Call& call, Outcome& out) {
    if (call.rules.origin == builtin_rules_origin)
        out.messages.push_back("kcity: note: no rules folder found; using the built-in 2023 rules");
}

}  // namespace kcity
