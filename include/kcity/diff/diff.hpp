// `kcity diff`: the same inputs under two rule sets, and what the change does (SPEC §7).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/load/load.hpp"
#include "kcity/model/result.hpp"

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

struct ProposalChange {
    std::string id;
    std::optional<ProposalSide> old_side, new_side;  // absent: the track did not exist there
    bool decisive = false;                           // status or award changed (not only the rank)
    std::string because;                             // why, for a decisive change
};

struct TrackDiff {
    std::string track;
    int newly_selected = 0, dropped = 0, rank_changes = 0, other_changes = 0;
    int award_changes = 0;                // the same status (selected) with another award
    std::vector<ProposalChange> changes;  // by new rank, then the unranked by id
};

struct DiffResult {
    std::string old_origin, new_origin, old_sha256, new_sha256;
    std::vector<RuleChange> rules;
    std::vector<TrackDiff> tracks;
    bool decisive = false;  // any status or award changed: --detailed-exitcode exits 2

    std::string summary() const;  // "planning: 2 newly selected, 2 dropped, 1 award change, 5 rank
                                  // changes; pilot: no change"
};

DiffResult diff_results(const Result& old_result, const Result& new_result);

std::string render_diff_text(const DiffResult& d);
std::string render_diff_markdown(const DiffResult& d);
std::string render_diff_json(const DiffResult& d);

}  // namespace kcity
