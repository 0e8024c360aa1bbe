// kcity's command line: CLI11 parses the options straight into a command's options, the
// command runs, its report is written, and kcity::exit_code() decides the exit code (SPEC §7).
// Nothing here decides an exit code, and no exception gets past main.
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <list>
#include <sstream>

#include "kcity/base/progress.hpp"
#include "kcity/base/version.hpp"
#include "kcity/commands/attest.hpp"
#include "kcity/commands/commands.hpp"
#include "kcity/report/diagnostic_text.hpp"

namespace {

using kcity::Format;

// A function rather than a global: nothing may throw before main's catch-all.
std::vector<std::string> command_names() {
    return {"score", "check",  "explain", "diff", "robustness",
            "panel", "sheets", "letters", "init", "verify"};
}

// A command as the command line set it up. Its options live in the closure of `run`.
struct Command {
    CLI::App* app = nullptr;
    std::function<kcity::Outcome()> run;  // called once the command line is parsed
    std::string output;                   // --output FILE; empty or `-`: standard output
    kcity::ExitRules exit;                // --strict, --detailed-exitcode
    // The --format the command reads (null: no --format), so that --output's extension can
    // choose one when the option is not given.
    Format* format = nullptr;
    CLI::Option* format_option = nullptr;
    // The files the run will read, so that --output never names one of them.
    std::function<std::vector<std::string>()> inputs;
    // The language: --lang, else the environment's (LC_ALL, LC_MESSAGES, LANG). Decided here
    // once; the commands and the report stage take it as a value.
    std::optional<kcity::Lang> lang;
    kcity::Lang env_lang = kcity::Lang::en;
    kcity::Lang messages_lang() const { return lang.value_or(env_lang); }
    // --attest STATEMENT (SPEC §12; add_attest_option): the run's inputs, and its --output-dir
    // for a command that writes a folder.
    std::string attest;
    kcity::InputOptions* attest_inputs = nullptr;
    std::string* attest_output_dir = nullptr;
    bool quiet = false;  // --quiet: no progress on standard error
};

std::vector<std::string> names_of(std::initializer_list<Format> formats) {
    std::vector<std::string> names;
    for (Format f : formats) names.emplace_back(kcity::format_name(f));
    return names;
}

// What the environment adds to the inputs once the command line is parsed.
void add_environment(kcity::InputOptions& inputs) {
    if (const char* env = std::getenv("KCITY_RULES")) inputs.rules_env = env;
}

// The options of every command that reads a call: its inputs, its rules, its score sheets.
void add_input_options(CLI::App* cmd, kcity::InputOptions& inputs) {
    cmd->add_option("INPUT", inputs.inputs,
                    "Call directories, folders of proposals, or files (default: .)");
    cmd->add_option_function<std::string>(
           "--rules",
           [&inputs](const std::string& dir) {
               if (dir.empty()) throw CLI::ValidationError("--rules", "an empty folder name");
               inputs.rules_dir = dir;
           },
           "Rules folder (holds program.yaml)")
        ->type_name("DIR");
    // One file per use: `--scores a.csv call2024` reads call2024 as an input, not a second sheet.
    cmd->add_option("--scores", inputs.score_files, "Score sheet (CSV or .xlsx); repeatable")
        ->type_name("FILE")
        ->allow_extra_args(false);
}

// The options of every command that reads a call and reports (SPEC §7, shared options).
void add_call_options(Command& c, kcity::InputOptions& inputs, Format& format,
                      std::initializer_list<Format> formats) {
    CLI::App* cmd = c.app;
    add_input_options(cmd, inputs);
    std::vector<std::string> names = names_of(formats);
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : " | ") + name;
    // Parsed once, here: from now on a Format, never a string.
    c.format = &format;
    c.format_option =
        cmd->add_option_function<std::string>(
               "--format",
               [&format](const std::string& name) { format = *kcity::parse_format(name); }, list)
            ->check(CLI::IsMember(names));
    cmd->add_option("--output", c.output,
                    "Write to FILE (atomically) instead of standard output; `-`: standard "
                    "output; without --format, the format follows FILE's extension")
        ->type_name("FILE");
    c.inputs = [&inputs] {
        add_environment(inputs);
        return kcity::run_input_files(inputs);
    };
    cmd->add_flag("--strict", c.exit.strict, "A warning (e.g. a shortfall) makes the exit code 1");
}

