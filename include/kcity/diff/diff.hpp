// `kcity diff`: the same inputs under two rule sets, and what the change does (SPEC §7).
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kcity/load/load.hpp"
#include "kcity/model/result.hpp"
#include "kcity/select/pipeline.hpp"

namespace kcity {

// One rule value that differs: a dotted path into the rules ("planning.threshold",
// "planning.criteria[importance].max"); a missing side is an added or removed value.
struct RuleChange {
    std::string path;
    std::optional<std::string> old_value, new_value;
};

// The rules files flattened to path → value text, lists of maps with an `id` keyed by it.
std::vector<std::pair<std::string, std::string>> flatten_rules(
    const std::vector<SourceFile>& files);

std::vector<RuleChange> diff_rules(const std::vector<SourceFile>& old_files,
                                   const std::vector<SourceFile>& new_files);

struct ProposalSide {
    Status status = Status::ineligible;
    std::optional<int> rank;
    std::optional<Decimal> score;
    std::optional<Krw> award;
    int rounding = 2;
};

// Why a status or an award changed, as values: the diff stage finds it in the two runs'
// results and the new run's trace; the report stage writes it (report/diff.hpp), in English or
// Korean. One kind per case; the fields each kind uses are named beside it.
struct Because {
    enum class Kind : char {
        track_gone,     // the track is in the base rules only
        track_new,      // the track is in the current rules only
        reserve_moved,  // unselected on both sides, another rank: reserve, old_rank, new_rank
        reserve_above,  // unselected on both sides, the same rank: reserve, above
        selected_now,   // was, reasons (the base run's)
        ineligible,     // reasons (the current run's eligibility reasons)
        dropped,        // reasons (the current run's), why_not under optimal
        award_capped,   // amount (award.max_krw), from the trace's award check
        award_reduced,  // the award was cut to the budget left (budget_fit: reduce)
        award_changed,  // amount (the award), requested
    } kind = Kind::award_changed;
    int reserve = 0;                      // selection.reserve of the current rules
    int old_rank = 0, new_rank = 0;       // reserve_moved
    std::vector<std::string> above = {};  // reserve_above: the unselected ranked above it now
    Status was = Status::ineligible;      // selected_now
    std::vector<Reason> reasons = {};
    Krw amount = 0, requested = 0;
    // A candidate the optimal set leaves out, from the current run's trace: the optimal set
    // and the best set with it, and the candidates of the track these name, by rank.
    struct Member {
        int rank = 0;
        std::string id;
        Decimal score;
    };
    struct WhyNot {
        OptimumTrace optimum;
        Krw award = 0, budget = 0;  // its award; the track's budget
        int min = 0, places = 2;    // selection.min; the rules' rounding
        std::vector<Member> members = {};
    };
    std::optional<WhyNot> why_not = {};
};

// `diff --base`: one input that differs between the two states of a call (SPEC §7).
struct InputChange {
    enum class Kind : char {
        rule,
        proposal_added,
        proposal_removed,
        proposal,  // field: old → new
        review_added,
        review_removed,
        review,  // reviewer, criterion: old → new
        conflict,
        decision,
        history,
        panel,
    } kind = Kind::rule;
    std::string file;      // the current side's file, else the base side's
    std::string id;        // the proposal's id; for rules, decisions, history, panel: the path
    std::string field;     // a proposal's field, or a review's criterion
    std::string reviewer;  // reviews and conflicts
    std::optional<std::string> old_value, new_value;
    // Reviews: the current rules' track of the proposal (null when it has none), so that a
    // Korean report names a criterion as the rules do (실현가능성, not `feasibility`).
    const TrackRules* track = nullptr;
    // A review added or removed: its scores by criterion id (old_value/new_value hold them as
    // one line of ids, which JSON keeps).
    std::vector<std::pair<std::string, std::string>> scores = {};
};

// Why a proposal moved under `diff --base`, as values read from the input changes and the
// two runs' results; the report stage writes them (report/diff.hpp). The fields each kind uses
// are named beside it.
struct Cause {
    enum class Kind : char {
        input,        // input: the proposal's own changed input, or another's (a withdrawal)
        budget_left,  // rank, other, old_award, new_award: the budget left at its rank moved
        country_cap,  // other, country, selected: the country's selections moved
        overtook,     // other, old_score, new_score: another now ranks above it
        fell_behind,  // other, old_score, new_score: another now ranks below it
        left,         // other, old_status, new_status: another above it is no longer a candidate
        joined,       // other, old_status, new_status: another above it is a candidate now
    } kind = Kind::input;
    std::size_t input = 0;  // index into DiffResult::inputs
    std::string other = {}, country = {};
    int rank = 0;
    bool selected = false;
    std::optional<Krw> old_award = {}, new_award = {};
    std::optional<ProposalSide> old_side = {}, new_side = {};  // the other's: scores, statuses
};

// A proposal of a track whose `panel.calibrate` differs between the two sides (SPEC §6 step 2a):
// which way calibration was switched, and the reviewers whose offsets it takes off (or no longer
// takes off) the proposal's valid reviews, by id: those with a non-zero offset on some
// criterion, each with the offset of their total (total_offset), from the calibrating side.
struct CalibrationSwitch {
    bool on = true;  // none → offset; false: offset → none
    struct Offset {
        std::string reviewer;
        Rational total;
    };
    std::vector<Offset> offsets = {};
    int places = 2;  // the calibrating side's rounding
};

struct ProposalChange {
    std::string id;
    std::optional<ProposalSide> old_side, new_side;  // absent: the track did not exist there
    bool decisive = false;                           // status or award changed (not only the rank)
    std::optional<Because> because;                  // why, for a decisive change
    bool reads_trace = false;   // its because line wants the current run's trace of it
    std::vector<Cause> causes;  // diff --base: the input changes that moved it, own ones first
    std::optional<CalibrationSwitch> calibration;  // its track switched calibration
};

// A track's shortfall on one side (SPEC §6 step 8): the selections, `min`, and every reason.
struct ShortfallSide {
    int selected = 0, min = 0;
    std::vector<Reason> reasons;
};

struct TrackDiff {
    std::string track;
    // Shown whenever either side falls short; one that appears or disappears is a change.
    std::optional<ShortfallSide> old_shortfall, new_shortfall;
    bool shortfall_changed = false;
    int newly_selected = 0, dropped = 0, rank_changes = 0, other_changes = 0;
    int award_changes = 0;                // the same status (selected) with another award
    std::vector<ProposalChange> changes;  // by new rank, then the unranked by id
};

struct DiffResult {
    std::string old_origin, new_origin, old_sha256, new_sha256;
    std::vector<RuleChange> rules;
    bool whole_call = false;          // diff --base: `inputs` lists what differs
    std::vector<InputChange> inputs;  // diff --base
    std::vector<TrackDiff> tracks;
    bool decisive = false;  // any status, award or shortfall changed: --detailed-exitcode exits 2
};

// Reason lists interned: each distinct list kept once and handed out as a view, valid while
// the table lives (its lists never move). A call's 100,000 proposals have a few thousand
// distinct lists ("the quota of 5 selections was already filled" 58,000 times), where a vector
// of reasons per proposal took more than half of a base run's memory (bench/README.md, "diff").
class ReasonLists {
  public:
    std::span<const Reason> intern(const std::vector<Reason>& reasons);
    std::size_t size() const { return lists_.size(); }
    void seal() { std::unordered_map<std::string, std::size_t>().swap(index_); }  // no more

