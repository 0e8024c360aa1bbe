// The warnings of `kcity check` that need a run of the selection: a proposal with no reviews,
// a flat reviewer, a tested value one edit from an accepted one, an incomplete panel, a lenient
// or severe reviewer, a certain shortfall.
#include "kcity/validate/run_warnings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "kcity/base/parallel.hpp"
#include "kcity/evaluate/evaluate.hpp"
#include "kcity/evaluate/leniency.hpp"
#include "kcity/evaluate/predicate.hpp"

namespace kcity {
namespace {

// Only proposals that need reviews: an ineligible one is never scored.
void warn_no_reviews(const Result& result, Diagnostics& diags) {
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals)
            if (r.status == Status::unscored && r.proposal->reviews.empty())
                diags.warning(r.proposal->where,
                              "proposal `" + r.proposal->id + "` has no reviews yet");
}

// SPEC §10: a flat reviewer, whose valid reviews of the track's eligible proposals (two or
// more) all have the same raw total — the analysis's `flat` (select/panel.cpp), worked out here
// without the rest of it.
void warn_flat_reviewers(const TrackResult& tr, Diagnostics& diags) {
    struct Seen {
        const Review* first = nullptr;
        Rational total;
        int count = 0;
        bool same = true;
    };
    std::map<std::string, Seen> by_reviewer;
    for (const auto& r : tr.proposals) {
        if (r.status == Status::ineligible) continue;
        for (std::size_t i = 0; i < r.proposal->reviews.size(); ++i) {
            if (r.role(i) != ReviewRole::used && r.role(i) != ReviewRole::trimmed) continue;
            const Review& rv = r.proposal->reviews[i];
            const Rational total = review_total(*tr.rules, rv);
            Seen& s = by_reviewer[rv.reviewer];
            if (!s.first) {
                s.first = &rv;
                s.total = total;
            } else {
                s.same = s.same && s.total == total;
            }
            ++s.count;
        }
    }
    for (const auto& [reviewer, s] : by_reviewer)
        if (s.count >= 2 && s.same)
            diags.warning(s.first->where, "reviewer `" + reviewer + "` gave all " +
                                              std::to_string(s.count) + " proposals of track `" +
                                              tr.rules->id + "` the same total");
}

// The position of a dotted field in the proposal: its top-level key's, else the document's.
Position field_position(const Proposal& p, std::string_view field) {
    return p.at.find(field.substr(0, field.find('.'))).value_or(p.where);
}

// SPEC §6 step 1: a failed rule's tested text one edit from a value the rule accepts
// (`equals`, `in`): `goverment` for `government` decides a selection, so `check` says so.
void warn_near_misses(const Proposal& p, const EligibilityRule& rule, Diagnostics& diags) {
    for_each_test(rule.require, [&](const Predicate& test) {
        if (test.op != Op::equals && test.op != Op::in) return;
        Value v = lookup_field(p, test);
        if (v.type != Value::Type::string) return;
        for (const Value& accepted : test.values) {
            if (accepted.type != Value::Type::string || !one_edit_apart(v.text, accepted.text))
                continue;
            diags.warning(field_position(p, test.field),
                          fmt::format("proposal `{}`: {} `{}` is one edit from `{}`, which rule "
                                      "`{}` accepts; the proposal is ineligible by it",
                                      p.id, test.field, v.text, accepted.text, rule.id));
            return;
        }
    });
}

void warn_typos(const Result& result, Diagnostics& diags) {
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals) {
            if (r.status != Status::ineligible) continue;
            for (const auto& rule : tr.rules->eligibility)
                if (std::any_of(r.reasons.begin(), r.reasons.end(),
                                [&](const Reason& x) { return x.code == rule.id; }))
                    warn_near_misses(*r.proposal, rule, diags);
        }
}

// The ids a warning names: the first of them (at most `shown`), then how many more of `total`.
std::string id_list(const std::vector<std::string>& first, std::size_t total,
                    std::size_t shown = 10) {
    std::string out;
    for (std::size_t i = 0; i < first.size() && i < shown; ++i) out += (i ? ", " : "") + first[i];
    if (total > shown) out += fmt::format(" and {} more", total - shown);
    return out;
}

