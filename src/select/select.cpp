// SPEC §6 step 8: a track's candidates walked by merit or optimal, then statuses, the reserve
// and, when fewer than `min` were selected, the shortfall.
#include "kcity/select/select.hpp"

#include <algorithm>

#include "walk.hpp"

namespace kcity {

void select_track(TrackResult& tr, std::optional<Method> method_override) {
    const TrackRules& t = *tr.rules;
    tr.method = method_override.value_or(t.selection.method);
    std::vector<ProposalResult*> cands;
    std::vector<Candidate> c;
    for (auto& r : tr.proposals)
        if (r.is_candidate) {
            cands.push_back(&r);
            c.push_back({*r.rank, *r.score, r.award_candidate, r.proposal->country});
        }
    const bool traced = std::any_of(cands.begin(), cands.end(),
                                    [](const ProposalResult* r) { return r->trace != nullptr; });
    std::vector<MeritStep> steps;
    Walk w = tr.method == Method::merit
                 ? merit_walk(c, t.selection, t.award_min, traced ? &steps : nullptr)
                 : optimal_walk(c, t.selection);
    apply_walk(tr, cands, w);
    if (traced && tr.method == Method::merit)
        for (std::size_t i = 0; i < cands.size(); ++i)
            if (cands[i]->trace) cands[i]->trace->merit = steps[i];
    if (traced && tr.method == Method::optimal) trace_optimal(c, t.selection, w.selected, cands);
    tr.withdrawn = static_cast<int>(
        std::count_if(tr.proposals.begin(), tr.proposals.end(),
                      [](const ProposalResult& r) { return r.status == Status::withdrawn; }));
    if (tr.selected < t.selection.min) {
        tr.shortfall = true;
        tr.shortfall_reasons = shortfall_reasons(tr, c, t.selection, tr.method, tr.selected);
    }
}

}  // namespace kcity
