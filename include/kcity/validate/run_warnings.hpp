// Warnings that need a run of the selection (SPEC §7, `check`).
#pragma once
#include "kcity/base/diagnostics.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// The warnings `check` documents, found on a call without errors: a proposal with no reviews
// yet, a reviewer who gave every proposal the same scores, a track whose shortfall is certain.
void check_warnings(const Call& call, Diagnostics& diags);

}  // namespace kcity
