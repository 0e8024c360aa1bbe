// Warnings that need a run of the selection (SPEC §7, `check`).
#pragma once
#include "kcity/base/diagnostics.hpp"
#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"

namespace kcity {

// The warnings `check` documents, found on a call without errors: a proposal with no reviews
// yet, a reviewer who gave every proposal the same scores, an eligibility rule failed on a
// value one edit from one it accepts, a reviewer of the track with neither a review nor a
// conflict for an eligible proposal, a track whose shortfall is certain.
void check_warnings(const Call& call, Diagnostics& diags);

// The same but the shortfalls, from a run already made over every track (score reports its
// shortfalls itself, and counts these for --strict as check does).
void review_warnings(const Call& call, const Result& result, Diagnostics& diags);

}  // namespace kcity
