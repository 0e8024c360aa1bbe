// The exact sum behind SPEC §10's leniency (evaluate/leniency.cpp), private to the core and
// its tests: GMP is a private dependency.
#pragma once
#include <utility>
#include <vector>

#include "../base/big.hpp"
#include "kcity/evaluate/evaluate.hpp"

namespace kcity {

// A reviewer's deviations for SPEC §10's leniency, (k × total − all) / ((k − 1) × total_scale)
// for each proposal with k valid reviews, summed exactly: as integer numerators per k − 1 (a
// panel has few sizes), so that a review costs an i128 addition rather than a GMP fraction's
// (a call of 70,000 reviews spent 24 ms there, in the warnings of every command). A sum that
// would overflow 128 bits is moved into a GMP fraction first.
class DeviationSum {
  public:
    void add(i128 others, i128 numerator) {
        for (auto& [d, sum] : sums_)
            if (d == others) {
                i128 next = 0;
                if (__builtin_add_overflow(sum, numerator, &next)) {
                    spill(d, sum);
                    next = numerator;
                }
                sum = next;
                return;
            }
        sums_.emplace_back(others, numerator);
    }
    mpq_class total() const {
        mpq_class out = spilled_;
        for (const auto& [d, sum] : sums_) out += fraction(sum, d);
        return out;
    }

  private:
    static mpq_class fraction(i128 numerator, i128 others) {
        mpq_class q(big(numerator), big(others * total_scale));
        q.canonicalize();  // GMP's arithmetic takes canonical operands
        return q;
    }
    void spill(i128 others, i128 sum) { spilled_ += fraction(sum, others); }
    std::vector<std::pair<i128, i128>> sums_;  // (k − 1, Σ numerators)
    mpq_class spilled_;
};

}  // namespace kcity
