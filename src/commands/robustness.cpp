// `kcity robustness`: load and validate the call, check the options, run the analysis of SPEC §9
// and hand back its report.
#include "kcity/commands/robustness.hpp"

#include "common.hpp"
#include "kcity/load/load.hpp"
#include "kcity/report/robustness.hpp"

namespace kcity {

Outcome robustness_command(const RobustnessCommandOptions& options) {
    using enum Format;
    if (auto bad = unavailable_format(options.format, "robustness", {text, markdown, json, html}))
        return *bad;
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    RobustnessOptions run = options.run;
    check_robustness_options("--runs", options.weights, run, diags);
    if (options.run.track && !diags.has_errors())
        run.track = track_option(call.rules, *options.run.track, diags);
    note_builtin_rules(call, out);
    if (add_diagnostics(diags, out)) return out;
    std::size_t load_warnings = diags.sorted().size();  // no error stands: all are warnings
    Robustness analysis = run_robustness(call, run);
    // JSON's messages are English unless --lang is given (SPEC §8); the others follow LANG.
    Lang lang = options.lang.value_or(options.format == json ? Lang::en : options.locale_lang);
    out.output = render_robustness(analysis, options.format, lang);
    for (auto& line : warning_lines(analysis.real, options.lang.value_or(options.locale_lang)))
        out.messages.push_back(std::move(line));
    RunOptions real;
    real.method = run.method;
    real.track = run.track;
    add_strict_warnings(call, analysis.real, real, load_warnings, out);
    return out;
}

}  // namespace kcity