// Every command has --lang (SPEC §7): its report and every message it prints.
void add_lang_option(Command& c) {
    c.app
        ->add_option_function<std::string>(
            "--lang",
            [&c](const std::string& l) { c.lang = l == "ko" ? kcity::Lang::ko : kcity::Lang::en; },
            "ko | en: the language of the report and of every message (default from LC_ALL, "
            "LC_MESSAGES, then LANG: ko* is Korean, else English)")
        ->check(CLI::IsMember({"ko", "en"}));
    // Every command has --quiet too (issue 19): with it, no progress line ever.
    c.app->add_flag("--quiet", c.quiet,
                    "No progress on standard error (shown only at a terminal, for long loads)");
}

// Progress of a long load on standard error, at a terminal (kcity/base/progress.hpp): one line
// rewritten in place, cleared when the step ends.
kcity::ProgressReporter terminal_progress(kcity::Lang lang) {
    return [lang](kcity::ProgressStep step, std::size_t done, std::size_t total) {
        std::cerr << "\r\033[K";
        if (done < total) {
            const bool ko = lang == kcity::Lang::ko;
            // Files are counted as they are read (a file of up to 1 MiB is parsed by the same
            // task); parsing counts the parts of larger files (and their hashes), so only its
            // share is shown.
            if (step == kcity::ProgressStep::read_files)
                std::cerr << (ko ? "제안서 파일 읽는 중: " : "reading proposal files: ") << done
                          << "/" << total << " (" << done * 100 / total << "%)";
            else
                std::cerr << (ko ? "제안서 분석 중: " : "parsing proposal files: ")
                          << done * 100 / total << "%";
        }
        std::cerr << std::flush;
    };
}

// The environment's language (SPEC §7), read once.
kcity::Lang environment_lang() {
    return kcity::lang_from_environment(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"),
                                        std::getenv("LANG"));
}

// The language of a message printed before the command line is parsed (an unknown command or
// option): a `--lang ko` or `--lang=ko` anywhere in it, else the environment's.
kcity::Lang early_lang(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg.starts_with("--lang="))
            return arg == "--lang=ko" ? kcity::Lang::ko : kcity::Lang::en;
        if (arg == "--lang" && i + 1 < argc)
            return std::string_view(argv[i + 1]) == "ko" ? kcity::Lang::ko : kcity::Lang::en;
    }
    return environment_lang();
}

