// SPEC §10's leniency of a track's reviewers: what `kcity panel` prints per reviewer and what the
// "lenient reviewer" warning of every command tests, worked out in one place.
#pragma once
#include <string>
#include <vector>

#include "kcity/base/decimal.hpp"
#include "kcity/base/diagnostics.hpp"
#include "kcity/model/result.hpp"

namespace kcity {

// A reviewer's leniency: the mean, over the track's eligible proposals they gave a valid review
// (used or trimmed) that have another valid review, of their raw total minus the mean raw total
// of the others. Exact (GMP: the sum of thousands of ratios outgrows 128 bits), then rounded.
struct Leniency {
    std::string reviewer;
    Position first;             // their first valid review of such a proposal, in the run's order
    Decimal rounded;            // at the track's `rounding`, half away from zero
    bool beyond_limit = false;  // more than 10% of the track's highest possible total, either way
};

// By reviewer id: every reviewer with a valid review of an eligible proposal that has another.
std::vector<Leniency> reviewer_leniency(const TrackResult& tr);

// The highest possible total of the track: the sum over criteria of weight × max.
Rational highest_total(const TrackRules& t);

}  // namespace kcity