// SPEC §10: a reviewer of the track with missing proposals — eligible, not withdrawn ones for
// which they gave neither a review nor a conflict. Without a roster, the track's reviewers are
// those who reviewed, or declared a conflict with, any of its proposals. One warning per
// reviewer, at their first review in the track. Worked out from each reviewer's covered
// proposals, not by asking every proposal about every reviewer: a track whose reviewers each
// saw few of many proposals (or one proposal of 300,000 sheet rows) took hours that way.
void warn_incomplete_panel(const TrackResult& tr, Diagnostics& diags) {
    constexpr std::size_t shown = 10;
    std::map<std::string, std::optional<Position>> panel;  // reviewer → first review
    for (const auto& r : tr.proposals) {
        for (const auto& rv : r.proposal->reviews)
            if (!panel[rv.reviewer]) panel[rv.reviewer] = rv.where;
        for (const auto& c : r.proposal->conflicts) panel.try_emplace(c);
    }
    // The eligible proposals by id, and for each reviewer the positions among them that
    // they reviewed or declared a conflict with.
    std::vector<const Proposal*> eligible;
    for (const auto& r : tr.proposals)
        if (r.status != Status::ineligible && r.status != Status::withdrawn)
            eligible.push_back(r.proposal);
    std::sort(eligible.begin(), eligible.end(),
              [](const Proposal* a, const Proposal* b) { return a->id < b->id; });
    std::map<std::string_view, std::vector<std::size_t>> covered;
    for (std::size_t k = 0; k < eligible.size(); ++k) {
        for (const auto& rv : eligible[k]->reviews) covered[rv.reviewer].push_back(k);
        for (const auto& c : eligible[k]->conflicts) covered[c].push_back(k);
    }
    for (const auto& [reviewer, first_review] : panel) {
        std::vector<std::size_t>& seen = covered[reviewer];
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());  // already in order
        const std::size_t total = eligible.size() - seen.size();
        if (total == 0) continue;
        std::vector<std::string> first;
        for (std::size_t k = 0, s = 0; k < eligible.size() && first.size() < shown; ++k) {
            while (s < seen.size() && seen[s] < k) ++s;
            if (s == seen.size() || seen[s] != k) first.push_back(eligible[k]->id);
        }
        const Position at = first_review.value_or(Position{tr.rules->file, 1, 1});
        diags.warning(
            at, fmt::format("reviewer `{}` of track `{}` has neither a review nor "
                            "a conflict for {} eligible {}: {}",
                            reviewer, tr.rules->id, total, total == 1 ? "proposal" : "proposals",
                            id_list(first, total)));
    }
}

// SPEC §10: a reviewer whose leniency (evaluate/leniency.hpp) is more than 10% of the track's
// highest possible total, either way. One warning per reviewer, at their first review in the
// track.
void warn_lenient_reviewers(const TrackResult& tr, Diagnostics& diags) {
    const TrackRules& t = *tr.rules;
    const Decimal highest = round_half_away(highest_total(t), 4);
    for (const Leniency& l : reviewer_leniency(tr)) {
        if (!l.beyond_limit) continue;
        diags.warning(
            l.first,
            fmt::format("reviewer `{}` of track `{}` scores {}{} points from the other "
                        "reviewers on average, beyond 10% of the highest possible "
                        "total {}",
                        l.reviewer, t.id, l.rounded > Decimal{} ? "+" : "",
                        format_decimal(l.rounded, t.rounding), format_decimal_short(highest)));
    }
}

}  // namespace

// Each kind of warning for each track is independent of the others: they run on every core
// (leniency's exact sums are the costly part on a large call), each into its own slot, and the
// slots are appended in the order one thread would have added them (kind by kind, track by
// track), so the warnings never depend on the threads.
void panel_warnings(const Result& result, Diagnostics& diags) {
    using Warn = void (*)(const TrackResult&, Diagnostics&);
    constexpr std::array<Warn, 3> kinds = {warn_flat_reviewers, warn_incomplete_panel,
                                           warn_lenient_reviewers};
    const std::size_t tracks = result.tracks.size();
    std::vector<Diagnostics> slots(kinds.size() * tracks);
    parallel_for(slots.size(),
                 [&](std::size_t i) { kinds[i / tracks](result.tracks[i % tracks], slots[i]); });
    for (const Diagnostics& slot : slots) diags.append(slot);
}

void proposal_warnings(const Result& result, Diagnostics& diags) {
    warn_no_reviews(result, diags);
    warn_typos(result, diags);
}

void review_warnings(const Call&, const Result& result, Diagnostics& diags) {
    proposal_warnings(result, diags);
    panel_warnings(result, diags);
}

}  // namespace kcity
