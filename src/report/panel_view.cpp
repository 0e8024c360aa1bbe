// What `kcity panel`'s Markdown and HTML reports write alike (panel_view.hpp).
#include "panel_view.hpp"

namespace kcity {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

}  // namespace

std::string panel_reviewer_name(const PanelReviewer& r, Lang lang) {
    if (!r.member) return r.id;
    const std::string& name = r.member->name.get(lang == Lang::ko);
    return name.empty() || name == r.id ? r.id : name + " (" + r.id + ")";
}

std::string panel_reviewer_name(const PanelTrack& t, const std::string& id, Lang lang) {
    for (const auto& r : t.reviewers)
        if (r.id == id) return panel_reviewer_name(r, lang);
    return id;
}

std::string panel_figure(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : "-";
}

std::string panel_signed(const std::optional<Decimal>& d, int places) {
    if (!d) return "-";
    return (*d > Decimal{} ? "+" : "") + format_decimal(*d, places);
}

std::string panel_alpha_text(const PanelTrack& t, Lang lang) {
    return t.alpha_rounded ? format_decimal(*t.alpha_rounded, 3)
                           : label("panel.alpha-undefined", lang);
}

Rational panel_highest_total(const TrackRules& t) {
    Rational sum;
    for (const auto& c : t.criteria) sum = sum + Rational(c.weight) * Rational(c.max);
    return sum;
}

Rational panel_band(const TrackRules& t) {
    return panel_highest_total(t) / 10;
}

Decimal panel_band_rounded(const TrackRules& t) {
    return round_half_away(panel_band(t), t.rounding);
}

std::string panel_calibration_line(const PanelTrack& t, Lang lang) {
    return label(t.calibrated ? "panel.calibrated" : "panel.md.calibration-off", lang);
}

std::string panel_band_line(const TrackRules& t, Lang lang) {
    const Decimal highest = round_half_away(panel_highest_total(t), t.rounding);
    return format_message("panel.md.band", lang,
                          {{"band", format_decimal(panel_band_rounded(t), t.rounding)},
                           {"highest", format_decimal(highest, t.rounding)}});
}

PanelFlipLines panel_flip_lines(const PanelTrack& t, Lang lang) {
    PanelFlipLines out;
    // The rules calibrate: the switch turns it off, and the other way round.
    out.heading = label(t.calibrated ? "panel.flips-off" : "panel.flips-on", lang);
    if (t.flips_in.empty() && t.flips_out.empty()) {
        out.lines.push_back(label("panel.flips-none", lang));
        return out;
    }
    if (!t.flips_in.empty())
        out.lines.push_back(format_message("panel.flips-in", lang, {{"ids", joined(t.flips_in)}}));
    if (!t.flips_out.empty())
        out.lines.push_back(
            format_message("panel.flips-out", lang, {{"ids", joined(t.flips_out)}}));
    if (!t.flip_reviewers.empty()) {
        std::vector<std::string> names;
        for (const auto& id : t.flip_reviewers) names.push_back(panel_reviewer_name(t, id, lang));
        out.lines.push_back(
            format_message("panel.flips-reviewers", lang, {{"reviewers", joined(names)}}));
    }
    return out;
}

std::string panel_reviewer_notes(const PanelReviewer& r, Lang lang) {
    std::string out;
    if (r.flat) out = label("panel.flat", lang);
    if (r.lenient_warning)
        out += (out.empty() ? "" : "; ") + std::string(panel_warning_mark) + " " +
               label("panel.lenient", lang);
    return out;
}

}  // namespace kcity
