// `kcity explain ID`: load and run the call, then report one proposal's way through it.
#include "kcity/commands/explain.hpp"

#include "common.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/explain.hpp"

namespace kcity {

Outcome explain_command(const ExplainOptions& options) {
    using enum Format;
    if (auto bad = unavailable_format(options.format, "explain", {text, json})) return *bad;
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    if (add_diagnostics(diags, out)) return out;
    const std::size_t load_warnings = diags.sorted().size();  // no error stands: all are warnings
    RunOptions run = options.run;
    run.trace = TraceRequest{true, {options.id}};  // what the run decides for it, and why
    Result result = run_selection(call, run);
    // JSON messages are English unless --lang is given (SPEC §8); text follows LANG.
    Lang lang = options.lang.value_or(options.format == json ? Lang::en : options.locale_lang);
    std::vector<std::string> ids;
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals) {
            ids.push_back(r.proposal->id);
            if (r.proposal->id != options.id || !r.trace) continue;
            out.output = render_explain(call, tr, r, options.format, lang);
            // Standard error names the warnings only when --strict fails on them, so that a
            // plain explain says what it always said.
            out.strict_messages = warning_lines(result, options.lang.value_or(options.locale_lang));
            add_strict_warnings(call, result, options.run, load_warnings, out);
            return out;
        }
    out.failure = Failure::usage;
    out.messages.push_back("kcity: error: no proposal `" + options.id + "`" +
                           did_you_mean(options.id, ids));
    return out;
}

}  // namespace kcity
