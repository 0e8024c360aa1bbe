// `kcity score`: load and validate the call, run the selection, and hand back the report to
// be rendered as the CLI writes it.
#include "kcity/commands/score.hpp"

#include <memory>

#include "common.hpp"
#include "kcity/base/fold.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/render.hpp"

namespace kcity {
namespace {

// --committee, --meeting-date and --approval over program.yaml's `committee`: errors when they
// are given for another format than HTML, or the date is not one.
void apply_committee_options(const ScoreOptions& options, Committee& committee,
                             Diagnostics& diags) {
    if (!options.committee && !options.meeting_date && options.approval.empty()) return;
    if (options.format != Format::html || options.list) {
        diags.error({},
                    "--committee, --meeting-date and --approval are for the HTML report "
                    "(--format html, without --list)");
        return;
    }
    if (options.committee) committee.name = LocalText{"", *options.committee};
    if (options.meeting_date) {
        DateParse d = parse_datetime(*options.meeting_date);
        if (!d.ok || d.value.has_time)
            diags.error({}, "--meeting-date " + *options.meeting_date +
                                " is not a date: write YYYY-MM-DD, such as 2023-05-30");
        else
            committee.meeting_date = d.value;
    }
    if (!options.approval.empty()) {
        committee.approval.clear();
        for (const auto& title : options.approval) {
            if (title.empty()) diags.error({}, "--approval has an empty title");
            committee.approval.push_back(LocalText{"", title});
        }
    }
}

}  // namespace

Outcome score_command(const ScoreOptions& options) {
    using enum Format;
    if (auto bad = unavailable_format(options.format, "score", {text, markdown, json, csv, html}))
        return *bad;
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    RunOptions run_options = options.run;
    if (options.run.track && !diags.has_errors())
        run_options.track = track_option(call.rules, *options.run.track, diags);
    if (!diags.has_errors()) apply_committee_options(options, call.rules.program.committee, diags);
    std::optional<RobustnessOptions> robustness = options.robustness;
    if (robustness) {
        check_robustness_options("--robustness", options.weights, *robustness, diags);
        robustness->method = run_options.method;
        robustness->track = run_options.track;
    }
    note_builtin_rules(call, out);
    if (add_diagnostics(diags, out)) return out;
    std::size_t load_warnings = diags.sorted().size();  // no error stands: all are warnings
    // The report is rendered when the CLI writes it (Outcome::stream): the call and its result
    // live until then, and the report itself never whole.
    struct Run {
        Call call;
        Result result;
    };
    auto run = std::make_shared<Run>(Run{std::move(call), {}});
    // With --robustness, the analysis's own real run (the same as run_selection's) carries the
    // shares: nothing of it is worked out twice.
    run->result = robustness ? real_with_shares(run_robustness(run->call, *robustness))
                             : run_selection(run->call, run_options);
    const Result& result = run->result;
    // JSON and CSV messages are English unless --lang is given (SPEC §8); the others follow LANG.
    bool data = options.format == json || options.format == csv;
    Lang lang = options.lang.value_or(data ? Lang::en : options.locale_lang);
    out.stream = [run, options, lang](const Sink& sink) {
        if (options.list)
            sink(render_list(run->result, options.format, lang, options.csv_bom));
        else if (options.format == text)
            render_text(run->result, lang, options.color, sink);
        else
            render_report(run->result, options.format, lang, options.csv_bom, sink);
    };
    for (auto& line : warning_lines(result, options.lang.value_or(options.locale_lang)))
        out.messages.push_back(std::move(line));
    add_strict_warnings(run->call, result, options.run, load_warnings, out);
    return out;
}

}  // namespace kcity
