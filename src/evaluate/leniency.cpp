// SPEC §10: each reviewer's leniency, exact.
#include "kcity/evaluate/leniency.hpp"

#include <map>

#include "../base/big.hpp"
#include "deviation_sum.hpp"
#include "kcity/evaluate/evaluate.hpp"

namespace kcity {
namespace {

struct Sum {
    DeviationSum deviations;
    std::int64_t count = 0;
    Position first;
};

}  // namespace

Rational highest_total(const TrackRules& t) {
    Rational highest;
    for (const auto& k : t.criteria) highest = highest + Rational(k.weight) * Rational(k.max);
    return highest;
}

std::vector<Leniency> reviewer_leniency(const TrackResult& tr) {
    const TrackRules& t = *tr.rules;
    std::map<std::string, Sum> by_reviewer;
    for (const auto& r : tr.proposals) {
        if (r.status == Status::ineligible) continue;
        std::vector<std::pair<const Review*, i128>> valid;
        i128 all = 0;
        for (std::size_t i = 0; i < r.proposal->reviews.size(); ++i)
            if (r.role(i) == ReviewRole::used || r.role(i) == ReviewRole::trimmed) {
                const Review& rv = r.proposal->reviews[i];
                valid.emplace_back(&rv, review_total_units(t, rv));
                all += valid.back().second;
            }
        const auto k = static_cast<i128>(valid.size());
        if (k < 2) continue;
        for (const auto& [rv, total] : valid) {
            // total − (all − total) / (k − 1) = (k × total − all) / (k − 1)
            Sum& s = by_reviewer[rv->reviewer];
            if (s.count == 0) s.first = rv->where;
            s.deviations.add(k - 1, k * total - all);
            ++s.count;
        }
    }
    const Rational highest = highest_total(t);
    const mpq_class limit(big(highest.num()), big(highest.den() * 10));
    std::vector<Leniency> out;
    for (auto& [reviewer, s] : by_reviewer) {
        mpq_class leniency = s.deviations.total() / s.count;
        leniency.canonicalize();
        out.push_back(
            {reviewer, s.first, round_places(leniency, t.rounding), abs(leniency) > limit});
    }
    return out;
}

}  // namespace kcity
