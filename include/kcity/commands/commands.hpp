// The commands as library functions: options in, an Outcome out. The CLI only parses the
// command line, calls one of these, and writes what comes back.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kcity/load/inputs.hpp"
#include "kcity/report/diagnostics.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/report/render.hpp"
#include "kcity/select/pipeline.hpp"
#include "kcity/validate/run_warnings.hpp"

namespace kcity {

struct Outcome {
    int exit_code = 0;                  // SPEC §7: 0, 1 (any error or failed --strict), 2 (diff)
    std::string output;                 // the report (empty when there is an error)
    std::vector<std::string> messages;  // standard error lines, formatted
    // Instead of `output`: writes the report to a sink as it renders it (score), holding what
    // it reads, so that the report of a large call never sits whole in memory.
    std::function<void(const Sink&)> stream;
};

struct ScoreOptions {
    InputOptions inputs;
    RunOptions run;
    std::string format = "text";  // text | markdown | json | csv | html
    bool strict = false;
    bool csv_bom = true;  // --no-bom turns the CSV's byte-order mark off
    bool list = false;    // --list: only the selection list for the announcement
    bool color = false;   // ANSI colours in the text report (the CLI decides: terminal, --color)
    std::optional<Lang> lang;     // --lang
    Lang locale_lang = Lang::en;  // from LANG: the text report's language when --lang is not given
};

Outcome score_command(const ScoreOptions& options);

struct CheckOptions {
    InputOptions inputs;
    std::string format = "text";  // text | json | github
    bool strict = false;
};

// Validates rules, proposals and sheets and prints every problem at once (standard output),
// errors and warnings. Exit 1 on an error, or on a warning with --strict.
Outcome check_command(const CheckOptions& options);

struct DiffOptions {
    InputOptions inputs;     // the inputs, and the new rules as `score` finds them
    std::string base_rules;  // a rules folder, or git:REV[:PATH]
    RunOptions run;
    std::string format = "text";  // text | markdown | json
    bool detailed_exitcode = false;
};

// Both rule sets are validated and evaluated on the same inputs; the report says what the
// change does. Exit 0, or 2 with detailed_exitcode when a status or award changed; 1 on error.
Outcome diff_command(const DiffOptions& options);

struct ExplainOptions {
    InputOptions inputs;
    std::string id;
    RunOptions run;
    std::string format = "text";  // text | json
    std::optional<Lang> lang;
    Lang locale_lang = Lang::en;
};

// One proposal's way through every step (SPEC §6) with the numbers, and its margins.
Outcome explain_command(const ExplainOptions& options);

// Writes a new call directory at `dir` from the built-in rules: rules/, two example proposals,
// an empty score-sheet template. Refuses (exit 1) when any of those files exists.
Outcome init_command(const std::string& dir);

// Writes through a temporary file in the same folder renamed into place, so that no reader
// ever sees half a report. Returns an error message, or nothing.
std::optional<std::string> write_file_atomically(const std::string& path, const std::string& bytes);
// The same for a report written through a sink.
std::optional<std::string> write_file_atomically(const std::string& path,
                                                 const std::function<void(const Sink&)>& produce);

}  // namespace kcity
