// Warnings that need a run of the selection (SPEC §7, `check`).
#pragma once
#include "kcity/base/diagnostics.hpp"
#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"

namespace kcity {

// The warnings `check` documents, found on a call without errors, from a run made over every
// track: a proposal with no reviews yet, a reviewer who gave every proposal the same scores, an
// eligibility rule failed on a value one edit from one it accepts, a reviewer of the track with
// neither a review nor a conflict for an eligible proposal, a reviewer whose leniency is beyond
// 10% of the track's highest possible total (SPEC §10). A track whose shortfall is certain
// is the run's own warning: `check` words it from the run (commands/check.cpp), `score` prints
// it itself; score counts these for --strict as check does.
void review_warnings(const Call& call, const Result& result, Diagnostics& diags);

// SPEC §10's warnings alone, over the tracks of `result`: an incomplete panel, a flat reviewer,
// a reviewer whose leniency is beyond 10% of the highest possible total: every command that runs
// the selection says them on standard error (commands/common.cpp, add_panel_warnings).
void panel_warnings(const Result& result, Diagnostics& diags);

// review_warnings without panel_warnings: a proposal with no reviews yet, a near miss of an
// eligibility rule. For a caller that has the panel's warnings of the same run already.
void proposal_warnings(const Result& result, Diagnostics& diags);

}  // namespace kcity
