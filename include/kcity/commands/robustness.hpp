// `kcity robustness`: how sure each selection is (SPEC §9).
#pragma once
#include <optional>
#include <string>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/robustness.hpp"

namespace kcity {

struct RobustnessCommandOptions {
    InputOptions inputs;
    RobustnessOptions run;  // run.track: the --track as given (an id or a name)
    // --weights as given: a number of percent above 0 and at most 50, two decimals at most.
    std::optional<std::string> weights;
    Format format = Format::text;  // text | markdown | json | html
    std::optional<Lang> lang;      // --lang
    Lang locale_lang = Lang::en;   // from LC_ALL, LC_MESSAGES, LANG
};

// The real run's warnings (a shortfall) go to standard error and count for --strict.
Outcome robustness_command(const RobustnessCommandOptions& options);

}  // namespace kcity
