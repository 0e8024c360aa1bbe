// `kcity explain ID`: load and run the call, then report one proposal's way through it.
#include "kcity/commands/explain.hpp"

#include "common.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/explain.hpp"

namespace kcity {

Outcome explain_command(const ExplainOptions& options) {
    if (options.format != "text" && options.format != "json")
        return fail("--format " + options.format + " is not available for explain (text, json)");
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    add_diagnostics(diags, out);
    if (diags.has_errors()) {
        out.exit_code = 1;
        return out;
    }
    Result result = run_selection(call, options.run);
    // JSON messages are English unless --lang is given (SPEC §8); text follows LANG.
    Lang lang = options.lang.value_or(options.format == "json" ? Lang::en : options.locale_lang);
    std::vector<std::string> ids;
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals) {
            if (r.proposal->id == options.id) {
                out.output = render_explain(call, tr, r, options.format, lang);
                return out;
            }
            ids.push_back(r.proposal->id);
        }
    out.exit_code = 1;
    out.messages.push_back("kcity: error: no proposal `" + options.id + "`" +
                           did_you_mean(options.id, ids));
    return out;
}

}  // namespace kcity
