// How the panel scored (SPEC §10, `kcity panel`): per reviewer, per proposal and per track,
// over each track's eligible proposals and their valid reviews, from raw (uncalibrated)
// totals. Nothing here decides a selection, but every printed figure is exact or computed in
// a fixed order and rounded half away from zero, so it is the same on every machine.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/base/decimal.hpp"
#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"

namespace kcity {

struct PanelOptions {
    std::optional<std::string> track;  // --track: the one track reported (an id)
};

// One reviewer × one eligible proposal of the track (the HTML grid).
struct PanelCell {
    enum class Kind : char {
        reviewed,  // a valid review (used or trimmed)
        conflict,  // excluded from it (a conflict or the same organisation)
        missing,   // neither a review nor a conflict
    };
    Kind kind = Kind::missing;
    bool trimmed = false;  // reviewed, and trimmed away at step 3
    Decimal total;         // reviewed: the raw weighted total, rounded to `rounding`
    // reviewed, when the proposal has another valid review: total minus the mean total of
    // the others, exact then rounded to `rounding`.
    std::optional<Decimal> deviation;
};

struct PanelReviewer {
    std::string id;
    const PanelMember* member = nullptr;  // from panel.yaml, when listed (for the name)
    int reviews = 0;                      // valid reviews of eligible proposals
    int conflicts = 0;
    int trimmed_low = 0, trimmed_high = 0;  // trimmed-mean only
    std::optional<Decimal> mean_total;      // rounded to `rounding`; none without reviews
    // SPEC §10 leniency, exact then rounded to `rounding`; none when no proposal they reviewed
    // has another valid review.
    std::optional<Decimal> leniency;
    // Spearman's rank correlation with the others' mean totals, two decimals; none with fewer
    // than three proposals shared with another reviewer (or when it is undefined).
    std::optional<Decimal> consistency;
    std::vector<const Proposal*> missing;  // eligible, neither a review nor a conflict; by id
    bool flat = false;                     // two or more reviews, all totals equal
    // The §6 step 2a offset of their total (the weighted sum of their per-criterion offsets),
    // rounded to `rounding`; whether or not the track calibrates. None for a reviewer with no
    // valid review of an eligible proposal (conflicts only).
    std::optional<Decimal> offset;
    bool lenient_warning = false;  // |leniency| beyond 10% of the highest possible total
};

struct PanelProposal {
    const ProposalResult* result = nullptr;  // eligible proposals only, in the run's order
    // Highest minus lowest valid total, rounded to `rounding`; none with fewer than two valid
    // reviews (a single review disagrees with nobody, and would pull the mean spread down).
    std::optional<Decimal> spread;
    std::vector<PanelCell> cells;  // one per reviewer of PanelTrack::reviewers
};

struct PanelTrack {
    const TrackResult* real = nullptr;     // the run as the rules say
    std::vector<PanelReviewer> reviewers;  // by id
    std::vector<PanelProposal> proposals;  // eligible, in the run's order
    // Krippendorff's alpha (interval) of the valid totals, exact, printed with three decimals;
    // none when undefined (fewer than two pairable values, or no disagreement to expect).
    std::optional<Rational> alpha;
    std::optional<Decimal> alpha_rounded;  // alpha to three decimals, half away from zero
    // alpha exactly, as `P/Q` in lowest terms (or `P` when whole): set whenever alpha is, also
    // when it is too large for a Rational (`alpha` is then none; computed with GMP).
    std::string alpha_ratio;
    std::optional<Decimal> mean_spread;  // rounded to `rounding`
    // With calibration switched the other way (on when the rules say none, off when offset):
    // the ids whose selection flips, each way, by id.
    bool calibrated = false;                       // the rules calibrate (panel.calibrate)
    std::vector<std::string> flips_in, flips_out;  // selected only with the switch / only without
    // The reviewers whose offsets moved a flipped proposal (by id).
    std::vector<std::string> flip_reviewers;
};

struct PanelAnalysis {
    Result real;                     // the run on the call as it is
    std::vector<PanelTrack> tracks;  // the reported tracks, in program.yaml's order
};

PanelAnalysis analyse_panel(const Call& call, const PanelOptions& options);

// The pieces of the analysis, exact (GMP inside), for tests and for run_warnings.

// Krippendorff's alpha, interval metric: one list of values per unit (a unit's values are the
// coders' values; a missing value is simply absent), every value on the same scale. None when
// undefined: fewer than two pairable values, or no disagreement to expect.
struct ExactAlpha {
    std::optional<Rational> exact;  // none when it does not fit a Rational
    std::string ratio;              // `P/Q` or `P`
    Decimal rounded;                // three decimals, half away from zero
};
std::optional<ExactAlpha> interval_alpha(const std::vector<std::vector<i128>>& units);

// Spearman's rank correlation of x and y (same length; average ranks for ties), exactly, rounded
// to two decimals half away from zero. None with fewer than three pairs or when one side has no
// spread (the correlation is undefined).
std::optional<Decimal> spearman(const std::vector<Rational>& x, const std::vector<Rational>& y);

}  // namespace kcity
