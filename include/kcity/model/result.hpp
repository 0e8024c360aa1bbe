// What a run decided: the model of the JSON report, read by every renderer.
#pragma once
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "kcity/model/call.hpp"
#include "kcity/model/trace.hpp"

namespace kcity {

enum class Status {
    selected,
    reserve,
    not_selected,
    withdrawn,
    below_threshold,
    unscored,
    ineligible
};

// "selected", "not-selected", ... (stable words, never translated)
const char* status_code(Status s);

// Why a proposal or a track came out as it did, as values: the report stage (the message
// catalogue, report/i18n.cpp) alone turns them into words, in the language asked for.
//
// The message a reason or a warning says: an entry of the catalogue, named by an enum so that
// only messages that exist can be named (the catalogue checks at compile time that each has
// its entry). One message per decision: singular and plural, and optional parts such as the
// reviews excluded for conflicts, are the catalogue's to choose from the values.
enum class Msg : std::uint8_t {
    award_above,                // requested, max
    award_below,                // requested, min
    budget,                     // award, left
    budget_stop,                // rank
    conflict,                   // reviewer: a conflict declared (`conflicts`, a sheet's conflict)
    country_cap,                // country, count, cap
    cutoff,                     // criterion, score, cutoff
    deadline,                   // submitted, submitted_local (when another offset), deadline
    optimal,                    //
    panel_size,                 // valid, needed, excluded
    quota,                      // max
    rule_failed,                // rule, tested
    same_organisation,          // reviewer, organisation: the applicant's (SPEC §5)
    same_organisation_partner,  // reviewer, organisation: the partner's
    shortfall,                  // selected, min (the warning)
    shortfall_budget,           // count, need, available: the `count` cheapest candidates
    shortfall_budget_all,       // count, need, available: all `count` candidates (fewer than min)
    shortfall_candidates,       // candidates, min, received, eligible, scored, passed, withdrawn
    shortfall_combined,         // min, budget, cap (when the track has a country cap)
    shortfall_country_cap,      // countries, cap, possible, capped
    shortfall_merit_order,      // count, ranks, selected
    threshold,                  // base, threshold
    withdrawn,                  //
};
inline constexpr std::size_t msg_count = static_cast<std::size_t>(Msg::withdrawn) + 1;

// Typed values of a message's slots.
struct Count {  // a number of things: chooses a message's singular or plural form
    std::int64_t n = 0;
    template <std::integral I>
    constexpr explicit Count(I i) : n(static_cast<std::int64_t>(i)) {}
};
struct Money {
    Krw krw = 0;
};
struct Score {  // a computed score, written with exactly `places` decimals
    Decimal value;
    int places = 2;
};
struct CountryCode {  // ISO code: "VN" / "베트남(VN)"
    std::string code;
};
struct CountryCounts {  // "TH 2, VN 2" / "태국(TH) 2건, 베트남(VN) 2건"
    std::vector<std::pair<std::string, int>> counts;
};
struct Ranks {  // "1, 2, 4"
    std::vector<int> ranks;
};
struct TestedValues {  // the fields a failed rule tested: "applicant.type: goverment"
    std::vector<TestedField> fields;
};
// A Decimal is written as the rules wrote it ("12", "1.5"); a std::string is the same text in
// every language (ids); a LocalText (the rules' own, which outlive every result) in the
// report's language.
using ArgValue = std::variant<Count, Money, Score, Decimal, DateTime, CountryCode, CountryCounts,
                              Ranks, std::string, const LocalText*, TestedValues>;

// A named slot of the message and its value: {"budget", Money{...}} fills `{budget}`.
struct Arg {
    std::string_view slot;  // a literal
    ArgValue value;
};

struct Reason {
    std::string
        code;  // stable: deadline, award-range, <rule id>, panel-size, cutoff:<criterion>, ...
    Msg msg = Msg::optimal;
    std::vector<Arg> args = {};

