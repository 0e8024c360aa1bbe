// SPEC §6 steps 1–7 for one track: eligibility, panel, aggregation, adjustments, cut-offs,
// ranking and awards. Selection (step 8) is select.hpp.
#pragma once
#include <cstdint>
#include <vector>

#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"
#include "kcity/model/trace.hpp"

namespace kcity {

// The exact (unrounded) score of each criterion from the reviews used.
struct Aggregation {
    std::vector<Rational> criteria;
    std::vector<const Review*> used, trimmed;  // by reviewer id
};

// Step 3 on the valid reviews of one proposal (at least one); with `calibration`, on their
// calibrated scores (step 2a).
Aggregation aggregate(const TrackRules& t, std::vector<const Review*> reviews,
                      const Calibration* calibration = nullptr);

// A review's total (SPEC §6 step 3: the sum over criteria of weight × score), exact; with
// `calibration`, of its calibrated scores (step 2a), else raw (the totals of SPEC §10).
Rational review_total(const TrackRules& t, const Review& r,
                      const Calibration* calibration = nullptr);

// A review total's unit: 10^-8 of a point (a weight's units times a score's).
constexpr i128 total_scale = static_cast<i128>(Decimal::scale) * Decimal::scale;

// review_total's raw value in units of 10^-8 of a point (a weight's units times a score's: the
// total's denominator always divides 10^8), for sums that must stay integers.
i128 review_total_units(const TrackRules& t, const Review& r);

// Step 2: a proposal's valid reviews (those of reviewers not excluded from it), in its order.
std::vector<const Review*> valid_reviews(const Proposal& p);

// Step 2a: each reviewer's offsets from the valid reviews of each eligible proposal of the
// track (`panels`, one list per proposal; a reviewer listed twice counts twice).
Calibration calibration_offsets(const TrackRules& t,
                                const std::vector<std::vector<const Review*>>& panels);

// The offset of a reviewer's total: the weighted sum of their step 2a offsets (`offsets`, one
// per criterion in the rules' order), exact. What calibration takes off each of their reviews'
// totals, before the clamp to 0..max.
Rational total_offset(const TrackRules& t, const std::vector<Rational>& offsets);

// What stays the same when a track is evaluated again with other reviews or other weights
// (`kcity robustness`, SPEC §9): steps 1 and 4 read the proposal's fields, the history and the
// rules' predicates, never a review or a weight, so they are worked out once. One entry per
// proposal of the track, in the order evaluate_track meets them (the order of `proposals`).
struct KnownSteps {
    struct Entry {
        std::vector<Reason> ineligible;          // step 1's reasons; empty: eligible
        std::vector<std::uint32_t> adjustments;  // step 4: the indexes of those whose `when` holds
    };
    std::vector<Entry> entries;
};
KnownSteps known_steps(const Rules& rules, const TrackRules& track,
                       const std::vector<Proposal>& proposals);

// Steps 1–7 for every proposal of `track` among `proposals`; the results come back ranked
// (step 6), the unranked after them by id. Selection is not applied yet. The proposals that
// `trace` asks for get their ProposalResult::trace. With `known` (from known_steps on the same
// rules' predicates and proposals' fields), steps 1 and 4 are read from it, except for a traced
// proposal, whose trace records each predicate as it is evaluated.
TrackResult evaluate_track(const Rules& rules, const TrackRules& track,
                           const std::vector<Proposal>& proposals,
                           const TraceRequest* trace = nullptr, const KnownSteps* known = nullptr);

// The `lottery` key's draw for a proposal (SPEC §6): the SHA-256, in lower-case hex, of the
// UTF-8 text SEED + newline + id, as `printf '%s\n%s' "$SEED" "$ID" | sha256sum` prints it.
std::string lottery_hash(const std::string& seed, const std::string& id);

// One tie-break key: <0 when `a` ranks before `b` by it, >0 after, 0 when equal.
int compare_tie_key(const TieKey& k, const ProposalResult& a, const ProposalResult& b,
                    int tz_minutes);

// The groups of consecutive ranked proposals of a track whose order the `lottery` key decided:
// tied on the score and every key before it (SPEC §6, "when the lottery decided an order, the
// report says so"), each group in rank order. Empty when no lottery decided anything.
struct LotteryGroup {
    const TieKey* key = nullptr;  // the lottery key of the rules (its seed)
    std::vector<const ProposalResult*> proposals;
};
std::vector<LotteryGroup> lottery_groups(const TrackResult& track, int tz_minutes);

// Step 6's order: true when `a` ranks before `b`.
bool ranks_before(const TrackRules& t, const ProposalResult& a, const ProposalResult& b,
                  int tz_minutes);

}  // namespace kcity
