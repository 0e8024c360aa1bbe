// The previous `optimal` search, the differential test's oracle (optimal_reference.cpp).
#pragma once
#include <vector>

#include "kcity/select/select.hpp"

namespace kcity::reference {

std::vector<std::size_t> choose_optimal(const std::vector<Candidate>& candidates,
                                        const SelectionRules& s, OptimalStats* stats = nullptr);

}  // namespace kcity::reference
