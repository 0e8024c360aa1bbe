// `kcity diff --base OLD`: every input that differs between two whole states of a call, as
// values (SPEC §7): a rule value, a proposal added, removed or changed, a review or a score
// sheet's row, a conflict, a decision, history, the panel.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kcity/diff/diff.hpp"
#include "kcity/load/load.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

// "rule", "proposal-added", ... (stable words of the JSON, never translated)
const char* input_change_code(InputChange::Kind k);

// The rules files' changes (diff_rules of old_files and new_files, which say each one's
// file) as input changes: history.yaml and panel.yaml as their kinds,
// every other value as `rule` (decisions.yaml is compared by proposal: decision_input_changes).
std::vector<InputChange> rule_input_changes(const std::vector<RuleChange>& rules,
                                            const std::vector<SourceFile>& old_files,
                                            const std::vector<SourceFile>& new_files);

// The committee's decisions (decisions.yaml) compared by proposal: a withdrawal, an award.
std::vector<InputChange> decision_input_changes(const Rules& old_rules, const Rules& new_rules);

// The values of a call's proposals that the comparison reads (fields, conflicts, reviews),
// packed: `diff --base` keeps these of the base state, about the size of its input's text, and
// frees its proposals before the current state is loaded (a loaded proposal takes several
// times more; bench/README.md, "diff"). Read with the base state's rules, which stay.
class ProposalInputs {
  public:
    explicit ProposalInputs(const Call& call);  // call.proposals sorted by id

    struct Entry {
        std::string_view id;      // into blocks_
        std::uint32_t track = 0;  // index in words_
        FileName file;
        std::string_view packed;  // into blocks_
    };
    const std::vector<Entry>& entries() const { return entries_; }
    const std::string& word(std::uint32_t i) const { return words_[i]; }
    // The index of a word of the table, or none (then no packed value can hold it).
    std::optional<std::uint32_t> find(std::string_view w) const;
    // `p` packed with this table's words, as its entry would be; false when it has a word
    // the table lacks (so it differs from every entry).
    bool pack(const Proposal& p, const Rules& rules, std::string& out) const;

  private:
    std::uint32_t intern(std::string_view w);
    std::string_view keep(std::string_view s);  // copied into blocks_
    // The entries' ids and packed forms, one after another in blocks of 1 MiB that never move:
    // a std::string each took 48 bytes more and scattered them among the base call's proposals,
    // whose freed pages they then kept resident.
    std::vector<std::unique_ptr<char[]>> blocks_;
    char* block_end_ = nullptr;  // where the last block's free space starts
    std::size_t block_left_ = 0;
    std::deque<std::string> words_;  // a deque: index_ views into its strings, which never move
    std::unordered_map<std::string_view, std::uint32_t> index_;  // views into words_'s strings
    std::vector<Entry> entries_;
};

// The proposals' and reviews' changes (both lists sorted by id), by proposal id, then in the
// proposal's field order, then its reviews by reviewer. `old_rules`: the base state's.
std::vector<InputChange> proposal_input_changes(const ProposalInputs& old_inputs,
                                                const Rules& old_rules, const Call& new_call);
std::vector<InputChange> proposal_input_changes(const Call& old_call, const Call& new_call);

}  // namespace kcity
