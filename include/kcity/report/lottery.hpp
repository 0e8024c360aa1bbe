// The `lottery` tie-break in the reports (SPEC §6): which exact ties it decided, and how anyone
// redraws them from the published seed.
#pragma once
#include <string>
#include <vector>

#include "kcity/evaluate/evaluate.hpp"
#include "kcity/model/result.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// What the lottery decided in one group, in `lang`.
std::string lottery_line(const LotteryGroup& group, Lang lang);

// One line per group of tied proposals that the lottery ordered in the track, in `lang`
// ("the lottery (seed "…") ordered L3, L4, L2, tied at ranks 2, 3, 4"); none when it decided
// nothing.
std::vector<std::string> lottery_lines(const Result& result, const TrackResult& track, Lang lang);

// The one-line shell command that prints each id's draw, lowest first wins:
//   for id in L3 L4; do printf '%s\n%s' 'SEED' "$id" | sha256sum; done
// (the seed and the ids single-quoted for a POSIX shell).
std::string lottery_command(const std::string& seed, const std::vector<std::string>& ids);

// A word for a POSIX shell: single-quoted unless it is made of safe characters only.
std::string shell_quote(const std::string& word);

}  // namespace kcity
