// The report of `kcity robustness` (SPEC §9) in text, Markdown, JSON and HTML, in English or
// Korean: every word from the message table (i18n.cpp).
#pragma once
#include <string>

#include "kcity/report/format.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/select/robustness.hpp"

namespace kcity {

// The report in one of text, markdown, json, html. JSON's codes and statuses are never
// translated (SPEC §8).
std::string render_robustness(const Robustness& r, Format format, Lang lang);

// "97.5%": a share in tenths of a percent.
std::string share_text(std::int64_t tenths);

// A class's label in the language ("secure" / "안정").
std::string robust_class_label(RobustClass c, Lang lang);

// `score --robustness N`: a ranked proposal's share beside its status, "97.5% secure".
std::string run_share_text(const RunShare& share, Lang lang);

// `score --robustness N`: the line that says, at the head of the selection report, what the
// shares are of (the runs, the seed and what was perturbed).
std::string robustness_note(const RobustnessRuns& runs, Lang lang);

}  // namespace kcity
