// Statuses and awards from a selection walk, and the reserve (SPEC §6 step 8): the first
// `reserve` candidates left out, in rank order, are the reserve.
#include "walk.hpp"

namespace kcity {

void apply_walk(TrackResult& tr, const std::vector<ProposalResult*>& cands, const Walk& w) {
    int reserve_left = tr.rules->selection.reserve;
    tr.selected = 0;
    tr.awarded_krw = 0;
    for (std::size_t i = 0; i < cands.size(); ++i) {
        ProposalResult& r = *cands[i];
        if (w.selected[i]) {
            r.status = Status::selected;
            r.award_krw = w.awards[i];
            tr.awarded_krw += w.awards[i];
            ++tr.selected;
            continue;
        }
        r.reasons.push_back(w.reasons[i]);
        r.status = reserve_left > 0 ? Status::reserve : Status::not_selected;
        if (reserve_left > 0) --reserve_left;
    }
}

}  // namespace kcity
