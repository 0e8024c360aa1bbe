#include "kcity/select/pipeline.hpp"

#include "kcity/evaluate/evaluate.hpp"
#include "kcity/select/select.hpp"

namespace kcity {

Result run_selection(const Call& call, const RunOptions& options) {
    Result result;
    result.rules = &call.rules;
    result.proposals_sha256 = call.proposals_sha256;
    result.proposal_count = call.proposals.size();
    for (const auto& t : call.rules.tracks) {
        TrackResult tr = evaluate_track(call.rules, t, call.proposals, &options.trace);
        select_track(tr, options.method);
        if (options.track && *options.track != t.id) continue;
        if (tr.shortfall)
            result.warnings.push_back(
                {t.id,
                 "shortfall",
                 Msg::shortfall,
                 {{"selected", Count{tr.selected}}, {"min", Count{t.selection.min}}}});
        result.tracks.push_back(std::move(tr));
    }
    return result;
}

}  // namespace kcity
