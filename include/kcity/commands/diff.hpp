// `kcity diff --base-rules OLD`: dry-runs a rules change on the same inputs.
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
    RunOptions run;
    Format format = Format::text;  // text | markdown | json
    std::optional<Lang> lang;      // --lang
    Lang locale_lang = Lang::en;   // from LANG: the text and Markdown language without --lang
};

// Both rule sets are validated and evaluated on the same inputs; the report says what the
// change does. Outcome::changed when a status, award or shortfall changed; the warnings
// --strict counts are those of the run under the current (new) rules: the change under review.
Outcome diff_command(const DiffOptions& options);

}  // namespace kcity
