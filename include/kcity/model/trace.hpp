// What the run decided for a proposal, and on what, recorded by evaluation and selection while
// they decide (SPEC §6). `explain` renders it instead of working the steps out again. It is
// recorded only when asked (TraceRequest): a call of 100,000 proposals keeps none by default,
// and `explain` asks for its one proposal.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/base/decimal.hpp"
#include "kcity/base/money.hpp"

namespace kcity {

// Which proposals to record.
struct TraceRequest {
    bool enabled = false;
    std::vector<std::string> ids;  // empty: every proposal

    bool wants(const std::string& id) const;
};

// A field a predicate tested, with the proposal's value (nullopt: absent).
struct TestedField {
    std::string field;
    std::optional<std::string> value;
};

// An eligibility rule's `require` or an adjustment's `when`: whether it held, and every field
// it tested, once each, in the order the predicate names them.
struct PredicateTrace {
    bool holds = false;
    std::vector<TestedField> tested;
};

// Step 1's built-in award check: within the range, above it and capped, or refused.
enum class AwardCheck : char { pass, capped, fail };

// Step 6: what orders a proposal against its neighbour (the score, a tie-break key, the id).
struct RankDecider {
    enum class By : char { score, tie_key, id } by = By::score;
    std::size_t key = 0;  // the tie_break entry, for tie_key
};

// Step 8 under `merit`: the walk's state when it reached the candidate.
struct MeritStep {
    int selected_before = 0;
    Krw left_before = 0;
    int country_before = 0;  // selected from its country before it
};

// Step 8 under `optimal`, for a candidate left out: the best feasible set that contains it
// (SPEC §6's order applied to the sets that contain it), against the optimal set.
struct Counterfactual {
    enum class Kind : char {
        none,   // no feasible set contains it (its award alone exceeds the budget, or caps)
        fewer,  // every set with it has fewer selections than the optimal set's rule (1) asks
        set     // `ranks` is the best set with it; it loses on total, or on rank order
    } kind = Kind::none;
    std::vector<int> ranks;      // the set, ascending ranks (it included)
    Decimal total;               // its total score
    Krw awards = 0;              // its awards together
    std::vector<int> displaced;  // ranks of the selected it leaves out
    std::vector<int> added;      // ranks of others left out that it takes in besides
};

// Step 8 under `optimal`: the optimal set, for every candidate.
struct OptimumTrace {
    std::vector<int> ranks;  // ascending
    Decimal total;
    Krw awards = 0;
    std::optional<Counterfactual> counterfactual;  // for a candidate left out
};

struct ProposalTrace {
    // Step 1
    bool late = false;
    AwardCheck award = AwardCheck::pass;
    std::vector<PredicateTrace> eligibility;  // in the rules' order
    // Step 2: each review's weighted total, by the proposal's review index (excluded: unset)
    std::vector<std::optional<Rational>> review_totals;
    // Step 2a (calibrate: offset): each valid review's calibrated scores, by review index
    // (empty for an excluded review, and without calibration), and their weighted totals (what
    // trimmed-mean then sorts by)
    std::vector<std::vector<Rational>> calibrated;
    std::vector<std::optional<Rational>> calibrated_totals;
    // Step 3: exact criterion scores and base, before rounding
    std::vector<Rational> criteria;
    std::optional<Rational> base;
    // Step 4: each adjustment, in the rules' order
    std::vector<PredicateTrace> adjustments;
    // Step 5: per criterion whether it passed its cut-off (true when it has none)
    std::vector<bool> cutoff_passed;
    bool threshold_passed = true;
    // Step 6: what orders it against the proposal ranked just above and just below
    std::optional<RankDecider> above, below;
    // Step 8
    std::optional<MeritStep> merit;
    std::optional<OptimumTrace> optimal;
};

}  // namespace kcity
