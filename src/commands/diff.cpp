// `kcity diff --base-rules OLD`: both rule sets on the same inputs, and what the change does.
#include "kcity/commands/diff.hpp"

#include <filesystem>
#include <set>
#include <system_error>

#include "common.hpp"
#include "kcity/diff/diff.hpp"
#include "kcity/load/git.hpp"
#include "kcity/load/load.hpp"
#include "kcity/report/diff.hpp"

namespace kcity {
namespace {

std::optional<std::vector<SourceFile>> base_rule_files(const DiffOptions& o,
                                                       const RulesLocation& current,
                                                       Diagnostics& diags) {
    if (o.base_rules.starts_with("git:"))
        return read_git_rules(o.base_rules.substr(4), current.builtin ? "" : current.dir, diags);
    // The error_code form: a name the system refuses (too long, say) is an error message,
    // not an exception.
    std::error_code ec;
    auto program = std::filesystem::path(o.base_rules) / "program.yaml";
    if (!std::filesystem::is_regular_file(program, ec)) {
        bool absent =
            !ec || ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
        diags.error({}, "--base-rules " + o.base_rules +
                            (absent ? " has no program.yaml (a rules folder, or git:REV[:PATH])"
                                    : ": " + ec.message()));
        return std::nullopt;
    }
    return read_rule_files({false, o.base_rules}, diags);
}

// Both sides load the same inputs, so a mistake in them that does not depend on the rules (a
// YAML error, a bad amount, an id used twice), or anything in a rules folder given as both
// sides, is found twice: report it once, as the current rules found it. Problems found only
// under the base rules name files both sides read: say which side.
void add_base_diagnostics(const Diagnostics& base, Diagnostics& all) {
    std::set<std::string> current;
    for (const auto& d : all.sorted()) current.insert(format_diagnostic(d));
    for (auto d : base.sorted()) {
        if (current.count(format_diagnostic(d))) continue;
        if (!d.where.file.starts_with("git:") && !d.where.file.empty())
            d.message += " (with the base rules)";
        all.add(std::move(d));
    }
}

}  // namespace

Outcome diff_command(const DiffOptions& options) {
    using enum Format;
    if (auto bad = unavailable_format(options.format, "diff", {text, markdown, json})) return *bad;
    if (!options.base.empty()) return diff_base_command(options);
    if (options.base_rules.empty())
        return fail(
            "diff needs the state to compare with: --base OLD (a call directory, or "
            "git:REV[:PATH]) or --base-rules OLD (a rules folder, or git:REV[:PATH])");
    Diagnostics diags, base_diags;
    auto current = find_rules(options.inputs, diags);
    if (!current) return fail("no rules to compare with", Failure::input);
    std::vector<SourceFile> new_files = read_rule_files(*current, diags);
    // One call at a time (issue 16's cost): the base side is loaded, run and reduced to what the
    // comparison reads, and its proposals freed, before the current side is loaded.
    auto old_files = base_rule_files(options, *current, diags);
    // The rule values compared first, while no call is loaded: flattening a rules file parses
    // it into a whole YAML tree (about 1.3 KB a rule: 128 MB for a track of 100,000 eligibility
    // rules), which must not come on top of two loaded rule sets and a run (issue 20).
    std::vector<RuleChange> rule_changes;
    if (old_files) rule_changes = diff_rules(*old_files, new_files);
    Call old_call;
    BaseRun old_run;
    if (old_files) {
        old_call = load_inputs(options.inputs,
                               parse_rules(*old_files, options.base_rules, base_diags), base_diags);
        if (!base_diags.has_errors()) old_run = run_base(old_call, options.run);
        release_proposals(old_call);  // its rules stay: old_run points into them
    }
    Call new_call = load_inputs(
        options.inputs,
        parse_rules(new_files, current->builtin ? builtin_rules_origin : current->dir, diags),
        diags);
    if (old_files) add_base_diagnostics(base_diags, diags);
    Outcome out;
    if (add_diagnostics(diags, out)) return out;
    Result new_result;
    DiffResult d = diff_runs(old_run, new_call, options.run, new_result);
    d.rules = std::move(rule_changes);
    // JSON messages are English unless --lang is given (SPEC §8); text and Markdown follow LANG.
    Lang lang = options.lang.value_or(options.format == json ? Lang::en : options.locale_lang);
    out.output = options.format == json       ? render_diff_json(d, lang)
                 : options.format == markdown ? render_diff_markdown(d, lang)
                                              : render_diff_text(d, lang);
    out.changed = d.decisive;
    // The report shows both sides' shortfalls; standard error names the new side's warnings
    // only when --strict fails on them, so that a plain diff says what it always said.
    out.strict_messages = warning_lines(new_result, options.lang.value_or(options.locale_lang));
    add_strict_warnings(new_call, new_result, options.run, diags.sorted().size(), out);
    return out;
}

}  // namespace kcity
