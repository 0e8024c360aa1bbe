// `kcity panel`'s report in JSON (SPEC §10; keys in docs/panel.md, schema
// schemas/panel-report.schema.json): `format_version` 1, codes never translated, figures as
// numbers with the places the text shows, alpha also exactly as a ratio.
#include <fmt/format.h>

#include "kcity/report/escape.hpp"
#include "kcity/report/panel.hpp"

namespace kcity {
namespace {

std::string number(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : "null";
}

std::string id_array(const std::vector<std::string>& ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + json_quote(ids[i]);
    return out + "]";
}

const char* cell_kind(PanelCell::Kind k) {
    switch (k) {
        case PanelCell::Kind::reviewed:
            return "reviewed";
        case PanelCell::Kind::conflict:
            return "conflict";
        case PanelCell::Kind::missing:
            return "missing";
    }
    return "missing";
}

std::string reviewer_json(const PanelReviewer& r, int places) {
    std::vector<std::string> missing;
    for (const Proposal* p : r.missing) missing.push_back(p->id);
    return fmt::format(
        "{{\"id\": {}, \"name\": {}, \"reviews\": {}, \"conflicts\": {}, \"trimmed_low\": {}, "
        "\"trimmed_high\": {}, \"mean_total\": {}, \"leniency\": {}, \"lenient\": {}, "
        "\"consistency\": {}, \"offset\": {}, \"flat\": {}, \"missing\": {}}}",
        json_quote(r.id), r.member ? json_quote(r.member->name.get(false)) : "null", r.reviews,
        r.conflicts, r.trimmed_low, r.trimmed_high, number(r.mean_total, places),
        number(r.leniency, places), r.lenient_warning ? "true" : "false", number(r.consistency, 2),
        number(r.offset, places), r.flat ? "true" : "false", id_array(missing));
}

// The cells other than `missing` (a reviewer absent from `cells` neither reviewed the proposal
// nor was excluded from it).
std::string cells_json(const PanelTrack& t, const PanelProposal& p, int places) {
    std::string out = "[";
    bool first = true;
    for (std::size_t i = 0; i < p.cells.size() && i < t.reviewers.size(); ++i) {
        const PanelCell& c = p.cells[i];
        if (c.kind == PanelCell::Kind::missing) continue;
        out += first ? "" : ", ";
        first = false;
        out += fmt::format("{{\"reviewer\": {}, \"kind\": \"{}\"", json_quote(t.reviewers[i].id),
                           cell_kind(c.kind));
        if (c.kind == PanelCell::Kind::reviewed)
            out += fmt::format(", \"total\": {}, \"deviation\": {}, \"trimmed\": {}",
                               format_decimal(c.total, places), number(c.deviation, places),
                               c.trimmed ? "true" : "false");
        out += "}";
    }
    return out + "]";
}

std::string track_json(const PanelTrack& t) {
    const TrackRules& rules = *t.real->rules;
    const int places = rules.rounding;
    std::string out = fmt::format(
        "    {{\n      \"track\": {},\n      \"calibrated\": {},\n      \"alpha\": {},\n"
        "      \"alpha_exact\": {},\n      \"mean_spread\": {},\n",
        json_quote(rules.id), t.calibrated ? "true" : "false", number(t.alpha_rounded, 3),
        t.alpha_ratio.empty() ? "null" : json_quote(t.alpha_ratio), number(t.mean_spread, places));
    out += "      \"reviewers\": [";
    for (std::size_t i = 0; i < t.reviewers.size(); ++i)
        out += (i ? ",\n        " : "\n        ") + reviewer_json(t.reviewers[i], places);
    out += t.reviewers.empty() ? "],\n" : "\n      ],\n";
    out += "      \"proposals\": [";
    for (std::size_t i = 0; i < t.proposals.size(); ++i) {
        const PanelProposal& p = t.proposals[i];
        out += i ? ",\n        " : "\n        ";
        out += fmt::format("{{\"id\": {}, \"status\": \"{}\", \"spread\": {}, \"cells\": {}}}",
                           json_quote(p.result->proposal->id), status_code(p.result->status),
                           number(p.spread, places), cells_json(t, p, places));
    }
    out += t.proposals.empty() ? "],\n" : "\n      ],\n";
    out += fmt::format(
        "      \"flips\": {{\"switch\": \"{}\", \"selected_with_switch\": {}, "
        "\"selected_without_switch\": {}, \"reviewers\": {}}}\n    }}",
        t.calibrated ? "off" : "on", id_array(t.flips_in), id_array(t.flips_out),
        id_array(t.flip_reviewers));
    return out;
}

}  // namespace

std::string render_panel_json(const PanelAnalysis& a) {
    std::string out = "{\n  \"format_version\": 1,\n  \"tracks\": [";
    for (std::size_t k = 0; k < a.tracks.size(); ++k)
        out += (k ? ",\n" : "\n") + track_json(a.tracks[k]);
    out += a.tracks.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace kcity
