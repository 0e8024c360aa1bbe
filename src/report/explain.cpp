// `kcity explain ID`: one proposal's way through every step, with the numbers. It renders what
// the run recorded while it decided (ProposalTrace, model/trace.hpp) and works nothing out
// again. Every word comes from the message table (i18n.cpp, keys explain.*), so the text is
// English or Korean; the JSON form keeps its keys and names each step by its stable code.
#include "kcity/report/explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kcity/base/countries.hpp"
#include "kcity/base/text.hpp"
#include "kcity/evaluate/evaluate.hpp"
#include "kcity/model/trace.hpp"
#include "kcity/report/calibration.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/report/lottery.hpp"
#include "why_not.hpp"

namespace kcity {
namespace {

struct Step {
    std::string code;  // stable: eligibility, panel, ... (the JSON's "step")
    std::string name, outcome;
    std::vector<std::string> details;
};

// An exact value as a decimal: "26.875", or "26.333333…" when it does not end.
std::string exact(const Rational& r) {
    Decimal d = round_half_away(r, 4);
    bool ends = Rational(d) == r;
    return format_decimal_short(d) + (ends ? "" : "…");
}

struct Ctx {
    const Call& call;
    const TrackRules& t;
    const TrackResult& tr;
    const ProposalResult& r;
    const Proposal& p;
    const ProposalTrace& x;  // what the run recorded for it
    Lang lang;
    int places() const { return t.rounding; }
    std::string score(Decimal d) const { return format_decimal(d, places()); }
    bool ko() const { return lang == Lang::ko; }
    // A message of the table in the explanation's language.
    std::string say(std::string_view key, const std::vector<std::string>& values = {}) const {
        return format_label(key, lang, values);
    }
    std::string money(Krw k) const { return format_krw(k, lang); }
    std::string pass_fail(bool ok) const { return say(ok ? "explain.pass" : "explain.fail"); }
    // English names things by the rules' ids and the JSON's codes, Korean by their names.
    std::string criterion(const Criterion& k) const { return ko() ? k.name.get(true) : k.id; }
    std::string status(Status st) const { return ko() ? status_label(st, lang) : status_code(st); }
    std::string country(const std::string& code) const { return country_label(code, lang); }
    Step step(const char* code) const {
        return {code, say(std::string("explain.step.") + code), "", {}};
    }
};

// The value of each field the predicate tested, as the run recorded them.
void tested_values(const Ctx& c, const PredicateTrace& pred, std::vector<std::string>& out) {
    for (const auto& f : pred.tested)
        out.push_back(
            c.say("explain.tested", {f.field, f.value ? *f.value : c.say("explain.absent")}));
}

Step eligibility(const Ctx& c) {
    Step s = c.step("eligibility");
    s.details.push_back(
        c.say("explain.deadline", {format_datetime(c.p.submitted_at), format_datetime(c.t.deadline),
                                   c.pass_fail(!c.x.late)}));
    s.details.push_back(
        c.say("explain.award-range",
              {c.money(c.p.requested_krw), c.money(c.t.award_min), c.money(c.t.award_max),
               c.say(c.t.reject_above_max ? "explain.above-reject" : "explain.above-cap"),
               c.x.award == AwardCheck::fail     ? c.say("explain.fail")
               : c.x.award == AwardCheck::capped ? c.say("explain.pass-capped")
                                                 : c.say("explain.pass")}));
    for (std::size_t i = 0; i < c.t.eligibility.size() && i < c.x.eligibility.size(); ++i) {
        const auto& rule = c.t.eligibility[i];
        s.details.push_back(c.say("explain.rule", {rule.id, rule.name.get(c.ko()),
                                                   c.pass_fail(c.x.eligibility[i].holds)}));
        tested_values(c, c.x.eligibility[i], s.details);
    }
    s.outcome = c.say(c.r.status == Status::ineligible ? "explain.ineligible" : "explain.eligible");
    return s;
}

// A member of the applicant's or partner's organisation (panel.yaml): why, after the line.
std::string organisation_note(const Ctx& c, const std::string& reviewer) {
    std::string out;
    for (const auto& e : c.r.exclusions)
        if (e.reviewer == reviewer && e.reason.code == "same-organisation")
            out += " — " + reason_text(e.reason, c.lang);
    return out;
}

// SPEC §6 step 2a: the offsets of the proposal's valid reviewers, as one line.
std::string offsets_line(const Ctx& c) {
    std::vector<std::string> ids = c.r.used();
    const auto trimmed = c.r.trimmed();
    ids.insert(ids.end(), trimmed.begin(), trimmed.end());
    std::sort(ids.begin(), ids.end());
    std::string list;
    for (const auto& id : ids) {
        const auto* o = c.tr.calibration->find(id);
        std::string offsets;
        for (std::size_t i = 0; i < c.t.criteria.size(); ++i)
            offsets += (i ? ", " : "") + c.criterion(c.t.criteria[i]) + " " +
                       (o ? offset_text((*o)[i], 4) : "0");
        list += (list.empty() ? "" : "; ") + id + " " + offsets;
    }
    return c.say("calib.explain-offsets", {list});
}

// A valid review's calibrated scores and total, under its raw line.
void calibrated_review(const Ctx& c, std::size_t index, std::vector<std::string>& out) {
    const auto& scores = c.x.calibrated[index];
    if (scores.empty() || !c.x.calibrated_totals.at(index)) return;
    std::string text;
    for (std::size_t i = 0; i < c.t.criteria.size() && i < scores.size(); ++i)
        text += (i ? ", " : "") + c.criterion(c.t.criteria[i]) + " " + exact(scores[i]);
    out.push_back(c.say("calib.explain-review", {text, exact(*c.x.calibrated_totals.at(index))}));
}

Step panel(const Ctx& c) {
    Step s = c.step("panel");
    if (c.tr.calibration) s.details.push_back(offsets_line(c));
    std::vector<const Review*> reviews;
    for (const auto& rv : c.p.reviews) reviews.push_back(&rv);
    std::sort(reviews.begin(), reviews.end(),
              [](auto* a, auto* b) { return a->reviewer < b->reviewer; });
    auto role = [&](const Review* rv) {
        return c.r.role(static_cast<std::size_t>(rv - c.p.reviews.data()));
    };
    std::size_t valid = 0;
    for (const Review* rv : reviews) {
        std::string scores;
        for (std::size_t i = 0; i < c.t.criteria.size(); ++i)
            scores += (i ? ", " : "") + c.criterion(c.t.criteria[i]) + " " +
                      format_decimal_short(rv->scores[i]);
        const auto index = static_cast<std::size_t>(rv - c.p.reviews.data());
        const auto& total = c.x.review_totals.at(index);
        ReviewRole r = role(rv);
        std::string said = c.say(r == ReviewRole::excluded  ? "explain.excluded"
                                 : r == ReviewRole::trimmed ? "explain.trimmed"
                                                            : "explain.used");
        if (r == ReviewRole::excluded) {
            s.details.push_back(rv->reviewer + ": " + said + organisation_note(c, rv->reviewer));
        } else {
            ++valid;
            s.details.push_back(
                c.say("explain.review", {rv->reviewer, scores, exact(total.value()), said}));
            if (index < c.x.calibrated.size()) calibrated_review(c, index, s.details);
        }
    }
    // The excluded who sent no review (named in `conflicts`): reported all the same.
    for (const auto& id : c.r.excluded())
        if (std::none_of(reviews.begin(), reviews.end(),
                         [&](const Review* rv) { return rv->reviewer == id; }))
            s.details.push_back(id + ": " + c.say("explain.excluded") + organisation_note(c, id));
    s.details.push_back(
        c.say("explain.valid-reviews", {std::to_string(valid), std::to_string(c.t.min_reviewers)}));
    s.outcome =
        c.say(c.r.status == Status::unscored ? "explain.unscored" : "explain.enough-reviews");
    return s;
}

Step aggregation(const Ctx& c) {
    Step s = c.step("aggregation");
    std::string how = c.say(c.t.aggregate == Aggregate::mean     ? "explain.mean"
                            : c.t.aggregate == Aggregate::median ? "explain.median"
                                                                 : "explain.trimmed-mean");
    for (std::size_t i = 0; i < c.t.criteria.size(); ++i) {
        const Criterion& k = c.t.criteria[i];
        std::string values;
        for (std::size_t j = 0; j < c.p.reviews.size(); ++j)
            if (c.r.role(j) == ReviewRole::used)
                values += (values.empty() ? "" : " + ") +
                          (j < c.x.calibrated.size() && i < c.x.calibrated[j].size()
                               ? exact(c.x.calibrated[j][i])  // step 2a's scores
                               : format_decimal_short(c.p.reviews[j].scores[i]));
        s.details.push_back(
            c.say("explain.aggregate",
                  {c.criterion(k), how, values, exact(c.x.criteria.at(i)), c.score(c.r.criteria[i]),
                   k.weight == Decimal::from_int(1)
                       ? ""
                       : c.say("explain.weight", {format_decimal_short(k.weight)})}));
    }
    s.details.push_back(c.say(
        "explain.base", {exact(c.x.base.value()), c.score(*c.r.base), std::to_string(c.places())}));
    s.outcome = c.say("explain.base-outcome", {c.score(*c.r.base)});
    return s;
}

Step adjustments(const Ctx& c) {
    Step s = c.step("adjustments");
    for (std::size_t i = 0; i < c.t.adjustments.size() && i < c.x.adjustments.size(); ++i) {
        const auto& a = c.t.adjustments[i];
        s.details.push_back(
            c.say("explain.adjustment",
                  {c.ko() ? a.name.get(true) : a.id, a.points_text,
                   c.say(c.x.adjustments[i].holds ? "explain.applies" : "explain.not-applies")}));
        tested_values(c, c.x.adjustments[i], s.details);
    }
    if (c.t.cap_bonus || c.t.cap_penalty)
        s.details.push_back(c.say(
            "explain.caps",
            {c.t.cap_bonus ? format_decimal_short(*c.t.cap_bonus) : c.say("explain.none"),
             c.t.cap_penalty ? format_decimal_short(*c.t.cap_penalty) : c.say("explain.none")}));
    s.details.push_back(c.say(
        "explain.score",
        {c.score(*c.r.base), format_decimal_short(c.r.adjustment_total), c.score(*c.r.score)}));
    if (c.r.raw_base && c.r.raw_score)
        s.details.push_back(
            c.say("calib.explain-score", {c.score(*c.r.raw_base), c.score(*c.r.raw_score)}));
    s.outcome = c.say("explain.score-outcome", {c.score(*c.r.score)});
    return s;
}

Step cutoffs(const Ctx& c) {
    Step s = c.step("cut-offs");
    for (std::size_t i = 0; i < c.t.criteria.size(); ++i) {
        const Criterion& k = c.t.criteria[i];
        if (!k.cutoff) continue;
        bool ok = c.x.cutoff_passed.at(i);
        s.details.push_back(
            c.say("explain.cutoff", {c.criterion(k), c.score(c.r.criteria[i]),
                                     format_decimal_short(*k.cutoff), c.pass_fail(ok)}));
    }
    if (c.t.threshold)
        s.details.push_back(
            c.say("explain.threshold", {c.score(*c.r.base), format_decimal_short(*c.t.threshold),
                                        c.pass_fail(c.x.threshold_passed)}));
    s.outcome =
        c.say(c.r.status == Status::below_threshold ? "explain.below-threshold" : "explain.passed");
    return s;
}

// A tie-break key as the rules wrote it; in Korean a criterion by its name.
std::string tie_key_text(const Ctx& c, const TieKey& k) {
    if (c.ko() && k.kind == TieKey::Kind::criterion && k.criterion < c.t.criteria.size())
        return c.t.criteria[k.criterion].name.get(true);
    return k.text;
}

// Why the neighbour above (or below) is ordered so, as ranking recorded it: the score, or the
// first tie-break key that differs.
std::string decided_by(const Ctx& c, const std::optional<RankDecider>& d) {
    if (!d || d->by == RankDecider::By::score) return c.say("explain.by-score");
    if (d->by == RankDecider::By::tie_key)
        return c.say("explain.by-tie-break", {tie_key_text(c, c.t.tie_break.at(d->key))});
    return c.say("explain.by-tie-break", {"id"});
}

// When the lottery ordered the proposal among others tied with it (SPEC §6): each one's draw,
// in the order it gave, and the shell command that redraws them.
void lottery_details(const Ctx& c, std::vector<std::string>& out) {
    for (const auto& g : lottery_groups(c.tr, c.call.rules.program.tz_minutes)) {
        if (std::find(g.proposals.begin(), g.proposals.end(), &c.r) == g.proposals.end()) continue;
        out.push_back(c.say("explain.lottery", {g.key->seed}));
        std::vector<std::string> ids;
        for (const ProposalResult* r : g.proposals) {
            ids.push_back(r->proposal->id);
            out.push_back(c.say("explain.lottery-hash",
                                {r->proposal->id, lottery_hash(g.key->seed, r->proposal->id)}));
        }
        out.push_back(c.say("explain.lottery-redraw", {lottery_command(g.key->seed, ids)}));
    }
}

Step ranking(const Ctx& c) {
    Step s = c.step("ranking");
    s.outcome = c.say("explain.rank-outcome", {std::to_string(*c.r.rank)});
    const ProposalResult* above = nullptr;
    const ProposalResult* below = nullptr;
    for (const auto& x : c.tr.proposals) {
        if (!x.rank) continue;
        if (*x.rank == *c.r.rank - 1) above = &x;
        if (*x.rank == *c.r.rank + 1) below = &x;
    }
    if (above)
        s.details.push_back(
            c.say("explain.above", {std::to_string(*above->rank), above->proposal->id,
                                    c.score(*above->score), decided_by(c, c.x.above)}));
    if (below)
        s.details.push_back(
            c.say("explain.below", {std::to_string(*below->rank), below->proposal->id,
                                    c.score(*below->score), decided_by(c, c.x.below)}));
    lottery_details(c, s.details);
    return s;
}

// Under `optimal`: the optimal set and, for a candidate left out, the best feasible set that
// holds it, with its total against the optimum's and what it would displace (why_not.hpp,
// whose wording `kcity diff` shares).
void optimal_details(const Ctx& c, const OptimumTrace& o, std::vector<std::string>& out) {
    WhyNotFacts f{o,
                  c.r.award_candidate,
                  c.t.selection.budget_krw,
                  c.t.selection.min,
                  c.places(),
                  [&c](int rank) -> std::optional<std::pair<std::string, Decimal>> {
                      for (const auto& x : c.tr.proposals)
                          if (x.rank == rank) return std::pair{x.proposal->id, *x.score};
                      return std::nullopt;
                  }};
    out.push_back(optimum_line(f, c.lang));
    for (auto& line : why_not_lines(f, c.lang)) out.push_back(std::move(line));
}

Step selection(const Ctx& c) {
    Step s = c.step("selection");
    s.outcome = c.status(c.r.status);
    const SelectionRules& sel = c.t.selection;
    s.details.push_back(c.say(
        "explain.method",
        {c.say(c.tr.method == Method::merit ? "method.merit" : "method.optimal"),
         c.money(c.r.award_candidate),
         c.call.rules.decisions.awards.count(c.p.id) ? c.say("explain.committee-award") : ""}));
    // What the walk had decided above it when it reached it.
    if (const auto& m = c.x.merit)
        s.details.push_back(c.say(
            "explain.before",
            {std::to_string(m->selected_before), std::to_string(sel.max), c.money(m->left_before),
             c.money(sel.budget_krw), std::to_string(m->country_before), c.country(c.p.country),
             sel.max_per_country ? c.say("explain.cap", {std::to_string(*sel.max_per_country)})
                                 : ""}));
    for (const auto& reason : c.r.reasons)
        s.details.push_back(reason.code + ": " + reason_text(reason, c.lang));
    if (c.x.optimal) optimal_details(c, *c.x.optimal, s.details);
    if (c.r.award_krw) s.details.push_back(c.say("explain.awarded", {c.money(*c.r.award_krw)}));
    return s;
}

// How far it is from the next status up, or how much it could lose before dropping.
std::vector<std::string> margins(const Ctx& c) {
    std::vector<std::string> out;
    if (!c.r.score) return out;
    if (c.t.threshold) {
        Decimal gap = *c.r.base - *c.t.threshold;
        out.push_back(gap < Decimal{}
                          ? c.say("explain.needs-threshold", {format_decimal_short(-gap)})
                          : c.say("explain.spare-threshold", {format_decimal_short(gap)}));
    }
    for (std::size_t i = 0; i < c.t.criteria.size(); ++i)
        if (const auto& cut = c.t.criteria[i].cutoff) {
            Decimal gap = c.r.criteria[i] - *cut;
            std::string name = c.criterion(c.t.criteria[i]);
            out.push_back(gap < Decimal{}
                              ? c.say("explain.needs-cutoff", {name, format_decimal_short(-gap)})
                              : c.say("explain.spare-cutoff", {name, format_decimal_short(gap)}));
        }
    if (c.r.is_candidate && c.r.status != Status::selected) {
        const ProposalResult* last = nullptr;
        for (const auto& x : c.tr.proposals)
            if (x.status == Status::selected && (!last || *x.rank > *last->rank)) last = &x;
        // A reserve kept out by the country cap may score above the lowest selected one.
        if (last) {
            Decimal gap = *last->score - *c.r.score;
            bool below = gap < Decimal{};
            out.push_back(c.say(below ? "explain.lowest-selected-below" : "explain.lowest-selected",
                                {last->proposal->id, std::to_string(*last->rank),
                                 c.score(*last->score), format_decimal_short(below ? -gap : gap)}));
        }
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
    else if (c.r.status == Status::withdrawn) {
        Step s = c.step("decisions");
        s.outcome = c.status(Status::withdrawn);
        s.details.push_back(reason_text({"withdrawn", Msg::withdrawn}, c.lang));
        steps.push_back(std::move(s));
    }
    return steps;
}

std::string render_explain_text(const Ctx& c, const std::vector<Step>& steps,
                                const std::vector<std::string>& m) {
    std::string track = c.ko() ? c.t.name.get(true) + " (" + c.t.id + ")" : c.t.id;
    std::string out =
        c.say("explain.header", {c.p.id, c.p.title.get(c.ko()), c.p.city,
                                 c.ko() ? country_name(c.p.country, c.lang) : c.p.country}) +
        "\n" + c.say("explain.status", {track, c.status(c.r.status)});
    if (c.r.rank) out += c.say("explain.rank", {std::to_string(*c.r.rank), c.score(*c.r.score)});
    out += "\n";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        out += fmt::format("\n{}. {}: {}\n", i + 1, steps[i].name, steps[i].outcome);
        for (const auto& d : steps[i].details) out += "   " + d + "\n";
    }
    if (!m.empty()) {
        out += "\n" + c.say("explain.margins") + "\n";
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
                           i ? "," : "", json_quote(steps[i].code), json_quote(steps[i].outcome),
                           json_list(steps[i].details, "    "));
    out += "\n  ],\n  \"margins\": " + json_list(m, "  ") + "\n}\n";
    return out;
}

}  // namespace

std::string render_explain(const Call& call, const TrackResult& track,
                           const ProposalResult& proposal, Format format, Lang lang) {
    Ctx c{call, *track.rules, track, proposal, *proposal.proposal, *proposal.trace, lang};
    std::vector<Step> steps = steps_of(c);
    std::vector<std::string> m = margins(c);
    return format == Format::json ? render_explain_json(c, steps, m)
                                  : render_explain_text(c, steps, m);
}

}  // namespace kcity
