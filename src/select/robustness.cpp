// SPEC §9: the selection re-run N times on perturbed copies of what it reads. Each run copies
// nothing but what the perturbation changes: a worker copies a track's eligible proposals and
// its rules once, then for each of its runs only replaces the resampled reviews and the weights,
// and calls evaluate_track and select_track exactly as `score` does, so that every step of
// SPEC §6 (calibration, cut-offs, awards, withdrawals, caps, reserve) runs as it always does.
#include "kcity/select/robustness.hpp"

#include <algorithm>
#include <climits>
#include <string>

#include "kcity/base/parallel.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/evaluate/evaluate.hpp"
#include "kcity/select/pipeline.hpp"
#include "kcity/select/select.hpp"

namespace kcity {

std::uint64_t robustness_draw(std::string_view seed, std::int64_t run, std::string_view kind,
                              std::string_view a, std::string_view b) {
    std::string text;
    text.reserve(seed.size() + kind.size() + a.size() + b.size() + 24);
    text.append(seed).append("\n").append(std::to_string(run)).append("\n");
    text.append(kind).append("\n").append(a).append("\n").append(b);
    return sha256_first64(text);
}

std::size_t draw_index(std::uint64_t u, std::size_t k) {
    __extension__ typedef unsigned __int128 u128;
    return static_cast<std::size_t>((static_cast<u128>(u) * k) >> 64);
}

Rational weight_factor(std::uint64_t u, Decimal percent) {
    const std::int64_t q = static_cast<std::int64_t>(draw_index(u, 20001)) - 10000;
    // P/100 × q/10000 with P = units/10^4: units × q / 10^10.
    return Rational(1, 1) + Rational(static_cast<i128>(percent.units) * q, i128{10'000'000'000});
}

const char* robust_class_code(RobustClass c) {
    switch (c) {
        case RobustClass::secure:
            return "secure";
        case RobustClass::borderline:
            return "borderline";
        case RobustClass::out:
            return "out";
    }
    return "?";
}

std::int64_t share_tenths(std::int64_t selected, std::int64_t runs) {
    // 1000·s/N rounded half away from zero (never negative): ⌊(2000·s + N) / 2N⌋.
    return (2000 * selected + runs) / (2 * runs);
}

RobustClass robust_class(std::int64_t selected, std::int64_t runs) {
    if (100 * selected >= 95 * runs) return RobustClass::secure;
    if (100 * selected <= 5 * runs) return RobustClass::out;
    return RobustClass::borderline;
}

int percentile_at(const std::vector<int>& sorted, int p) {
    const std::int64_t n = static_cast<std::int64_t>(sorted.size());
    const std::int64_t position = (p * n + 99) / 100;  // ⌈p·N/100⌉, at least 1 for N >= 1
    return sorted[static_cast<std::size_t>(std::max<std::int64_t>(position, 1) - 1)];
}

namespace {

// What a track's runs start from, worked out once from the real run.
struct TrackPlan {
    const TrackRules* rules = nullptr;
    // The eligible proposals of the track, in the call's order (as evaluate_track meets them):
    // the ineligible can never be ranked, and no step reads them.
    std::vector<const Proposal*> members;
    // Per member: its index among the real run's ranked proposals, or -1 (unscored).
    std::vector<int> robust_index;
    // Per member that reached step 3: its valid reviews ordered by reviewer id (SPEC §9).
    std::vector<std::vector<const Review*>> valid;
    std::size_t ranked = 0;  // proposals ranked in the real run
};

TrackPlan plan_track(const TrackResult& real) {
    TrackPlan plan;
    plan.rules = real.rules;
    std::vector<const ProposalResult*> eligible;
    for (const auto& r : real.proposals) {
        if (r.rank) ++plan.ranked;
        if (r.status != Status::ineligible) eligible.push_back(&r);
    }
    // The call's proposals are sorted by id, and so are their addresses.
    std::sort(
        eligible.begin(), eligible.end(),
        [](const ProposalResult* a, const ProposalResult* b) { return a->proposal < b->proposal; });
    for (const ProposalResult* r : eligible) {
        plan.members.push_back(r->proposal);
        plan.robust_index.push_back(r->rank ? *r->rank - 1 : -1);
        std::vector<const Review*> valid;
        if (r->rank)
            for (std::size_t i = 0; i < r->proposal->reviews.size(); ++i)
                if (r->role(i) == ReviewRole::used || r->role(i) == ReviewRole::trimmed)
                    valid.push_back(&r->proposal->reviews[i]);
        std::sort(valid.begin(), valid.end(),
                  [](const Review* a, const Review* b) { return a->reviewer < b->reviewer; });
        plan.valid.push_back(std::move(valid));
    }
    return plan;
}

// The track's copy a worker perturbs run after run, and what no perturbation changes: its
// proposals' eligibility (all eligible) and adjustments, worked out once for the worker.
struct Workspace {
    TrackRules rules;
    std::vector<Proposal> proposals;
    KnownSteps known;
};

Workspace make_workspace(const Call& call, const TrackPlan& plan, bool resample) {
    Workspace w{*plan.rules, {}, {}};
    w.proposals.reserve(plan.members.size());
    for (std::size_t i = 0; i < plan.members.size(); ++i) {
        Proposal& p = w.proposals.emplace_back(*plan.members[i]);
        // Drawn reviews are all valid: the exclusions that made them so are done with.
        if (resample && plan.robust_index[i] >= 0) {
            p.conflicts.clear();
            p.same_organisation.clear();
        }
    }
    w.known = known_steps(call.rules, w.rules, w.proposals);
    return w;
}

// Run r's perturbation of the workspace (SPEC §9).
void perturb(const TrackPlan& plan, const RobustnessOptions& o, std::int64_t run, Workspace& w) {
    if (o.weights_percent)
        for (std::size_t c = 0; c < w.rules.criteria.size(); ++c) {
            Criterion& crit = w.rules.criteria[c];
            std::uint64_t u = robustness_draw(o.seed, run, "weight", w.rules.id, crit.id);
            crit.run_weight = Rational(crit.weight) * weight_factor(u, *o.weights_percent);
        }
    if (!o.resample) return;
    for (std::size_t i = 0; i < plan.members.size(); ++i) {
        if (plan.robust_index[i] < 0) continue;
        const auto& valid = plan.valid[i];
        auto& drawn = w.proposals[i].reviews;
        // Assigned over the last run's draws, which reuses their storage (scores, ids): a
        // run then allocates nothing here.
        drawn.resize(valid.size());
        const std::string& id = plan.members[i]->id;
        for (std::size_t j = 1; j <= valid.size(); ++j) {
            std::uint64_t u = robustness_draw(o.seed, run, "review", id, std::to_string(j));
            drawn[j - 1] = *valid[draw_index(u, valid.size())];
            drawn[j - 1].conflict = false;
        }
    }
}

// Each run's outcome for the track's ranked proposals: rank (0: unranked) and selected.
struct Outcomes {
    std::size_t width = 0;
    std::vector<int> ranks;
    std::vector<unsigned char> selected;
};

void run_track(const Call& call, const TrackPlan& plan, const RobustnessOptions& o, Outcomes& out) {
    out.width = plan.ranked;
    const std::size_t n = static_cast<std::size_t>(o.runs);
    out.ranks.assign(n * out.width, 0);
    out.selected.assign(n * out.width, 0);
    const std::size_t chunk = std::max<std::size_t>(1, n / (4 * std::max(1u, worker_count())));
    parallel_chunks(n, chunk, [&](std::size_t begin, std::size_t end) {
        Workspace w = make_workspace(call, plan, o.resample);
        for (std::size_t r = begin; r < end; ++r) {
            perturb(plan, o, static_cast<std::int64_t>(r + 1), w);
            TrackResult tr = evaluate_track(call.rules, w.rules, w.proposals, nullptr, &w.known);
            select_track(tr, o.method);
            for (const auto& p : tr.proposals) {
                if (!p.rank) continue;
                int j =
                    plan.robust_index[static_cast<std::size_t>(p.proposal - w.proposals.data())];
                if (j < 0) continue;
                out.ranks[r * out.width + static_cast<std::size_t>(j)] = *p.rank;
                out.selected[r * out.width + static_cast<std::size_t>(j)] =
                    p.status == Status::selected;
            }
        }
    });
}

RobustTrack summarise(const TrackResult& real, const Outcomes& runs, std::int64_t n) {
    RobustTrack t;
    t.real = &real;
    std::vector<int> column(static_cast<std::size_t>(n));
    for (std::size_t j = 0; j < runs.width; ++j) {
        RobustProposal p;
        p.real = &real.proposals[j];  // the ranked come first, in rank order
        for (std::size_t r = 0; r < column.size(); ++r) {
            int rank = runs.ranks[r * runs.width + j];
            column[r] = rank == 0 ? INT_MAX : rank;  // unranked: after every rank
            p.selected_runs += runs.selected[r * runs.width + j];
        }
        std::sort(column.begin(), column.end());
        auto at = [&](int pct) -> std::optional<int> {
            int v = percentile_at(column, pct);
            return v == INT_MAX ? std::nullopt : std::optional<int>(v);
        };
        p.rank_p5 = at(5);
        p.rank_p50 = at(50);
        p.rank_p95 = at(95);
        p.share_tenths = share_tenths(p.selected_runs, n);
        p.cls = robust_class(p.selected_runs, n);
        t.proposals.push_back(p);
    }
    for (std::size_t i = 0; i < t.proposals.size(); ++i) {
        const RobustProposal& p = t.proposals[i];
        if (p.real->status == Status::selected && p.cls == RobustClass::secure) ++t.secure;
        if (p.cls == RobustClass::borderline) t.borderline.push_back(i);
    }
    for (std::size_t a = 0; a < t.proposals.size(); ++a) {
        if (t.proposals[a].real->status != Status::selected) continue;
        for (std::size_t b = 0; b < t.proposals.size(); ++b)
            if (t.proposals[b].real->status != Status::selected &&
                t.proposals[b].selected_runs > t.proposals[a].selected_runs)
                t.against_odds.emplace_back(a, b);
    }
    return t;
}

}  // namespace

Robustness run_robustness(const Call& call, const RobustnessOptions& options) {
    Robustness out;
    out.options = options;
    RunOptions real;
    real.method = options.method;
    real.track = options.track;
    out.real = run_selection(call, real);
    for (const auto& tr : out.real.tracks) {
        TrackPlan plan = plan_track(tr);
        Outcomes runs;
        run_track(call, plan, options, runs);
        out.tracks.push_back(summarise(tr, runs, options.runs));
    }
    return out;
}

Result real_with_shares(Robustness analysis) {
    // The reported tracks of the analysis are the real run's, in the same order.
    for (std::size_t k = 0; k < analysis.tracks.size(); ++k) {
        std::vector<RunShare>& shares = analysis.real.tracks[k].shares;
        for (const RobustProposal& p : analysis.tracks[k].proposals)
            shares.push_back({p.selected_runs, p.share_tenths, p.cls});
    }
    const RobustnessOptions& o = analysis.options;
    analysis.real.robustness = RobustnessRuns{o.runs, o.seed, o.resample, o.weights_percent};
    return std::move(analysis.real);
}

}  // namespace kcity
