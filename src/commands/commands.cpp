#include "kcity/commands/commands.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>

#include "kcity/diff/diff.hpp"
#include "kcity/load/git.hpp"
#include "kcity/report/render.hpp"

namespace kcity {
namespace {

void add_diagnostics(const Diagnostics& diags, Outcome& out) {
    for (const auto& d : diags.sorted()) out.messages.push_back(format_diagnostic(d));
}

Outcome fail(std::string message) {
    Outcome out;
    out.exit_code = 1;
    out.messages.push_back("kcity: error: " + message);
    return out;
}

// SPEC §2: when the built-in rules are used, the program names them on standard error.
void note_builtin_rules(const Call& call, Outcome& out) {
    if (call.rules.origin == builtin_rules_origin)
        out.messages.push_back("kcity: note: no rules folder found; using the built-in 2023 rules");
}

// "1 error", "2 errors".
std::string count_of(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

Outcome score_command(const ScoreOptions& options) {
    const std::vector<std::string> formats = {"text", "markdown", "json", "csv", "html"};
    if (std::find(formats.begin(), formats.end(), options.format) == formats.end())
        return fail("--format " + options.format +
                    " is not available for score (text, markdown, json, csv, html)");
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    if (options.run.track && !diags.has_errors() && !call.rules.track(*options.run.track))
        diags.error({}, "--track " + *options.run.track + " is not a track of this call" +
                            did_you_mean(*options.run.track, call.rules.program.tracks));
    note_builtin_rules(call, out);
    add_diagnostics(diags, out);
    if (diags.has_errors()) {
        out.exit_code = 1;
        return out;
    }
    // The report is rendered when the CLI writes it (Outcome::stream): the call and its result
    // live until then, and the report itself never whole.
    struct Run {
        Call call;
        Result result;
    };
    auto run = std::make_shared<Run>(Run{std::move(call), {}});
    run->result = run_selection(run->call, options.run);
    const Result& result = run->result;
    // JSON and CSV messages are English unless --lang is given (SPEC §8); the others follow LANG.
    bool data = options.format == "json" || options.format == "csv";
    Lang lang = options.lang.value_or(data ? Lang::en : options.locale_lang);
    out.stream = [run, options, lang](const Sink& sink) {
        if (options.list)
            sink(render_list(run->result, options.format, lang, options.csv_bom));
        else if (options.format == "text")
            sink(render_text(run->result, lang, options.color));
        else
            render_report(run->result, options.format, lang, options.csv_bom, sink);
    };
    for (const auto& w : result.warnings)
        out.messages.push_back("kcity: warning: " + w.track + ": " + w.message());
    if (options.strict && !result.warnings.empty()) {
        out.messages.push_back("kcity: error: --strict: the run has warnings");
        out.exit_code = 1;
    }
    return out;
}

Outcome check_command(const CheckOptions& options) {
    if (options.format != "text" && options.format != "json" && options.format != "github")
        return fail("--format " + options.format +
                    " is not available for check (text, json, github)");
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    Outcome out;
    note_builtin_rules(call, out);
    if (!diags.has_errors()) check_warnings(call, diags);
    std::vector<Diagnostic> all = diags.sorted();
    out.output = render_diagnostics(all, options.format);
    std::size_t errors = 0;
    for (const auto& d : all) errors += d.severity == Severity::error;
    std::size_t warnings = all.size() - errors;
    out.messages.push_back("kcity: " + count_of(errors, "error") + ", " +
                           count_of(warnings, "warning") + " in " +
                           count_of(call.proposals.size(), "proposal"));
    out.exit_code = errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
    return out;
}

namespace {

std::optional<std::vector<SourceFile>> base_rule_files(const DiffOptions& o,
                                                       const RulesLocation& current,
                                                       Diagnostics& diags) {
    if (o.base_rules.starts_with("git:"))
        return read_git_rules(o.base_rules.substr(4), current.builtin ? "" : current.dir, diags);
    if (!std::filesystem::is_regular_file(std::filesystem::path(o.base_rules) / "program.yaml")) {
        diags.error({}, "--base-rules " + o.base_rules +
                            " has no program.yaml (a rules folder, or git:REV[:PATH])");
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
    if (options.format != "text" && options.format != "markdown" && options.format != "json")
        return fail("--format " + options.format +
                    " is not available for diff (text, markdown, json)");
    Diagnostics diags, base_diags;
    auto current = find_rules(options.inputs, diags);
    if (!current) return fail("no rules to compare with");
    std::vector<SourceFile> new_files = read_rule_files(*current, diags);
    Call new_call = load_inputs(
        options.inputs,
        parse_rules(new_files, current->builtin ? builtin_rules_origin : current->dir, diags),
        diags);
    auto old_files = base_rule_files(options, *current, diags);
    Call old_call;
    if (old_files) {
        old_call = load_inputs(options.inputs,
                               parse_rules(*old_files, options.base_rules, base_diags), base_diags);
        add_base_diagnostics(base_diags, diags);
    }
    Outcome out;
    add_diagnostics(diags, out);
    if (diags.has_errors()) {
        out.exit_code = 1;
        return out;
    }
    DiffResult d =
        diff_results(run_selection(old_call, options.run), run_selection(new_call, options.run));
    d.rules = diff_rules(*old_files, new_files);
    out.output = options.format == "json"       ? render_diff_json(d)
                 : options.format == "markdown" ? render_diff_markdown(d)
                                                : render_diff_text(d);
    out.exit_code = options.detailed_exitcode && d.decisive ? 2 : 0;
    return out;
}

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::string& bytes) {
    return write_file_atomically(path, [&](const Sink& sink) { sink(bytes); });
}

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(const Sink&)>& produce) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = mkstemp(tmpl.data());
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
    // mkstemp makes the file 0600; a report is meant to be read: keep the mode of the file it
    // replaces, else what the umask allows.
    struct stat existing {};
    mode_t mask = umask(0);
    umask(mask);
    ::fchmod(fd, ::stat(path.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0666 & ~mask);
    int write_error = 0;  // the first failed write; the pieces after it are dropped
    produce([&](std::string_view bytes) {
        std::size_t done = 0;
        while (!write_error && done < bytes.size()) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno != EINTR) write_error = errno;
            if (n > 0) done += static_cast<std::size_t>(n);
        }
    });
    if (write_error) {
        ::close(fd);
        std::remove(tmpl.c_str());
        return "cannot write " + path + ": " + std::strerror(write_error);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string err = std::strerror(errno);
        std::remove(tmpl.c_str());
        return "cannot write " + path + ": " + err;
    }
    return std::nullopt;
}

}  // namespace kcity
