// `kcity robustness`: load and validate the call, check the options, run the analysis of SPEC §9
// and hand back its report.
#include "kcity/commands/robustness.hpp"

#include "common.hpp"
#include "kcity/load/load.hpp"
#include "kcity/report/robustness.hpp"

namespace kcity {
namespace {

// --weights P: 0 < P <= 50, at most two decimals (a percent of a percent is fine enough).
std::optional<Decimal> parse_weights(const std::string& text, Diagnostics& diags) {
    DecimalParse d = parse_decimal(text, 2);
    if (!d.ok || d.value <= Decimal{} || d.value > Decimal::from_int(50)) {
        diags.error({}, "--weights " + text +
                            " is not a percentage above 0 and at most 50 (two decimals at most)");
        return std::nullopt;
    }
    return d.value;
}

}  // namespace

Outcome robustness_command(const RobustnessCommandOptions& options) {
    using enum Format;
    if (auto bad = unavailable_format(options.format, "robustness", {text, markdown, json, html}))
        return *bad;
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    RobustnessOptions run = options.run;
    if (run.runs < 1 || run.runs > max_robustness_runs)
        diags.error({}, "--runs " + std::to_string(run.runs) +
                            " is out of range: give 1 to 1,000,000 runs");
    if (options.weights) run.weights_percent = parse_weights(*options.weights, diags);
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
