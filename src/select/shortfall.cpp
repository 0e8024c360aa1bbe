// The shortfall analysis (SPEC §6 step 8): why a track selected fewer than `min`.
#include <algorithm>
#include <map>

#include "walk.hpp"

namespace kcity {
namespace {

// The `candidates` reason: how many proposals passed each step on the way to the candidates.
// Those who withdrew passed the cut-offs, so they are counted there and named after.
Reason shortfall_candidates(const TrackResult& tr, std::size_t candidates) {
    return {"candidates",
            Msg::shortfall_candidates,
            {{"candidates", Count{candidates}},
             {"min", Count{tr.rules->selection.min}},
             {"received", Count{tr.received}},
             {"eligible", Count{tr.eligible}},
             {"scored", Count{tr.scored}},
             {"passed", Count{candidates + static_cast<std::size_t>(tr.withdrawn)}},
             {"withdrawn", Count{tr.withdrawn}}}};
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
        if (cheapest > s.budget_krw)
            out.push_back({"budget",
                           all ? Msg::shortfall_budget_all : Msg::shortfall_budget,
                           {{"count", Count{k}},
                            {"need", Money{cheapest}},
                            {"available", Money{s.budget_krw}}}});
    }
    if (s.max_per_country) {
        std::map<std::string, int> per_country;
        for (const auto& x : c) ++per_country[x.country];
        int possible = 0;
        CountryCounts capped;  // the countries with more candidates than the cap
        for (const auto& [country, n] : per_country) {
            possible += std::min(n, *s.max_per_country);
            if (n > *s.max_per_country) capped.counts.emplace_back(country, n);
        }
        // It applies when the cap is what removes candidates: some country has more than it.
        if (possible < s.min && !capped.counts.empty())
            out.push_back({"country-cap",
                           Msg::shortfall_country_cap,
                           {{"countries", Count{per_country.size()}},
                            {"cap", Count{*s.max_per_country}},
                            {"possible", Count{possible}},
                            {"capped", std::move(capped)}}});
    }
    if (method == Method::merit && out.empty()) {
        auto best = choose_optimal(c, s);
        if (static_cast<int>(best.size()) >= s.min) {
            Ranks ranks;
            for (std::size_t i : best) ranks.ranks.push_back(c[i].rank);
            out.push_back({"merit-order",
                           Msg::shortfall_merit_order,
                           {{"count", Count{best.size()}},
                            {"ranks", std::move(ranks)},
                            {"selected", Count{selected}}}});
        }
    }
    // The country cap, when the track has one (max_per_country is at least 1; 0 leaves the
    // message's `{cap?...}` part out).
    if (out.empty())
        out.push_back({"budget",
                       Msg::shortfall_combined,
                       {{"min", Count{s.min}},
                        {"budget", Money{s.budget_krw}},
                        {"cap", Count{s.max_per_country.value_or(0)}}}});
    return out;
}

}  // namespace kcity
