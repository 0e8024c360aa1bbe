#include "common.hpp"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "kcity/base/fold.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/validate/run_warnings.hpp"

namespace kcity {

void add_notes(const Diagnostics& diags, Outcome& out) {
    for (const auto& d : diags.notes()) out.messages.push_back(format_diagnostic(d));
}

bool add_diagnostics(const Diagnostics& diags, Outcome& out) {
    add_notes(diags, out);
    for (const auto& d : diags.sorted()) out.messages.push_back(format_diagnostic(d));
    if (diags.has_errors()) out.failure = Failure::input;
    return diags.has_errors();
}

Outcome fail(const std::string& message, Failure failure) {
    Outcome out;
    out.failure = failure;
    out.messages.push_back("kcity: error: " + message);
    return out;
}

std::optional<Outcome> unavailable_format(Format format, const std::string& command,
                                          std::initializer_list<Format> formats) {
    if (std::find(formats.begin(), formats.end(), format) != formats.end()) return std::nullopt;
    std::string names;
    for (Format f : formats) names += (names.empty() ? "" : ", ") + std::string(format_name(f));
    return fail("--format " + std::string(format_name(format)) + " is not available for " +
                command + " (" + names + ")");
}

bool load_for_output_dir(const InputOptions& inputs, const std::string& output_dir, Call& call,
                         Outcome& out) {
    if (output_dir.empty()) {
        out = fail("--output-dir DIR is required");
        return false;
    }
    Diagnostics diags;
    std::string rules_used;
    call = load_call(inputs, diags, rules_used);
    note_builtin_rules(call, out);
    return !add_diagnostics(diags, out);
}

void note_builtin_rules(const Call& call, Outcome& out) {
    if (call.rules.origin == builtin_rules_origin)
        out.messages.push_back("kcity: note: no rules folder found; using the built-in 2023 rules");
}

std::vector<std::string> warning_lines(const Result& result, Lang lang) {
    std::vector<std::string> lines;
    for (const auto& w : result.warnings)
        lines.push_back("kcity: warning: " + w.track + ": " + warning_text(w, lang));
    return lines;
}

namespace {
std::vector<std::string> add_panel_lines(const Diagnostics& panel, Outcome& out) {
    std::vector<std::string> lines;
    for (const auto& d : panel.sorted()) lines.push_back(format_diagnostic(d));
    out.messages.insert(out.messages.end(), lines.begin(), lines.end());
    return lines;
}
}  // namespace

std::vector<std::string> add_panel_warnings(const Result& result, Outcome& out) {
    Diagnostics panel;
    panel_warnings(result, panel);
    return add_panel_lines(panel, out);
}

// The panel's warnings are worked out once: they are printed, and they are also among
// review_warnings for --strict (of the same run, unless --track or --method changed it).
void add_strict_warnings(const Call& call, const Result& result, const RunOptions& run,
                         std::size_t load_warnings, Outcome& out) {
    Diagnostics panel;
    panel_warnings(result, panel);
    const std::vector<std::string> printed = add_panel_lines(panel, out);
    Diagnostics review;
    if (run.track || run.method) {
        review_warnings(call, run_selection(call, {}), review);
    } else {
        proposal_warnings(result, review);
        review.append(panel);
    }
    out.warnings = load_warnings + result.warnings.size() + review.size();
    for (const auto& d : review.sorted()) {
        std::string line = format_diagnostic(d);
        if (std::find(printed.begin(), printed.end(), line) == printed.end())
            out.strict_messages.push_back(std::move(line));
    }
    out.strict_messages.push_back(strict_run_note);
}

const TrackRules* track_named(const Rules& rules, const std::string& given) {
    if (const TrackRules* t = rules.track(given)) return t;
    const std::string key = fold_name(given);
    for (const auto& t : rules.tracks)
        if ((!t.name.ko.empty() && fold_name(t.name.ko) == key) ||
            (!t.name.en.empty() && fold_name(t.name.en) == key))
            return &t;
    return nullptr;
}

std::vector<std::string> track_words(const Rules& rules) {
    std::vector<std::string> words;
    for (const auto& t : rules.tracks)
        for (const std::string* w : {&t.id, &t.name.ko, &t.name.en})
            if (!w->empty()) words.push_back(*w);
    return words;
}

std::optional<std::string> track_option(const Rules& rules, const std::string& given,
                                        Diagnostics& diags) {
    if (const TrackRules* t = track_named(rules, given)) return t->id;
    diags.error({}, "--track " + given + " is not a track of this call" +
                        did_you_mean(given, track_words(rules)));
    return std::nullopt;
}

void check_robustness_options(const std::string& option, const std::optional<std::string>& weights,
                              RobustnessOptions& run, Diagnostics& diags) {
    if (run.runs < 1 || run.runs > max_robustness_runs)
        diags.error({}, option + " " + std::to_string(run.runs) +
                            " is out of range: give 1 to 1,000,000 runs");
    if (!weights) return;
    // A percent of a percent is fine enough: two decimals at most.
    DecimalParse d = parse_decimal(*weights, 2);
    if (!d.ok || d.value <= Decimal{} || d.value > Decimal::from_int(50))
        diags.error({}, "--weights " + *weights +
                            " is not a percentage above 0 and at most 50 (two decimals at most)");
    else
        run.weights_percent = d.value;
}

TempDir::TempDir(const std::string& prefix) {
    std::string templ = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (mkdtemp(templ.data())) dir_ = templ;
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

}  // namespace kcity
