// Diagnostics rendered for `check`.
#pragma once
#include <string>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/report/format.hpp"

namespace kcity {

// Diagnostics as text lines, as JSON ({"diagnostics": [...]}) or as GitHub workflow
// annotations (::error file=F,line=L,col=C::message).
std::string render_diagnostics(const std::vector<Diagnostic>& diags, Format format);

}  // namespace kcity
