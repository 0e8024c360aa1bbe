// SPEC §6 step 8.
#include "kcity/select.hpp"

#include <algorithm>
#include <map>

namespace kcity {
namespace {

std::string krw(Krw amount) {
    return format_grouped(amount) + " KRW";
}

// Exact optimal search. Candidates are in rank order, which is also descending score order,
// so the best k scores of any suffix are its first k. The search visits sets in pre-order
// (a set before its extensions, sets with a candidate before those without it): exactly the
// rank-list order of SPEC §6, best first. Keeping only strict improvements of (count reached,
// total score) therefore keeps the rank-list-best set among equals, and a subtree whose bound
// cannot strictly improve on the best can be skipped.
class OptimalSearch {
  public:
    OptimalSearch(const std::vector<Candidate>& c, const SelectionRules& s) : c_(c), s_(s) {
        suffix_.assign(c.size() + 1, {});
    }

    std::vector<std::size_t> run() {
        for (const auto& cand : c_) countries_.emplace(cand.country, 0);
        visit(0, 0, Decimal{});
        return best_set_;
    }

  private:
    using Objective = std::pair<int, std::int64_t>;  // (min(count, min), total score units)

    Objective bound(std::size_t i, Decimal total) const {
        int slots = s_.max - static_cast<int>(chosen_.size());
        int reachable = static_cast<int>(chosen_.size()) +
                        std::min<int>(slots, static_cast<int>(c_.size() - i));
        std::int64_t best = total.units;
        for (std::size_t j = i; j < c_.size() && static_cast<int>(j - i) < slots; ++j)
            if (c_[j].score.units > 0) best += c_[j].score.units;
        return {std::min(reachable, s_.min), best};
    }

    bool fits(const Candidate& c) const {
        if (static_cast<int>(chosen_.size()) >= s_.max) return false;
        if (spent_ + c.award > s_.budget_krw) return false;
        if (s_.max_per_country && countries_.at(c.country) >= *s_.max_per_country) return false;
        return true;
    }

    void visit(std::size_t i, Krw, Decimal total) {
        Objective here{std::min(static_cast<int>(chosen_.size()), s_.min), total.units};
        if (!have_best_ || here > best_) {
            best_ = here;
            best_set_ = chosen_;
            have_best_ = true;
        }
        if (i == c_.size() || bound(i, total) <= best_) return;
        const Candidate& c = c_[i];
        if (fits(c)) {
            chosen_.push_back(i);
            spent_ += c.award;
            ++countries_[c.country];
            visit(i + 1, 0, total + c.score);
            --countries_[c.country];
            spent_ -= c.award;
            chosen_.pop_back();
        }
        visit(i + 1, 0, total);
    }

