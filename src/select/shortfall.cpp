// The shortfall analysis (SPEC §6 step 8): why a track selected fewer than `min`.
#include <algorithm>
#include <map>

#include "walk.hpp"

namespace kcity {
namespace {

// The `candidates` reason: how many proposals passed each step on the way to the candidates.
// Those who withdrew passed the cut-offs, so they are counted there and named after.
Reason shortfall_candidates(const TrackResult& tr, std::size_t candidates) {
    std::string key = tr.withdrawn ? "shortfall-candidates-withdrawn" : "shortfall-candidates";
    if (candidates == 1) key += "-one";
    std::vector<Arg> args = {
        num(candidates),  num(tr.rules->selection.min),
        num(tr.received), num(tr.eligible),
        num(tr.scored),   num(candidates + static_cast<std::size_t>(tr.withdrawn))};
    if (tr.withdrawn) args.push_back(num(tr.withdrawn));
    return make_reason("candidates", key, std::move(args));
}

}  // namespace

std::vector<Reason> shortfall_reasons(const TrackResult& tr, const std::vector<Candidate>& c,
                                      const SelectionRules& s, Method method, int selected) {
    std::vector<Reason> out;
    if (static_cast<int>(c.size()) < s.min) out.push_back(shortfall_candidates(tr, c.size()));
    // The `min` cheapest awards; with fewer candidates than `min`, all of them: when even
    // those exceed the budget, the budget keeps the selection short too.
    std::size_t k = std::min(c.size(), static_cast<std::size_t>(std::max(s.min, 0)));
    if (k > 0) {
        std::vector<Krw> awards;
        for (const auto& x : c) awards.push_back(x.award);
        std::sort(awards.begin(), awards.end());
        Krw cheapest = 0;
        for (std::size_t i = 0; i < k; ++i) cheapest += awards[i];
        bool all = k < static_cast<std::size_t>(s.min);  // fewer candidates than `min`
        const char* key = all ? (k == 1 ? "shortfall-budget-only" : "shortfall-budget-all")
                              : (k == 1 ? "shortfall-budget-one" : "shortfall-budget");
        if (cheapest > s.budget_krw)
            out.push_back(
                make_reason("budget", key, {num(k), arg_krw(cheapest), arg_krw(s.budget_krw)}));
    }
    if (s.max_per_country) {
        std::map<std::string, int> per_country;
        for (const auto& x : c) ++per_country[x.country];
        int possible = 0;
        Arg list;  // "TH 2, VN 2" / "태국(TH) 2건, 베트남(VN) 2건"
        for (const auto& [country, n] : per_country) possible += std::min(n, *s.max_per_country);
        for (const auto& [country, n] : per_country)
            if (n > *s.max_per_country) {
                const std::string sep = list.en.empty() ? "" : ", ";
                const Arg name = arg_country_code(country);
                list.en +=
                    sep + format_label("shortfall-country", Lang::en, {name.en, std::to_string(n)});
                list.ko +=
                    sep + format_label("shortfall-country", Lang::ko, {name.ko, std::to_string(n)});
            }
        // It applies when the cap is what removes candidates: some country has more than it.
        if (possible < s.min && !list.en.empty()) {
            // Singular forms: one country, and one selection (which implies one country, as
            // max_per_country is at least 1).
            const char* key = per_country.size() > 1 ? "shortfall-country-cap"
                              : possible == 1        ? "shortfall-country-cap-one-one"
                                                     : "shortfall-country-cap-one";
            out.push_back(make_reason(
                "country-cap", key,
                {num(per_country.size()), num(*s.max_per_country), num(possible), list}));
        }
    }
    if (method == Method::merit && out.empty()) {
        auto best = choose_optimal(c, s);
        if (static_cast<int>(best.size()) >= s.min) {
            std::string ranks;
            for (std::size_t i : best)
                ranks += (ranks.empty() ? "" : ", ") + std::to_string(c[i].rank);
            out.push_back(make_reason("merit-order", "shortfall-merit-order",
                                      {num(best.size()), arg(ranks), num(selected)}));
        }
    }
    if (out.empty())
        out.push_back(make_reason(
            "budget", s.max_per_country ? "shortfall-combined-cap" : "shortfall-combined",
            {num(s.min), arg_krw(s.budget_krw)}));
    return out;
}

}  // namespace kcity
