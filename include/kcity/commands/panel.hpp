// `kcity panel`: how the panel scored (SPEC §10).
#pragma once
#include <optional>
#include <string>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

struct PanelCommandOptions {
    InputOptions inputs;
    std::optional<std::string> track;  // --track as given (an id or a name)
    Format format = Format::text;      // text | markdown | json | html
    std::optional<Lang> lang;          // --lang
    Lang locale_lang = Lang::en;       // from LC_ALL, LC_MESSAGES, LANG
};

// The real run's shortfalls and SPEC §10's warnings (an incomplete panel, a flat reviewer, a
// lenient or severe one) go to standard error and count for --strict.
Outcome panel_command(const PanelCommandOptions& options);

}  // namespace kcity
