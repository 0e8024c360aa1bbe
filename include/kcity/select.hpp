// SPEC §6 step 8: merit and optimal selection, reserve, and the shortfall analysis.
#pragma once
#include <optional>
#include <vector>

#include "kcity/model.hpp"
#include "kcity/result.hpp"

namespace kcity {

// A candidate as selection sees it, in rank order.
struct Candidate {
    int rank = 0;
    Decimal score;
    Krw award = 0;
    std::string country;
};

// Indices (into `candidates`) of the set `optimal` chooses, ascending.
std::vector<std::size_t> choose_optimal(const std::vector<Candidate>& candidates,
                                        const SelectionRules& s);

// Applies step 8 to a ranked track: statuses, reasons, awards, reserve, shortfall.
void select_track(TrackResult& track, std::optional<Method> method_override);

}  // namespace kcity