    const std::vector<Candidate>& c_;
    const SelectionRules& s_;
    std::vector<Decimal> suffix_;
    std::vector<std::size_t> chosen_, best_set_;
    std::map<std::string, int> countries_;
    Krw spent_ = 0;
    Objective best_{};
    bool have_best_ = false;
};

struct Walk {
    std::vector<bool> selected;
    std::vector<Krw> awards;
    std::vector<Reason> reasons;  // for those not selected
};

Walk merit_walk(const std::vector<Candidate>& c, const SelectionRules& s, Krw award_min) {
    Walk w{std::vector<bool>(c.size(), false), std::vector<Krw>(c.size(), 0),
           std::vector<Reason>(c.size())};
    std::map<std::string, int> per_country;
    int count = 0;
    Krw left = s.budget_krw;
    std::optional<int> stopped_at;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const Candidate& x = c[i];
        if (stopped_at) {
            w.reasons[i] = {"budget",
                            "the selection stopped at rank " + std::to_string(*stopped_at) +
                                ", whose award did not fit the budget left (budget_fit: stop)"};
        } else if (count >= s.max) {
            w.reasons[i] = {"quota", "the quota of " + std::to_string(s.max) +
                                         " selections was already filled"};
        } else if (s.max_per_country && per_country[x.country] >= *s.max_per_country) {
            w.reasons[i] = {"country-cap",
                            x.country + " already has " + std::to_string(per_country[x.country]) +
                                " selection" + (per_country[x.country] == 1 ? "" : "s") +
                                " (max_per_country " + std::to_string(*s.max_per_country) + ")"};
        } else if (x.award > left && !(s.budget_fit == BudgetFit::reduce && left >= award_min)) {
            w.reasons[i] = {"budget",
                            "its award of " + krw(x.award) + " exceeds the " + krw(left) + " left"};
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
        if (!w.selected[i]) w.reasons[i] = {"optimal", "not part of the optimal set of selections"};
    return w;
}

std::vector<Reason> shortfall_reasons(const std::vector<Candidate>& c, const SelectionRules& s,
                                      Method method, int selected) {
    std::vector<Reason> out;
    std::string need = std::to_string(s.min);
    if (static_cast<int>(c.size()) < s.min)
        out.push_back(
            {"candidates", "only " + std::to_string(c.size()) + " candidate" +
                               (c.size() == 1 ? "" : "s") +
                               " passed eligibility, the panel and the cut-offs; at least " + need +
                               " are needed"});
    if (static_cast<int>(c.size()) >= s.min && s.min > 0) {
        std::vector<Krw> awards;
        for (const auto& x : c) awards.push_back(x.award);
        std::sort(awards.begin(), awards.end());
        Krw cheapest = 0;
        for (int i = 0; i < s.min; ++i) cheapest += awards[i];
        if (cheapest > s.budget_krw)
            out.push_back({"budget", "the " + need + " cheapest candidates need " + krw(cheapest) +
                                         "; " + krw(s.budget_krw) + " is available"});
    }
    if (s.max_per_country) {
        std::map<std::string, int> per_country;
        for (const auto& x : c) ++per_country[x.country];
        int possible = 0;
        std::string list;
        for (const auto& [country, n] : per_country) possible += std::min(n, *s.max_per_country);
        for (const auto& [country, n] : per_country)
            if (n > *s.max_per_country)
                list += (list.empty() ? "" : ", ") + country + " " + std::to_string(n);
        // It applies when the cap is what removes candidates: some country has more than it.
        if (possible < s.min && !list.empty())
            out.push_back(
                {"country-cap", "the candidates come from " + std::to_string(per_country.size()) +
                                    " countries, at most " + std::to_string(*s.max_per_country) +
                                    " each: at most " + std::to_string(possible) + " selections" +
                                    (list.empty() ? "" : " (capped: " + list + ")")});
    }
    if (method == Method::merit && out.empty()) {
        auto best = choose_optimal(c, s);
        if (static_cast<int>(best.size()) >= s.min) {
            std::string ranks;
            for (std::size_t i : best)
                ranks += (ranks.empty() ? "" : ", ") + std::to_string(c[i].rank);
            out.push_back({"merit-order", "a feasible set of " + std::to_string(best.size()) +
                                              " exists (ranks " + ranks +
                                              "), but the rank-order walk selected " +
                                              std::to_string(selected)});
        }
    }
    if (out.empty())
        out.push_back({"budget", "no set of " + need + " candidates fits the budget of " +
                                     krw(s.budget_krw) +
                                     (s.max_per_country ? " within the country cap" : "")});
    return out;
}

}  // namespace

std::vector<std::size_t> choose_optimal(const std::vector<Candidate>& candidates,
                                        const SelectionRules& s) {
    return OptimalSearch(candidates, s).run();
}

void select_track(TrackResult& tr, std::optional<Method> method_override) {
    const TrackRules& t = *tr.rules;
    tr.method = method_override.value_or(t.selection.method);
    std::vector<ProposalResult*> cands;
    std::vector<Candidate> c;
    for (auto& r : tr.proposals)
        if (r.is_candidate) {
            cands.push_back(&r);
            c.push_back({*r.rank, *r.score, r.award_candidate, r.proposal->country});
        }
    Walk w = tr.method == Method::merit ? merit_walk(c, t.selection, t.award_min)
                                        : optimal_walk(c, t.selection);
    int reserve_left = t.selection.reserve;
    tr.selected = 0;
    tr.awarded_krw = 0;
    for (std::size_t i = 0; i < cands.size(); ++i) {
        ProposalResult& r = *cands[i];
        if (w.selected[i]) {
            r.status = Status::selected;
            r.award_krw = w.awards[i];
            tr.awarded_krw += w.awards[i];
            ++tr.selected;
            continue;
        }
        r.reasons.push_back(w.reasons[i]);
        r.status = reserve_left > 0 ? Status::reserve : Status::not_selected;
        if (reserve_left > 0) --reserve_left;
    }
    if (tr.selected < t.selection.min) {
        tr.shortfall = true;
        tr.shortfall_reasons = shortfall_reasons(c, t.selection, tr.method, tr.selected);
    }
}

}  // namespace kcity