void add_method_option(CLI::App* cmd, kcity::RunOptions& run, const std::string& help) {
    cmd->add_option_function<std::string>(
           "--method",
           [&run](const std::string& m) {
               run.method = m == "merit" ? kcity::Method::merit : kcity::Method::optimal;
           },
           help)
        ->check(CLI::IsMember({"merit", "optimal"}));
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

// --attest STATEMENT (SPEC §12): one line in a command that writes a report to --output FILE,
// or files to `output_dir`; finish() writes the statement once the report is written.
void add_attest_option(Command& c, kcity::InputOptions& inputs, std::string* output_dir = nullptr) {
    c.app
        ->add_option("--attest", c.attest,
                     "Also write an in-toto statement of the run: its inputs' sha256, options "
                     "and output (check it with kcity verify)")
        ->type_name("STATEMENT");
    c.attest_inputs = &inputs;
    c.attest_output_dir = output_dir;
}

// score's --robustness N (SPEC §9 in the selection report) and the options of its runs, which
// need it; the announcement's list (--list) shows no shares, so the two exclude each other.
template <class Score>
void add_score_robustness(CLI::App* app, Score& s, CLI::Option* list) {
    auto* robustness =
        app->add_option_function<std::int64_t>(
               "--robustness", [&s](std::int64_t n) { s.runs = n; },
               "Also run the selection N times on perturbed reviews and weights (as kcity "
               "robustness does) and show each ranked proposal's share of the runs, 1 to "
               "1,000,000")
            ->type_name("N");
    robustness->excludes(list);
    list->excludes(robustness);
    app->add_option("--seed", s.seed, "With --robustness: the draws' seed (default kcity)")
        ->type_name("TEXT")
        ->needs(robustness);
    app->add_option_function<std::string>(
           "--weights", [&s](const std::string& p) { s.o.weights = p; },
           "With --robustness: shake each criterion's weight by up to ±P percent (0 < P <= 50)")
        ->type_name("P")
        ->needs(robustness);
    // A callback, as robustness's: --attest records a flag without a value.
    app->add_flag_callback(
           "--no-resample", [&s] { s.no_resample = true; },
           "With --robustness: keep each proposal's reviews as they are")
        ->needs(robustness);
}

void add_score(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("score", "Rank, select and print the selection report");
    struct Score {
        kcity::ScoreOptions o;
        std::string color = "auto";
        bool no_bom = false;
        // --robustness N and the options of its runs, as `kcity robustness` has them.
        std::optional<std::int64_t> runs;
        std::string seed = "kcity";
        bool no_resample = false;
    };
    auto s = std::make_shared<Score>();
    using enum Format;
    add_call_options(c, s->o.inputs, s->o.format, {text, markdown, json, csv, html});
    auto* list = c.app->add_flag(
        "--list", s->o.list, "Only the selection list for the announcement (selected and reserve)");
    add_score_robustness(c.app, *s, list);
    c.app
        ->add_option("--color", s->color,
                     "auto | always | never: colours in the text report (NO_COLOR honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    c.app->add_flag("--no-bom", s->no_bom,
                    "CSV without the UTF-8 byte-order mark (it is there for Excel)");
    c.app
        ->add_option_function<std::string>(
            "--track",
            [s](const std::string& t) {
                if (t.empty()) throw CLI::ValidationError("--track", "an empty track id");
                s->o.run.track = t;
            },
            "Report this track only (every input is still validated)")
        ->type_name("ID");
    c.app->add_option("--committee", s->o.committee,
                      "HTML report: the committee's name (over program.yaml `committee.name`)");
    c.app
        ->add_option("--meeting-date", s->o.meeting_date,
                     "HTML report: the meeting's date, YYYY-MM-DD (over `committee.meeting_date`)")
        ->type_name("DATE");
    c.app
        ->add_option("--approval", s->o.approval,
                     "HTML report: the approval box's titles, left to right (repeatable or "
                     "comma-separated: 담당,팀장,과장,국장; over `committee.approval`)")
        ->delimiter(',')
        ->type_name("TITLE");
    add_lang_option(c);
    add_method_option(c.app, s->o.run, "merit | optimal: overrides the rules for this run");
    add_attest_option(c, s->o.inputs);
    c.run = [s, &c] {
        add_environment(s->o.inputs);
        if (s->runs) {
            s->o.robustness.emplace();
            s->o.robustness->runs = *s->runs;
            s->o.robustness->seed = s->seed;
            s->o.robustness->resample = !s->no_resample;
        }
        s->o.csv_bom = !s->no_bom;
        s->o.color = use_color(s->color, c.output.empty());
        s->o.lang = c.lang;
        s->o.locale_lang = c.env_lang;
        return kcity::score_command(s->o);
    };
}

void add_check(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("check",
                               "Validate rules, proposals and score sheets; print every problem");
    auto o = std::make_shared<kcity::CheckOptions>();
    add_call_options(c, o->inputs, o->format, {Format::text, Format::json, Format::github});
    add_lang_option(c);
    c.run = [o, &c] {
        add_environment(o->inputs);
        o->lang = c.lang;
        o->locale_lang = c.env_lang;
        return kcity::check_command(*o);
    };
}

void add_diff(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("diff",
                               "What changed between two states of a call (--base), or what a "
                               "rules change does (--base-rules)");
    auto o = std::make_shared<kcity::DiffOptions>();
    add_call_options(c, o->inputs, o->format, {Format::text, Format::markdown, Format::json});
    auto* base_rules = c.app
                           ->add_option("--base-rules", o->base_rules,
                                        "The rules to compare with: a folder, or git:REV[:PATH]")
                           ->type_name("OLD");
    auto* base = c.app
                     ->add_option("--base", o->base,
                                  "The state of the call to compare with: a call directory, or "
                                  "git:REV[:PATH]")
                     ->type_name("OLD");
    base->excludes(base_rules);
    base_rules->excludes(base);
    // --scores are the current state's; the base state's own sheets outside its folder.
    c.app
        ->add_option("--base-scores", o->base_scores,
                     "Score sheet of the base state (CSV or .xlsx), with --base; repeatable")
        ->type_name("FILE")
        ->allow_extra_args(false)
        ->excludes(base_rules);
    add_method_option(c.app, o->run, "merit | optimal: overrides both rule sets for this run");
    add_lang_option(c);
    c.app->add_flag("--detailed-exitcode", c.exit.detailed_exitcode,
                    "Exit 2 when a status or award changed (0: none, 1: error)");
    c.run = [o, &c] {
        add_environment(o->inputs);
        o->lang = c.lang;
        o->locale_lang = c.env_lang;
        return kcity::diff_command(*o);
    };
    c.inputs = [o] {
        add_environment(o->inputs);
        std::vector<std::string> base;
        for (const auto* b : {&o->base_rules, &o->base})
            if (!b->empty() && !b->starts_with("git:")) base.push_back(*b);
        base.insert(base.end(), o->base_scores.begin(), o->base_scores.end());
        return kcity::run_input_files(o->inputs, base);
    };
}

void add_explain(CLI::App& app, Command& c) {
    c.app =
        app.add_subcommand("explain", "One proposal's way through every step, with the numbers");
    auto o = std::make_shared<kcity::ExplainOptions>();
    c.app->add_option("ID", o->id, "The proposal's id")->required();
    add_call_options(c, o->inputs, o->format, {Format::text, Format::json});
    add_lang_option(c);
    add_method_option(c.app, o->run, "merit | optimal: overrides the rules for this run");
    c.run = [o, &c] {
        add_environment(o->inputs);
        o->lang = c.lang;
        o->locale_lang = c.env_lang;
        return kcity::explain_command(*o);
    };
}

void add_robustness(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("robustness",
                               "How sure each selection is: the run repeated on perturbed reviews "
                               "and weights");
    auto o = std::make_shared<kcity::RobustnessCommandOptions>();
    using enum Format;
    add_call_options(c, o->inputs, o->format, {text, markdown, json, html});
    c.app
        ->add_option("--runs", o->run.runs, "Runs of the selection, 1 to 1,000,000 (default 1,000)")
        ->type_name("N");
    c.app->add_option("--seed", o->run.seed, "The draws' seed (default kcity)")->type_name("TEXT");
    c.app
        ->add_option_function<std::string>(
            "--weights", [o](const std::string& p) { o->weights = p; },
            "Shake each criterion's weight by up to ±P percent (0 < P <= 50)")
        ->type_name("P");
    c.app->add_flag_callback(
        "--no-resample", [o] { o->run.resample = false; },
        "Keep each proposal's reviews as they are (no resampling of reviewers)");
    c.app
        ->add_option_function<std::string>(
            "--track",
            [o](const std::string& t) {
                if (t.empty()) throw CLI::ValidationError("--track", "an empty track id");
                o->run.track = t;
            },
            "Report this track only (every input is still validated)")
        ->type_name("ID");
    add_lang_option(c);
    c.app
        ->add_option_function<std::string>(
            "--method",
            [o](const std::string& m) {
                o->run.method = m == "merit" ? kcity::Method::merit : kcity::Method::optimal;
            },
            "merit | optimal: overrides the rules for every run")
        ->check(CLI::IsMember({"merit", "optimal"}));
    add_attest_option(c, o->inputs);
    c.run = [o, &c] {
        add_environment(o->inputs);
        o->lang = c.lang;
        o->locale_lang = c.env_lang;
        return kcity::robustness_command(*o);
    };
}

void add_panel(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("panel",
                               "How the panel scored: leniency, agreement, gaps, and what "
                               "calibration would change");
    auto o = std::make_shared<kcity::PanelCommandOptions>();
    using enum Format;
    add_call_options(c, o->inputs, o->format, {text, markdown, json, html});
    c.app
        ->add_option_function<std::string>(
            "--track",
            [o](const std::string& t) {
                if (t.empty()) throw CLI::ValidationError("--track", "an empty track id");
                o->track = t;
            },
            "Report this track only (every input is still validated)")
        ->type_name("ID");
    add_lang_option(c);
    add_attest_option(c, o->inputs);
    c.run = [o, &c] {
        add_environment(o->inputs);
        o->lang = c.lang;
        o->locale_lang = c.env_lang;
        return kcity::panel_command(*o);
    };
}

// The commands that write many files (sheets, letters) into one folder.
void add_output_dir_option(CLI::App* app, std::string& dir, const std::string& help) {
    app->add_option("--output-dir", dir, help)->type_name("DIR")->required();
}

void add_sheets(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("sheets", "Write a blank score sheet for each reviewer");
    struct Sheets {
        kcity::SheetsOptions o;
        std::string format = "xlsx";
    };
    auto s = std::make_shared<Sheets>();
    add_input_options(c.app, s->o.inputs);
    add_output_dir_option(
        c.app, s->o.output_dir,
        "Write DIR/<reviewer>.xlsx (or .csv); DIR is created; no file is replaced");
    c.app->add_option("--format", s->format, "xlsx | csv")->check(CLI::IsMember({"xlsx", "csv"}));
    c.app
        ->add_option("--reviewer", s->o.reviewers,
                     "Only this reviewer (id, or name in panel.yaml); repeatable")
        ->type_name("ID")
        ->allow_extra_args(false);
    add_lang_option(c);
    c.inputs = [s] {
        add_environment(s->o.inputs);
        return kcity::run_input_files(s->o.inputs);
    };
    c.run = [s, &c] {
        add_environment(s->o.inputs);
        s->o.format = s->format == "csv" ? kcity::SheetFormat::csv : kcity::SheetFormat::xlsx;
        s->o.lang = c.lang;
        s->o.locale_lang = c.env_lang;
        return kcity::sheets_command(s->o);
    };
}

void add_letters(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("letters", "Write a result letter for each applicant, and an index");
    struct Letters {
        kcity::LettersOptions o;
        std::string format = "html";
    };
    auto s = std::make_shared<Letters>();
    add_input_options(c.app, s->o.inputs);
    add_output_dir_option(c.app, s->o.output_dir,
                          "Write DIR/<id>.<ext> and DIR/index.<ext>; DIR is created; the letters "
                          "of an earlier run are replaced");
    c.app->add_option("--format", s->format, "html | markdown | text")
        ->check(CLI::IsMember({"html", "markdown", "text"}));
    c.app->add_flag("--panel", s->o.panel,
                    "Name the track's panel (rules/panel.yaml) in each letter");
    add_lang_option(c);
    add_attest_option(c, s->o.inputs, &s->o.output_dir);
    c.inputs = [s] {
        add_environment(s->o.inputs);
        return kcity::run_input_files(s->o.inputs);
    };
    c.run = [s, &c] {
        add_environment(s->o.inputs);
        s->o.format = s->format == "markdown" ? kcity::LetterFormat::markdown
                      : s->format == "text"   ? kcity::LetterFormat::text
                                              : kcity::LetterFormat::html;
        s->o.lang = c.lang;
        s->o.locale_lang = c.env_lang;
        return kcity::letters_command(s->o);
    };
}

void add_init(CLI::App& app, Command& c) {
    c.app = app.add_subcommand("init", "Write a new call directory from the built-in rules");
    struct Init {
        std::string dir;
        std::optional<int> year;
    };
    auto o = std::make_shared<Init>();
    c.app->add_option("DIR", o->dir, "The new call directory")->required();
    c.app
        ->add_option_function<int>(
            "--year", [o](int y) { o->year = y; },
            "The call's year: its deadlines, and the earlier selections as history (default: "
            "the built-in rules' 2023)")
        ->type_name("YYYY");
    add_lang_option(c);
    c.run = [o] { return kcity::init_command(o->dir, o->year); };
}

void add_verify(CLI::App& app, Command& c) {
    c.app = app.add_subcommand(
        "verify",
        "Check an attested report: its inputs' sha256, and the same output when run again");
    auto o = std::make_shared<kcity::VerifyOptions>();
    c.app->add_option("STATEMENT", o->statement, "The statement --attest wrote")->required();
    c.app
        ->add_option("--call", o->call,
                     "The call directory (default: where the statement says, from its folder)")
        ->type_name("DIR");
    add_lang_option(c);
    c.run = [o, &c] {
        o->program = "/proc/self/exe";  // this very kcity runs the command again
        o->lang = c.messages_lang();
        return kcity::verify_command(*o);
    };
}

// The options of a command as given, as arguments, but for those that name its inputs and
// outputs (the statement records those apart): what shapes the output, for --attest.
std::vector<std::string> shaping_options(const CLI::App& app) {
    std::vector<std::string> args;
    for (const CLI::Option* o : app.get_options()) {
        if (!o->nonpositional() || o->count() == 0 || o->get_lnames().empty()) continue;
        const std::string name = "--" + o->get_lnames().front();
        if (name == "--help" || name == "--rules" || name == "--scores" || name == "--output" ||
            name == "--output-dir" || name == "--attest")
            continue;
        // A flag (CLI11 gives every flag expected(0)): its name alone. Its results hold "true",
        // which run again would be read as an INPUT.
        if (o->get_expected_max() == 0) {
            args.push_back(name);
            continue;
        }
        for (const auto& value : o->results()) {
            args.push_back(name);
            args.push_back(value);
        }
    }
    return args;
}

// Writes --attest's statement for a run whose output is written; an error message, or nothing.
std::optional<std::string> write_statement(const Command& c, const kcity::Outcome& outcome) {
    kcity::AttestRequest request;
    request.command = c.app->get_name();
    request.inputs = *c.attest_inputs;
    add_environment(request.inputs);
    request.options = shaping_options(*c.app);
    request.statement = c.attest;
    request.environment_lang = c.env_lang == kcity::Lang::ko ? "ko" : "en";
    if (c.attest_output_dir) {  // the files listed on standard output, one a line
        request.output_option = "--output-dir";
        request.output_target = *c.attest_output_dir;
        std::istringstream lines(outcome.output);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty()) request.outputs.push_back(line);
    } else {
        request.output_target = c.output;
        request.outputs.push_back(c.output);
    }
    return kcity::write_attestation(request);
}