    std::string message() const;  // English, by the catalogue (report/i18n.cpp)
};

// A reviewer excluded from a proposal (SPEC §6 step 2) and why: code `conflict` (declared in
// the proposal's `conflicts` or on a score sheet) or `same-organisation` (panel.yaml).
struct Exclusion {
    std::string reviewer;
    Reason reason;
};

// Every code kcity's own steps give a reason or a warning (evaluate, select), beside the
// eligibility rules' ids and `cutoff:<criterion>`: a rule with one of them as its id would make
// a reason ambiguous, so the rules refuse it. Keep in step with evaluate/ and select/.
inline constexpr std::string_view builtin_reason_codes[] = {
    "deadline",    "award-range", "panel-size", "cutoff",      "threshold",  "withdrawn", "quota",
    "country-cap", "budget",      "optimal",    "merit-order", "candidates", "shortfall"};

inline bool is_builtin_reason_code(std::string_view id) {
    for (std::string_view code : builtin_reason_codes)
        if (code == id) return true;
    return false;
}

// What the panel step made of each review of a proposal (SPEC §8 `reviews`).
enum class ReviewRole : char { none = 0, used = 'u', trimmed = 't', excluded = 'x' };

struct ProposalResult {
    const Proposal* proposal = nullptr;
    Status status = Status::ineligible;
    std::optional<int> rank;
    std::optional<Decimal> score, base;
    std::vector<Decimal> criteria;  // rounded, in the rules' order; empty when unranked
    std::vector<const Adjustment*> adjustments;  // that hold, before caps, in rules order
    Decimal adjustment_total;                    // after caps
    Krw award_candidate = 0;       // what it would be awarded (committee's, or capped request)
    std::optional<Krw> award_krw;  // awarded, when selected
    bool has_reviews = false;      // false for ineligible proposals (reviews: null)
    // One ReviewRole per review of the proposal, by index: a string of them holds 15 without
    // an allocation, where three lists of reviewer ids took a quarter of a result's memory.
    std::string review_roles;
    std::vector<Reason> reasons;
    // Every excluded reviewer with why, by reviewer id (a reviewer may have two reasons).
    std::vector<Exclusion> exclusions;
    // What each step decided and on what, when the run was asked to record it (RunOptions).
    std::shared_ptr<ProposalTrace> trace;
    // With `panel.calibrate: offset` (SPEC §6 step 2a), a scored proposal's base and score from
    // its raw reviews, as they would be without calibration (`base` and `score` are calibrated).
    std::optional<Decimal> raw_base, raw_score;

    bool is_candidate = false;  // passed steps 1–5 and did not withdraw

    ReviewRole role(std::size_t review) const;
    // The ids of the reviewers in a role, in byte order (SPEC §6).
    std::vector<std::string> reviewers(ReviewRole role) const;
    std::vector<std::string> used() const { return reviewers(ReviewRole::used); }
    std::vector<std::string> trimmed() const { return reviewers(ReviewRole::trimmed); }
    std::vector<std::string> excluded() const { return reviewers(ReviewRole::excluded); }
};

// SPEC §6 step 2a: a reviewer's exact offset per criterion (the rules' order), and the number of
// proposals it is the mean over (0: no proposal shared with another reviewer, offsets 0).
struct ReviewerOffset {
    std::string reviewer;
    std::vector<Rational> offsets;
    int proposals = 0;
};

// The offsets of a track's reviewers, by reviewer id: every reviewer with a valid review of an
// eligible proposal of the track.
struct Calibration {
    std::vector<ReviewerOffset> reviewers;

    // The reviewer's offsets; null when they have none (then 0).
    const std::vector<Rational>* find(std::string_view reviewer) const;
};

// SPEC §9's class of a proposal by the share of the runs that selected it (kcity robustness).
enum class RobustClass { secure, borderline, out };

// `score --robustness N`: a ranked proposal over the N perturbed runs of SPEC §9, as the
// selection report shows it beside its status (the numbers `kcity robustness` prints).
struct RunShare {
    std::int64_t selected_runs = 0;
    std::int64_t share_tenths = 0;  // percent of the runs, in tenths, half away from zero
    RobustClass cls = RobustClass::out;
};

// What the runs behind `score --robustness N` were (SPEC §9): said once in the report.
struct RobustnessRuns {
    std::int64_t runs = 0;
    std::string seed;
    bool resample = true;
    std::optional<Decimal> weights_percent;
};

struct TrackResult {
    const TrackRules* rules = nullptr;
    // Set when the track calibrates (`panel.calibrate: offset`).
    std::optional<Calibration> calibration;
    Method method = Method::merit;
    Krw awarded_krw = 0;
    int selected = 0;
    bool shortfall = false;
    std::vector<Reason> shortfall_reasons;
    int received = 0, eligible = 0, scored = 0, candidates = 0;
    // Passed the cut-offs but withdrew (so scored = below threshold + withdrawn + candidates).
    // Counted by select_track, whose shortfall message names them.
    int withdrawn = 0;
    std::vector<ProposalResult> proposals;  // by rank, then the unranked by id
    // With `score --robustness N`: one per ranked proposal, by rank (empty otherwise).
    std::vector<RunShare> shares;

    // The share of a proposal of this track; null when it is unranked or there are none.
    const RunShare* share(const ProposalResult& r) const {
        if (!r.rank || static_cast<std::size_t>(*r.rank) > shares.size()) return nullptr;
        return &shares[static_cast<std::size_t>(*r.rank) - 1];
    }
};

// Like a reason: a stable code and the message with its values, from which every report
// writes it in its language (warning_text).
struct Warning {
    std::string track, code;
    Msg msg = Msg::shortfall;
    std::vector<Arg> args = {};

    std::string message() const;  // English, by the catalogue (report/i18n.cpp)
};

struct Result {
    const Rules* rules = nullptr;
    std::string proposals_sha256;
    std::size_t proposal_count = 0;
    std::vector<TrackResult> tracks;
    std::vector<Warning> warnings;
    // Set by `score --robustness N` (with TrackResult::shares): the runs the shares are of.
    std::optional<RobustnessRuns> robustness;
};

}  // namespace kcity
