// Reading, hashing and parsing the proposal files of a call in parallel (private to load/).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/model/call.hpp"

namespace kcity {

struct ProposalFiles {
    std::vector<Proposal> proposals;  // in file order, then document order
    std::vector<std::string> sha256;  // of each file read, in file order
    // More than max_proposals, or max_attributes (an error is given): `proposals` is then
    // empty.
    bool too_many = false;
};

// A proposal parsed past the limits of a run and not kept: where it begins, and how many
// attributes it had, so that the message can name the one that passes either limit.
struct DroppedProposal {
    Position where;
    std::size_t attributes = 0;
};

// What parse_proposal_text_within keeps: at most this many proposals and attributes.
struct KeepLimit {
    std::size_t proposals = 0, attributes = 0;
};

// parse_proposal_text, keeping proposals in `out` within `keep`: from the first one past
// it, every one is only noted in `beyond` (the limits of a run, max_proposals and
// max_attributes).
std::size_t parse_proposal_text_within(std::string_view text, const std::string& path,
                                       int first_line, const Rules& rules, KeepLimit keep,
                                       std::vector<Proposal>& out,
                                       std::vector<DroppedProposal>& beyond, Diagnostics& diags);

// The proposals of the files at `paths`, parsed against `rules`. Files are independent: they
// are read, hashed and parsed in parallel (large files in parts), and the results are merged
// in file order, so that nothing depends on the threads' timing. `listed_regular`: per path,
// whether its folder's listing says it is a regular file (InputFiles), which is read in a batch
// with others; it may be empty.
ProposalFiles load_proposal_files(const std::vector<std::string>& paths,
                                  const std::vector<char>& listed_regular, const Rules& rules,
                                  Diagnostics& diags);

}  // namespace kcity
