// `kcity diff --base OLD`: two whole states of a call (a correction, a late score sheet, an
// upheld objection), every input that differs, and who moves because of which.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <system_error>

#include "common.hpp"
#include "kcity/commands/diff.hpp"
#include "kcity/diff/diff.hpp"
#include "kcity/diff/inputs.hpp"
#include "kcity/load/git.hpp"
#include "kcity/load/load.hpp"
#include "kcity/report/diff.hpp"

namespace kcity {
namespace {

namespace fs = std::filesystem;

// The call directory the current state is read from: the first input's folder, else `.`.
std::string current_call_dir(const InputOptions& in) {
    if (in.inputs.empty()) return ".";
    std::error_code ec;
    fs::path p(in.inputs.front());
    return fs::is_directory(p, ec) ? p.string() : p.parent_path().string();
}

bool write_tree(const std::vector<SourceFile>& files, const std::string& prefix,
                const std::string& dir) {
    for (const auto& f : files) {
        fs::path p = fs::path(dir) / f.path.substr(prefix.size());
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        std::ofstream out(p, std::ios::binary);
        out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
        if (!out) return false;
    }
    return true;
}

// Names under the temporary folder as the user would write them: git:REV:PATH/NAME.
std::string relabel(const std::string& file, const std::string& tmp, const std::string& prefix) {
    if (tmp.empty() || !file.starts_with(tmp + "/")) return file;
    return prefix + file.substr(tmp.size() + 1);
}

// Problems of the base state that the current one does not have, said once and labelled.
void add_base_state_diagnostics(const Diagnostics& base, const std::string& tmp,
                                const std::string& prefix, Diagnostics& all) {
    std::set<std::string> current;
    for (const auto& d : all.sorted()) current.insert(format_diagnostic(d));
    for (auto d : base.sorted()) {
        d.where.file = FileName(relabel(d.where.file.str(), tmp, prefix));
        if (current.count(format_diagnostic(d))) continue;
        d.message += " (in the base state)";
        all.add(std::move(d));
    }
}

struct State {
    Call call;
    std::vector<SourceFile> rule_files;
};

State load_state(const InputOptions& in, Diagnostics& diags) {
    State s;
    auto where = find_rules(in, diags);
    if (!where) return s;
    s.rule_files = read_rule_files(*where, diags);
    s.call = load_inputs(
        in, parse_rules(s.rule_files, where->builtin ? builtin_rules_origin : where->dir, diags),
        diags);
    return s;
}

// The base as people write it: `git:main`, `git:HEAD:calls/2023` (the prefix of the files'
// names ends in `:` or `/`, which reads as a typo in the report's header).
std::string git_origin_label(std::string prefix) {
    while (!prefix.empty() && (prefix.back() == '/' || prefix.back() == ':')) prefix.pop_back();
    return prefix;
}

}  // namespace

Outcome diff_base_command(const DiffOptions& options) {
    Diagnostics diags, base_diags;
    // The base side: a folder as given, or the tree at a revision written to a temporary one.
    // A git base is written into a private temporary folder, so that it is read as any call
    // directory is; removed when the command ends.
    TempDir tmp_tree("kcity-base");
    std::string tmp, prefix;
    InputOptions base_in;
    if (options.base.starts_with("git:")) {
        auto files =
            read_git_call(options.base.substr(4), current_call_dir(options.inputs), diags, prefix);
        if (!files) {
            load_state(options.inputs, diags);  // the current state's errors too, in one run
            Outcome out;
            add_diagnostics(diags, out);
            return out;
        }
        tmp = tmp_tree.dir();
        if (tmp.empty() || !write_tree(*files, prefix, tmp))
            return fail("--base " + options.base + ": cannot write a temporary copy",
                        Failure::input);
        base_in.inputs = {tmp};
    } else {
        std::error_code ec;
        if (!fs::is_directory(options.base, ec))
            return fail(
                "--base " + options.base + " is not a call directory (a folder, or git:REV[:PATH])",
                Failure::usage);
        base_in.inputs = {options.base};
    }
    // --scores belongs to the current state; the base state reads its own folder's sheets and
    // those given by --base-scores (docs/diff.md).
    base_in.score_files = options.base_scores;
    // The base state is run first and reduced to what the comparison reads (its run's result
    // and its proposals' input values, packed), so that only its rules are held while the
    // current state is loaded.
    State base = load_state(base_in, base_diags);
    BaseRun base_run;
    std::optional<ProposalInputs> base_inputs;
    if (!base_diags.has_errors()) {
        base_run = run_base(base.call, options.run);
        base_inputs.emplace(base.call);
    }
    release_proposals(base.call);  // its rules stay: base_run and base_inputs read them
    State current = load_state(options.inputs, diags);
    add_base_state_diagnostics(base_diags, tmp, prefix, diags);
    Outcome out;
    if (add_diagnostics(diags, out)) return out;
    // The rule values flattened once: the input changes and the report's rule table both list them.
    std::vector<RuleChange> rule_changes = diff_rules(base.rule_files, current.rule_files);
    std::vector<InputChange> inputs =
        rule_input_changes(rule_changes, base.rule_files, current.rule_files);
    for (auto& c : decision_input_changes(base.call.rules, current.call.rules))
        inputs.push_back(std::move(c));
    if (base_inputs)  // else the base state had errors, and the command returned above
        for (auto& c : proposal_input_changes(*base_inputs, base.call.rules, current.call))
            inputs.push_back(std::move(c));
    base_inputs.reset();
    for (auto& c : inputs) c.file = relabel(c.file, tmp, prefix);
    Result new_result;
    DiffResult d =
        diff_base_runs(base_run, current.call, options.run, std::move(inputs), new_result);
    d.old_origin = tmp.empty() ? options.base : git_origin_label(prefix);
    d.new_origin = current_call_dir(options.inputs);
    d.rules = std::move(rule_changes);
    Lang lang =
        options.lang.value_or(options.format == Format::json ? Lang::en : options.locale_lang);
    out.output = options.format == Format::json       ? render_diff_json(d, lang)
                 : options.format == Format::markdown ? render_diff_markdown(d, lang)
                                                      : render_diff_text(d, lang);
    out.changed = d.decisive;
    out.strict_messages = warning_lines(new_result, options.lang.value_or(options.locale_lang));
    add_strict_warnings(current.call, new_result, options.run, diags.sorted().size(), out);
    return out;
}

}  // namespace kcity
