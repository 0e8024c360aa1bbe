// Tests and benchmarks only: choose_optimal with one of its ways forced, so that each is
// checked against the others on instances where the automatic choice would not take it.
#pragma once
#include <vector>

#include "kcity/select/select.hpp"

namespace kcity {

enum class OptimalPath {
    automatic,  // what choose_optimal does
    greedy,     // the rank-order walk wherever it applies (also where few counts can win)
    search,     // never the rank-order walk: the searches of phase 2 (the behaviour before it)
};

// choose_optimal with `path` forced; every path chooses the same set (SPEC §6 step 8).
std::vector<std::size_t> choose_optimal(const std::vector<Candidate>& candidates,
                                        const SelectionRules& s, OptimalStats* stats,
                                        OptimalPath path);

}  // namespace kcity
