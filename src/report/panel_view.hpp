// What `kcity panel`'s Markdown and HTML reports (SPEC §10) write alike: a reviewer's name, a
// figure with its sign, the track's line, the band of the 10% warning (private to report/).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kcity/report/i18n.hpp"
#include "kcity/select/panel.hpp"

namespace kcity {

// The reviewer as the committee knows them: "Name (id)" from panel.yaml in the language,
// else the id alone.
std::string panel_reviewer_name(const PanelReviewer& r, Lang lang);
// The same for an id of the track's reviewers (the flips' reviewers); the id when not one.
std::string panel_reviewer_name(const PanelTrack& t, const std::string& id, Lang lang);

// A figure at `places` decimals; "-" when there is none.
std::string panel_figure(const std::optional<Decimal>& d, int places);
// The same with its sign: "+2.50", "-1.25", "0.00" (leniency, offsets, deviations).
std::string panel_signed(const std::optional<Decimal>& d, int places);

// Krippendorff's alpha with three decimals, or "undefined" in the language.
std::string panel_alpha_text(const PanelTrack& t, Lang lang);

// The highest total a review can give on the track (the sum of weight × max), and the
// leniency warning's band: 10% of it, either way (SPEC §10).
Rational panel_highest_total(const TrackRules& t);
Rational panel_band(const TrackRules& t);
// The band at the track's `rounding` (half away from zero), as the reports print it.
Decimal panel_band_rounded(const TrackRules& t);

// Whether the rules calibrate, in words.
std::string panel_calibration_line(const PanelTrack& t, Lang lang);
// "Leniency warned beyond ±10.00 (10% of the highest possible total, 100.00)".
std::string panel_band_line(const TrackRules& t, Lang lang);

// The flips section's lines, in order: which way calibration is switched, then either "no
// selection would change" or the ids selected only with / only without the switch and the
// reviewers whose offsets moved them. Plain text, not yet escaped.
struct PanelFlipLines {
    std::string heading;  // "With calibration switched on" / "... off"
    std::vector<std::string> lines;
};
PanelFlipLines panel_flip_lines(const PanelTrack& t, Lang lang);

// The reviewer's notes: "flat" and the warning's mark, as words in the language ("" for none).
std::string panel_reviewer_notes(const PanelReviewer& r, Lang lang);

// The mark beside a leniency beyond the band.
inline constexpr const char* panel_warning_mark = "⚠";

}  // namespace kcity
