// `kcity explain ID`: one proposal's way through every step, with the numbers.
#include <fmt/format.h>

#include <map>

#include "kcity/commands.hpp"
#include "kcity/evaluate.hpp"
#include "kcity/predicate.hpp"
#include "kcity/text_util.hpp"

namespace kcity {
namespace {

struct Step {
    std::string name, outcome;
    std::vector<std::string> details;
};

// An exact value as a decimal: "26.875", or "26.333333…" when it does not end.
std::string exact(const Rational& r) {
    Decimal d = round_half_away(r, 4);
    bool ends = Rational(d) == r;
    return format_decimal_short(d) + (ends ? "" : "…");
}

std::string money(Krw k) {
    return format_krw(k, Lang::en);
}

struct Ctx {
    const Call& call;
    const TrackRules& t;
    const TrackResult& tr;
    const ProposalResult& r;
    const Proposal& p;
    Lang lang;
    int places() const { return t.rounding; }
    std::string score(Decimal d) const { return format_decimal(d, places()); }
};

void tested_values(const Predicate& pred, const Proposal& p, std::vector<std::string>& out) {
    for_each_test(pred, [&](const Predicate& test) {
        Value v = lookup_field(p, test.field);
        out.push_back("    " + test.field + " = " +
                      (v.type == Value::Type::null ? "(absent)" : v.text));
    });
}

Step eligibility(const Ctx& c) {
    Step s{"eligibility", "", {}};
    int tz = c.call.rules.program.tz_minutes;
    bool late = compare_dates(c.p.submitted_at, c.t.deadline, tz) > 0;
    s.details.push_back(fmt::format("deadline: submitted {}, deadline {}: {}",
                                    format_datetime(c.p.submitted_at),
                                    format_datetime(c.t.deadline), late ? "FAIL" : "pass"));
    bool low = c.p.requested_krw < c.t.award_min;
    bool high = c.p.requested_krw > c.t.award_max;
    s.details.push_back(fmt::format("award-range: requested {}, range {}–{} (above: {}): {}",
                                    money(c.p.requested_krw), money(c.t.award_min),
                                    money(c.t.award_max), c.t.reject_above_max ? "reject" : "cap",
                                    low || (high && c.t.reject_above_max) ? "FAIL"
                                    : high                                ? "pass (capped)"
                                                                          : "pass"));
    PredicateContext ctx{&c.call.rules.history, c.call.rules.program.year, tz};
    for (const auto& rule : c.t.eligibility) {
        bool ok = evaluate(rule.require, c.p, ctx);
        s.details.push_back(fmt::format("{} ({}): {}", rule.id, rule.name.get(c.lang == Lang::ko),
                                        ok ? "pass" : "FAIL"));
        tested_values(rule.require, c.p, s.details);
    }
    s.outcome = c.r.status == Status::ineligible ? "ineligible" : "eligible";
    return s;
}

Step panel(const Ctx& c) {
    Step s{"panel", "", {}};
    auto in = [](const std::vector<std::string>& v, const std::string& id) {
        return std::find(v.begin(), v.end(), id) != v.end();
    };
    std::vector<const Review*> reviews;
    for (const auto& rv : c.p.reviews) reviews.push_back(&rv);
    std::sort(reviews.begin(), reviews.end(),
              [](auto* a, auto* b) { return a->reviewer < b->reviewer; });
    for (const Review* rv : reviews) {
        Rational total;
        std::string scores;
        for (std::size_t i = 0; i < c.t.criteria.size(); ++i) {
            total = total + Rational(c.t.criteria[i].weight) * Rational(rv->scores[i]);
            scores +=
                (i ? ", " : "") + c.t.criteria[i].id + " " + format_decimal_short(rv->scores[i]);
        }
        std::string role = in(c.r.excluded, rv->reviewer)  ? "excluded (conflict of interest)"
                           : in(c.r.trimmed, rv->reviewer) ? "trimmed (highest or lowest total)"
                                                           : "used";
        if (in(c.r.excluded, rv->reviewer))
            s.details.push_back(rv->reviewer + ": " + role);
        else
            s.details.push_back(
                fmt::format("{}: {} (total {}): {}", rv->reviewer, scores, exact(total), role));
    }
    s.details.push_back(fmt::format("valid reviews {}, at least {} needed",
                                    c.r.used.size() + c.r.trimmed.size(), c.t.min_reviewers));
    s.outcome = c.r.status == Status::unscored ? "unscored" : "enough reviews";
    return s;
}

Step aggregation(const Ctx& c) {
    Step s{"aggregation", "", {}};
    std::vector<const Review*> valid;
    for (const auto& rv : c.p.reviews)
        if (std::find(c.r.excluded.begin(), c.r.excluded.end(), rv.reviewer) == c.r.excluded.end())
            valid.push_back(&rv);
    Aggregation agg = aggregate(c.t, valid);
    const char* how = c.t.aggregate == Aggregate::mean     ? "mean"
                      : c.t.aggregate == Aggregate::median ? "median"
                                                           : "trimmed mean";
    Rational base;
    for (std::size_t i = 0; i < c.t.criteria.size(); ++i) {
        const Criterion& k = c.t.criteria[i];
        std::string values;
        for (const Review* rv : valid)
            if (std::find(agg.used.begin(), agg.used.end(), rv->reviewer) != agg.used.end())
                values += (values.empty() ? "" : " + ") + format_decimal_short(rv->scores[i]);
        s.details.push_back(fmt::format("{}: {} of ({}) = {} → {}{}", k.id, how, values,
                                        exact(agg.criteria[i]), c.score(c.r.criteria[i]),
                                        k.weight == Decimal::from_int(1)
                                            ? ""
                                            : " (weight " + format_decimal_short(k.weight) + ")"));
        base = base + Rational(k.weight) * agg.criteria[i];
    }
    s.details.push_back(fmt::format("base = {} → {} (rounded half away from zero to {} places)",
                                    exact(base), c.score(*c.r.base), c.places()));
    s.outcome = "base " + c.score(*c.r.base);
    return s;
}

Step adjustments(const Ctx& c) {
    Step s{"adjustments", "", {}};
    PredicateContext ctx{&c.call.rules.history, c.call.rules.program.year,
                         c.call.rules.program.tz_minutes};
    for (const auto& a : c.t.adjustments) {
        bool holds = evaluate(a.when, c.p, ctx);
        s.details.push_back(fmt::format("{} ({} points): {}", a.id, a.points_text,
                                        holds ? "applies" : "does not apply"));
        tested_values(a.when, c.p, s.details);
    }
    if (c.t.cap_bonus || c.t.cap_penalty)
        s.details.push_back(
            fmt::format("caps: bonus {}, penalty {}",
                        c.t.cap_bonus ? format_decimal_short(*c.t.cap_bonus) : "none",
                        c.t.cap_penalty ? format_decimal_short(*c.t.cap_penalty) : "none"));
    s.details.push_back(fmt::format("score = base {} + {} = {}", c.score(*c.r.base),
                                    format_decimal_short(c.r.adjustment_total),
                                    c.score(*c.r.score)));
    s.outcome = "score " + c.score(*c.r.score);
    return s;
}

Step cutoffs(const Ctx& c) {
    Step s{"cut-offs", "", {}};
    for (std::size_t i = 0; i < c.t.criteria.size(); ++i) {
        const Criterion& k = c.t.criteria[i];
        if (!k.cutoff) continue;
        bool ok = !(c.r.criteria[i] < *k.cutoff);
        s.details.push_back(fmt::format("{} {} against cut-off {}: {}", k.id,
                                        c.score(c.r.criteria[i]), format_decimal_short(*k.cutoff),
                                        ok ? "pass" : "FAIL"));
    }
    if (c.t.threshold)
        s.details.push_back(fmt::format("base {} against threshold {}: {}", c.score(*c.r.base),
                                        format_decimal_short(*c.t.threshold),
                                        *c.r.base < *c.t.threshold ? "FAIL" : "pass"));
    s.outcome = c.r.status == Status::below_threshold ? "below threshold" : "passed";
    return s;
}

// Why the neighbour above (or below) is ordered so: the score, or the first tie-break key
// that differs.
std::string decided_by(const Ctx& c, const ProposalResult& a, const ProposalResult& b) {
    if (*a.score != *b.score) return "score";
    for (const auto& k : c.t.tie_break)
        if (compare_tie_key(k, a, b, c.call.rules.program.tz_minutes) != 0)
            return "tie-break " + k.text;
    return "tie-break id";
}

Step ranking(const Ctx& c) {
    Step s{"ranking", "rank " + std::to_string(*c.r.rank), {}};
    const ProposalResult* above = nullptr;
    const ProposalResult* below = nullptr;
    for (const auto& x : c.tr.proposals) {
        if (!x.rank) continue;
        if (*x.rank == *c.r.rank - 1) above = &x;
        if (*x.rank == *c.r.rank + 1) below = &x;
    }
    if (above)
        s.details.push_back(fmt::format("above: rank {} {} score {} (decided by {})", *above->rank,
                                        above->proposal->id, c.score(*above->score),
                                        decided_by(c, *above, c.r)));
    if (below)
        s.details.push_back(fmt::format("below: rank {} {} score {} (decided by {})", *below->rank,
                                        below->proposal->id, c.score(*below->score),
                                        decided_by(c, c.r, *below)));
    return s;
}

Step selection(const Ctx& c) {
    Step s{"selection", status_code(c.r.status), {}};
    // What had been decided above it when the walk reached it.
    int selected = 0;
    Krw spent = 0;
    std::map<std::string, int> per_country;
    for (const auto& x : c.tr.proposals)
        if (x.rank && *x.rank < *c.r.rank && x.status == Status::selected) {
            ++selected;
            spent += *x.award_krw;
            ++per_country[x.proposal->country];
        }
    const SelectionRules& sel = c.t.selection;
    s.details.push_back(
        fmt::format("method {}; award {}{}", c.tr.method == Method::merit ? "merit" : "optimal",
                    money(c.r.award_candidate),
                    c.call.rules.decisions.awards.count(c.p.id) ? " (committee's award)" : ""));
    s.details.push_back(fmt::format(
        "before it: {} of {} selected, {} of {} left, {} selected from {}{}", selected, sel.max,
        money(sel.budget_krw - spent), money(sel.budget_krw), per_country[c.p.country], c.p.country,
        sel.max_per_country ? fmt::format(" (cap {})", *sel.max_per_country) : ""));
    for (const auto& reason : c.r.reasons)
        s.details.push_back(reason.code + ": " + reason_text(reason, c.lang));
    if (c.r.award_krw) s.details.push_back("awarded " + money(*c.r.award_krw));
    return s;
}

// How far it is from the next status up, or how much it could lose before dropping.
std::vector<std::string> margins(const Ctx& c) {
    std::vector<std::string> out;
    if (!c.r.score) return out;
    if (c.t.threshold) {
        Decimal gap = *c.r.base - *c.t.threshold;
        out.push_back(gap < Decimal{} ? "needs " + format_decimal_short(-gap) +
                                            " more base points to reach the threshold"
                                      : "could lose " + format_decimal_short(gap) +
                                            " base points and still pass the threshold");
    }
    for (std::size_t i = 0; i < c.t.criteria.size(); ++i)
        if (const auto& cut = c.t.criteria[i].cutoff) {
            Decimal gap = c.r.criteria[i] - *cut;
            out.push_back(c.t.criteria[i].id +
                          (gap < Decimal{}
                               ? ": needs " + format_decimal_short(-gap) + " more points"
                               : ": " + format_decimal_short(gap) + " points above its cut-off"));
        }
    if (c.r.is_candidate && c.r.status != Status::selected) {
        const ProposalResult* last = nullptr;
        for (const auto& x : c.tr.proposals)
            if (x.status == Status::selected && (!last || *x.rank > *last->rank)) last = &x;
        if (last)
            out.push_back(fmt::format(
                "the lowest selected proposal, {} (rank {}), scores {}: {} points above this one",
                last->proposal->id, *last->rank, c.score(*last->score),
                format_decimal_short(*last->score - *c.r.score)));
    }
    return out;
}

std::vector<Step> steps_of(const Ctx& c) {
    std::vector<Step> steps = {eligibility(c)};
    if (c.r.status == Status::ineligible) return steps;
    steps.push_back(panel(c));
    if (c.r.status == Status::unscored) return steps;
    steps.push_back(aggregation(c));
    steps.push_back(adjustments(c));
    steps.push_back(cutoffs(c));
    steps.push_back(ranking(c));
    if (c.r.is_candidate)
        steps.push_back(selection(c));
    else if (c.r.status == Status::withdrawn)
        steps.push_back({"decisions", "withdrawn", {"withdrawn after applying (decisions.yaml)"}});
    return steps;
}

std::string render_explain_text(const Ctx& c, const std::vector<Step>& steps,
                                const std::vector<std::string>& m) {
    std::string out = fmt::format("{} — {} ({}, {})\ntrack {}; status {}", c.p.id,
                                  c.p.title.get(c.lang == Lang::ko), c.p.city, c.p.country, c.t.id,
                                  status_code(c.r.status));
    if (c.r.rank) out += fmt::format("; rank {}; score {}", *c.r.rank, c.score(*c.r.score));
    out += "\n";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        out += fmt::format("\n{}. {}: {}\n", i + 1, steps[i].name, steps[i].outcome);
        for (const auto& d : steps[i].details) out += "   " + d + "\n";
    }
    if (!m.empty()) {
        out += "\nmargins\n";
        for (const auto& line : m) out += "   " + line + "\n";
    }
    return out;
}

std::string json_list(const std::vector<std::string>& items, const std::string& indent) {
    if (items.empty()) return "[]";
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + std::string("\n") + indent + "  " + json_quote(items[i]);
    return out + "\n" + indent + "]";
}

std::string render_explain_json(const Ctx& c, const std::vector<Step>& steps,
                                const std::vector<std::string>& m) {
    std::string out = "{\n  \"format_version\": 1,\n";
    out += fmt::format(
        "  \"id\": {}, \"track\": {}, \"status\": \"{}\", \"rank\": {}, \"score\": {},\n",
        json_quote(c.p.id), json_quote(c.t.id), status_code(c.r.status),
        c.r.rank ? std::to_string(*c.r.rank) : "null", c.r.score ? c.score(*c.r.score) : "null");
    out += "  \"steps\": [";
    for (std::size_t i = 0; i < steps.size(); ++i)
        out += fmt::format("{}\n    {{\"step\": {}, \"outcome\": {}, \"details\": {}}}",
                           i ? "," : "", json_quote(steps[i].name), json_quote(steps[i].outcome),
                           json_list(steps[i].details, "    "));
    out += "\n  ],\n  \"margins\": " + json_list(m, "  ") + "\n}\n";
    return out;
}

}  // namespace

