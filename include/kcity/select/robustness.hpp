// How sure is the selection? (SPEC §9, `kcity robustness`): the run repeated N times on
// perturbed copies of the call — the reviews resampled, the weights shaken — through the same
// evaluate and select functions as `score`, and how often each proposal came out selected.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"

namespace kcity {

struct RobustnessOptions {
    std::int64_t runs = 1000;                // --runs, 1 to max_robustness_runs
    std::string seed = "kcity";              // --seed
    bool resample = true;                    // unless --no-resample
    std::optional<Decimal> weights_percent;  // --weights P, 0 < P <= 50
    std::optional<Method> method;            // --method
    std::optional<std::string> track;        // --track: the one track reported (an id)
};

inline constexpr std::int64_t max_robustness_runs = 1'000'000;

// draw(r, KIND, A, B) of SPEC §9: the first 8 bytes, big-endian, of the SHA-256 of
// SEED, r, KIND, A and B joined by newlines (no final newline).
std::uint64_t robustness_draw(std::string_view seed, std::int64_t run, std::string_view kind,
                              std::string_view a, std::string_view b);

// ⌊u·k / 2^64⌋: a draw as an index below k.
std::size_t draw_index(std::uint64_t u, std::size_t k);

// The factor of a criterion's weight in a run, exactly: 1 + P/100 × q/10000 with
// q = ⌊u·20001 / 2^64⌋ − 10000.
Rational weight_factor(std::uint64_t u, Decimal percent);

// RobustClass (model/result.hpp): secure, borderline, out.
const char* robust_class_code(RobustClass c);  // "secure", "borderline", "out"

// A proposal ranked in the real run, over the N runs.
struct RobustProposal {
    const ProposalResult* real = nullptr;  // its result in the real run
    std::int64_t selected_runs = 0;
    std::int64_t share_tenths = 0;  // percent of the runs, in tenths, half away from zero
    std::optional<int> rank_p5, rank_p50, rank_p95;  // nullopt: unranked at that position
    RobustClass cls = RobustClass::out;
};

struct RobustTrack {
    const TrackResult* real = nullptr;
    std::vector<RobustProposal> proposals;  // in the real run's rank order
    int secure = 0;                         // selected in the real run and secure
    std::vector<std::size_t> borderline;    // indices into proposals, in rank order
    // (selected in the real run, not selected in it but selected in more runs), as indices.
    std::vector<std::pair<std::size_t, std::size_t>> against_odds;
};

struct Robustness {
    Result real;  // the run on the call as it is (every track evaluated, the reported kept)
    RobustnessOptions options;
    std::vector<RobustTrack> tracks;  // the reported tracks, in program.yaml's order
};

// The whole analysis. Runs spread over worker_count() threads; the result never depends on
// their number.
Robustness run_robustness(const Call& call, const RobustnessOptions& options);

// The real run of the analysis with each ranked proposal's share (TrackResult::shares) and the
// runs' options (Result::robustness): what `score --robustness N` reports, the same numbers as
// `kcity robustness` with the same options.
Result real_with_shares(Robustness analysis);

// Share in tenths of a percent of `selected` out of `runs`, rounded half away from zero.
std::int64_t share_tenths(std::int64_t selected, std::int64_t runs);

// The class SPEC §9 gives a share: secure at 95% or more, out at 5% or less.
RobustClass robust_class(std::int64_t selected, std::int64_t runs);

// The value at position ⌈p·N/100⌉ (1-based) of `sorted` (ascending, N values).
int percentile_at(const std::vector<int>& sorted, int p);

}  // namespace kcity
