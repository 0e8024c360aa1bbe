// `kcity diff --base OLD`: every input that differs between two whole states of a call, as
// values (SPEC §7): a rule value, a proposal added, removed or changed, a review or a score
// sheet's row, a conflict, a decision, history, the panel.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/diff/diff.hpp"
#include "kcity/load/load.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// "rule", "proposal-added", ... (stable words of the JSON, never translated)
const char* input_change_code(InputChange::Kind k);

// The rules files' changes as input changes: history.yaml and panel.yaml as their kinds,
// every other value as `rule` (decisions.yaml is compared by proposal: decision_input_changes).
std::vector<InputChange> rule_input_changes(const std::vector<SourceFile>& old_files,
                                            const std::vector<SourceFile>& new_files);

// The committee's decisions (decisions.yaml) compared by proposal: a withdrawal, an award.
std::vector<InputChange> decision_input_changes(const Rules& old_rules, const Rules& new_rules);

// The proposals' and reviews' changes (both lists sorted by id), by proposal id, then in the
// proposal's field order, then its reviews by reviewer.
std::vector<InputChange> proposal_input_changes(const Call& old_call, const Call& new_call);

}  // namespace kcity
