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
    // More than max_proposals (an error is given): `proposals` is then empty.
    bool too_many = false;
};

// parse_proposal_text, keeping at most `keep` proposals in `out`: of each one after those,
// only where it begins, in `beyond` (the limit of proposals in a run, max_proposals).
std::size_t parse_proposal_text_within(std::string_view text, const std::string& path,
                                       int first_line, const Rules& rules, std::size_t keep,
                                       std::vector<Proposal>& out, std::vector<Position>& beyond,
                                       Diagnostics& diags);

// The proposals of the files at `paths`, parsed against `rules`. Files are independent: they
// are read, hashed and parsed in parallel (large files in parts), and the results are merged
// in file order, so that nothing depends on the threads' timing.
ProposalFiles load_proposal_files(const std::vector<std::string>& paths, const Rules& rules,
                                  Diagnostics& diags);

}  // namespace kcity
