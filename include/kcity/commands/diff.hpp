// `kcity diff --base-rules OLD`: dry-runs a rules change on the same inputs;
// `kcity diff --base OLD`: two whole states of a call, and what the change of inputs does.
#pragma once
#include <optional>
#include <string>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/pipeline.hpp"

namespace kcity {

struct DiffOptions {
    InputOptions inputs;     // the inputs, and the new rules as `score` finds them
    std::string base_rules;  // a rules folder, or git:REV[:PATH]
    std::string base;        // --base: a call directory, or git:REV[:PATH] (one of the two)
    // --base-scores: score sheets of the base state (with --base; --scores are the current
    // state's, and with --base-rules both sides')
    std::vector<std::string> base_scores;
    RunOptions run;
    Format format = Format::text;  // text | markdown | json
    std::optional<Lang> lang;      // --lang
    Lang locale_lang = Lang::en;   // from LANG: the text and Markdown language without --lang
};

// Both rule sets are validated and evaluated on the same inputs; the report says what the
// change does. Outcome::changed when a status, award or shortfall changed; the warnings
// --strict counts are those of the run under the current (new) rules: the change under review.
// With `base`, the base state is a whole call (diff_base_command).
Outcome diff_command(const DiffOptions& options);

// Both states loaded and validated in full; every input that differs is listed, and each
// status, award or rank change says which of them caused it.
Outcome diff_base_command(const DiffOptions& options);

}  // namespace kcity
