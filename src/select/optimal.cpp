// `optimal` selection (SPEC §6 step 8): the exact search for the best affordable set.
#include <algorithm>
#include <cassert>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <queue>
#include <tuple>
#include <unordered_map>

#include "kcity/select/optimal_path.hpp"
#include "kcity/select/select.hpp"

namespace kcity {
namespace {

// ---------------------------------------------------------------------------------------------
// `optimal` (SPEC §6 step 8), exactly. It is a knapsack (the budget) with a cardinality bound
// (`max`) and a partition matroid (`max_per_country`) and a three-level objective; the stages:
//
//  1. Reduction. A candidate whose award exceeds the budget is never feasible. A candidate j is
//     *dominated* when earlier candidates (better rank, so at least j's score) whose awards are
//     at most j's are numerous enough that any feasible set holding j leaves one of them out
//     and has room for it: `max_per_country` of them in j's country, or, counting each country
//     at most `max_per_country` times, `max` of them in all. Swapping j for that one keeps the
//     count, the budget and the caps, does not lower the total and makes the rank list
//     strictly better; so the optimal set holds no dominated candidate and they are dropped.
//     (Counting: if every dominator were in the set or in a full country, the set would have
//     at least max + 1 members.) On realistic calls a few hundred of 100,000 remain.
//  2. The counts. Under the caps and `max`, the cheapest set of k candidates is the greedy one
//     (cheapest first, skipping full countries: a matroid), so the largest feasible count
//     `most` is exact, and with it `target` = min(`min`, most). A set with fewer members loses
//     on rule (1) and every other set ties on it, so the answer is the best set whose count
//     lies in target..most. Each count k is searched on its own: with the count fixed the
//     bound below is tight, where a free count leaves it a fraction of a candidate (tens of
//     points) too high. A first pass bounds every count at the root (promising_counts); those
//     that cannot reach the incumbent are dropped, and the others are searched highest bound
//     first, where the best total usually is: the searches after it start from it.
//  3. The bound. Relaxing the budget with a multiplier λ >= 0 leaves a max-weight problem over
//     the matroid (weights score − λ·award, exactly k members) that greedy solves exactly;
//     λ·(budget left) plus its maximum bounds the total of every completion, whatever λ. So
//     λ may be chosen freely without risk to exactness: per count by bisection at the root,
//     and again per node (cutting planes on the convex dual, from the parent's λ), stopping
//     as soon as some λ prunes. Bounds are rounded down to a multiple of the scores' common
//     divisor (every total is one) and the budget to one of the awards' (every cost is one).
//     Exchanges give the children's bounds without a new greedy: forcing p in displaces the
//     weakest member of the relaxation (of p's country when the relaxation fills it).
//  4. Incumbents and fixing. The budget-feasible relaxation met by the bisection is a feasible
//     set; swaps that raise its total improve it. Then reduced-cost fixing: a candidate whose
//     inclusion alone brings the root bound below the incumbent is in no set of count k that
//     could replace it, and leaves the search of k (typically 3,000 -> 100).
//  5. Branch and bound over subsets in pre-order (a set, then the sets extending it with the
//     next candidate in rank order): exactly the rank-list order of rule (3), prefix rule
//     included. When at most few_counts counts may win, each is searched once with ties
//     decided as below. Otherwise it runs twice: phase 1 cuts equal totals and so only finds
//     the best total T*; phase 2 (first_best) then searches every count at once for the first
//     set of total T* in that order and stops there. If phase 2's looser bound lets it wander
//     (a node limit), that set is built by fixing candidates in rank order (rank_greedy: exact
//     completion tests, where the caps cannot bind and the scores are positive; it gives up
//     rather than guess), and failing that the per-count search runs again with ties decided
//     as below, from T*.
//     In both, a candidate passed over at a node cuts the later ones it beats (PassedOver). A set
//     replaces the incumbent when its total is larger, or equal with a rank list earlier in that
//     order; a branch is cut when its bound is below the incumbent's total, or equal while the
//     incumbent comes before every set of the branch. Nothing above cuts on equality otherwise, so
//     among sets of the best total the first in rank-list order is found. A branch's fixed-λ
//     relaxation is reused while the search agrees with it (including a member, or passing over a
//     non-member, leaves its bound unchanged).
//
// Cost: O(n log n) for stages 1-2 (one sort by weight shared by the counts that keep the last
// count's λ); per count bounded O(m · 64) for the bisection on the m candidates kept (each λ
// tried is a linear-time selection, and a sort only for the λ kept), O(m) per node for the
// relaxations and O(m) per λ tried at a node (O(m log m) when the caps can bind).
// Like any exact knapsack the search is exponential in the worst case (strongly correlated
// scores and awards, where very many sets tie); bench/select.md has the measured times:
// milliseconds for realistic calls of 3,000, tens for 100,000. Everything that decides is an
// integer: scores in 10^-4 units, awards in won, bounds in 128 bits (widths checked below).

// One candidate of the reduced problem.
struct Item {
    std::size_t index = 0;  // into the caller's candidates
    std::int64_t score = 0;
    Krw award = 0;
    std::size_t country = 0;  // dense id
};

constexpr i128 floor_div(i128 a, i128 b) {  // b > 0
    i128 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

int bit_length(i128 v) {
    int bits = 0;
    for (v = v < 0 ? -v : v; v != 0; v >>= 1) ++bits;
    return bits;
}

// How many awards of a changing multiset are at most a given amount (a Fenwick tree over the
// distinct awards).
class AwardCounter {
  public:
    explicit AwardCounter(std::vector<Krw> awards) : values_(std::move(awards)) {
        std::sort(values_.begin(), values_.end());
        values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
        tree_.assign(values_.size() + 1, 0);
    }
    void add(Krw award, int delta) {
        for (std::size_t i = slot(award) + 1; i < tree_.size(); i += i & (~i + 1))
            tree_[i] += delta;
    }
    int at_most(Krw award) const {
        int n = 0;
        for (std::size_t i = slot(award) + 1; i > 0; i -= i & (~i + 1)) n += tree_[i];
        return n;
    }

  private:
    std::size_t slot(Krw award) const {
        return static_cast<std::size_t>(std::lower_bound(values_.begin(), values_.end(), award) -
                                        values_.begin());
    }
    std::vector<Krw> values_;
    std::vector<int> tree_;
};

// What a branch can still add, as positions >= its next position, kept in descending order so
// that the smallest is at the back: the relaxation's optimum and the cheapest completion.
struct Relaxation {
    std::vector<std::size_t> members;  // maximises the Lagrangian weight
    i128 weight = 0;
    std::vector<std::size_t> cheapest;  // the cheapest completion, if it fits the budget left
    bool feasible = false;

    bool first_is(const std::vector<std::size_t>& v, std::size_t pos) const {
        return !v.empty() && v.back() == pos;
    }
    bool first_of_both(std::size_t pos) const {
        return first_is(members, pos) && first_is(cheapest, pos);
    }
    bool first_of_either(std::size_t pos) const {
        return first_is(members, pos) || first_is(cheapest, pos);
    }
};

// Pool members with their weights for some λ.
using Weighted = std::vector<std::pair<i128, std::size_t>>;

// A node's own Lagrangian bound: λ, the numerator (see OptimalSelection::lagrangian) and the
// relaxation's members (in no particular order).
struct NodeBound {
    i128 lambda = 0;
    i128 value = 0;
    Weighted members;
};

class OptimalSelection {
  public:
    OptimalSelection(const std::vector<Candidate>& c, const SelectionRules& s, OptimalStats& st)
        : stats_(st), min_(std::max(0, s.min)), max_(std::max(0, s.max)), budget_(s.budget_krw) {
        cap_ = s.max_per_country ? std::clamp(*s.max_per_country, 0, max_) : max_;
        std::unordered_map<std::string_view, std::size_t> ids;  // dense ids, in order met
        items_.reserve(c.size());
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (c[i].award < 0 || c[i].award > budget_) continue;
            auto [it, _] = ids.emplace(c[i].country, ids.size());
            items_.push_back({i, c[i].score.units, c[i].award, it->second});
        }
        used_.assign(ids.size(), 0);
        scratch_.assign(ids.size(), 0);
        stats_ = {};
        stats_.candidates = c.size();
    }

    std::vector<std::size_t> run() {
        if (budget_ < 0) return {};  // not even the empty set fits
        drop_dominated();
        // The greedy never reaches a dominated candidate (its dominators come first in its
        // order and fill the country or `max`), so dropping them first changes nothing.
        std::vector<std::size_t> cheapest = cheapest_set();
        const int most = static_cast<int>(cheapest.size());
        const int target = std::min(min_, most);
        cheapest.resize(static_cast<std::size_t>(target));
        consider(cheapest);  // feasible: the first incumbent
        choose_widths();
        // The counts that may hold the best total, the most promising first (see
        // promising_counts): searching that one first usually meets the best total at once.
        ties_ = false;
        const std::vector<int> counts = promising_counts(target, most);
        if (counts.size() <= few_counts && path_ != OptimalPath::greedy) {
            // Few counts can reach the incumbent (independent awards, typically): the search of
            // each with equal totals decided by the rank list is rule (3) directly, and cheaper
            // than finding the best total first and then the first set of it.
            ties_ = true;
            stats_.few_counts = 1;
            for (int k : counts) search_count(k);
            return original(best_);
        }
        // Phase 1: the best total, T*, by the search of each count with equal totals cut.
        for (int k : counts) search_count(k);
        // Phase 2: the first set in rank-list order of total T* and a count in target..most.
        // First by one search over every count at once (first_best), cheap where a node limit
        // lets it finish (awards exactly proportional to the scores: there the walk's tests
        // would be subset sums over every candidate); then by fixing candidates in rank order
        // with an exact completion test (rank_greedy: awards that follow the scores with
        // noise, where the search hits its limit), which gives up rather than guess.
        // (Tests force the walk first: OptimalPath::greedy.)
        const std::vector<std::size_t> some_best = best_;
        const std::int64_t work = 600'000'000 + 2'000 * static_cast<std::int64_t>(items_.size());
        if (path_ == OptimalPath::greedy && rank_greedy(target, most, work)) return original(best_);
        best_ = some_best;
        hunt_limit_ = stats_.nodes + 10'000 + 4 * items_.size();
        if (first_best(target, most)) return original(best_);
        assert(aborted_ && "phase 2 always finds a set of the best total");
        if (path_ == OptimalPath::automatic && rank_greedy(target, most, work))
            return original(best_);
        // Phase 2 gave up (its bound, with the count free, is too loose for this call): the
        // search of each count with the best total known and equal totals decided by the rank
        // list, as before phase 2 existed.
        ++stats_.fallbacks;
        ties_ = true;
        best_ = some_best;
        for (int k : counts) search_count(k);
        return original(best_);
    }

    // Up to this many counts that may reach the incumbent are searched with ties directly.
    static constexpr std::size_t few_counts = 3;

    // Tests: which way decides rule (3) (see optimal_path.hpp).
    OptimalPath path_ = OptimalPath::automatic;

    // ---- phase 2 by fixing in rank order ----
    //
    // Rule (3) once T* is known: walk the candidates in rank order keeping a fixed set F; stop
    // when F itself has total T* (a prefix comes first); otherwise take p iff F + p can be
    // completed with later candidates to a feasible set of total T*. If X is the first set of
    // total T* and F = X's members before p, p belongs to X exactly when F + p can be completed:
    // a completion Y of F + p would precede X if X skipped p. So the walk builds X.
    //
    // The completion test, exact: is there a set G of positions > p with score sum exactly R
    // (T* is the largest total, so "at least R" is "exactly R") and awards at most L? Counts and
    // caps must not matter (checked: no cap below `max`, all scores positive, and the counts G
    // may have are within target..most or cannot exceed what the budget allows); otherwise the
    // walk gives up. Take any μ = a_b / s_b and rc_i = a_i s_b - a_b s_i (awards less μ times
    // the score, scaled by s_b). For every G of score sum R, sum(a, G) s_b = a_b R + sum(rc, G),
    // and sum(rc, G) = sum(rc, N) + the sum of |rc_i| over the i where G differs from
    // N = {rc_i < 0}. So G fits the budget iff those differences cost at most
    // slack = L s_b - a_b R - sum(rc, N): no G when slack < 0 (the LP bound, with b the break
    // candidate of the ratio order), and otherwise only candidates with |rc_i| <= slack may
    // differ from N, and a table over the score they add or remove (min cost per score sum)
    // decides exactly whether some of them reach R within the slack. A subset sum over the
    // cheapest changes that fit the slack all together comes first (it decides when it finds
    // one, or when those are all the candidates), then a table kept to sums near R, which can
    // only find a set ("yes"), then the exact table if small enough; otherwise the walk gives
    // up (nothing is guessed) and the per-count search runs as before the walk existed. On
    // issue 17's "proportional + noise" family nearly every "no" is the LP bound's.

    // Limits: candidates in the exact table and in the table near R, the cheapest changes
    // tried as a subset sum, a table's width in divisor units, and the work of all tables
    // together (cells visited), past which the walk gives up.
    static constexpr std::size_t greedy_core_limit = 200, greedy_window_core = 4000,
                                 greedy_quick_core = 64;
    static constexpr std::int64_t greedy_width_limit = 1 << 22;
    std::int64_t greedy_work_left_ = 0;

    bool rank_greedy(int target, int most, std::int64_t work) {
        // The test below needs positive scores and caps that cannot bind; and its products
        // (an award times a score, summed) must stay far within 127 bits.
        if (cap_ < max_ || items_.empty()) return false;
        i128 all_scores = 0, all_awards = 0;
        for (const Item& it : items_) {
            if (it.score <= 0 || it.score >= (std::int64_t{1} << 40)) return false;
            all_scores += it.score;
            all_awards += it.award;
        }
        if (all_scores >= (i128{1} << 60) || all_awards >= (i128{1} << 62)) return false;
        greedy_work_left_ = work;
        by_ratio_.resize(items_.size());
        std::iota(by_ratio_.begin(), by_ratio_.end(), 0);
        std::sort(by_ratio_.begin(), by_ratio_.end(), [&](std::size_t a, std::size_t b) {
            const i128 l = i128{items_[a].award} * items_[b].score,
                       r = i128{items_[b].award} * items_[a].score;
            return l != r ? l < r : a < b;
        });
        const i128 t_star = best_total_;
        std::vector<std::size_t> fixed;
        i128 left_score = t_star;
        Krw left_budget = budget_;
        lp_after(0);
        for (std::size_t p = 0; p < items_.size() && left_score > 0; ++p) {
            const Item& it = items_[p];
            if (it.award > left_budget || it.score > left_score) continue;
            const int with_p = static_cast<int>(fixed.size()) + 1;
            std::optional<bool> ok;
            if (it.score == left_score)
                ok = with_p >= target && with_p <= most;
            else if (!lp_may_fit(left_score - it.score, left_budget - it.award))
                ok = false;
            else
                ok = completes(p + 1, left_score - it.score, left_budget - it.award, with_p, target,
                               most);
            if (!ok) return false;  // undecided: give up
            if (!*ok) continue;
            fixed.push_back(p);
            left_score -= it.score;
            left_budget -= it.award;
            lp_after(p + 1);
        }
        // The walk ends with F of total T*: feasible, and a count within the range by the test.
        const int n = static_cast<int>(fixed.size());
        if (left_score != 0 || left_budget < 0 || n < target || n > most) return false;
        best_ = fixed;
        stats_.greedy = 1;
        return true;
    }

    // The ratio order of positions >= from with running sums of scores and awards, for
    // lp_may_fit until the next member is fixed (every later test looks at fewer candidates).
    void lp_after(std::size_t from) {
        lp_order_.clear();
        lp_score_.clear();
        lp_award_.clear();
        i128 score = 0, award = 0;
        for (std::size_t q : by_ratio_) {
            if (q < from) continue;
            lp_order_.push_back(q);
            lp_score_.push_back(score += items_[q].score);
            lp_award_.push_back(award += items_[q].award);
        }
    }

    // False when no set of lp_after's candidates, fractions allowed, has score sum `score`
    // within `budget`: the cheapest such fraction takes them by award per score (a valid "no"
    // for every test before the next member is fixed, which looks at a subset).
    bool lp_may_fit(i128 score, Krw budget) const {
        const auto j = static_cast<std::size_t>(
            std::lower_bound(lp_score_.begin(), lp_score_.end(), score) - lp_score_.begin());
        if (j == lp_score_.size()) return false;
        const Item& b = items_[lp_order_[j]];
        const i128 full_score = j == 0 ? 0 : lp_score_[j - 1],
                   full_award = j == 0 ? 0 : lp_award_[j - 1];
        // full_award + b.award * (score - full_score) / b.score <= budget, times b.score.
        return full_award * b.score + i128{b.award} * (score - full_score) <=
               i128{budget} * b.score;
    }

    // Whether positions >= from hold a set of score sum exactly `score` and awards at most
    // `budget` that, with `fixed` members before, has a count in target..most; nullopt when
    // that cannot be decided within the limits.
    std::optional<bool> completes(std::size_t from, i128 score, Krw budget, int fixed, int target,
                                  int most) {
        ++stats_.relaxations;
        // The break candidate: the ratio order's greedy reaches `score` with it.
        i128 reach = 0, top = 0, low = std::numeric_limits<i128>::max();
        std::optional<std::size_t> brk;
        for (std::size_t q : by_ratio_) {
            if (q < from) continue;
            reach += items_[q].score;
            if (reach >= score) {
                brk = q;
                break;
            }
        }
        if (!brk) return false;  // even every later candidate together scores less
        const i128 sb = items_[*brk].score, ab = items_[*brk].award;
        i128 base_rc = 0, base_score = 0;
        core_.clear();
        // First pass: N's cost and score, and the bounds of the scores (for the counts).
        for (std::size_t q = from; q < items_.size(); ++q) {
            const Item& it = items_[q];
            top = std::max<i128>(top, it.score);
            low = std::min<i128>(low, it.score);
            const i128 rc = i128{it.award} * sb - ab * it.score;
            if (rc < 0) {
                base_rc += rc;
                base_score += it.score;
            }
        }
        // Counts: every G of score sum `score` has between score/top and score/low members.
        const i128 fewest = fixed + (score + top - 1) / top, largest = fixed + score / low;
        if (fewest < target) return std::nullopt;
        if (largest > most && most == max_) return std::nullopt;  // else the budget caps it
        const i128 slack = i128{budget} * sb - ab * score - base_rc;
        if (slack < 0) return false;  // the LP bound: no set of that score fits
        if (slack > (i128{1} << 60)) return std::nullopt;
        for (std::size_t q = from; q < items_.size(); ++q) {
            const Item& it = items_[q];
            const i128 rc = i128{it.award} * sb - ab * it.score;
            const i128 cost = rc < 0 ? -rc : rc;
            if (cost > slack) continue;
            const std::int64_t units = it.score / divisor_;
            core_.push_back({static_cast<std::int64_t>(cost), rc < 0 ? -units : units});
        }
        const i128 gap = score - base_score;  // a multiple of divisor_ (every score is one)
        const auto want = static_cast<std::int64_t>(gap / divisor_);
        // The cheapest changes first: while together they cost at most the slack, any of
        // their combinations fits, and whether one reaches the sum is a plain subset sum.
        const std::size_t quick = std::min(core_.size(), greedy_quick_core);
        std::partial_sort(core_.begin(), core_.begin() + static_cast<std::ptrdiff_t>(quick),
                          core_.end());
        const auto s = static_cast<std::int64_t>(slack);
        std::size_t free_changes = 0;
        for (std::int64_t spent = 0; free_changes < quick; ++free_changes) {
            spent += core_[free_changes].first;
            if (spent > s) break;
        }
        const std::optional<bool> found = any_reaches(free_changes, want);
        if (!found) return std::nullopt;
        if (*found || free_changes == core_.size()) return found;
        // A witness among sums near the goal (cheap, and most answers are "yes"), else the
        // exact table when small enough.
        if (core_.size() <= greedy_window_core && reaches_near(want, s)) return true;
        if (core_.size() > greedy_core_limit) return std::nullopt;
        std::sort(core_.begin(), core_.end());
        return reaches(core_.size(), want, s);
    }

    // Whether some of the first n changes of core_ add exactly `want`, whatever they cost: a
    // bitset of the sums reached, each change counted from the sum of all removals.
    std::optional<bool> any_reaches(std::size_t n, std::int64_t want) {
        std::int64_t lo = 0, width = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t step = core_[i].second;
            if (step < 0) lo += step;
            width += step < 0 ? -step : step;
        }
        if (want < lo || want > lo + width) return false;
        if (width > greedy_width_limit) return std::nullopt;
        const auto words = static_cast<std::size_t>(width / 64 + 1);
        bits_.assign(words, 0);
        bits_[0] = 1;
        std::int64_t reached = 0;  // the highest sum so far
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t step = core_[i].second < 0 ? -core_[i].second : core_[i].second;
            const auto shift_words = static_cast<std::size_t>(step / 64);
            const int shift_bits = static_cast<int>(step % 64);
            greedy_work_left_ -= reached / 64 + 1;
            if (greedy_work_left_ < 0) return std::nullopt;
            // bits |= bits << step, from the top so that each sum is used once.
            const auto top = static_cast<std::size_t>((reached + step) / 64);
            for (std::size_t w = top + 1; w-- > shift_words;) {
                const std::size_t src = w - shift_words;
                std::uint64_t v = bits_[src] << shift_bits;
                if (shift_bits != 0 && src > 0) v |= bits_[src - 1] >> (64 - shift_bits);
                bits_[w] |= v;
            }
            reached += step;
        }
        const auto x = static_cast<std::size_t>(want - lo);
        return (bits_[x / 64] >> (x % 64) & 1) != 0;
    }

