// The warnings of `kcity check` that need a run of the selection: a proposal with no reviews,
// a flat reviewer, a certain shortfall.
#include "kcity/validate/run_warnings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kcity/select/pipeline.hpp"

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

// A reviewer who gave every one of their (two or more) proposals the very same scores.
void warn_flat_reviewers(const Call& call, Diagnostics& diags) {
    struct Seen {
        const Review* first = nullptr;
        int count = 0;
        bool same = true;
    };
    std::map<std::pair<std::string, std::string>, Seen> by_reviewer;  // (track, reviewer)
    for (const auto& p : call.proposals)
        for (const auto& r : p.reviews) {
            if (r.conflict) continue;
            Seen& s = by_reviewer[{p.track, r.reviewer}];
            if (!s.first)
                s.first = &r;
            else
                s.same = s.same && s.first->scores == r.scores;
            ++s.count;
        }
    for (const auto& [key, s] : by_reviewer)
        if (s.count >= 2 && s.same)
            diags.warning(s.first->where, "reviewer `" + key.second + "` gave all " +
                                              std::to_string(s.count) + " proposals of track `" +
                                              key.first + "` the same scores");
}

// The run's shortfall warnings, with their reasons, at the track's rules file. Diagnostics are
// English: the warning's English message, from the same table entry as the reports'.
void warn_shortfalls(const Result& result, Diagnostics& diags) {
    for (const auto& tr : result.tracks) {
        if (!tr.shortfall) continue;
        auto w = std::find_if(
            result.warnings.begin(), result.warnings.end(),
            [&](const Warning& x) { return x.track == tr.rules->id && x.code == "shortfall"; });
        if (w == result.warnings.end()) continue;
        std::string reasons;
        for (const auto& r : tr.shortfall_reasons)
            reasons += (reasons.empty() ? "" : "; ") + r.code + ": " + r.message();
        diags.warning({tr.rules->file, 1, 1}, fmt::format("track `{}` falls short: {} ({})",
                                                          tr.rules->id, w->message(), reasons));
    }
}

}  // namespace

void check_warnings(const Call& call, Diagnostics& diags) {
    Result result = run_selection(call, {});
    warn_no_reviews(result, diags);
    warn_flat_reviewers(call, diags);
    warn_shortfalls(result, diags);
}

}  // namespace kcity
