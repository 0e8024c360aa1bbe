// SPEC §6 step 2a in the reports: a calibrated track's reviewer offsets as a table that every
// format (text, Markdown, HTML) lays out its own way, and the JSON report's `calibration`.
#pragma once
#include <string>
#include <vector>

#include "kcity/model/result.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// An offset rounded half away from zero to `places`, signed: "+17.50", "-8.33", "0.00".
std::string offset_text(const Rational& offset, int places);

// The table's head: reviewer, proposals compared, then each criterion by name.
std::vector<std::string> calibration_head(const TrackRules& t, Lang lang);

// One row per reviewer, by id: the id, the number of proposals its offsets are the mean over,
// and each criterion's offset (offset_text at the track's `rounding`).
std::vector<std::vector<std::string>> calibration_rows(const TrackRules& t, const Calibration& c);

// `"calibration": {...}` of a track in the JSON report (no leading indent, no final newline):
// {"method": "offset", "reviewers": [{"reviewer", "proposals", "offsets": {criterion: n}}]}.
std::string calibration_json(const TrackRules& t, const Calibration& c, const std::string& indent);

}  // namespace kcity
