// kcity's command line: parse options, call one library command, write its outcome, exit.
// This is the one place that turns outcomes into exit codes (SPEC §7).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <functional>
#include <iostream>

#include "kcity/commands/commands.hpp"

namespace {

const std::vector<std::string> commands = {"score", "check", "explain", "diff", "init"};

// The options every command that reads a call shares.
struct CallOptions {
    kcity::InputOptions inputs;
    std::string rules, format = "text", output;
    bool strict = false;
};

void add_call_options(CLI::App* cmd, CallOptions& o, const std::vector<std::string>& formats) {
    cmd->add_option("INPUT", o.inputs.inputs,
                    "Call directories, folders of proposals, or files (default: .)");
    cmd->add_option("--rules", o.rules, "Rules folder (holds program.yaml)")->type_name("DIR");
    cmd->add_option("--scores", o.inputs.score_files, "Score sheet (CSV); repeatable")
        ->type_name("FILE");
    std::string list;
    for (const auto& f : formats) list += (list.empty() ? "" : " | ") + f;
    cmd->add_option("--format", o.format, list)->check(CLI::IsMember(formats));
    cmd->add_option("--output", o.output, "Write to FILE (atomically) instead of standard output")
        ->type_name("FILE");
    cmd->add_flag("--strict", o.strict, "A warning (e.g. a shortfall) makes the exit code 1");
}

void finish_inputs(CallOptions& o) {
    if (!o.rules.empty()) o.inputs.rules_dir = o.rules;
    if (const char* env = std::getenv("KCITY_RULES")) o.inputs.rules_env = env;
}

int finish(const kcity::Outcome& outcome, const std::string& output_path) {
    for (const auto& line : outcome.messages) std::cerr << line << "\n";
    // No report (an error): nothing is written, and an --output file stays as it was.
    if (!outcome.stream && outcome.output.empty()) return outcome.exit_code;
    // A report held whole goes the way of a streamed one, in one piece.
    std::function<void(const kcity::Sink&)> produce = outcome.stream;
    if (!produce) produce = [&](const kcity::Sink& sink) { sink(outcome.output); };
    if (output_path.empty()) {
        produce([](std::string_view piece) { std::cout.write(piece.data(), piece.size()); });
        std::cout << std::flush;
    } else if (auto err = kcity::write_file_atomically(output_path, produce)) {
        std::cerr << "kcity: error: " << *err << "\n";
        return 1;
    }
    return outcome.exit_code;
}

// CLI11 says "The following arguments were not expected: scor"; say what was meant.
std::optional<std::string> unknown_command(int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return std::nullopt;
    std::string word = argv[1];
    for (const auto& c : commands)
        if (c == word) return std::nullopt;
    return "unknown command `" + word + "`" + kcity::did_you_mean(word, commands) +
           "; the commands are score, check, explain, diff, init";
}

// Colours only for a person at a terminal: --color always/never decide; under auto, NO_COLOR
// (any value) and TERM=dumb turn them off, CLICOLOR_FORCE (not 0) turns them on, and
// otherwise standard output must be a terminal.
bool use_color(const std::string& mode, bool to_stdout) {
    if (mode == "always") return true;
    if (mode == "never" || !to_stdout) return false;
    if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
    if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb")
        return false;
    if (const char* force = std::getenv("CLICOLOR_FORCE");
        force && *force && std::string_view(force) != "0")
        return true;
    return isatty(STDOUT_FILENO) == 1;
}

int usage_error(const std::string& message) {
    std::cerr << "kcity: error: " << message << "\nRun 'kcity --help' for usage.\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kcity: runs the selection of a K-City Network call"};
    app.set_version_flag("--version", std::string("kcity ") + KCITY_VERSION);
    app.require_subcommand(1);

    CallOptions score_opts;
    std::string method, track;
    auto* score = app.add_subcommand("score", "Rank, select and print the selection report");
    add_call_options(score, score_opts, {"text", "markdown", "json", "csv", "html"});
    bool no_bom = false, list = false;
    std::string color = "auto";
    score->add_flag("--list", list,
                    "Only the selection list for the announcement (selected and reserve)");
    score
        ->add_option("--color", color,
                     "auto | always | never: colours in the text report (NO_COLOR honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    score->add_flag("--no-bom", no_bom,
                    "CSV without the UTF-8 byte-order mark (it is there for Excel)");
    score->add_option("--track", track, "Report this track only (every input is still validated)")
        ->type_name("ID");
    std::string lang;
    score->add_option("--lang", lang, "ko | en: the report's language (default from LANG, else en)")
        ->check(CLI::IsMember({"ko", "en"}));
    score->add_option("--method", method, "merit | optimal: overrides the rules for this run")
        ->check(CLI::IsMember({"merit", "optimal"}));

