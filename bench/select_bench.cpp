// Benchmark of selection (SPEC §6 step 8): `merit` and `optimal` on 100 to 100,000 candidates.
// Not a test: nothing here checks a time. Numbers and how to read them: bench/select.md.
//
//   build-sel/tests/kcity_select_bench [--quick] [--seed N] [--sizes 100,3000,...]
//
// Each row is one track, selected by select_track() exactly as `kcity score` does (statuses,
// reasons, reserve, shortfall analysis), on a copy of the ranked track made before the clock
// starts. Times are the median and the minimum of several runs, in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "kcity/model/result.hpp"
#include "kcity/select/select.hpp"

namespace {

using kcity::Krw;

struct Config {
    int n = 0;
    int max = 0;
    int cap = 0;
    bool correlated = false;  // awards grow with the score, ± 30M (harder for `optimal`)
};

// A ranked track as evaluation leaves it: every proposal a candidate, in rank order.
struct Track {
    kcity::TrackRules rules;
    std::vector<kcity::Proposal> proposals;
    kcity::TrackResult result;
};

// Realistic calls: scores 70–95 with two decimals, awards of 300–500M in odd won, 60
// countries, a budget of max × 400M × 0.8 (binding: the best-ranked cost more than it allows).
std::unique_ptr<Track> make_track(const Config& cfg, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    auto t = std::make_unique<Track>();
    t->rules.id = "bench";
    t->rules.award_min = 300'000'000;
    t->rules.award_max = 500'000'000;
    t->rules.selection.min = std::min(4, cfg.max);
    t->rules.selection.max = cfg.max;
    t->rules.selection.budget_krw = static_cast<Krw>(cfg.max) * 320'000'000 + uniform(0, 999'999);
    t->rules.selection.max_per_country = cfg.cap;
    t->rules.selection.reserve = 5;
    std::vector<std::int64_t> scores;
    for (int i = 0; i < cfg.n; ++i) scores.push_back(uniform(7000, 9500) * 100);
    std::sort(scores.rbegin(), scores.rend());
    t->proposals.resize(static_cast<std::size_t>(cfg.n));
    for (int i = 0; i < cfg.n; ++i) {
        auto& p = t->proposals[static_cast<std::size_t>(i)];
        char id[16], country[16];  // snprintf: GCC 12 warns wrongly about "P" + std::to_string
        std::snprintf(id, sizeof id, "P%06d", i);
        std::snprintf(country, sizeof country, "C%02d", static_cast<int>(uniform(1, 60)));
        p.id = id;
        p.country = country;
        Krw award = uniform(300'000'000, 500'000'000);
        if (cfg.correlated)
            award = 330'000'000 + (scores[static_cast<std::size_t>(i)] / 100 - 7000) * 56'000 +
                    uniform(-30'000'000, 30'000'000);
        kcity::ProposalResult r;
        r.proposal = &p;
        r.status = kcity::Status::not_selected;
        r.rank = i + 1;
        r.score = kcity::Decimal{scores[static_cast<std::size_t>(i)]};
        r.award_candidate = award;
        r.is_candidate = true;
        t->result.proposals.push_back(r);
    }
    t->result.rules = &t->rules;
    t->result.candidates = cfg.n;
    return t;
}

struct Timing {
    double median = 0, best = 0;
    int selected = 0;
    bool shortfall = false;
};

Timing time_selection(const Track& t, kcity::Method method, int min, int runs) {
    kcity::TrackRules rules = t.rules;
    rules.selection.min = min;
    std::vector<double> ms;
    Timing out;
    for (int i = 0; i <= runs; ++i) {  // run 0 warms the caches and is not counted
        kcity::TrackResult tr = t.result;
        tr.rules = &rules;
        auto start = std::chrono::steady_clock::now();
        kcity::select_track(tr, method);
        if (i > 0)
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        out.selected = tr.selected;
        out.shortfall = tr.shortfall;
    }
    std::sort(ms.begin(), ms.end());
    out.median = ms[ms.size() / 2];
    out.best = ms.front();
    return out;
}

std::vector<kcity::Candidate> candidates_of(const Track& t) {
    std::vector<kcity::Candidate> c;
    for (const auto& r : t.result.proposals)
        c.push_back({*r.rank, *r.score, r.award_candidate, r.proposal->country});
    return c;
}

// One line of the table: the three timings and the search's counters for one track.
std::string measure_row(const Config& cfg, std::uint64_t seed) {
    auto t = make_track(cfg, seed + static_cast<std::uint64_t>(cfg.n * 7 + cfg.max + cfg.cap));
    const int runs = cfg.n >= 100'000 ? 5 : cfg.n >= 10'000 ? 11 : 31;
    const int min = t->rules.selection.min;
    // One untimed round of each method first, so that no method pays for the first use.
    time_selection(*t, kcity::Method::merit, min, 1);
    time_selection(*t, kcity::Method::optimal, min, 1);
    Timing merit = time_selection(*t, kcity::Method::merit, min, runs);
    // min = max: the walk falls short, so the shortfall analysis (and with it the merit-order
    // check, which runs choose_optimal) is part of the time
    Timing merit_short = time_selection(*t, kcity::Method::merit, cfg.max, runs);
    Timing optimal = time_selection(*t, kcity::Method::optimal, min, runs);
    kcity::OptimalStats stats;
    kcity::choose_optimal(candidates_of(*t), t->rules.selection, &stats);
    char line[512];
    std::snprintf(line, sizeof line,
                  "| %d | %d | %d | %s | %.3f (%.3f) | %.3f (%.3f)%s | %.3f (%.3f) | %zu / %zu / "
                  "%zu | %d / %d |\n",
                  cfg.n, cfg.max, cfg.cap, cfg.correlated ? "correlated" : "uniform", merit.median,
                  merit.best, merit_short.median, merit_short.best,
                  merit_short.shortfall ? "" : " (no shortfall)", optimal.median, optimal.best,
                  stats.kept, stats.pool, stats.nodes, merit.selected, optimal.selected);
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    bool quick = false;
    std::uint64_t seed = 1;
    std::vector<int> sizes = {100, 1'000, 3'000, 10'000, 100'000};
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--quick")
            quick = true;
        else if (a == "--seed" && i + 1 < argc)
            seed = std::stoull(argv[++i]);
        else if (a == "--sizes" && i + 1 < argc) {
            sizes.clear();
            for (char* part = std::strtok(argv[++i], ","); part; part = std::strtok(nullptr, ","))
                sizes.push_back(std::atoi(part));
        } else {
            std::fprintf(stderr,
                         "usage: kcity_select_bench [--quick] [--seed N] [--sizes N,N,...]\n");
            return 2;
        }
    }
    if (quick) sizes.erase(std::remove(sizes.begin(), sizes.end(), 100'000), sizes.end());

    std::vector<Config> configs;
    for (bool correlated : {false, true})
        for (int n : sizes)
            for (int max : {5, 60})
                for (int cap : {1, 2, 3})
                    if (!correlated || cap == 2) configs.push_back({n, max, cap, correlated});
    // Measured largest first: after 10,000-candidate tracks, the first 100,000 one paid page
    // faults on every run (the heap growing again), several times its real cost.
    std::vector<std::string> rows(configs.size());
    for (std::size_t i = configs.size(); i-- > 0;) {
        rows[i] = measure_row(configs[i], seed);
        std::fprintf(stderr, "%s", rows[i].c_str());
    }
    std::printf(
        "| candidates | max | cap | awards | merit ms | merit, min = max ms | optimal ms | "
        "optimal: kept / pool / nodes | selected merit / optimal |\n"
        "|---:|---:|---:|---|---:|---:|---:|---|---|\n");
    for (const auto& row : rows) std::printf("%s", row.c_str());
    return 0;
}
