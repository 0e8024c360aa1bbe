// How the panel scored (SPEC §10): per reviewer, per proposal and per track, from each track's
// eligible proposals and their valid reviews' raw totals. Every figure is exact: totals are
// integers of 10^-8 points (weight × score, both Decimals), and the statistics whose exact
// value may outgrow 128 bits (alpha, Spearman's r) are worked out with GMP (docs/decisions.md).
#include "kcity/select/panel.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "../base/big.hpp"
#include "kcity/evaluate/evaluate.hpp"
#include "kcity/evaluate/leniency.hpp"
#include "kcity/select/pipeline.hpp"
#include "kcity/select/select.hpp"

namespace kcity {
namespace {

Decimal points(i128 units, int places) {
    return round_places(mpq_class(big(units), big(total_scale)), places);
}

// Doubled average ranks (integers): 2 × (the values below + (the equal ones + 1) / 2).
std::vector<std::int64_t> doubled_ranks(const std::vector<Rational>& v) {
    std::vector<std::size_t> order(v.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<std::int64_t> rank(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && v[order[j]] == v[order[i]]) ++j;
        for (std::size_t k = i; k < j; ++k)
            rank[order[k]] = static_cast<std::int64_t>(2 * i + (j - i) + 1);
        i = j;
    }
    return rank;
}

struct Valid {
    const Review* review = nullptr;
    ReviewRole role = ReviewRole::used;
    i128 total = 0;
};

// What one reviewer gathers over the track.
struct Tally {
    int reviews = 0, conflicts = 0, trimmed_low = 0, trimmed_high = 0;
    i128 sum = 0;
    std::optional<i128> first;
    bool all_equal = true;
    std::vector<Rational> own, others;  // totals and the others' mean totals, for Spearman
    std::set<const Proposal*> covered;  // reviewed or excluded
};

// The trimmed reviews' ends (SPEC §6 step 3: ascending by total, calibrated when the track
// calibrates, equal totals by reviewer id; the first `trim` low, the last `trim` high).
void count_trimmed(const TrackRules& t, const std::vector<Valid>& valid, const Calibration* cal,
                   std::map<std::string, Tally>& tallies) {
    if (t.aggregate != Aggregate::trimmed_mean) return;
    std::vector<std::pair<Rational, const Valid*>> by_total;
    for (const Valid& v : valid) by_total.emplace_back(review_total(t, *v.review, cal), &v);
    std::sort(by_total.begin(), by_total.end(), [](const auto& a, const auto& b) {
        auto c = a.first <=> b.first;
        return c != 0 ? c < 0 : a.second->review->reviewer < b.second->review->reviewer;
    });
    for (std::size_t i = 0; i < by_total.size(); ++i) {
        const Valid& v = *by_total[i].second;
        if (v.role != ReviewRole::trimmed) continue;
        Tally& tally = tallies[v.review->reviewer];
        (i < static_cast<std::size_t>(t.trim) ? tally.trimmed_low : tally.trimmed_high) += 1;
    }
}

// Every reviewer of the track: a review or a conflict with any of its proposals.
std::vector<std::string> track_reviewers(const TrackResult& tr) {
    std::set<std::string> ids;
    for (const auto& r : tr.proposals) {
        for (const auto& rv : r.proposal->reviews) ids.insert(rv.reviewer);
        for (const auto& c : r.proposal->conflicts) ids.insert(c);
        for (const auto& s : r.proposal->same_organisation) ids.insert(s.reviewer);
    }
    return {ids.begin(), ids.end()};
}

// The offsets of step 2a, from the eligible proposals' valid reviews (as evaluate_track).
Calibration offsets_of(const TrackResult& tr) {
    if (tr.calibration) return *tr.calibration;
    std::vector<std::vector<const Review*>> panels;
    for (const auto& r : tr.proposals)
        if (r.status != Status::ineligible) panels.push_back(valid_reviews(*r.proposal));
    return calibration_offsets(*tr.rules, panels);
}

std::set<std::string> selected_ids(const TrackResult& tr) {
    std::set<std::string> ids;
    for (const auto& r : tr.proposals)
        if (r.status == Status::selected) ids.insert(r.proposal->id);
    return ids;
}

// The track run again with `panel.calibrate` switched the other way: a copy of its rules, the
// same evaluate and select.
void add_flips(const Call& call, const Calibration& cal, PanelTrack& pt) {
    const TrackResult& tr = *pt.real;
    TrackRules switched = *tr.rules;
    switched.calibrate =
        switched.calibrate == Calibrate::offset ? Calibrate::none : Calibrate::offset;
    TrackResult other = evaluate_track(call.rules, switched, call.proposals);
    select_track(other, std::nullopt);
    const std::set<std::string> real = selected_ids(tr), with_switch = selected_ids(other);
    std::set_difference(with_switch.begin(), with_switch.end(), real.begin(), real.end(),
                        std::back_inserter(pt.flips_in));
    std::set_difference(real.begin(), real.end(), with_switch.begin(), with_switch.end(),
                        std::back_inserter(pt.flips_out));
    // The reviewers whose offsets moved them: a non-zero offset on some criterion, and a valid
    // review of a flipped proposal.
    std::set<std::string> flipped(pt.flips_in.begin(), pt.flips_in.end());
    flipped.insert(pt.flips_out.begin(), pt.flips_out.end());
    std::set<std::string> movers;
    for (const auto& r : tr.proposals) {
        if (!flipped.count(r.proposal->id)) continue;
        for (const Review* rv : valid_reviews(*r.proposal)) {
            const std::vector<Rational>* o = cal.find(rv->reviewer);
            if (o && std::any_of(o->begin(), o->end(),
                                 [](const Rational& x) { return x != Rational(); }))
                movers.insert(rv->reviewer);
        }
    }
    pt.flip_reviewers.assign(movers.begin(), movers.end());
}

PanelReviewer reviewer_figures(const Call& call, const TrackRules& t, const std::string& id,
                               const Tally& s, const Calibration& cal, const Leniency* leniency,
                               const std::vector<const Proposal*>& expected) {
    PanelReviewer r;
    r.id = id;
    r.member = call.rules.panel.find(id);
    r.reviews = s.reviews;
    r.conflicts = s.conflicts;
    r.trimmed_low = s.trimmed_low;
    r.trimmed_high = s.trimmed_high;
    if (s.reviews > 0)
        r.mean_total =
            round_places(mpq_class(big(s.sum), big(total_scale * s.reviews)), t.rounding);
    if (leniency) {
        r.leniency = leniency->rounded;
        r.lenient_warning = leniency->beyond_limit;
    }
    r.consistency = spearman(s.own, s.others);
    for (const Proposal* p : expected)
        if (!s.covered.count(p)) r.missing.push_back(p);
    r.flat = s.reviews >= 2 && s.all_equal;
    if (const std::vector<Rational>* o = cal.find(id))
        r.offset = round_half_away(total_offset(t, *o), t.rounding);
    return r;
}

PanelTrack analyse_track(const Call& call, const TrackResult& tr) {
    const TrackRules& t = *tr.rules;
    PanelTrack pt;
    pt.real = &tr;
    pt.calibrated = t.calibrate == Calibrate::offset;
    const Calibration cal = offsets_of(tr);
    const Calibration* trim_cal = tr.calibration ? &*tr.calibration : nullptr;
    const std::vector<std::string> ids = track_reviewers(tr);
    std::map<std::string, Tally> tallies;
    for (const auto& id : ids) tallies[id];
    std::vector<const Proposal*> expected;  // eligible and not withdrawn: by id
    std::vector<std::vector<i128>> units;   // every eligible proposal's valid totals (alpha)
    mpq_class spread_sum;
    int spreads = 0;
    for (const auto& r : tr.proposals) {
        if (r.status == Status::ineligible) continue;
        const Proposal& p = *r.proposal;
        if (r.status != Status::withdrawn) expected.push_back(&p);
        std::vector<Valid> valid;
        i128 all = 0;
        for (std::size_t i = 0; i < p.reviews.size(); ++i)
            if (r.role(i) == ReviewRole::used || r.role(i) == ReviewRole::trimmed) {
                valid.push_back({&p.reviews[i], r.role(i), review_total_units(t, p.reviews[i])});
                all += valid.back().total;
            }
        count_trimmed(t, valid, trim_cal, tallies);
        PanelProposal pp;
        pp.result = &r;
        std::map<std::string, PanelCell> cells;
        for (const auto& x : r.excluded()) {
            Tally& s = tallies[x];
            ++s.conflicts;
            s.covered.insert(&p);
            cells[x].kind = PanelCell::Kind::conflict;
        }
        const auto k = static_cast<i128>(valid.size());
        std::vector<i128> totals;
        for (const Valid& v : valid) {
            Tally& s = tallies[v.review->reviewer];
            ++s.reviews;
            s.sum += v.total;
            s.all_equal = s.all_equal && (!s.first || *s.first == v.total);
            if (!s.first) s.first = v.total;
            s.covered.insert(&p);
            totals.push_back(v.total);
            PanelCell& cell = cells[v.review->reviewer];
            cell.kind = PanelCell::Kind::reviewed;
            cell.trimmed = v.role == ReviewRole::trimmed;
            cell.total = points(v.total, t.rounding);
            if (k < 2) continue;
            // total − (all − total) / (k − 1) = (k × total − all) / (k − 1)
            mpq_class deviation(big(k * v.total - all), big((k - 1) * total_scale));
            deviation.canonicalize();
            cell.deviation = round_places(deviation, t.rounding);
            s.own.emplace_back(v.total, 1);
            s.others.emplace_back(all - v.total, k - 1);
        }
        if (k >= 2) {
            auto [lo, hi] = std::minmax_element(totals.begin(), totals.end());
            pp.spread = points(*hi - *lo, t.rounding);
            spread_sum += mpq_class(big(*hi - *lo), big(total_scale));
            ++spreads;
        }
        for (const auto& id : ids) {
            auto it = cells.find(id);
            pp.cells.push_back(it == cells.end() ? PanelCell{} : it->second);
        }
        units.push_back(std::move(totals));
        pt.proposals.push_back(std::move(pp));
    }
    std::sort(expected.begin(), expected.end(),
              [](const Proposal* a, const Proposal* b) { return a->id < b->id; });
    const std::vector<Leniency> leniencies = reviewer_leniency(tr);  // by reviewer id
    for (const auto& id : ids) {
        auto it = std::lower_bound(
            leniencies.begin(), leniencies.end(), id,
            [](const Leniency& l, const std::string& x) { return l.reviewer < x; });
        const Leniency* leniency = it != leniencies.end() && it->reviewer == id ? &*it : nullptr;
        pt.reviewers.push_back(reviewer_figures(call, t, id, tallies[id], cal, leniency, expected));
    }
    if (auto alpha = interval_alpha(units)) {
        pt.alpha = alpha->exact;
        pt.alpha_rounded = alpha->rounded;
        pt.alpha_ratio = alpha->ratio;
    }
    if (spreads > 0) {
        mpq_class mean = spread_sum / spreads;
        mean.canonicalize();
        pt.mean_spread = round_places(mean, t.rounding);
    }
    add_flips(call, cal, pt);
    return pt;
}

}  // namespace

std::optional<ExactAlpha> interval_alpha(const std::vector<std::vector<i128>>& units) {
    // alpha = 1 − (n − 1) × Σ_u D_u / (m_u − 1) / D, over the units with m_u ≥ 2 values (n of
    // them in all), D_u the sum of (v − w)² over the ordered pairs of the unit's values and D
    // over the ordered pairs of all n values; Σ over ordered pairs of (v − w)² = 2mΣv² − 2(Σv)².
    mpq_class within;
    mpz_class n = 0, sum = 0, squares = 0;
    for (const auto& u : units) {
        if (u.size() < 2) continue;
        mpz_class m = static_cast<unsigned long>(u.size()), s = 0, sq = 0;
        for (i128 v : u) {
            mpz_class b = big(v);
            s += b;
            sq += b * b;
        }
        within += mpq_class(2 * m * sq - 2 * s * s, m - 1);
        within.canonicalize();
        n += m;
        sum += s;
        squares += sq;
    }
    mpz_class expected = 2 * n * squares - 2 * sum * sum;
    if (n < 2 || expected == 0) return std::nullopt;
    mpq_class alpha = 1 - within * mpq_class(n - 1) / mpq_class(expected);
    alpha.canonicalize();
    ExactAlpha out;
    if (fits_i128(alpha.get_num()) && fits_i128(alpha.get_den()))
        out.exact = Rational(small(alpha.get_num()), small(alpha.get_den()));
    out.ratio = alpha.get_den() == 1 ? alpha.get_num().get_str() : alpha.get_str();
    out.rounded = round_places(alpha, 3);
    return out;
}

std::optional<Decimal> spearman(const std::vector<Rational>& x, const std::vector<Rational>& y) {
    if (x.size() < 3 || x.size() != y.size()) return std::nullopt;
    const std::vector<std::int64_t> rx = doubled_ranks(x), ry = doubled_ranks(y);
    mpz_class n = static_cast<unsigned long>(x.size()), sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mpz_class a = static_cast<long>(rx[i]), b = static_cast<long>(ry[i]);
        sx += a;
        sy += b;
        sxx += a * a;
        syy += b * b;
        sxy += a * b;
    }
    // r = A / √B with A = nΣxy − ΣxΣy and B = (nΣx² − (Σx)²)(nΣy² − (Σy)²).
    const mpz_class a = n * sxy - sx * sy;
    const mpz_class b = (n * sxx - sx * sx) * (n * syy - sy * sy);
    if (b == 0) return std::nullopt;
    // |r| rounded to hundredths is the largest m in 0..100 with (m − ½) / 100 ≤ |r|, that is
    // (2m − 1)² × B ≤ 40000 × A² (both sides exact).
    const mpz_class target = 40000 * a * a;
    long m = 100;
    while (m > 0 && mpz_class((2 * m - 1) * (2 * m - 1)) * b > target) --m;
    return Decimal{(a < 0 ? -m : m) * 100};
}

PanelAnalysis analyse_panel(const Call& call, const PanelOptions& options) {
    PanelAnalysis a;
    RunOptions run;
    run.track = options.track;
    a.real = run_selection(call, run);
    for (const auto& tr : a.real.tracks) a.tracks.push_back(analyse_track(call, tr));
    return a;
}

}  // namespace kcity
