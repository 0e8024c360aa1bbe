// `kcity check`: every problem of the rules, proposals and sheets at once, on standard output.
#include "kcity/commands/check.hpp"

#include "common.hpp"
#include "kcity/report/diagnostics.hpp"
#include "kcity/validate/run_warnings.hpp"

namespace kcity {
namespace {

// "1 error", "2 errors".
std::string count_of(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

Outcome check_command(const CheckOptions& options) {
    if (options.format != "text" && options.format != "json" && options.format != "github")
        return fail("--format " + options.format +
                    " is not available for check (text, json, github)");
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    note_builtin_rules(call, out);
    if (!diags.has_errors()) check_warnings(call, diags);
    std::vector<Diagnostic> all = diags.sorted();
    out.output = render_diagnostics(all, options.format);
    std::size_t errors = 0;
    for (const auto& d : all) errors += d.severity == Severity::error;
    std::size_t warnings = all.size() - errors;
    out.messages.push_back("kcity: " + count_of(errors, "error") + ", " +
                           count_of(warnings, "warning") + " in " +
                           count_of(call.proposals.size(), "proposal"));
    out.exit_code = errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
    return out;
}

}  // namespace kcity
