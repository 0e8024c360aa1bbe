// SPEC §6 steps 1–7.
#include "kcity/evaluate/evaluate.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <stdexcept>
#include <tuple>

#include "kcity/base/pages.hpp"
#include "kcity/base/parallel.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/evaluate/predicate.hpp"

namespace kcity {

const char* status_code(Status s) {
    switch (s) {
        case Status::selected:
            return "selected";
        case Status::reserve:
            return "reserve";
        case Status::not_selected:
            return "not-selected";
        case Status::withdrawn:
            return "withdrawn";
        case Status::below_threshold:
            return "below-threshold";
        case Status::unscored:
            return "unscored";
        case Status::ineligible:
            return "ineligible";
    }
    return "?";
}

namespace {

// A valid review's score of criterion i as steps 3–5 use it: with calibration (SPEC §6 step
// 2a), the score minus the reviewer's offset, clamped to 0..max, exactly.
Rational review_score(const TrackRules& t, const Review& r, std::size_t i, const Calibration* cal) {
    const std::vector<Rational>* offsets = cal ? cal->find(r.reviewer) : nullptr;
    if (!offsets) return Rational(r.scores[i]);
    Rational v = Rational(r.scores[i]) + (*offsets)[i] * Rational(-1, 1);
    if (v < Rational()) return Rational();
    if (v > Rational(t.criteria[i].max)) return Rational(t.criteria[i].max);
    return v;
}

Rational mean_of(const TrackRules& t, const std::vector<const Review*>& reviews,
                 std::size_t criterion, const Calibration* cal) {
    // Without calibration every score is a Decimal: summed exactly as integers of 10^-4, then
    // one division (the same value as a sum of Rationals, without a reduction per review).
    if (!cal) {
        i128 units = 0;
        for (const Review* r : reviews) units += r->scores[criterion].units;
        return Rational(units, static_cast<i128>(reviews.size()) * Decimal::scale);
    }
    Rational sum;
    for (const Review* r : reviews) sum = sum + review_score(t, *r, criterion, cal);
    return sum / static_cast<std::int64_t>(reviews.size());
}

Rational median_of(const TrackRules& t, const std::vector<const Review*>& reviews,
                   std::size_t criterion, const Calibration* cal) {
    std::vector<Rational> v;
    for (const Review* r : reviews) v.push_back(review_score(t, *r, criterion, cal));
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    if (n % 2 == 1) return v[n / 2];
    return (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::vector<const Review*> by_reviewer(std::vector<const Review*> reviews) {
    std::sort(reviews.begin(), reviews.end(),
              [](const Review* a, const Review* b) { return a->reviewer < b->reviewer; });
    return reviews;
}

void set_roles(const Proposal& p, const std::vector<const Review*>& reviews, ReviewRole role,
               ProposalResult& r) {
    r.review_roles.resize(p.reviews.size(), static_cast<char>(ReviewRole::none));
    for (const Review* rv : reviews)
        r.review_roles[static_cast<std::size_t>(rv - p.reviews.data())] = static_cast<char>(role);
}

// The deadline's reason: when the proposal gave another offset than the programme's, its time
// in the programme's zone too, since that is what the deadline is compared in.
Reason deadline_reason(const DateTime& submitted, const DateTime& deadline, int tz) {
    Reason r{"deadline", Msg::deadline, {{"submitted", submitted}, {"deadline", deadline}}};
    if (submitted.has_time && submitted.has_offset && submitted.offset_minutes != tz)
        r.args.push_back({"submitted_local", in_zone(submitted, tz)});
    return r;
}

// A predicate's outcome and the values of the fields it tests, once per field (a rule may
// test a field in several of its branches), for the trace.
PredicateTrace trace_predicate(const Predicate& pred, const Proposal& p, bool holds) {
    PredicateTrace out{holds, {}};
    for_each_test(pred, [&](const Predicate& test) {
        if (std::any_of(out.tested.begin(), out.tested.end(),
                        [&](const TestedField& f) { return f.field == test.field; }))
            return;
        Value v = lookup_field(p, test.field);
        out.tested.push_back({test.field, v.type == Value::Type::null
                                              ? std::nullopt
                                              : std::optional<std::string>(v.text)});
    });
    return out;
}

// Step 1: every failed check, built-in ones first, then the rules in file order; `trace`, when
// given, receives every check's outcome.
std::vector<Reason> eligibility_reasons(const Rules& rules, const TrackRules& t, const Proposal& p,
                                        ProposalTrace* trace) {
    std::vector<Reason> out;
    const bool late = compare_dates(p.submitted_at, t.deadline, rules.program.tz_minutes) > 0;
    if (trace) {
        trace->late = late;
        trace->award =
            p.requested_krw < t.award_min || (p.requested_krw > t.award_max && t.reject_above_max)
                ? AwardCheck::fail
            : p.requested_krw > t.award_max ? AwardCheck::capped
                                            : AwardCheck::pass;
    }
    if (late) out.push_back(deadline_reason(p.submitted_at, t.deadline, rules.program.tz_minutes));
    if (p.requested_krw < t.award_min)
        out.push_back({"award-range",
                       Msg::award_below,
                       {{"requested", Money{p.requested_krw}}, {"min", Money{t.award_min}}}});
    else if (p.requested_krw > t.award_max && t.reject_above_max)
        out.push_back({"award-range",
                       Msg::award_above,
                       {{"requested", Money{p.requested_krw}}, {"max", Money{t.award_max}}}});
    PredicateContext ctx{&rules.history, rules.program.year, rules.program.tz_minutes};
    for (const auto& rule : t.eligibility) {
        const bool holds = evaluate(rule.require, p, ctx);
        // The values it tested, so that a typo (`goverment`) shows in the report (SPEC §6).
        if (!holds) {
            Reason r{rule.id, Msg::rule_failed, {{"rule", &rule.name}}};
            auto tested = trace_predicate(rule.require, p, false).tested;
            if (!tested.empty()) r.args.push_back({"tested", TestedValues{std::move(tested)}});
            out.push_back(std::move(r));
        }
        if (trace) trace->eligibility.push_back(trace_predicate(rule.require, p, holds));
    }
    return out;
}

// Step 4's adjustments whose `when` holds, by index into the rules' list.
std::vector<std::uint32_t> holding_adjustments(const Rules& rules, const TrackRules& t,
                                               const Proposal& p, ProposalTrace* trace) {
    PredicateContext ctx{&rules.history, rules.program.year, rules.program.tz_minutes};
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < t.adjustments.size(); ++i) {
        const bool holds = evaluate(t.adjustments[i].when, p, ctx);
        if (trace) trace->adjustments.push_back(trace_predicate(t.adjustments[i].when, p, holds));
        if (holds) out.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

void apply_adjustments(const Rules& rules, const TrackRules& t, const Proposal& p,
                       const KnownSteps::Entry* known, ProposalResult& r) {
    Decimal bonus, penalty;
    std::vector<std::uint32_t> evaluated;
    if (!known || r.trace) evaluated = holding_adjustments(rules, t, p, r.trace.get());
    for (std::uint32_t i : known && !r.trace ? known->adjustments : evaluated) {
        const Adjustment& a = t.adjustments[i];
        r.adjustments.push_back(&a);
        (a.points < Decimal{} ? penalty : bonus) =
            (a.points < Decimal{} ? penalty : bonus) + a.points;
    }
    if (t.cap_bonus && bonus > *t.cap_bonus) bonus = *t.cap_bonus;
    if (t.cap_penalty && penalty < -*t.cap_penalty) penalty = -*t.cap_penalty;
    r.adjustment_total = bonus + penalty;
}

// Step 2 for the trace: each valid review's weighted total (what trimmed-mean sorts by).
void trace_reviews(const TrackRules& t, const Proposal& p, const std::vector<const Review*>& valid,
                   ProposalTrace& trace) {
    trace.review_totals.assign(p.reviews.size(), std::nullopt);
    for (const Review* rv : valid)
        trace.review_totals[static_cast<std::size_t>(rv - p.reviews.data())] = review_total(t, *rv);
}

// Step 6 for the trace: what orders a and b, a ranked just before b.
RankDecider decider(const TrackRules& t, const ProposalResult& a, const ProposalResult& b, int tz) {
    if (*a.score != *b.score) return {RankDecider::By::score, 0};
    for (std::size_t k = 0; k < t.tie_break.size(); ++k)
        if (compare_tie_key(t.tie_break[k], a, b, tz) != 0) return {RankDecider::By::tie_key, k};
    return {RankDecider::By::id, 0};
}

bool same_organisation(const Proposal& p, const std::string& reviewer) {
    return std::any_of(p.same_organisation.begin(), p.same_organisation.end(),
                       [&](const Proposal::SameOrganisation& s) { return s.reviewer == reviewer; });
}

// Step 2's exclusions with their reasons: declared conflicts (the proposal's `conflicts`, a
// sheet's conflict rows) and members of the applicant's or partner's organisation.
std::vector<Exclusion> exclusions(const Rules& rules, const Proposal& p) {
    std::vector<Exclusion> out;
    std::vector<std::string> declared = p.conflicts;
    for (const auto& rv : p.reviews)
        if (rv.conflict) declared.push_back(rv.reviewer);
    std::sort(declared.begin(), declared.end());
    declared.erase(std::unique(declared.begin(), declared.end()), declared.end());
    for (const auto& id : declared)
        out.push_back({id, {"conflict", Msg::conflict, {{"reviewer", id}}}});
    for (const auto& s : p.same_organisation) {
        const PanelMember* m = rules.panel.find(s.reviewer);
        std::string organisation = m && m->organisation ? *m->organisation : std::string();
        out.push_back({s.reviewer,
                       {"same-organisation",
                        s.partner ? Msg::same_organisation_partner : Msg::same_organisation,
                        {{"reviewer", s.reviewer}, {"organisation", organisation}}}});
    }
    std::stable_sort(out.begin(), out.end(), [](const Exclusion& a, const Exclusion& b) {
        return a.reviewer < b.reviewer;
    });
    return out;
}

// Step 2: a review of a reviewer excluded from the proposal.
bool is_excluded(const Proposal& p, const Review& rv) {
    return rv.conflict ||
           std::find(p.conflicts.begin(), p.conflicts.end(), rv.reviewer) != p.conflicts.end() ||
           same_organisation(p, rv.reviewer);
}

// Step 2a's scores for the trace: each valid review's calibrated scores.
void trace_calibrated(const TrackRules& t, const Proposal& p,
                      const std::vector<const Review*>& valid, const Calibration& cal,
                      ProposalTrace& trace) {
    trace.calibrated.assign(p.reviews.size(), {});
    trace.calibrated_totals.assign(p.reviews.size(), std::nullopt);
    for (const Review* rv : valid) {
        const auto index = static_cast<std::size_t>(rv - p.reviews.data());
        for (std::size_t i = 0; i < t.criteria.size(); ++i)
            trace.calibrated[index].push_back(review_score(t, *rv, i, &cal));
        trace.calibrated_totals[index] = review_total(t, *rv, &cal);
    }
}

// The base and score the proposal would have without calibration, beside the calibrated ones.
void raw_scores(const TrackRules& t, const std::vector<const Review*>& valid, ProposalResult& r) {
    Aggregation raw = aggregate(t, valid);
    Rational base;
    for (std::size_t i = 0; i < t.criteria.size(); ++i)
        base = base + t.criteria[i].exact_weight() * raw.criteria[i];
    r.raw_base = round_half_away(base, t.rounding);
    r.raw_score = round_half_away(Rational(*r.raw_base + r.adjustment_total), t.rounding);
}

// Steps 2–5 for an eligible proposal. Returns false when it stays unscored.
bool score_proposal(const Rules& rules, const TrackRules& t, const Proposal& p,
                    const Calibration* cal, ProposalResult& r) {
    r.has_reviews = true;
    r.exclusions = exclusions(rules, p);
    std::vector<const Review*> valid, excluded;
    for (const auto& rv : p.reviews) (is_excluded(p, rv) ? excluded : valid).push_back(&rv);
    set_roles(p, excluded, ReviewRole::excluded, r);
    if (r.trace) trace_reviews(t, p, valid, *r.trace);
    if (r.trace && cal) trace_calibrated(t, p, valid, *cal, *r.trace);
    if (static_cast<int>(valid.size()) < t.min_reviewers) {
        set_roles(p, valid, ReviewRole::used, r);
        r.reasons.push_back({"panel-size",
                             Msg::panel_size,
                             {{"valid", Count{valid.size()}},
                              {"needed", Count{t.min_reviewers}},
                              {"excluded", Count{excluded.size()}}}});
        r.status = Status::unscored;
        return false;
    }
    Aggregation agg = aggregate(t, valid, cal);
    if (cal) raw_scores(t, valid, r);
    set_roles(p, agg.used, ReviewRole::used, r);
    set_roles(p, agg.trimmed, ReviewRole::trimmed, r);
    Rational base;
    for (std::size_t i = 0; i < t.criteria.size(); ++i) {
        r.criteria.push_back(round_half_away(agg.criteria[i], t.rounding));
        base = base + t.criteria[i].exact_weight() * agg.criteria[i];
    }
    if (r.trace) {
        r.trace->criteria = agg.criteria;
        r.trace->base = base;
    }
    r.base = round_half_away(base, t.rounding);
    r.score = round_half_away(Rational(*r.base + r.adjustment_total), t.rounding);
    for (std::size_t i = 0; i < t.criteria.size(); ++i) {
        const Criterion& c = t.criteria[i];
        const bool below = c.cutoff && r.criteria[i] < *c.cutoff;
        if (r.trace) r.trace->cutoff_passed.push_back(!below);
        if (below)
            r.reasons.push_back({"cutoff:" + c.id,
                                 Msg::cutoff,
                                 {{"criterion", &c.name},
                                  {"score", Score{r.criteria[i], t.rounding}},
                                  {"cutoff", *c.cutoff}}});
    }
    const bool below_threshold = t.threshold && *r.base < *t.threshold;
    if (r.trace) r.trace->threshold_passed = !below_threshold;
    if (below_threshold)
        r.reasons.push_back({"threshold",
                             Msg::threshold,
                             {{"base", Score{*r.base, t.rounding}}, {"threshold", *t.threshold}}});
    return true;
}

// How far a proposal got through steps 1–7: ineligible, eligible but not scored, or scored
// (and so ranked).
enum class Stage : unsigned char { ineligible, unscored, scored };

// Proposals evaluated together on one core: enough that handing them out costs nothing.
constexpr std::size_t evaluate_chunk = 256;

// Steps 1–7 short of the rank for one proposal, into `r`.
Stage evaluate_proposal(const Rules& rules, const TrackRules& t, const Proposal& p,
                        const Calibration* cal, const TraceRequest* trace,
                        const KnownSteps::Entry* known, ProposalResult& r) {
    r.proposal = &p;
    if (trace && trace->wants(p.id)) r.trace = std::make_shared<ProposalTrace>();
    r.reasons =
        known && !r.trace ? known->ineligible : eligibility_reasons(rules, t, p, r.trace.get());
    if (!r.reasons.empty()) {
        r.status = Status::ineligible;
        return Stage::ineligible;
    }
    apply_adjustments(rules, t, p, known, r);
    if (!score_proposal(rules, t, p, cal, r)) return Stage::unscored;
    if (!r.reasons.empty()) {
        r.status = Status::below_threshold;
    } else if (rules.decisions.withdrawn.count(p.id)) {
        r.status = Status::withdrawn;
        r.reasons.push_back({"withdrawn", Msg::withdrawn});
    } else {
        r.is_candidate = true;
        r.status = Status::not_selected;  // until selection decides
        auto committee = rules.decisions.awards.find(p.id);
        r.award_candidate = committee != rules.decisions.awards.end()
                                ? committee->second.first
                                : std::min(p.requested_krw, t.award_max);
    }
    return Stage::scored;
}

}  // namespace

Rational review_total(const TrackRules& t, const Review& r, const Calibration* cal) {
    // Without calibration or a run's own weights, every weight and score is a Decimal: the sum
    // of their products is exact in units of 10^-8 (the bounds of docs/validation.md keep it
    // far inside 128 bits), reduced once rather than at every product and sum. A large call's
    // warnings and analyses ask for every review's total, some of them more than once.
    if (!cal && std::none_of(t.criteria.begin(), t.criteria.end(),
                             [](const Criterion& c) { return c.run_weight.has_value(); })) {
        i128 units = 0;
        for (std::size_t i = 0; i < t.criteria.size(); ++i)
            units += static_cast<i128>(t.criteria[i].weight.units) * r.scores[i].units;
        return Rational(units, static_cast<i128>(Decimal::scale) * Decimal::scale);
    }
    Rational total;
    for (std::size_t i = 0; i < t.criteria.size(); ++i)
        total = total + t.criteria[i].exact_weight() * review_score(t, r, i, cal);
    return total;
}

ReviewRole ProposalResult::role(std::size_t review) const {
    return review < review_roles.size() ? static_cast<ReviewRole>(review_roles[review])
                                        : ReviewRole::none;
}

std::vector<std::string> ProposalResult::reviewers(ReviewRole wanted) const {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < review_roles.size(); ++i)
        if (role(i) == wanted) ids.push_back(proposal->reviews[i].reviewer);
    // A reviewer named in `conflicts` is excluded from the proposal whether or not they sent a
    // review, as one on a score sheet's conflict row without scores is: both are reported.
    if (wanted == ReviewRole::excluded && has_reviews) {
        ids.insert(ids.end(), proposal->conflicts.begin(), proposal->conflicts.end());
        for (const auto& s : proposal->same_organisation) ids.push_back(s.reviewer);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

Aggregation aggregate(const TrackRules& t, std::vector<const Review*> reviews,
                      const Calibration* calibration) {
    Aggregation out;
    if (t.aggregate == Aggregate::trimmed_mean &&
        reviews.size() > static_cast<std::size_t>(2 * t.trim)) {
        std::vector<std::pair<Rational, const Review*>> by_total;
        for (const Review* r : reviews) by_total.emplace_back(review_total(t, *r, calibration), r);
        std::sort(by_total.begin(), by_total.end(), [](const auto& a, const auto& b) {
            auto c = a.first <=> b.first;
            return c != 0 ? c < 0 : a.second->reviewer < b.second->reviewer;
        });
        std::vector<const Review*> kept, dropped;
        for (std::size_t i = 0; i < by_total.size(); ++i) {
            bool drop = i < static_cast<std::size_t>(t.trim) || i >= by_total.size() - t.trim;
            (drop ? dropped : kept).push_back(by_total[i].second);
        }
        reviews = kept;
        out.trimmed = by_reviewer(dropped);
    }
    out.used = by_reviewer(reviews);
    for (std::size_t i = 0; i < t.criteria.size(); ++i)
        out.criteria.push_back(t.aggregate == Aggregate::median
                                   ? median_of(t, reviews, i, calibration)
                                   : mean_of(t, reviews, i, calibration));
    return out;
}

const std::vector<Rational>* Calibration::find(std::string_view reviewer) const {
    auto it = std::lower_bound(
        reviewers.begin(), reviewers.end(), reviewer,
        [](const ReviewerOffset& o, std::string_view id) { return o.reviewer < id; });
    return it != reviewers.end() && it->reviewer == reviewer ? &it->offsets : nullptr;
}

Calibration calibration_offsets(const TrackRules& t,
                                const std::vector<std::vector<const Review*>>& panels) {
    const std::size_t n = t.criteria.size();
    std::map<std::string, ReviewerOffset> by_reviewer;
    for (const auto& valid : panels) {
        for (const Review* rv : valid) {
            ReviewerOffset& o = by_reviewer[rv->reviewer];
            if (o.offsets.empty()) o.offsets.assign(n, Rational());
        }
        const auto k = static_cast<std::int64_t>(valid.size());
        if (k < 2) continue;  // no other reviewer to compare with
        for (std::size_t i = 0; i < n; ++i) {
            std::int64_t total = 0;  // in units of 10^-4: exact
            for (const Review* rv : valid) total += rv->scores[i].units;
            // score − mean of the others = (k × score − total) / (k − 1)
            for (const Review* rv : valid)
                by_reviewer[rv->reviewer].offsets[i] =
                    by_reviewer[rv->reviewer].offsets[i] +
                    Rational(static_cast<i128>(k) * rv->scores[i].units - total,
                             static_cast<i128>(k - 1) * Decimal::scale);
        }
        for (const Review* rv : valid) ++by_reviewer[rv->reviewer].proposals;
    }
    Calibration out;
    for (auto& [id, o] : by_reviewer) {
        o.reviewer = id;
        if (o.proposals > 0)
            for (auto& v : o.offsets) v = v / o.proposals;
        out.reviewers.push_back(std::move(o));
    }
    return out;
}

i128 review_total_units(const TrackRules& t, const Review& r) {
    const Rational total = review_total(t, r);
    return total.num() * (total_scale / total.den());
}

Rational total_offset(const TrackRules& t, const std::vector<Rational>& offsets) {
    Rational total;
    for (std::size_t i = 0; i < t.criteria.size() && i < offsets.size(); ++i)
        total = total + t.criteria[i].exact_weight() * offsets[i];
    return total;
}

std::vector<const Review*> valid_reviews(const Proposal& p) {
    std::vector<const Review*> valid;
    for (const auto& rv : p.reviews)
        if (!is_excluded(p, rv)) valid.push_back(&rv);
    return valid;
}

std::string lottery_hash(const std::string& seed, const std::string& id) {
    return sha256_hex(seed + "\n" + id);
}

int compare_tie_key(const TieKey& k, const ProposalResult& a, const ProposalResult& b, int tz) {
    auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
    int c = 0;  // ascending order of the key's value
    switch (k.kind) {
        case TieKey::Kind::criterion:
            c = cmp(a.criteria[k.criterion], b.criteria[k.criterion]);
            break;
        case TieKey::Kind::base:
            c = cmp(*a.base, *b.base);
            break;
        case TieKey::Kind::requested_krw:
            c = cmp(a.proposal->requested_krw, b.proposal->requested_krw);
            break;
        case TieKey::Kind::submitted_at:
            c = cmp(order_key(a.proposal->submitted_at, tz),
                    order_key(b.proposal->submitted_at, tz));
            break;
        case TieKey::Kind::id:
            c = cmp(a.proposal->id, b.proposal->id);
            break;
        case TieKey::Kind::lottery:  // only ever reached by exact ties: hashing here is cheap
            c = cmp(lottery_hash(k.seed, a.proposal->id), lottery_hash(k.seed, b.proposal->id));
            break;
    }
    return k.descending ? -c : c;
}

bool ranks_before(const TrackRules& t, const ProposalResult& a, const ProposalResult& b,
                  int tz_minutes) {
    if (*a.score != *b.score) return *a.score > *b.score;
    for (const auto& k : t.tie_break)
        if (int c = compare_tie_key(k, a, b, tz_minutes); c != 0) return c < 0;
    return a.proposal->id < b.proposal->id;
}

std::vector<LotteryGroup> lottery_groups(const TrackResult& track, int tz_minutes) {
    std::vector<LotteryGroup> groups;
    const TrackRules& t = *track.rules;
    const ProposalResult* previous = nullptr;
    bool open = false;  // the last group takes `previous`
    for (const auto& r : track.proposals) {
        if (!r.rank) break;  // the ranked come first
        const TieKey* decided = nullptr;
        if (previous && *previous->score == *r.score) {
            RankDecider d = decider(t, *previous, r, tz_minutes);
            if (d.by == RankDecider::By::tie_key &&
                t.tie_break[d.key].kind == TieKey::Kind::lottery)
                decided = &t.tie_break[d.key];
        }
        if (decided && open) {
            groups.back().proposals.push_back(&r);
        } else if (decided) {
            groups.push_back({decided, {previous, &r}});
        }
        open = decided != nullptr;
        previous = &r;
    }
    return groups;
}

KnownSteps known_steps(const Rules& rules, const TrackRules& t,
                       const std::vector<Proposal>& proposals) {
    KnownSteps known;
    for (const auto& p : proposals) {
        if (p.track != t.id) continue;
        KnownSteps::Entry& e = known.entries.emplace_back();
        e.ineligible = eligibility_reasons(rules, t, p, nullptr);
        if (e.ineligible.empty()) e.adjustments = holding_adjustments(rules, t, p, nullptr);
    }
    return known;
}

TrackResult evaluate_track(const Rules& rules, const TrackRules& t,
                           const std::vector<Proposal>& proposals, const TraceRequest* trace,
                           const KnownSteps* known) {
    TrackResult tr;
    tr.rules = &t;
    tr.method = t.selection.method;
    // Each proposal's steps 1–7 depend on it and the rules alone: they run on every core, each
    // result in its own slot of the track's list (a call may hold 100,000 proposals: no second
    // list of them), and the unranked are then moved out of it in the proposals' order.
    std::vector<const Proposal*> in_track;
    for (const auto& p : proposals)
        if (p.track == t.id) in_track.push_back(&p);
    if (known && known->entries.size() != in_track.size())
        throw std::logic_error("evaluate_track: known steps of other proposals");
    // Step 2a needs every eligible proposal's valid reviews before any proposal is scored.
    if (t.calibrate == Calibrate::offset) {
        std::vector<std::vector<const Review*>> panels;
        for (std::size_t i = 0; i < in_track.size(); ++i)
            if (known ? known->entries[i].ineligible.empty()
                      : eligibility_reasons(rules, t, *in_track[i], nullptr).empty())
                panels.push_back(valid_reviews(*in_track[i]));
        tr.calibration = calibration_offsets(t, panels);
    }
    const Calibration* cal = tr.calibration ? &*tr.calibration : nullptr;
    std::vector<ProposalResult>& ranked = tr.proposals;
    resize_mapped(ranked, in_track.size());
    std::vector<Stage> stages(in_track.size());
    parallel_chunks(in_track.size(), evaluate_chunk, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            stages[i] = evaluate_proposal(rules, t, *in_track[i], cal, trace,
                                          known ? &known->entries[i] : nullptr, ranked[i]);
    });
    tr.received = static_cast<int>(in_track.size());
    std::vector<ProposalResult> unranked;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        tr.eligible += stages[i] != Stage::ineligible;
        tr.candidates += ranked[i].is_candidate;
        if (stages[i] != Stage::scored) {
            unranked.push_back(std::move(ranked[i]));
            continue;
        }
        ++tr.scored;
        if (kept != i) ranked[kept] = std::move(ranked[i]);
        ++kept;
    }
    ranked.resize(kept);
    int tz = rules.program.tz_minutes;
    std::sort(ranked.begin(), ranked.end(), [&](const ProposalResult& a, const ProposalResult& b) {
        return ranks_before(t, a, b, tz);
    });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        ranked[i].rank = static_cast<int>(i + 1);
        if (!ranked[i].trace) continue;
        if (i > 0) ranked[i].trace->above = decider(t, ranked[i - 1], ranked[i], tz);
        if (i + 1 < ranked.size())
            ranked[i].trace->below = decider(t, ranked[i], ranked[i + 1], tz);
    }
    // The unranked follow in id order, as the proposals came.
    std::move(unranked.begin(), unranked.end(), std::back_inserter(tr.proposals));
    return tr;
}

}  // namespace kcity