    CallOptions check_opts;
    auto* check = app.add_subcommand(
        "check", "Validate rules, proposals and score sheets; print every problem");
    add_call_options(check, check_opts, {"text", "json", "github"});

    CallOptions diff_opts;
    std::string base_rules, diff_method;
    bool detailed = false;
    auto* diff = app.add_subcommand(
        "diff", "Dry-run a rules change: the base rules against the current ones");
    add_call_options(diff, diff_opts, {"text", "markdown", "json"});
    diff->add_option("--base-rules", base_rules,
                     "The rules to compare with: a folder, or git:REV[:PATH]")
        ->type_name("OLD")
        ->required();
    diff->add_option("--method", diff_method,
                     "merit | optimal: overrides both rule sets for this run")
        ->check(CLI::IsMember({"merit", "optimal"}));
    diff->add_flag("--detailed-exitcode", detailed,
                   "Exit 2 when a status or award changed (0: none, 1: error)");

    CallOptions explain_opts;
    std::string explain_id, explain_lang, explain_method;
    auto* explain =
        app.add_subcommand("explain", "One proposal's way through every step, with the numbers");
    explain->add_option("ID", explain_id, "The proposal's id")->required();
    add_call_options(explain, explain_opts, {"text", "json"});
    explain->add_option("--lang", explain_lang, "ko | en")->check(CLI::IsMember({"ko", "en"}));
    explain
        ->add_option("--method", explain_method,
                     "merit | optimal: overrides the rules for this run")
        ->check(CLI::IsMember({"merit", "optimal"}));

    std::string init_dir;
    auto* init =
        app.add_subcommand("init", "Write a new call directory from the built-in 2023 rules");
    init->add_option("DIR", init_dir, "The new call directory")->required();

    if (auto message = unknown_command(argc, argv)) return usage_error(*message);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return usage_error(e.what());  // CLI11's own codes (105, 106, ...) become exit 1
    }

    if (score->parsed()) {
        finish_inputs(score_opts);
        kcity::ScoreOptions o;
        o.inputs = score_opts.inputs;
        o.format = score_opts.format;
        o.strict = score_opts.strict;
        o.csv_bom = !no_bom;
        o.list = list;
        o.color = use_color(color, score_opts.output.empty());
        if (!lang.empty()) o.lang = lang == "ko" ? kcity::Lang::ko : kcity::Lang::en;
        o.locale_lang = kcity::lang_from_locale(std::getenv("LANG"));
        if (!track.empty()) o.run.track = track;
        if (!method.empty())
            o.run.method = method == "merit" ? kcity::Method::merit : kcity::Method::optimal;
        return finish(kcity::score_command(o), score_opts.output);
    }
    if (init->parsed()) return finish(kcity::init_command(init_dir), "");
    if (explain->parsed()) {
        finish_inputs(explain_opts);
        kcity::ExplainOptions o;
        o.inputs = explain_opts.inputs;
        o.id = explain_id;
        o.format = explain_opts.format;
        if (!explain_lang.empty())
            o.lang = explain_lang == "ko" ? kcity::Lang::ko : kcity::Lang::en;
        o.locale_lang = kcity::lang_from_locale(std::getenv("LANG"));
        if (!explain_method.empty())
            o.run.method =
                explain_method == "merit" ? kcity::Method::merit : kcity::Method::optimal;
        return finish(kcity::explain_command(o), explain_opts.output);
    }
    if (diff->parsed()) {
        finish_inputs(diff_opts);
        kcity::DiffOptions o{diff_opts.inputs, base_rules, {}, diff_opts.format, detailed};
        if (!diff_method.empty())
            o.run.method = diff_method == "merit" ? kcity::Method::merit : kcity::Method::optimal;
        return finish(kcity::diff_command(o), diff_opts.output);
    }
    finish_inputs(check_opts);
    kcity::CheckOptions o{check_opts.inputs, check_opts.format, check_opts.strict};
    return finish(kcity::check_command(o), check_opts.output);
}
