// What a run decided: the model of the JSON report, read by every renderer.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/model.hpp"

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

// A value in a message, written for each language ("KRW 450,000,000" / "4억 5,000만원").
struct Arg {
    std::string en, ko;
};

struct Reason {
    std::string
        code;  // stable: deadline, award-range, <rule id>, panel-size, cutoff:<criterion>, ...
    std::string message;  // English
    std::string key =
        {};  // the message table's entry (i18n.cpp); empty: `message` in every language
    std::vector<Arg> args = {};
};

struct AdjustmentHit {
    std::string id;
    Decimal points;
    std::string points_text;  // as written in the rules
};

struct ProposalResult {
    const Proposal* proposal = nullptr;
    Status status = Status::ineligible;
    std::optional<int> rank;
    std::optional<Decimal> score, base;
    std::vector<Decimal> criteria;  // rounded, in the rules' order; empty when unranked
    std::vector<AdjustmentHit> adjustments;
    Decimal adjustment_total;      // after caps
    Krw award_candidate = 0;       // what it would be awarded (committee's, or capped request)
    std::optional<Krw> award_krw;  // awarded, when selected
    bool has_reviews = false;      // false for ineligible proposals (reviews: null)
    std::vector<std::string> used, trimmed, excluded;
    std::vector<Reason> reasons;

    bool is_candidate = false;  // passed steps 1–5 and did not withdraw
};

struct TrackResult {
    const TrackRules* rules = nullptr;
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
};

// Like a reason: a stable code, the English message, and the message table's entry with its
// values, from which every report writes it in its language (make_warning, warning_text).
struct Warning {
    std::string track, code;
    std::string message;   // English
    std::string key = {};  // the message table's entry; empty: `message` in every language
    std::vector<Arg> args = {};
};

struct Result {
    const Rules* rules = nullptr;
    std::string proposals_sha256;
    std::size_t proposal_count = 0;
    std::vector<TrackResult> tracks;
    std::vector<Warning> warnings;
};

}  // namespace kcity