// The outcome's call and run (every proposal, review and string of it) are not freed one by
// one on the way out: the process ends next and the system takes its memory back at once.
// Freeing 10,000 proposals cost about 25 ms on one core, a tenth of the serial end of a
// `score` (bench/README.md). The static pointer keeps them reachable, so that LeakSanitizer
// does not count them as a leak.
void keep_until_exit(kcity::Outcome outcome) {
    [[maybe_unused]] static kcity::Outcome* kept = nullptr;
    kept = new kcity::Outcome(std::move(outcome));
}

// Says the outcome on standard error, writes its report, and returns the exit code.
// Every line in the command's language: the commands write the diagnostics' English, and
// report/diagnostic_text gives them in Korean.
int finish(kcity::Outcome outcome, const Command& c) {
    const kcity::Lang lang = c.messages_lang();
    auto say = [&](const std::string& line) {
        std::cerr << kcity::localized_line(line, lang) << "\n";
    };
    for (const auto& line : outcome.messages) say(line);
    if (kcity::strict_fails(outcome, c.exit))
        for (const auto& line : outcome.strict_messages) say(line);
    // No report (an error): nothing is written, and an --output file stays as it was.
    if (!outcome.stream && outcome.output.empty()) return kcity::exit_code(outcome, c.exit);
    // A report held whole goes the way of a streamed one, in one piece.
    std::function<void(const kcity::Sink&)> produce = outcome.stream;
    if (!produce) produce = [&](const kcity::Sink& sink) { sink(outcome.output); };
    if (c.output.empty()) {
        std::cout << std::flush;  // nothing is pending; the report goes to the descriptor
        if (auto err = kcity::write_stdout(produce)) {
            say("kcity: error: " + *err);
            outcome.failure = kcity::Failure::output;
        }
    } else if (auto err = kcity::write_file_atomically(c.output, produce)) {
        say("kcity: error: " + *err);
        outcome.failure = kcity::Failure::output;
    }
    if (!c.attest.empty() && outcome.failure == kcity::Failure::none)
        if (auto err = write_statement(c, outcome)) {
            say("kcity: error: " + *err);
            outcome.failure = kcity::Failure::output;
        }
    const int code = kcity::exit_code(outcome, c.exit);
    keep_until_exit(std::move(outcome));
    return code;
}

