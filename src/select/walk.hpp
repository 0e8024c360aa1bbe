// What a selection walk decides for a track's candidates in rank order; select.cpp turns it
// into statuses, awards and the reserve. Private to the select stage.
#pragma once
#include <string>
#include <vector>

#include "kcity/select/select.hpp"

namespace kcity {

struct Walk {
    std::vector<bool> selected;
    std::vector<Krw> awards;
    std::vector<Reason> reasons;  // for those not selected
};

// `merit`: rank order, each candidate funded while the quota, the country cap and the
// budget allow (SPEC §6 step 8).
// `steps`, when given, receives the walk's state as it reached each candidate.
Walk merit_walk(const std::vector<Candidate>& c, const SelectionRules& s, Krw award_min,
                std::vector<MeritStep>* steps = nullptr);

// `optimal`: the set choose_optimal finds; everyone else left out with reason `optimal`.
Walk optimal_walk(const std::vector<Candidate>& c, const SelectionRules& s);

// The optimal set for every traced candidate and, for those left out, the best feasible set
// that holds them (choose_optimal_containing).
void trace_optimal(const std::vector<Candidate>& c, const SelectionRules& s,
                   const std::vector<bool>& selected, const std::vector<ProposalResult*>& cands);

// Why a track selected fewer than `min` (SPEC §6 step 8, shortfall).
std::vector<Reason> shortfall_reasons(const TrackResult& tr, const std::vector<Candidate>& c,
                                      const SelectionRules& s, Method method, int selected);

// Statuses, awards and the reserve of the candidates from the walk.
void apply_walk(TrackResult& tr, const std::vector<ProposalResult*>& cands, const Walk& w);

}  // namespace kcity
