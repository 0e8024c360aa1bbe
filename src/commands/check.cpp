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
    using enum Format;
    if (auto bad = unavailable_format(options.format, "check", {text, json, github})) return *bad;
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    note_builtin_rules(call, out);
    add_notes(diags, out);  // standard error: check's report is the problems
    if (!diags.has_errors()) check_warnings(call, diags);
    std::vector<Diagnostic> all = diags.sorted();
    // The diagnostics are the report here (standard output), errors too.
    // Streamed, even when empty: `--output FILE` is written when the call is clean too (an
    // empty list in the format asked for), never left as an older run's problems.
    out.stream = [report = render_diagnostics(all, options.format)](const Sink& sink) {
        sink(report);
    };
    std::size_t errors = 0;
    for (const auto& d : all) errors += d.severity == Severity::error;
    out.warnings = all.size() - errors;
    if (errors > 0) out.failure = Failure::input;
    // This line counts the warnings already: --strict needs no line of its own.
    out.messages.push_back("kcity: " + count_of(errors, "error") + ", " +
                           count_of(out.warnings, "warning") + " in " +
                           count_of(call.proposals.size(), "proposal"));
    return out;
}

}  // namespace kcity
