// "Why not this one?" under `optimal` (SPEC §6 step 8): the best feasible set that contains a
// candidate left out, against the optimal set. It re-uses the exact search of optimal.cpp on
// a changed candidate list rather than a second search of its own.
#include <algorithm>
#include <cassert>
#include <map>
#include <numeric>

#include "walk.hpp"

namespace kcity {
namespace {

// The most members a feasible set holding `forced` can have: it, then the cheapest others
// first, skipping full countries. The greedy is exact for the cheapest set of each size under
// a partition matroid (optimal.cpp, stage 2), here the one with `forced`'s slot taken.
int most_with(const std::vector<Candidate>& c, const SelectionRules& s, std::size_t forced,
              int cap) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (i != forced) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return c[a].award < c[b].award; });
    std::map<std::string, int> per_country{{c[forced].country, 1}};
    Krw left = s.budget_krw - c[forced].award;
    int n = 1;
    for (std::size_t i : order) {
        if (n >= s.max) break;
        if (c[i].award < 0 || per_country[c[i].country] >= cap) continue;
        if (c[i].award > left) break;
        left -= c[i].award;
        ++per_country[c[i].country];
        ++n;
    }
    return n;
}

Decimal total_of(const std::vector<Candidate>& c, const std::vector<std::size_t>& set) {
    Decimal total;
    for (std::size_t i : set) total = total + c[i].score;
    return total;
}

Krw awards_of(const std::vector<Candidate>& c, const std::vector<std::size_t>& set) {
    Krw sum = 0;
    for (std::size_t i : set) sum += c[i].award;
    return sum;
}

std::vector<int> ranks_of(const std::vector<Candidate>& c, const std::vector<std::size_t>& set) {
    std::vector<int> out;
    for (std::size_t i : set) out.push_back(c[i].rank);
    return out;
}

// The cap a country has under the rules (max_per_country, at most max).
int cap_of(const SelectionRules& s) {
    return s.max_per_country ? std::min(*s.max_per_country, s.max) : s.max;
}

// Whether some feasible set holds candidate i: it alone fits.
bool fits_alone(const Candidate& x, const SelectionRules& s) {
    return s.max >= 1 && cap_of(s) >= 1 && x.award >= 0 && x.award <= s.budget_krw;
}

// nullopt only when the scores are too large for the search with the candidate forced in
// (see choose_optimal_containing): the trace then has no answer rather than a wrong one.
std::optional<Counterfactual> counterfactual(const std::vector<Candidate>& c,
                                             const SelectionRules& s,
                                             const std::vector<bool>& selected, std::size_t i) {
    Counterfactual out;
    auto set = choose_optimal_containing(c, s, i);
    if (!set) return fits_alone(c[i], s) ? std::nullopt : std::optional(out);
    out.ranks = ranks_of(c, *set);
    out.total = total_of(c, *set);
    out.awards = awards_of(c, *set);
    std::vector<bool> in(c.size(), false);
    for (std::size_t j : *set) in[j] = true;
    for (std::size_t j = 0; j < c.size(); ++j) {
        if (selected[j] && !in[j]) out.displaced.push_back(c[j].rank);
        if (!selected[j] && in[j] && j != i) out.added.push_back(c[j].rank);
    }
    // Rule (1) counts selections up to `min`: beyond it, sizes tie.
    const auto reach = [&](std::size_t n) { return std::min<long>(static_cast<long>(n), s.min); };
    const auto optimum =
        static_cast<std::size_t>(std::count(selected.begin(), selected.end(), true));
    out.kind = reach(set->size()) < reach(optimum) ? Counterfactual::Kind::fewer
                                                   : Counterfactual::Kind::set;
    return out;
}

}  // namespace

std::optional<std::vector<std::size_t>> choose_optimal_containing(const std::vector<Candidate>& c,
                                                                  const SelectionRules& s,
                                                                  std::size_t forced) {
    const int cap = cap_of(s);
    const Candidate& f = c[forced];
    if (!fits_alone(f, s)) return std::nullopt;
    // The candidate goes first with a score larger than every other set's total could make
    // up for, so that (2) puts it in every set that can hold it; (1) asks for no more members
    // than a set holding it can have. Its own place in the rank list is the same in every set
    // that holds it, so (3) compares the others' rank lists, in the same order.
    i128 big = 1;
    for (const Candidate& x : c) big += x.score.units < 0 ? -i128{x.score.units} : x.score.units;
    if (big >= (i128{1} << 62)) return std::nullopt;  // never with real rules (scores of 10^14)
    std::vector<Candidate> v;
    v.reserve(c.size());
    v.push_back({f.rank, Decimal{static_cast<std::int64_t>(big)}, f.award, f.country});
    for (std::size_t i = 0; i < c.size(); ++i)
        if (i != forced) v.push_back(c[i]);
    SelectionRules r = s;
    r.min = std::min(s.min, most_with(c, s, forced, cap));
    std::vector<std::size_t> chosen = choose_optimal(v, r);
    assert(!chosen.empty() && chosen.front() == 0);
    std::vector<std::size_t> out;
    for (std::size_t j : chosen) out.push_back(j == 0 ? forced : j - 1 < forced ? j - 1 : j);
    std::sort(out.begin(), out.end());
    return out;
}

void trace_optimal(const std::vector<Candidate>& c, const SelectionRules& s,
                   const std::vector<bool>& selected, const std::vector<ProposalResult*>& cands) {
    std::vector<std::size_t> optimum;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (selected[i]) optimum.push_back(i);
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!cands[i]->trace) continue;
        OptimumTrace& t = cands[i]->trace->optimal.emplace();
        t.ranks = ranks_of(c, optimum);
        t.total = total_of(c, optimum);
        t.awards = awards_of(c, optimum);
        if (!selected[i]) t.counterfactual = counterfactual(c, s, selected, i);
    }
}

}  // namespace kcity
