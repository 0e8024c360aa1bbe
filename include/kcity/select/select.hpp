// SPEC §6 step 8: merit and optimal selection, reserve, and the shortfall analysis.
#pragma once
#include <optional>
#include <vector>

#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"

namespace kcity {

// A candidate as selection sees it. Selection takes them in rank order, so with scores that
// never rise from one to the next (SPEC §6 step 6 ranks by score first).
struct Candidate {
    int rank = 0;
    Decimal score;
    Krw award = 0;
    std::string country;
};

// What choose_optimal did, for benchmarks and tests: never needed to use it.
struct OptimalStats {
    std::size_t candidates = 0;   // given
    std::size_t kept = 0;         // affordable and not dominated (see src/select/optimal.cpp)
    std::size_t counts = 0;       // selection sizes searched (the others could not win)
    std::size_t pool = 0;         // candidates left after reduced-cost fixing, summed over sizes
    std::size_t nodes = 0;        // branch-and-bound nodes
    std::size_t relaxations = 0;  // bounds computed from scratch
    std::size_t dominated = 0;    // branches cut because a passed-over candidate beats them
    std::size_t fallbacks = 0;    // 1 when rule (3)'s one search gave up for the per-count one
    std::size_t few_counts = 0;   // 1 when so few counts could win that each was searched with
                                  // rule (3) at once (no search for the best total first)
    std::size_t greedy = 0;       // 1 when rule (3) was decided by fixing candidates in rank
                                  // order with exact completion tests (no phase 2 search)
};

// Indices (into `candidates`, in rank order) of the set `optimal` chooses, ascending: SPEC §6
// step 8, exactly (src/select/optimal.cpp explains how). `stats`, when given, receives the
// counters.
std::vector<std::size_t> choose_optimal(const std::vector<Candidate>& candidates,
                                        const SelectionRules& s, OptimalStats* stats = nullptr);

// The best feasible set that contains candidates[forced]: SPEC §6 step 8's order applied to
// the sets that hold it ((1) reaches `min` if any of them can, else as many as they can;
// (2) the largest total; (3) the others' rank list first), exactly, as indices ascending.
// nullopt when no feasible set holds it (its award exceeds the budget, or `max` or
// `max_per_country` is 0), and when the scores together exceed 2^62 units (10^14 points:
// never with real rules). It answers "why not this one?" under `optimal`.
std::optional<std::vector<std::size_t>> choose_optimal_containing(
    const std::vector<Candidate>& candidates, const SelectionRules& s, std::size_t forced);

// Applies step 8 to a ranked track: statuses, reasons, awards, reserve, shortfall. Candidates
// with a ProposalResult::trace get the selection's part of it.
void select_track(TrackResult& track, std::optional<Method> method_override);

}  // namespace kcity
