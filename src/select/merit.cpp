// `merit` selection (SPEC §6 step 8): down the ranking while quota, caps and budget allow.
#include <algorithm>
#include <map>
#include <optional>

#include "walk.hpp"

namespace kcity {

Walk merit_walk(const std::vector<Candidate>& c, const SelectionRules& s, Krw award_min,
                std::vector<MeritStep>* steps) {
    Walk w{std::vector<bool>(c.size(), false), std::vector<Krw>(c.size(), 0),
           std::vector<Reason>(c.size())};
    std::map<std::string, int> per_country;
    int count = 0;
    Krw left = s.budget_krw;
    std::optional<int> stopped_at;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const Candidate& x = c[i];
        if (steps) steps->push_back({count, left, per_country[x.country]});
        if (stopped_at) {
            w.reasons[i] = {"budget", Msg::budget_stop, {{"rank", Count{*stopped_at}}}};
        } else if (count >= s.max) {
            w.reasons[i] = {"quota", Msg::quota, {{"max", Count{s.max}}}};
        } else if (s.max_per_country && per_country[x.country] >= *s.max_per_country) {
            w.reasons[i] = {"country-cap",
                            Msg::country_cap,
                            {{"country", CountryCode{x.country}},
                             {"count", Count{per_country[x.country]}},
                             {"cap", Count{*s.max_per_country}}}};
        } else if (x.award > left && !(s.budget_fit == BudgetFit::reduce && left >= award_min)) {
            w.reasons[i] = {
                "budget", Msg::budget, {{"award", Money{x.award}}, {"left", Money{left}}}};
            if (s.budget_fit == BudgetFit::stop) stopped_at = x.rank;
        } else {
            w.selected[i] = true;
            w.awards[i] = std::min(x.award, left);
            left -= w.awards[i];
            ++count;
            ++per_country[x.country];
        }
    }
    return w;
}

Walk optimal_walk(const std::vector<Candidate>& c, const SelectionRules& s) {
    Walk w{std::vector<bool>(c.size(), false), std::vector<Krw>(c.size(), 0),
           std::vector<Reason>(c.size())};
    for (std::size_t i : choose_optimal(c, s)) {
        w.selected[i] = true;
        w.awards[i] = c[i].award;
    }
    for (std::size_t i = 0; i < c.size(); ++i)
        if (!w.selected[i]) w.reasons[i] = {"optimal", Msg::optimal};
    return w;
}

}  // namespace kcity
