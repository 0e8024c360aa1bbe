// `kcity letters`: a result notice per proposal, and an index (SPEC §11).
#pragma once
#include <optional>
#include <string>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/report/letters.hpp"

namespace kcity {

struct LettersOptions {
    InputOptions inputs;
    std::string output_dir;  // --output-dir: created when it does not exist
    LetterFormat format = LetterFormat::html;
    bool panel = false;           // --panel: each letter names its track's panel (panel.yaml)
    std::optional<Lang> lang;     // --lang
    Lang locale_lang = Lang::en;  // from LC_ALL, LC_MESSAGES, LANG
};

// Writes DIR/<id>.<ext> for every proposal and DIR/index.<ext>, each atomically, replacing the
// letters of an earlier run. Standard output lists the files written.
Outcome letters_command(const LettersOptions& options);

}  // namespace kcity
