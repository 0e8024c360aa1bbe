// What a run decided: the model of the JSON report, read by every renderer.
#pragma once
#include <memory>
#include <optional>
#include <string>
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

// A value in a message, written for each language ("KRW 450,000,000" / "4억 5,000만원").
struct Arg {
    std::string en, ko;
};

// Only the entry of the message table and its values are kept, and the text is written when a
// report asks for it (reason_text): a call of 100,000 proposals has about as many reasons.
struct Reason {
    std::string
        code;  // stable: deadline, award-range, <rule id>, panel-size, cutoff:<criterion>, ...
    std::string key;  // the message table's entry (i18n.cpp)
    std::vector<Arg> args = {};

    std::string message() const;  // English
};

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
    // What each step decided and on what, when the run was asked to record it (RunOptions).
    std::shared_ptr<ProposalTrace> trace;

    bool is_candidate = false;  // passed steps 1–5 and did not withdraw

    ReviewRole role(std::size_t review) const;
    // The ids of the reviewers in a role, in byte order (SPEC §6).
    std::vector<std::string> reviewers(ReviewRole role) const;
    std::vector<std::string> used() const { return reviewers(ReviewRole::used); }
    std::vector<std::string> trimmed() const { return reviewers(ReviewRole::trimmed); }
    std::vector<std::string> excluded() const { return reviewers(ReviewRole::excluded); }
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
