// `kcity score`: the whole run, and the selection report.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/pipeline.hpp"
#include "kcity/select/robustness.hpp"

namespace kcity {

struct ScoreOptions {
    InputOptions inputs;
    RunOptions run;
    Format format = Format::text;  // text | markdown | json | csv | html
    bool csv_bom = true;           // --no-bom turns the CSV's byte-order mark off
    bool list = false;             // --list: only the selection list for the announcement
    bool color = false;  // ANSI colours in the text report (the CLI decides: terminal, --color)
    // --committee, --meeting-date, --approval (repeatable or comma-separated): who signs the
    // HTML report, each overriding program.yaml's `committee` field of the same name.
    std::optional<std::string> committee;
    std::optional<std::string> meeting_date;  // checked as a date by score_command
    std::vector<std::string> approval;
    // --robustness N (with --seed, --weights, --no-resample): the analysis of SPEC §9 run too,
    // each ranked proposal's share of the runs shown beside its status. `method` and `track`
    // are run's.
    std::optional<RobustnessOptions> robustness;
    std::optional<std::string> weights;  // --weights as given (checked as `robustness` does)
    std::optional<Lang> lang;            // --lang
    Lang locale_lang = Lang::en;  // from LANG: the text report's language when --lang is not given
};

// The run's warnings (shortfalls) go to standard error and count for --strict.
Outcome score_command(const ScoreOptions& options);

}  // namespace kcity
