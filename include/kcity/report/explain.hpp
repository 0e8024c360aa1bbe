// The report of `kcity explain`: one proposal's way through every step of a run.
#pragma once
#include <string>

#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"
#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// The steps (SPEC §6) with the numbers, and the margins, as text or JSON.
std::string render_explain(const Call& call, const TrackResult& track,
                           const ProposalResult& proposal, Format format, Lang lang);

}  // namespace kcity