Outcome explain_command(const ExplainOptions& options) {
    Outcome out;
    if (options.format != "text" && options.format != "json") {
        out.exit_code = 1;
        out.messages.push_back("kcity: error: --format " + options.format +
                               " is not available for explain (text, json)");
        return out;
    }
    Diagnostics diags;
    std::string rules_used;
    Call call = load_call(options.inputs, diags, rules_used);
    for (const auto& d : diags.sorted()) out.messages.push_back(format_diagnostic(d));
    if (diags.has_errors()) {
        out.exit_code = 1;
        return out;
    }
    Result result = run_selection(call, options.run);
    std::vector<std::string> ids;
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals) {
            ids.push_back(r.proposal->id);
            if (r.proposal->id != options.id) continue;
            Ctx c{call,
                  *tr.rules,
                  tr,
                  r,
                  *r.proposal,
                  options.lang.value_or(options.format == "json" ? Lang::en : options.locale_lang)};
            std::vector<Step> steps = steps_of(c);
            std::vector<std::string> m = margins(c);
            out.output = options.format == "json" ? render_explain_json(c, steps, m)
                                                  : render_explain_text(c, steps, m);
            return out;
        }
    out.exit_code = 1;
    out.messages.push_back("kcity: error: no proposal `" + options.id + "`" +
                           did_you_mean(options.id, ids));
    return out;
}

}  // namespace kcity
