// `kcity explain ID`: one proposal's way through every step.
#pragma once
#include <optional>
#include <string>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/pipeline.hpp"

namespace kcity {

struct ExplainOptions {
    InputOptions inputs;
    std::string id;
    RunOptions run;
    Format format = Format::text;  // text | json
    std::optional<Lang> lang;
    Lang locale_lang = Lang::en;
};

// One proposal's way through every step (SPEC §6) with the numbers, and its margins. The
// run's warnings count for --strict, as they would for `score` on the same call.
Outcome explain_command(const ExplainOptions& options);

}  // namespace kcity
