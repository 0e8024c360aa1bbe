// Reading, hashing and parsing the proposal files of a call in parallel (private to load/).
#pragma once
#include <string>
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

// The proposals of the files at `paths`, parsed against `rules`. Files are independent: they
// are read, hashed and parsed in parallel (large files in parts), and the results are merged
// in file order, so that nothing depends on the threads' timing.
ProposalFiles load_proposal_files(const std::vector<std::string>& paths, const Rules& rules,
                                  Diagnostics& diags);

}  // namespace kcity
