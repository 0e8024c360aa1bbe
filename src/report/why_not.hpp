// Why the optimal set leaves a candidate out, with the numbers of the run's counterfactual (the
// best feasible set that holds it, its total against the optimum's, what it would displace):
// the lines `kcity explain` shows under its selection step, and that `kcity diff` joins into
// the because line of a candidate dropped from the optimal set. One wording for both.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kcity/model/trace.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

struct WhyNotFacts {
    const OptimumTrace& optimum;  // with its counterfactual
    Krw award = 0;                // the candidate's award
    Krw budget = 0;               // the track's
    int min = 0;                  // selection.min
    int places = 2;               // the rules' rounding
    // The candidate of the track at a rank: its id and score.
    std::function<std::optional<std::pair<std::string, Decimal>>(int rank)> member;
};

// "optimal set: ranks 1, 2, 4 (3 selections), total score …": the optimum, as explain opens.
std::string optimum_line(const WhyNotFacts& f, Lang lang);

// The counterfactual's lines; none when the trace has no counterfactual.
std::vector<std::string> why_not_lines(const WhyNotFacts& f, Lang lang);

}  // namespace kcity