    // Whether changes of core_ add exactly `want` at a cost at most `slack`, looking only at
    // the sums within a few changes of `want` on the way: adds and removals alternate, each in
    // ascending cost. True means such changes exist; false means none was seen.
    bool reaches_near(std::int64_t want, std::int64_t slack) {
        std::vector<std::pair<std::int64_t, std::int64_t>> adds, removals, order;
        std::int64_t widest = 0;
        for (const auto& change : core_) {
            (change.second < 0 ? removals : adds).push_back(change);
            widest = std::max(widest, change.second < 0 ? -change.second : change.second);
        }
        std::sort(adds.begin(), adds.end());
        std::sort(removals.begin(), removals.end());
        for (std::size_t i = 0; i < std::max(adds.size(), removals.size()); ++i) {
            if (i < adds.size()) order.push_back(adds[i]);
            if (i < removals.size()) order.push_back(removals[i]);
        }
        const std::int64_t lo = std::min<std::int64_t>(0, want) - 2 * widest,
                           hi = std::max<std::int64_t>(0, want) + 2 * widest;
        if (hi - lo > greedy_width_limit) return false;
        constexpr std::int64_t none = std::numeric_limits<std::int64_t>::max();
        table_.assign(static_cast<std::size_t>(hi - lo + 1), none);
        auto at = [&](std::int64_t sum) -> std::int64_t& {
            return table_[static_cast<std::size_t>(sum - lo)];
        };
        at(0) = 0;
        for (const auto& [cost, step] : order) {
            greedy_work_left_ -= hi - lo + 1;
            if (greedy_work_left_ < 0) return false;
            if (step > 0) {
                for (std::int64_t x = hi - step; x >= lo; --x)
                    if (at(x) <= slack - cost) at(x + step) = std::min(at(x + step), at(x) + cost);
            } else {
                for (std::int64_t x = lo - step; x <= hi; ++x)
                    if (at(x) <= slack - cost) at(x + step) = std::min(at(x + step), at(x) + cost);
            }
            if (at(want) <= slack) return true;
        }
        return false;
    }

