// `kcity sheets`: a blank score sheet per reviewer (SPEC §11).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/commands/outcome.hpp"
#include "kcity/load/inputs.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

enum class SheetFormat { xlsx, csv };

struct SheetsOptions {
    InputOptions inputs;
    std::string output_dir;  // --output-dir: created when it does not exist
    SheetFormat format = SheetFormat::xlsx;
    std::vector<std::string> reviewers;  // --reviewer: by id or (with a panel) name; empty: panel
    std::optional<Lang> lang;            // --lang
    Lang locale_lang = Lang::en;         // from LC_ALL, LC_MESSAGES, LANG
};

// Writes DIR/<reviewer>.xlsx (or .csv) for each reviewer, each atomically and never over an
// existing file: when any of them exists, nothing is written. Standard output lists the files.
Outcome sheets_command(const SheetsOptions& options);

}  // namespace kcity
