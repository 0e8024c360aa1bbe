// The whole run on a loaded call: evaluate and select every track (SPEC §6).
#pragma once
#include <optional>
#include <string>

#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"
#include "kcity/model/trace.hpp"

namespace kcity {

struct RunOptions {
    std::optional<Method> method;      // --method: overrides the rules for this run
    std::optional<std::string> track;  // --track: the report covers this track only
    TraceRequest trace;                // which proposals get a ProposalResult::trace
};

// Every track is evaluated; `track` only narrows what the Result reports.
Result run_selection(const Call& call, const RunOptions& options);

}  // namespace kcity
