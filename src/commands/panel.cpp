// `kcity panel`: load and validate the call, run the analysis of SPEC §10 and hand back its
// report, with the panel's warnings on standard error.
#include "kcity/commands/panel.hpp"

#include "common.hpp"
#include "kcity/load/load.hpp"
#include "kcity/report/panel.hpp"
#include "kcity/select/panel.hpp"

namespace kcity {

Outcome panel_command(const PanelCommandOptions& options) {
    using enum Format;
    if (auto bad = unavailable_format(options.format, "panel", {text, markdown, json, html}))
        return *bad;
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    PanelOptions panel;
    if (options.track && !diags.has_errors())
        panel.track = track_option(call.rules, *options.track, diags);
    note_builtin_rules(call, out);
    if (add_diagnostics(diags, out)) return out;
    std::size_t load_warnings = diags.sorted().size();  // no error stands: all are warnings
    PanelAnalysis analysis = analyse_panel(call, panel);
    // JSON's messages are English unless --lang is given (SPEC §8); the others follow LANG.
    const Lang messages = options.lang.value_or(options.locale_lang);
    Lang lang = options.lang.value_or(options.format == json ? Lang::en : options.locale_lang);
    out.output = render_panel(analysis, options.format, lang);
    for (auto& line : warning_lines(analysis.real, messages))
        out.messages.push_back(std::move(line));
    // SPEC §10: the panel's own warnings go on standard error whatever --strict says, as in
    // every command that runs the selection (add_strict_warnings).
    RunOptions real;
    real.track = panel.track;
    add_strict_warnings(call, analysis.real, real, load_warnings, out);
    return out;
}

}  // namespace kcity
