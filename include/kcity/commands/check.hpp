// `kcity check`: validation only, every problem at once.
#pragma once

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

struct CheckOptions {
    InputOptions inputs;
    Format format = Format::text;  // text | json | github
    std::optional<Lang> lang;      // --lang
    Lang locale_lang = Lang::en;   // the environment's: the list's language without --lang
};

// Validates rules, proposals and sheets and prints every problem at once (standard output),
// errors and warnings. Fails on an error; the warnings count for --strict.
Outcome check_command(const CheckOptions& options);

}  // namespace kcity