  private:
    std::deque<std::vector<Reason>> lists_;
    std::unordered_map<std::string, std::size_t> index_;  // a list's bytes (reason_key) → place
};

// What a diff keeps of the base run once the base call's proposals are freed (so that a call of
// 100,000 proposals is never held twice): per track and proposal, what the comparison and the
// because lines read, in about 100 bytes. The views point into the BaseRun's store; `rules` and
// the reasons' rule names into the base call's rules, which the caller keeps
// (release_proposals).
struct BaseProposal {
    std::string_view id, country;     // into BaseStore::text
    std::span<const Reason> reasons;  // into BaseStore::reasons
    std::optional<Decimal> score;
    std::optional<Krw> award_krw;
    std::optional<int> rank;
    Status status = Status::ineligible;
    bool is_candidate = false;
};

// What the BaseProposals of a run view: their ids and countries as one text, their reasons.
struct BaseStore {
    std::string text;  // reserved once at its final size: views into it never move
    ReasonLists reasons;
};

struct BaseTrack {
    const TrackRules* rules = nullptr;
    std::optional<Calibration> calibration;  // the base run's offsets, when it calibrates
    bool shortfall = false;
    int selected = 0;
    std::vector<Reason> shortfall_reasons;
    std::vector<BaseProposal> proposals;  // in the run's order
};

struct BaseRun {
    std::string origin, sha256;  // the base rules'
    std::vector<BaseTrack> tracks;
    // Shared and never moved, so that a BaseRun moved or copied keeps its views valid.
    std::shared_ptr<const BaseStore> store;
};

BaseRun summarize_run(const Result& r);

// The base call run (untraced) and reduced to a BaseRun.
BaseRun run_base(const Call& old_call, const RunOptions& options);

// Frees a call's proposals, keeping its rules where they are (a BaseRun points into them).
void release_proposals(Call& call);

// What changed between the base run and the current one, and why. An award's cap and why the
// optimal set leaves a candidate out are read from the current run's trace, where it has one
// for the proposal; without it those because lines say less (never a guess), and the change is
// marked `reads_trace` so that the caller can run again with a trace of those ids (diff_runs).
DiffResult diff_results(const Result& old_result, const Result& new_result);
DiffResult diff_results(const BaseRun& old_run, const Result& new_result);

// The ids of the changes whose because lines want the current run's trace.
std::vector<std::string> ids_to_trace(const DiffResult& d);

// Both calls run and are diffed, the current one traced for the base run's selected ids only:
// every because line that reads the trace is about one of them (an award that changed, a drop
// from the optimal set), so a call of 100,000 proposals keeps the memory of two untraced runs.
// `new_result` receives the current run (its warnings are the command's).
DiffResult diff_runs(const Call& old_call, const Call& new_call, const RunOptions& options,
                     Result& new_result);
// The same with the base side already run (run_base), its call freed or not.
DiffResult diff_runs(const BaseRun& old_run, const Call& new_call, const RunOptions& options,
                     Result& new_result);

// `diff --base`: both states run, diffed, and each change's causes found among `inputs`
// (which the result keeps) and in the two runs' results.
DiffResult diff_base_runs(const Call& old_call, const Call& new_call, const RunOptions& options,
                          std::vector<InputChange> inputs, Result& new_result);
DiffResult diff_base_runs(const BaseRun& old_run, const Call& new_call, const RunOptions& options,
                          std::vector<InputChange> inputs, Result& new_result);

}  // namespace kcity