// CLI11 says "The following arguments were not expected: scor"; say what was meant.
std::optional<std::string> unknown_command(int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return std::nullopt;
    std::string word = argv[1];
    std::vector<std::string> names = command_names();
    for (const auto& c : names)
        if (c == word) return std::nullopt;
    std::string list;
    for (const auto& c : names) list += (list.empty() ? "" : ", ") + c;
    return "unknown command `" + word + "`" + kcity::did_you_mean(word, names) +
           "; the commands are " + list;
}

// Environment variables that would otherwise be ignored without a word.
std::optional<std::string> bad_environment() {
    if (const char* t = std::getenv("KCITY_THREADS"); t && *t) {
        char* end = nullptr;
        long n = std::strtol(t, &end, 10);
        if (*end != '\0' || n < 1)
            return "KCITY_THREADS=" + std::string(t) + " is not a number of threads (1 or more)";
    }
    if (const char* r = std::getenv("KCITY_RULES"); r && !*r)
        return "KCITY_RULES is set but empty: unset it, or name the rules folder";
    return std::nullopt;
}

// A mistyped option: CLI11 would say "A subcommand is required" for `kcity --verison`, or
// that `--formt` "was not expected"; say which option was meant. Options are `--name` or
// `--name=value`, up to a `--` that ends them.
std::optional<std::string> unknown_option(int argc, char** argv, const CLI::App& app) {
    const CLI::App* scope = &app;
    std::string where = "kcity";
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") break;
        if (scope == &app && !arg.starts_with("-")) {
            const CLI::App* sub = nullptr;
            for (const CLI::App* s : app.get_subcommands({}))
                if (s->get_name() == arg) sub = s;
            if (!sub) return std::nullopt;  // not a command: unknown_command's to say
            scope = sub;
            where = "kcity " + std::string(arg);
            continue;
        }
        if (!arg.starts_with("--") || arg.size() == 2) continue;
        std::string name(arg.substr(2, arg.find('=') - 2));
        std::vector<std::string> known;
        for (const CLI::App* s : {scope, &app}) {
            for (const CLI::Option* o : s->get_options())
                for (const auto& l : o->get_lnames()) known.push_back("--" + l);
            if (s == &app) break;
        }
        if (std::find(known.begin(), known.end(), "--" + name) != known.end()) continue;
        std::string near = kcity::nearest("--" + name, known);
        return "unknown option --" + name + " for " + where +
               (near.empty() ? "; see '" + where + " --help'" : "; did you mean " + near + "?");
    }
    return std::nullopt;
}

