// `kcity panel`'s report in text (SPEC §10): per track, the agreement figures, a table of the
// reviewers, a table of the proposals' spreads and what switching calibration would change.
// Every word from the message table; figures as the analysis rounded them.
#include <fmt/format.h>

#include "kcity/base/text.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/panel.hpp"

namespace kcity {
namespace {

constexpr const char* absent = "–";

std::string number(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : absent;
}

// Leniency and offsets carry their sign: + is lenient.
std::string signed_number(const std::optional<Decimal>& d, int places) {
    if (!d) return absent;
    return (*d > Decimal{} ? "+" : "") + format_decimal(*d, places);
}

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

std::vector<std::string> reviewer_head(bool trimmed, Lang lang) {
    std::vector<std::string> h = {label("panel.reviewer", lang), label("panel.reviews", lang),
                                  label("panel.conflicts", lang)};
    if (trimmed) {
        h.push_back(label("panel.trimmed-low", lang));
        h.push_back(label("panel.trimmed-high", lang));
    }
    for (const char* k : {"panel.mean-total", "panel.leniency", "panel.consistency", "panel.offset",
                          "panel.missing"})
        h.push_back(label(k, lang));
    return h;
}

std::vector<std::string> reviewer_row(const PanelReviewer& r, bool trimmed, int places) {
    std::vector<std::string> row = {plain_text(r.id), std::to_string(r.reviews),
                                    std::to_string(r.conflicts)};
    if (trimmed) {
        row.push_back(std::to_string(r.trimmed_low));
        row.push_back(std::to_string(r.trimmed_high));
    }
    row.push_back(number(r.mean_total, places));
    row.push_back(signed_number(r.leniency, places));
    row.push_back(number(r.consistency, 2));
    row.push_back(signed_number(r.offset, places));
    row.push_back(std::to_string(r.missing.size()));
    return row;
}

// What a reviewer's row cannot say: flat, lenient beyond 10%, the missing proposals.
std::string reviewer_notes(const PanelReviewer& r, Lang lang) {
    std::string out;
    std::vector<std::string> notes;
    if (r.flat) notes.push_back(label("panel.flat", lang));
    if (r.lenient_warning)
        notes.push_back(label("panel.leniency", lang) + " " + label("panel.lenient", lang));
    if (!r.missing.empty()) {
        std::vector<std::string> ids;
        for (const Proposal* p : r.missing) ids.push_back(plain_text(p->id));
        notes.push_back(label("panel.missing", lang) + ": " + joined(ids));
    }
    for (const auto& n : notes) out += "    " + plain_text(r.id) + ": " + n + "\n";
    return out;
}

std::string offsets_of(const PanelTrack& t, const std::vector<std::string>& ids, int places) {
    std::vector<std::string> out;
    for (const auto& id : ids)
        for (const auto& r : t.reviewers)
            if (r.id == id)
                out.push_back(plain_text(id) + " (" + signed_number(r.offset, places) + ")");
    return joined(out);
}

std::string flips_text(const PanelTrack& t, Lang lang) {
    const int places = t.real->rules->rounding;
    std::string out = "  " + label("panel.flips", lang) + "\n";
    out += "    " + label(t.calibrated ? "panel.flips-off" : "panel.flips-on", lang) + ":";
    if (t.flips_in.empty() && t.flips_out.empty())
        return out + " " + label("panel.flips-none", lang) + "\n";
    out += "\n";
    if (!t.flips_in.empty())
        out += "      " +
               format_message("panel.flips-in", lang, {{"ids", plain_text(joined(t.flips_in))}}) +
               "\n";
    if (!t.flips_out.empty())
        out += "      " +
               format_message("panel.flips-out", lang, {{"ids", plain_text(joined(t.flips_out))}}) +
               "\n";
    if (!t.flip_reviewers.empty())
        out += "      " +
               format_message("panel.flips-reviewers", lang,
                              {{"reviewers", offsets_of(t, t.flip_reviewers, places)}}) +
               "\n";
    return out;
}

std::string track_text(const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    const int places = rules.rounding;
    const bool trimmed = rules.aggregate == Aggregate::trimmed_mean;
    std::string out =
        "\n" + plain_text(rules.name.get(lang == Lang::ko) + " (" + rules.id + ")") + "\n";
    if (t.calibrated) out += "  " + label("panel.calibrated", lang) + "\n";
    out += "  " + label("panel.alpha", lang) + ": " +
           (t.alpha_rounded ? format_decimal(*t.alpha_rounded, 3)
                            : label("panel.alpha-undefined", lang)) +
           " · " + label("panel.mean-spread", lang) + ": " + number(t.mean_spread, places) + "\n";
    out += "\n  " + label("panel.reviewers", lang) + "\n";
    if (t.reviewers.empty()) {
        out += "    " + label("label.none", lang) + "\n";
    } else {
        std::vector<std::vector<std::string>> rows = {reviewer_head(trimmed, lang)};
        for (const auto& r : t.reviewers) rows.push_back(reviewer_row(r, trimmed, places));
        std::vector<Align> align(rows[0].size(), Align::right);
        align[0] = Align::left;
        out += render_columns(rows, align, "    ");
        for (const auto& r : t.reviewers) out += reviewer_notes(r, lang);
    }
    out += "\n  " + label("panel.proposals", lang) + "\n";
    if (t.proposals.empty()) {
        out += "    " + label("label.none", lang) + "\n";
    } else {
        std::vector<std::vector<std::string>> rows = {{label("panel.proposal", lang),
                                                       label("label.status", lang),
                                                       label("panel.spread", lang)}};
        for (const auto& p : t.proposals)
            rows.push_back({plain_text(p.result->proposal->id),
                            status_label(p.result->status, lang), number(p.spread, places)});
        out += render_columns(rows, {Align::left, Align::left, Align::right}, "    ");
    }
    out += "\n" + flips_text(t, lang);
    return out;
}

}  // namespace

std::string render_panel_text(const PanelAnalysis& a, Lang lang) {
    std::string out = label("panel.title", lang) + "\n";
    for (const auto& t : a.tracks) out += track_text(t, lang);
    return out;
}

}  // namespace kcity
