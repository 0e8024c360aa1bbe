// Diagnostics and standard error lines in the user's language. The stages before the report
// write a diagnostic's message in English (its values, between backticks, verbatim); this
// table gives each message's Korean by its English shape, values carried over as they are.
// The line keeps its `FILE:LINE:COLUMN: error:` shape and the English word error, warning or
// note, which tools and CI annotations parse (docs/i18n.md).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kcity/base/diagnostics.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// The message in `lang`; the English as it is when the table has no shape for it.
std::string diagnostic_message(std::string_view english, Lang lang);

// The Korean of a message when the table has its shape (for tests: which messages it covers).
std::optional<std::string> korean_message(std::string_view english);

// A message's shape: its English with `{}` for each value, and its Korean naming the values
// {0}..{9} ({0~}: the value itself translated). For tests that check the table.
struct DiagnosticShape {
    std::string_view en, ko;
};
std::span<const DiagnosticShape> diagnostic_shapes();

// The diagnostic with its message in `lang`.
Diagnostic localized(Diagnostic d, Lang lang);

// A standard error line (`FILE:LINE:COLUMN: error: MESSAGE`, `kcity: warning: MESSAGE`, or
// `kcity: MESSAGE`) with its message in `lang`.
std::string localized_line(std::string_view line, Lang lang);

}  // namespace kcity
