// `kcity check`: every problem of the rules, proposals and sheets at once, on standard output.
#include "kcity/commands/check.hpp"

#include <algorithm>

#include "common.hpp"
#include "kcity/report/diagnostic_text.hpp"
#include "kcity/report/diagnostics.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/pipeline.hpp"
#include "kcity/validate/run_warnings.hpp"

namespace kcity {
namespace {

// "1 error", "2 errors".
std::string count_of(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// The last line of standard error: how many problems in how many proposals.
std::string summary(std::size_t errors, std::size_t warnings, std::size_t proposals, Lang lang) {
    if (lang == Lang::ko)
        return "kcity: 오류 " + std::to_string(errors) + "건, 경고 " + std::to_string(warnings) +
               "건 (신청서 " + std::to_string(proposals) + "건)";
    return "kcity: " + count_of(errors, "error") + ", " + count_of(warnings, "warning") + " in " +
           count_of(proposals, "proposal");
}

// Each track's certain shortfall as a warning at its rules file, worded by the catalogue in the
// language of the list (validate has no words): the run's warning and every reason.
void warn_shortfalls(const Result& result, Lang lang, Diagnostics& diags) {
    for (const auto& tr : result.tracks) {
        if (!tr.shortfall) continue;
        auto w = std::find_if(
            result.warnings.begin(), result.warnings.end(),
            [&](const Warning& x) { return x.track == tr.rules->id && x.code == "shortfall"; });
        if (w == result.warnings.end()) continue;
        diags.warning({tr.rules->file, 1, 1},
                      format_message("check.shortfall", lang,
                                     {{"track", tr.rules->id},
                                      {"warning", warning_text(*w, lang)},
                                      {"reasons", reasons_words(tr.shortfall_reasons, lang)}}));
    }
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
    // The list in the language asked for; JSON stays English without --lang (SPEC §8).
    const Lang lang =
        options.lang.value_or(options.format == Format::json ? Lang::en : options.locale_lang);
    if (!diags.has_errors()) {
        Result result = run_selection(call, {});
        review_warnings(call, result, diags);
        warn_shortfalls(result, lang, diags);
    }
    std::vector<Diagnostic> all = diags.sorted();
    for (auto& d : all) d = localized(std::move(d), lang);
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
    out.messages.push_back(summary(errors, out.warnings, call.proposals.size(),
                                   options.lang.value_or(options.locale_lang)));
    return out;
}

}  // namespace kcity