// The format --output's extension asks for, when --format is not given; an error for an
// extension kcity does not know.
std::optional<std::string> format_from_output(Command& c) {
    if (!c.format || c.output.empty() || c.format_option->count() > 0) return std::nullopt;
    if (auto f = kcity::format_of_path(c.output)) {
        *c.format = *f;
        return std::nullopt;
    }
    return "cannot tell the format from the name " + c.output +
           " (.txt, .md, .json, .csv, .html): give --format";
}

int usage_error(const std::string& message, kcity::Lang lang) {
    std::cerr << kcity::localized_line("kcity: error: " + message, lang) << "\n"
              << (lang == kcity::Lang::ko ? "사용법은 'kcity --help'로 확인하십시오."
                                          : "Run 'kcity --help' for usage.")
              << "\n";
    kcity::Outcome failed;
    failed.failure = kcity::Failure::usage;
    return kcity::exit_code(failed, {});
}

int run(int argc, char** argv) {
    CLI::App app{"kcity: runs the selection of a K-City Network call"};
    app.set_version_flag("--version", "kcity " + std::string(kcity::build_version()) + " (commit " +
                                          std::string(kcity::build_commit()) + ")");
    app.require_subcommand(1);
    // Stable addresses: the options are bound to the commands' fields.
    std::list<Command> commands;
    for (auto add : {add_score, add_check, add_diff, add_explain, add_robustness, add_panel,
                     add_sheets, add_letters, add_init, add_verify})
        add(app, commands.emplace_back());

    const kcity::Lang env_lang = environment_lang();
    for (auto& c : commands) c.env_lang = env_lang;
    const kcity::Lang early = early_lang(argc, argv);
    if (auto message = unknown_command(argc, argv)) return usage_error(*message, early);
    if (auto message = unknown_option(argc, argv, app)) return usage_error(*message, early);
    if (auto message = bad_environment()) return usage_error(*message, early);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --version: CLI11 prints them
        app.exit(e);
        if (!(std::cout << std::flush)) {
            std::cerr << "kcity: error: cannot write to standard output\n";
            kcity::Outcome failed;
            failed.failure = kcity::Failure::output;
            return kcity::exit_code(failed, {});
        }
        return kcity::exit_code({}, {});
    } catch (const CLI::ParseError& e) {
        return usage_error(e.what(), early);  // CLI11's own codes (105, ...) become exit 1
    }
    for (auto& c : commands) {
        if (!c.app->parsed()) continue;
        if (c.output == "-") c.output.clear();  // `-` is standard output, never a file named -
        for (const std::string* written : {&c.output, &c.attest})
            if (!written->empty() && c.inputs)
                if (auto message = kcity::output_is_input(*written, c.inputs())) {
                    if (written == &c.attest && message->starts_with("--output "))
                        message->replace(0, 8, "--attest");
                    std::cerr << kcity::localized_line("kcity: error: " + *message,
                                                       c.messages_lang())
                              << "\n";
                    kcity::Outcome refused;
                    refused.failure = kcity::Failure::output;
                    return kcity::exit_code(refused, {});
                }
        if (auto message = format_from_output(c)) return usage_error(*message, c.messages_lang());
        if (!c.attest.empty() && !c.output.empty() &&
            std::filesystem::weakly_canonical(std::filesystem::absolute(c.attest)) ==
                std::filesystem::weakly_canonical(std::filesystem::absolute(c.output)))
            return usage_error("--attest " + c.attest +
                                   " is the report's own --output: the "
                                   "statement goes in a file of its own",
                               c.messages_lang());
        if (!c.attest.empty() && c.output.empty() && !c.attest_output_dir)
            return usage_error(
                "--attest STATEMENT needs --output FILE: a report on standard "
                "output cannot be attested",
                c.messages_lang());
        if (!c.quiet && isatty(STDERR_FILENO) == 1)
            kcity::set_progress_reporter(terminal_progress(c.messages_lang()));
        return finish(c.run(), c);
    }
    return usage_error("no command", early);  // not reached: CLI11 requires one
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // glibc raises its mmap threshold each time a large block is freed (up to 32 MiB), so
    // that later large blocks come from the heap, where they stay once freed. `diff --base` of
    // 200,000 proposals then held 480 to 520 MB (the base state's blocks, freed, beside the
    // current state's) instead of 387 MB, and by how much depended on the threads' timing. A
    // fixed threshold keeps blocks of 1 MiB and more in mmap, given back to the system when
    // freed (bench/hostile.md).
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    return kcity::run_guarded([&] { return run(argc, argv); }, std::cerr);
}