    // Whether changes among the first n of core_ (cost, score added in divisor units) add
    // exactly `want` at a total cost at most `slack`: a table of the least cost per sum.
    std::optional<bool> reaches(std::size_t n, std::int64_t want, std::int64_t slack) {
        std::int64_t lo = 0, hi = 0, widest = 0;  // the sums reachable, the largest change
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t step = core_[i].second;
            (step < 0 ? lo : hi) += step;
            widest = std::max(widest, step < 0 ? -step : step);
        }
        if (want < lo || want > hi) return false;
        if (hi - lo > greedy_width_limit) return std::nullopt;
        // A set of changes within the slack has at most `most_changes` of them (the cheapest
        // that many already cost more), and so does every part of it: the sums on its way lie
        // within most_changes * widest of 0, and within what the changes not yet taken can
        // still add or remove of `want`. Sums outside both are never on a solution's way.
        std::size_t most_changes = 0;
        for (std::int64_t spent = 0; most_changes < n; ++most_changes) {
            spent += core_[most_changes].first;
            if (spent > slack) break;
        }
        const std::int64_t reach = static_cast<std::int64_t>(most_changes) * widest;
        std::vector<std::int64_t> up(n + 1, 0), down(n + 1, 0);  // what changes i.. add, remove
        for (std::size_t i = n; i-- > 0;) {
            up[i] = up[i + 1] + std::max<std::int64_t>(core_[i].second, 0);
            down[i] = down[i + 1] + std::min<std::int64_t>(core_[i].second, 0);
        }
        constexpr std::int64_t none = std::numeric_limits<std::int64_t>::max();
        table_.assign(static_cast<std::size_t>(hi - lo + 1), none);
        auto at = [&](std::int64_t sum) -> std::int64_t& {
            return table_[static_cast<std::size_t>(sum - lo)];
        };
        at(0) = 0;
        std::int64_t from = 0, to = 0;  // the sums reached so far
        for (std::size_t i = 0; i < n; ++i) {
            const auto [cost, step] = core_[i];
            const std::int64_t first = std::max({from, -reach, want - up[i]}),
                               last = std::min({to, reach, want - down[i]});
            greedy_work_left_ -= std::max<std::int64_t>(last - first + 1, 1);
            if (greedy_work_left_ < 0) return std::nullopt;
            if (step > 0) {
                for (std::int64_t x = last; x >= first; --x)
                    if (at(x) <= slack - cost) at(x + step) = std::min(at(x + step), at(x) + cost);
                to += step;
            } else {
                for (std::int64_t x = first; x <= last; ++x)
                    if (at(x) <= slack - cost) at(x + step) = std::min(at(x + step), at(x) + cost);
                from += step;
            }
            if (at(want) <= slack) return true;  // a set of changes found: no need to go on
        }
        return false;
    }

    // Stage 2's counts target..most that may hold a set of the best total, by their root bound
    // highest first (then the smaller count). A count whose bound at the last count's λ exceeds
    // the incumbent gets its own λ (choose_multiplier, which also offers its feasible set as
    // incumbent); one whose bound, at any λ, is below the final incumbent holds no set of the
    // best total (that is at least the incumbent) and is left out. Searching the count of the
    // highest bound first matters when awards are independent of the scores: the best totals
    // of the counts rise towards the best one, and searching from `most` down, each count had
    // to prove, against a weaker incumbent, that it held nothing better (2 s at 1,000
    // candidates with `max` 500, most of them spent on counts that cannot win).
    std::vector<int> promising_counts(int target, int most) {
        std::vector<std::pair<i128, int>> bounds;  // (root bound, count)
        pool_.resize(items_.size());
        std::iota(pool_.begin(), pool_.end(), 0);
        by_award_ = all_by_award_;
        for (int k = most; k >= target; --k) {
            goal_ = k;
            set_multiplier(lambda_);  // the last count's λ (sorts only when it changed)
            Relaxation r = relax(0);
            if (!r.feasible) continue;              // never for k <= most: the cheapest k fit
            i128 b = k == 0 ? 0 : bound(r.weight);  // the empty set's total, exactly
            if (b > best_total_) {
                choose_multiplier();
                b = bound(relax(0).weight);
            }
            if (b >= best_total_) bounds.emplace_back(b, k);
        }
        // Equal bounds: the smaller count first. Under rule (3) the first set in rank order
        // favours the best-ranked, highest-scoring candidates, so the fewest members; once a
        // count has given an early set, the other counts' searches cut everything after it
        // (awards proportional to the scores plus noise: 6 times fewer nodes than largest first).
        std::sort(bounds.begin(), bounds.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        std::vector<int> counts;
        for (const auto& [b, k] : bounds)
            if (b >= best_total_) counts.push_back(k);
        return counts;
    }

    // ---- phase 2 ----
    //
    // Rule (3) after the total is known. Searching each count on its own made the search
    // prove, count after count, that no set of that count and the best total precedes the
    // incumbent: with awards in lockstep with the scores, over a hundred counts reach the
    // best total and each proof walked hundreds of nodes deep (issue 17: a minute at 100,000
    // candidates). Here one depth-first search over all counts in pre-order (exactly the
    // rank-list order) stops at the first set of total T* and a count in target..most: that
    // set is the answer. A branch is cut only when it holds no such set: its members' awards
    // exceed the budget, it cannot reach `target`, its bound is below T* (the Lagrangian of
    // stage 3 at one λ, with the count free in its range), or a candidate passed over beats
    // all its sets (PassedOver). Nothing is cut for coming later, so nothing can be missed.

    // A branch's relaxation over positions >= from with need_lo..need_hi more members: the
    // numerator of its bound, whether need_lo more fit the budget, and the smallest position
    // it uses (a later `from` that passes it must compute it again).
    struct FreeRelaxation {
        bool feasible = false;
        i128 numerator = 0;
        std::size_t first = 0;
    };

    FreeRelaxation relax_free(std::size_t from, int need_lo, int need_hi) {
        ++stats_.relaxations;
        FreeRelaxation r;
        r.first = items_.size();
        const Krw left = budget_ - spent_;
        int taken = 0;
        Krw cost = 0;
        for (std::size_t p : all_by_award_) {  // the cheapest need_lo (a matroid: greedy)
            if (taken == need_lo) break;
            const Item& it = items_[p];
            if (p < from || used_[it.country] + scratch_[it.country] >= cap_) continue;
            if (cost + it.award > left) break;
            cost += it.award;
            ++scratch_[it.country];
            touched_.push_back(it.country);
            ++taken;
            r.first = std::min(r.first, p);
        }
        clear_scratch();
        if (taken < need_lo) return r;
        r.feasible = true;
        r.numerator = free_lambda_ * left;
        taken = 0;
        for (std::size_t p : free_by_weight_) {  // the mandatory ones, then every gain
            if (taken == need_hi || (taken >= need_lo && free_weight_[p] <= 0)) break;
            const Item& it = items_[p];
            if (p < from || used_[it.country] + scratch_[it.country] >= cap_) continue;
            ++scratch_[it.country];
            touched_.push_back(it.country);
            ++taken;
            r.numerator += free_weight_[p];
            r.first = std::min(r.first, p);
        }
        clear_scratch();
        return r;
    }

    void clear_scratch() {
        for (std::size_t country : touched_) scratch_[country] = 0;
        touched_.clear();
    }

    bool first_best(int target, int most) {
        target_ = target;
        most_ = most;
        t_star_ = best_total_;
        free_lambda_ = std::clamp<i128>(lambda_, 0, lambda_limit_);
        free_weight_.resize(items_.size());
        free_by_weight_.resize(items_.size());
        for (std::size_t p = 0; p < items_.size(); ++p)
            free_weight_[p] = weight_at(p, free_lambda_);
        std::iota(free_by_weight_.begin(), free_by_weight_.end(), 0);
        std::sort(free_by_weight_.begin(), free_by_weight_.end(),
                  [&](std::size_t a, std::size_t b) {
                      return free_weight_[a] != free_weight_[b] ? free_weight_[a] > free_weight_[b]
                                                                : a < b;
                  });
        suffix_min_award_.assign(items_.size() + 1, std::numeric_limits<Krw>::max());
        for (std::size_t p = items_.size(); p-- > 0;)
            suffix_min_award_[p] = std::min(suffix_min_award_[p + 1], items_[p].award);
        goal_ = most;  // PassedOver: the caps cannot bind when cap_ >= most
        assert(chosen_.empty() && spent_ == 0 && total_ == 0);
        return hunt(0);
    }

    // Phase 2's search from the node chosen_ (its candidates all before `from`).
    bool hunt(std::size_t from) {
        if (++stats_.nodes > hunt_limit_) aborted_ = true;
        const int c = count();
        if (c >= target_ && total_ == t_star_) {
            best_ = chosen_;
            return true;
        }
        if (c == most_ || aborted_ || from == items_.size()) return false;
        // Reaching T* takes at least `short_by / the best score left` more members.
        const i128 short_by = t_star_ - total_, top = items_[from].score;
        if (short_by > 0 && top <= 0) return false;
        const i128 needed = short_by > 0 ? (short_by + top - 1) / top : 0;
        const int lo = static_cast<int>(std::max<i128>(std::max(0, target_ - c), needed));
        const int hi = most_ - c;
        if (lo > hi) return false;
        FreeRelaxation rel = relax_free(from, lo, hi);
        PassedOver passed(*this);
        for (std::size_t p = from; p < items_.size(); ++p) {
            if (!rel.feasible || bound_of(rel.numerator) < t_star_) return false;
            if (suffix_min_award_[p] > budget_ - spent_) return false;  // nothing later fits
            const Item& it = items_[p];
            if (passed.covers(it)) {
                ++stats_.dominated;
            } else if (fits(it)) {
                take(p);
                const bool found = hunt(p + 1);
                if (found) return true;
                untake();
                if (aborted_) return false;
            }
            passed.add(it);
            if (rel.first == p) rel = relax_free(p + 1, lo, hi);
        }
        return false;
    }

  private:
    // ---- stage 1 ----

    // Each country keeps its cap_ cheapest awards so far; `counter` holds them all, so
    // counter.at_most(a) = the sum over countries of min(awards <= a, cap_).
    void drop_dominated() {
        std::vector<Krw> awards;
        for (const Item& it : items_) awards.push_back(it.award);
        AwardCounter counter(awards);
        std::vector<std::priority_queue<Krw>> kept(used_.size());
        std::vector<Item> survivors;
        for (const Item& it : items_) {
            auto& own = kept[it.country];
            const bool by_country =
                cap_ == 0 || (static_cast<int>(own.size()) >= cap_ && own.top() <= it.award);
            if (!by_country && counter.at_most(it.award) < max_) survivors.push_back(it);
            if (static_cast<int>(own.size()) < cap_) {
                own.push(it.award);
                counter.add(it.award, 1);
            } else if (cap_ > 0 && it.award < own.top()) {
                counter.add(own.top(), -1);
                own.pop();
                own.push(it.award);
                counter.add(it.award, 1);
            }
        }
        items_ = std::move(survivors);
        stats_.kept = items_.size();
        // Every total is a multiple of the scores' divisor and every cost of the awards' one,
        // so bounds round down to the first and the budget to the second.
        Krw award_unit = 0;
        for (const Item& it : items_) {
            divisor_ = std::gcd(divisor_, it.score < 0 ? -it.score : it.score);
            award_unit = std::gcd(award_unit, it.award);
        }
        if (divisor_ == 0) divisor_ = 1;
        if (award_unit > 0) budget_ -= budget_ % award_unit;
        all_by_award_.resize(items_.size());
        std::iota(all_by_award_.begin(), all_by_award_.end(), 0);
        std::sort(all_by_award_.begin(), all_by_award_.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(items_[a].award, a) < std::tie(items_[b].award, b);
        });
    }

    std::vector<std::size_t> original(const std::vector<std::size_t>& positions) const {
        std::vector<std::size_t> out;
        for (std::size_t p : positions) out.push_back(items_[p].index);
        return out;
    }

    // ---- stage 2 ----

    // Cheapest first, skipping full countries, while the budget and `max` allow.
    std::vector<std::size_t> cheapest_set() const {
        std::vector<int> per_country(used_.size(), 0);
        std::vector<std::size_t> out;
        Krw left = budget_;
        for (std::size_t p : all_by_award_) {
            const Item& it = items_[p];
            if (static_cast<int>(out.size()) == max_) break;
            if (per_country[it.country] >= cap_) continue;
            if (it.award > left) break;
            left -= it.award;
            ++per_country[it.country];
            out.push_back(p);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    // ---- stage 3 ----

    // λ = L / 2^shift_. The widths keep every weight and bound within 120 bits: scores are
    // scaled by at most 2^40, and λ is at most 2^20 score units per won.
    void choose_widths() {
        i128 top_score = 1, top_award = std::max<Krw>(budget_, 1);
        for (const Item& it : items_) {
            top_score = std::max<i128>(top_score, it.score < 0 ? -i128{it.score} : it.score);
            top_award = std::max<i128>(top_award, it.award);
        }
        const int room = 118 - bit_length(static_cast<i128>(items_.size()) + 1);
        shift_ = std::clamp(room - bit_length(top_score), 0, 40);
        const int lambda_bits = std::min(shift_ + 20, room - bit_length(top_award));
        lambda_limit_ = lambda_bits < 1 ? 0 : i128{1} << lambda_bits;
    }

    void search_count(int k) {
        goal_ = k;
        pool_.resize(items_.size());
        std::iota(pool_.begin(), pool_.end(), 0);
        by_award_ = all_by_award_;
        set_multiplier(lambda_);  // the last count's: often enough to show k cannot win
        if (!promising(relax(0), 0)) return;
        ++stats_.counts;
        choose_multiplier();
        fix_out();
        visit(relax(0), 0, lambda_);
    }

    // Bisection for the smallest λ whose relaxation at the root fits the budget (where the
    // root bound is least), to about 2^-24 of λ: the bound then moves by far less than a unit
    // of score. That relaxation is a feasible set; improved by swaps it seeds the incumbent.
    void choose_multiplier() {
        std::vector<std::size_t> feasible;
        // The relaxation at the root for λ = l (lagrangian: linear time, no full sort).
        auto within_budget = [&](i128 l) {
            Weighted members;
            if (lagrangian(l, 0, &members).second > budget_) return false;
            feasible.clear();
            for (const auto& member : members) feasible.push_back(member.second);
            std::sort(feasible.rbegin(), feasible.rend());
            return true;
        };
        const i128 last = lambda_;
        i128 lo = 0, hi = std::max<i128>(last, 1);
        if (lambda_limit_ == 0 || within_budget(0)) {
            hi = 0;
        } else {
            while (hi < lambda_limit_ && !within_budget(hi)) {
                lo = hi;
                hi = std::min(hi * 2, lambda_limit_);
            }
            if (hi == last) lo = std::min(lo, hi / 2);  // the last count's λ fits: look lower
            while (hi - lo > 1 && hi - lo > (hi >> 24)) {
                const i128 mid = lo + (hi - lo) / 2;
                (within_budget(mid) ? hi : lo) = mid;
            }
        }
        set_multiplier(hi);
        if (!feasible.empty() || goal_ == 0) consider(improved(std::move(feasible)));
    }

    // The weights for λ = l and the pool in weight order. The order is kept when neither the
    // pool nor λ changed (stage 2's counts share the whole pool: one sort, not one a count).
    void set_multiplier(i128 l) {
        lambda_ = l;
        if (sorted_for_ && *sorted_for_ == l && by_weight_.size() == pool_.size()) return;
        weight_.resize(items_.size());
        for (std::size_t p : pool_) weight_[p] = weight_at(p, l);
        by_weight_ = pool_;
        std::sort(by_weight_.begin(), by_weight_.end(), [&](std::size_t a, std::size_t b) {
            return weight_[a] != weight_[b] ? weight_[a] > weight_[b] : a < b;
        });
        if (pool_.size() == items_.size()) sorted_for_ = l;
    }

    i128 weight_at(std::size_t p, i128 l) const {
        return i128{items_[p].score} * (i128{1} << shift_) - l * items_[p].award;
    }

    // A feasible set of goal_ made better by swaps: while some member can give its place to a
    // non-member of higher score (its country allowing, within the budget), the best such swap.
    std::vector<std::size_t> improved(std::vector<std::size_t> set) const {
        std::vector<char> in(items_.size(), 0);
        std::vector<int> per_country(used_.size(), 0);
        Krw left = budget_;
        for (std::size_t p : set) {
            in[p] = 1;
            ++per_country[items_[p].country];
            left -= items_[p].award;
        }
        for (;;) {
            std::int64_t gain = 0;
            std::size_t leaving = 0, coming = 0;
            for (std::size_t i : set) {
                const Item& a = items_[i];
                for (std::size_t j = 0; j < i; ++j) {  // the first that fits has the best score
                    const Item& b = items_[j];
                    if (in[j] || b.award - a.award > left) continue;
                    if (b.country != a.country && per_country[b.country] >= cap_) continue;
                    if (b.score - a.score > gain) {
                        gain = b.score - a.score;
                        leaving = i;
                        coming = j;
                    }
                    break;
                }
            }
            if (gain == 0) break;
            in[leaving] = 0;
            in[coming] = 1;
            --per_country[items_[leaving].country];
            ++per_country[items_[coming].country];
            left += items_[leaving].award - items_[coming].award;
            *std::find(set.begin(), set.end(), leaving) = coming;
        }
        std::sort(set.begin(), set.end());
        return set;
    }

    // Reduced-cost fixing: a candidate whose inclusion alone brings the root bound below the
    // incumbent's total is in no set of goal_ that could replace it, and leaves the pool.
    void fix_out() {
        Relaxation root = relax(0);
        if (!root.feasible) return;
        if (root.members.empty()) {  // goal_ 0: no candidate can join
            pool_.clear();
            sorted_for_.reset();
            by_weight_.clear();
            by_award_.clear();
            return;
        }
        std::vector<char> keep(items_.size(), 0);
        for (std::size_t p : root.members) keep[p] = 1;  // the bound itself
        std::vector<std::size_t> pool;
        for (std::size_t p : pool_) {
            if (keep[p]) {
                pool.push_back(p);
                continue;
            }
            if (!fits(items_[p])) continue;
            const std::size_t out = displaced(root, p);
            take(p);
            keep[p] = bound(root.weight - weight_[out]) >= best_total_;
            untake();
            if (keep[p]) pool.push_back(p);
        }
        auto kept = [&](std::vector<std::size_t>& v) {
            v.erase(std::remove_if(v.begin(), v.end(), [&](std::size_t p) { return !keep[p]; }),
                    v.end());
        };
        pool_ = std::move(pool);
        sorted_for_.reset();  // by_weight_ no longer covers every candidate
        kept(by_weight_);
        kept(by_award_);
        stats_.pool += pool_.size();
    }

    // ---- the bound ----

    int count() const { return static_cast<int>(chosen_.size()); }

    // The relaxation of the branch that completes chosen_ to goal_ members with pool members
    // at positions >= from: the cheapest completion (the greedy of stage 2), and the
    // completion of the largest weight (the same greedy by weight).
    Relaxation relax(std::size_t from) {
        ++stats_.relaxations;
        Relaxation r;
        const auto need = static_cast<std::size_t>(goal_ - count());
        Krw left = budget_ - spent_;
        for (std::size_t p : by_award_) {
            if (r.cheapest.size() == need) break;
            const Item& it = items_[p];
            if (p < from || used_[it.country] + scratch_[it.country] >= cap_) continue;
            if (it.award > left) break;
            left -= it.award;
            ++scratch_[it.country];
            r.cheapest.push_back(p);
        }
        for (std::size_t p : r.cheapest) --scratch_[items_[p].country];
        r.feasible = r.cheapest.size() == need;
        if (!r.feasible) return r;
        for (std::size_t p : by_weight_) {
            if (r.members.size() == need) break;
            const Item& it = items_[p];
            if (p < from || used_[it.country] + scratch_[it.country] >= cap_) continue;
            ++scratch_[it.country];
            r.members.push_back(p);
            r.weight += weight_[p];
        }
        for (std::size_t p : r.members) --scratch_[items_[p].country];
        descending(r.members, from);
        descending(r.cheapest, from);
        return r;
    }

    // Sorts v, pool positions >= from, in descending order: by a walk over that part of the
    // pool when it is short next to v (a node's pool is often barely larger than the count),
    // else by comparisons.
    void descending(std::vector<std::size_t>& v, std::size_t from) {
        const auto first = std::lower_bound(pool_.begin(), pool_.end(), from);
        if (static_cast<std::size_t>(pool_.end() - first) > 4 * v.size() + 16) {
            std::sort(v.rbegin(), v.rend());
            return;
        }
        mark_.resize(items_.size(), 0);
        for (std::size_t p : v) mark_[p] = 1;
        v.clear();
        for (auto it = pool_.end(); it != first;) {
            if (mark_[*--it] == 0) continue;
            mark_[*it] = 0;
            v.push_back(*it);
        }
    }

    // The relaxation of the branch that includes its next candidate, a member of both lists:
    // the same lists less that candidate (the greedy on the contracted matroid), the same bound.
    Relaxation without_next(const Relaxation& r) const {
        Relaxation child = r;
        child.weight -= weight_[child.members.back()];
        child.members.pop_back();
        child.cheapest.pop_back();
        return child;
    }

    // The member of the relaxation that p displaces when forced in: the weakest of p's country
    // if the relaxation fills it, else the weakest of all (the exchange with the matroid's
    // circuit); p itself if it is the relaxation's first member (members below it: none).
    // The bound of the branch that includes p is then that of the relaxation's weight less
    // the displaced one's, with no scan of the pool.
    std::size_t displaced(const Relaxation& r, std::size_t p) const {
        if (r.first_is(r.members, p)) return p;
        const std::size_t country = items_[p].country;
        int in_country = used_[country];
        std::size_t weakest = r.members.front();
        std::optional<std::size_t> weakest_there;
        for (std::size_t q : r.members) {
            if (weight_[q] < weight_[weakest]) weakest = q;
            if (items_[q].country != country) continue;
            ++in_country;
            if (!weakest_there || weight_[q] < weight_[*weakest_there]) weakest_there = q;
        }
        return in_country >= cap_ && weakest_there ? *weakest_there : weakest;
    }

    // The Lagrangian bound's numerator for λ = l: l * (budget left) plus the greatest weight
    // of goal_ - count() pool members at positions >= from; and that completion's cost and,
    // if asked, its members (weight, position), in no particular order. The greedy by weight only
    // reads the first candidates in weight order, so only a prefix long enough for it is
    // sorted (linear time unless the caps skip many).
    std::pair<i128, Krw> lagrangian(i128 l, std::size_t from, Weighted* members = nullptr) {
        ++stats_.relaxations;
        Weighted& w = node_weights_;
        w.clear();
        for (auto it = std::lower_bound(pool_.begin(), pool_.end(), from); it != pool_.end(); ++it)
            if (used_[items_[*it].country] < cap_) w.emplace_back(weight_at(*it, l), *it);
        auto stronger = [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        };
        const auto need = static_cast<std::size_t>(goal_ - count());
        if (cap_ >= goal_) {
            // The caps cannot bind: the `need` strongest, found in linear time (the order is
            // total, so they are the greedy's), and left unsorted.
            const auto end = w.begin() + static_cast<std::ptrdiff_t>(std::min(need, w.size()));
            std::nth_element(w.begin(), end, w.end(), stronger);
            i128 value = l * (budget_ - spent_);
            Krw cost = 0;
            if (members) members->assign(w.begin(), end);
            for (auto it = w.begin(); it != end; ++it) {
                value += it->first;
                cost += items_[it->second].award;
            }
            return {value, cost};
        }
        for (std::size_t len = std::min(w.size(), 2 * need + 8);;
             len = std::min(w.size(), 4 * len)) {
            const auto end = w.begin() + static_cast<std::ptrdiff_t>(len);
            std::nth_element(w.begin(), end, w.end(), stronger);
            std::sort(w.begin(), end, stronger);
            std::size_t taken = 0;
            i128 value = l * (budget_ - spent_);
            Krw cost = 0;
            if (members) members->clear();
            for (auto it = w.begin(); it != end && taken < need; ++it) {
                const Item& item = items_[it->second];
                if (used_[item.country] + scratch_[item.country] >= cap_) continue;
                ++scratch_[item.country];
                ++taken;
                value += it->first;
                cost += item.award;
                if (members) members->push_back(*it);
            }
            for (auto it = w.begin(); it != end; ++it) scratch_[items_[it->second].country] = 0;
            if (taken == need || len == w.size()) return {value, cost};
        }
    }

    // This node's bound with λ chosen for it, as the fixed λ of its count loosens where the
    // budget left and the slots left drift apart. The Lagrangian is convex in λ: cutting
    // planes (the meeting point of the lines at a bracket's ends) reach its minimum in a few
    // steps, and every λ gives a valid bound, so it stops as soon as one prunes the node
    // (nullopt). Starts from `hint`, the parent's λ; returns the least bound met, with its
    // relaxation, to bound the children the same way.
    std::optional<NodeBound> tightest_bound(std::size_t from, i128 hint) {
        struct Probe {
            i128 l, value, slope;
        };
        const Krw left = budget_ - spent_;
        std::optional<NodeBound> best;
        bool pruned = false;
        Weighted members;  // each probe's, kept with the least bound (no second greedy)
        auto probe = [&](i128 l) {
            auto [value, cost] = lagrangian(l, from, &members);
            if (!best || value < best->value) {
                best = NodeBound{l, value, {}};
                best->members.swap(members);
            }
            pruned = pruned || !promising_value(value, from);
            return Probe{l, value, i128{left} - cost};
        };
        Probe lo = probe(std::clamp<i128>(hint, 0, lambda_limit_)), hi = lo;
        // Bracket the minimum: lo's slope < 0 <= hi's.
        while (!pruned && lo.slope >= 0 && lo.l > 0) {
            hi = lo;
            lo = probe(lo.l / 2);
        }
        while (!pruned && hi.slope < 0 && hi.l < lambda_limit_) {
            lo = hi;
            hi = probe(std::min(std::max<i128>(hi.l * 2, 1), lambda_limit_));
        }
        for (int step = 0; !pruned && step < 8 && lo.slope < 0 && hi.slope > 0; ++step) {
            // lo.value + lo.slope (x - lo.l) = hi.value + hi.slope (x - hi.l)
            const i128 x =
                (hi.value - lo.value + lo.slope * lo.l - hi.slope * hi.l) / (lo.slope - hi.slope);
            if (x <= lo.l || x >= hi.l) break;
            const Probe mid = probe(x);
            if (mid.slope == 0) break;
            (mid.slope < 0 ? lo : hi) = mid;
        }
        if (pruned) return std::nullopt;
        return best;
    }

    // Whether the branch that includes p (already taken) may beat the incumbent, by the
    // node's own relaxation: p displaces a member as in displaced().
    bool child_promising(const NodeBound& nb, std::size_t p, std::size_t next) const {
        const std::size_t country = items_[p].country;
        int in_country = used_[country] - 1;  // p is taken
        std::optional<i128> weakest_there;
        i128 weakest = nb.members.front().first;
        for (const auto& [weight, q] : nb.members) {  // in any order
            if (q == p)
                return promising_value(nb.value - nb.lambda * items_[p].award - weight, next);
            weakest = std::min(weakest, weight);
            if (items_[q].country != country) continue;
            ++in_country;
            weakest_there = weakest_there ? std::min(*weakest_there, weight) : weight;
        }
        const i128 out = in_country >= cap_ && weakest_there ? *weakest_there : weakest;
        return promising_value(nb.value - nb.lambda * items_[p].award - out, next);
    }

    // The bound from a Lagrangian numerator: a total rounded down to the scores' divisor.
    i128 bound_of(i128 numerator) const {
        const i128 gain = floor_div(numerator, i128{1} << shift_);
        return total_ + floor_div(gain, divisor_) * divisor_;
    }

    // The largest total any set of the branch can reach, given its relaxation's weight.
    i128 bound(i128 weight) const { return bound_of(lambda_ * (budget_ - spent_) + weight); }

    // ---- the search ----

    // Rank-list order of SPEC §6: lexicographic on ascending positions, a prefix first.
    static bool earlier(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    }

    // Whether best_ comes before chosen_ + {next}, the first set of the branch in pre-order.
    bool best_precedes_branch(std::size_t next) const {
        const std::size_t n = std::min(best_.size(), chosen_.size());
        for (std::size_t i = 0; i < n; ++i)
            if (best_[i] != chosen_[i]) return best_[i] < chosen_[i];
        return best_.size() <= chosen_.size() || best_[chosen_.size()] < next;
    }

    // Whether a branch bounded by `b` whose first set in pre-order is chosen_ + {next} may
    // hold a set better than best_.
    bool may_beat_best(i128 b, std::size_t next) const {
        return b > best_total_ || (ties_ && b == best_total_ && !best_precedes_branch(next));
    }
    bool promising_value(i128 numerator, std::size_t next) const {
        return may_beat_best(bound_of(numerator), next);
    }
    bool promising(const Relaxation& r, std::size_t next) const {
        return r.feasible && may_beat_best(bound(r.weight), next);
    }

    void consider(const std::vector<std::size_t>& set) {
        i128 total = 0;
        for (std::size_t p : set) total += items_[p].score;
        if (!have_best_ || total > best_total_ || (total == best_total_ && earlier(set, best_))) {
            best_ = set;
            best_total_ = total;
            have_best_ = true;
        }
    }

    bool fits(const Item& it) const {
        return it.award <= budget_ - spent_ && used_[it.country] < cap_;
    }

    void take(std::size_t p) {
        const Item& it = items_[p];
        spent_ += it.award;
        total_ += it.score;
        ++used_[it.country];
        chosen_.push_back(p);
    }

    void untake() {
        const Item& it = items_[chosen_.back()];
        spent_ -= it.award;
        total_ -= it.score;
        --used_[it.country];
        chosen_.pop_back();
    }

    // Stage 4: chosen_ is this node's set; rel its relaxation over the pool from pool_[at];
    // hint the parent's λ.
    void visit(Relaxation rel, std::size_t at, i128 hint) {
        ++stats_.nodes;
        if (count() == goal_) {
            consider(chosen_);
            return;
        }
        const std::size_t from = at < pool_.size() ? pool_[at] : items_.size();
        if (!promising(rel, from)) return;
        if (count() + 1 == goal_) return complete_with_one(at);
        const std::optional<NodeBound> own = tightest_bound(from, hint);
        if (!own) return;
        PassedOver passed(*this);
        for (; at < pool_.size(); ++at) {
            const std::size_t p = pool_[at];
            if (!promising(rel, p)) return;  // nor any later p: the branch only shrinks
            if (passed.covers(items_[p])) {
                ++stats_.dominated;
            } else if (fits(items_[p])) {
                const std::size_t out = displaced(rel, p);
                const std::size_t next = next_of(at);
                take(p);
                const bool reuse = rel.first_of_both(p);
                if ((reuse || may_beat_best(bound(rel.weight - weight_[out]), next)) &&
                    child_promising(*own, p, next))
                    visit(reuse ? without_next(rel) : relax(next), at + 1, own->lambda);
                untake();
            }
            passed.add(items_[p]);
            if (rel.first_of_either(p)) rel = relax(next_of(at));
        }
    }

    // The candidates a node has passed over (their branches searched or cut): a later one q
    // whose award is at least such a p's, in p's country or wherever the caps cannot bind,
    // has a branch that cannot win. Every set of it leaves p out (the node's later branches
    // never take p), and swapping q for p keeps the count, the budget and the caps, does not
    // lower the total (p ranks first, so scores at least as much) and makes the rank list
    // earlier: a set of p's branch at least as good, which the search has seen or cut. On
    // calls where awards follow the scores this is what stops the search from trying every
    // one of many interchangeable candidates at every node.
    class PassedOver {
      public:
        explicit PassedOver(const OptimalSelection& o)
            : free_(o.cap_ >= o.goal_), cheapest_(free_ ? 1 : o.used_.size(), no_award) {}
        bool covers(const Item& q) const { return cheapest_[slot(q)] <= q.award; }
        void add(const Item& p) {
            Krw& c = cheapest_[slot(p)];
            c = std::min(c, p.award);
        }

      private:
        static constexpr Krw no_award = std::numeric_limits<Krw>::max();
        std::size_t slot(const Item& it) const { return free_ ? 0 : it.country; }
        bool free_;
        std::vector<Krw> cheapest_;
    };

    // One member left to choose: the first that fits, in rank order, has the highest score
    // of all that fit and the earliest rank list among those.
    void complete_with_one(std::size_t at) {
        for (; at < pool_.size(); ++at) {
            if (!fits(items_[pool_[at]])) continue;
            take(pool_[at]);
            consider(chosen_);
            untake();
            return;
        }
    }

    // The position after pool_[at] in the pool (the end: past every position).
    std::size_t next_of(std::size_t at) const {
        return at + 1 < pool_.size() ? pool_[at + 1] : items_.size();
    }

    OptimalStats& stats_;
    int min_ = 0, max_ = 0, cap_ = 0, goal_ = 0;
    // Phase 1 cuts equal totals (ties_ false); phase 2 looks for T* in target_..most_.
    bool ties_ = true, aborted_ = false;
    std::size_t hunt_limit_ = 0;
    int target_ = 0, most_ = 0;
    i128 t_star_ = 0, free_lambda_ = 0;
    std::vector<i128> free_weight_;
    std::vector<std::size_t> free_by_weight_;
    std::vector<Krw> suffix_min_award_;
    std::vector<std::size_t> touched_;
    Krw budget_ = 0;
    std::vector<Item> items_;  // rank order; positions in it identify candidates below
    std::int64_t divisor_ = 0;
    std::vector<std::size_t> all_by_award_;
    // The search of one count: its pool (ascending), λ, weights and orders.
    std::vector<std::size_t> pool_, by_award_, by_weight_;
    int shift_ = 0;
    i128 lambda_ = 0, lambda_limit_ = 0;
    std::optional<i128> sorted_for_;  // the λ of by_weight_ while it holds every candidate
    std::vector<i128> weight_;
    Weighted node_weights_;
    std::vector<char> mark_;  // descending(): all 0 between calls
    // The node: chosen positions (ascending), their awards, total and countries.
    std::vector<std::size_t> chosen_;
    Krw spent_ = 0;
    i128 total_ = 0;
    std::vector<int> used_, scratch_;
    std::vector<std::size_t> best_;
    i128 best_total_ = 0;
    // rank_greedy: the candidates by award per score, and a completion test's candidates
    // (cost, score in divisor units) and table.
    std::vector<std::size_t> by_ratio_, lp_order_;
    std::vector<i128> lp_score_, lp_award_;
    std::vector<std::pair<std::int64_t, std::int64_t>> core_;
    std::vector<std::int64_t> table_;
    std::vector<std::uint64_t> bits_;
    bool have_best_ = false;
};

}  // namespace

std::vector<std::size_t> choose_optimal(const std::vector<Candidate>& candidates,
                                        const SelectionRules& s, OptimalStats* stats) {
    return choose_optimal(candidates, s, stats, OptimalPath::automatic);
}

std::vector<std::size_t> choose_optimal(const std::vector<Candidate>& candidates,
                                        const SelectionRules& s, OptimalStats* stats,
                                        OptimalPath path) {
    assert(
        std::is_sorted(candidates.begin(), candidates.end(),
                       [](const Candidate& a, const Candidate& b) { return a.score > b.score; }));
    OptimalStats local;
    OptimalSelection selection(candidates, s, stats ? *stats : local);
    selection.path_ = path;
    return selection.run();
}

}  // namespace kcity
