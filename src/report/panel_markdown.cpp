// `kcity panel`'s report in Markdown (SPEC §10): per track its line (alpha, mean spread,
// calibration, the leniency warning's band), a table of the reviewers, a table of the proposals
// and what switching calibration would change. Short (one line per reviewer and proposal): held
// whole. Every text of the inputs goes through markdown_cell.
#include <fmt/format.h>

#include "kcity/report/escape.hpp"
#include "kcity/report/panel.hpp"
#include "panel_view.hpp"

namespace kcity {
namespace {

std::string track_heading(const TrackRules& t, Lang lang) {
    return t.name.get(lang == Lang::ko) + " (" + t.id + ")";
}

void track_lines(std::string& out, const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    out += fmt::format("- {}: {}\n", label("panel.alpha", lang), panel_alpha_text(t, lang));
    out += fmt::format("- {}: {}\n", label("panel.mean-spread", lang),
                       panel_figure(t.mean_spread, rules.rounding));
    out += "- " + panel_calibration_line(t, lang) + "\n";
    out += "- " + panel_band_line(rules, lang) + "\n";
}

void reviewer_table(std::string& out, const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    out += fmt::format("\n### {}\n\n", label("panel.reviewers", lang));
    if (t.reviewers.empty()) {
        out += label("label.none", lang) + "\n";
        return;
    }
    MarkdownRow head(out);
    for (const char* key :
         {"panel.reviewer", "panel.reviews", "panel.conflicts", "panel.trimmed-low",
          "panel.trimmed-high", "panel.mean-total", "panel.leniency", "panel.consistency",
          "panel.offset", "panel.missing", "panel.md.notes"})
        head.cell(label(key, lang));
    head.end();
    out += markdown_rule("lrrrrrrrrll");
    // Trimmed counts mean something only where the track trims.
    const bool trims = rules.aggregate == Aggregate::trimmed_mean;
    for (const auto& r : t.reviewers) {
        std::string missing;
        for (const Proposal* p : r.missing) missing += (missing.empty() ? "" : ", ") + p->id;
        MarkdownRow(out)
            .cell(panel_reviewer_name(r, lang))
            .cell(std::to_string(r.reviews))
            .cell(std::to_string(r.conflicts))
            .cell(trims ? std::to_string(r.trimmed_low) : "-")
            .cell(trims ? std::to_string(r.trimmed_high) : "-")
            .cell(panel_figure(r.mean_total, rules.rounding))
            .cell(panel_signed(r.leniency, rules.rounding))
            .cell(panel_figure(r.consistency, 2))
            .cell(panel_signed(r.offset, rules.rounding))
            .cell(missing.empty() ? "-" : missing)
            .cell(panel_reviewer_notes(r, lang))
            .end();
    }
}

void proposal_table(std::string& out, const PanelTrack& t, Lang lang) {
    out += fmt::format("\n### {}\n\n", label("panel.proposals", lang));
    if (t.proposals.empty()) {
        out += label("label.none", lang) + "\n";
        return;
    }
    MarkdownRow head(out);
    for (const char* key : {"panel.proposal", "label.title", "label.status", "panel.spread"})
        head.cell(label(key, lang));
    head.end();
    out += markdown_rule("lllr");
    for (const auto& p : t.proposals) {
        const Proposal& proposal = *p.result->proposal;
        MarkdownRow(out)
            .cell(proposal.id)
            .cell(proposal.title.get(lang == Lang::ko))
            .cell(status_label(p.result->status, lang))
            .cell(panel_figure(p.spread, t.real->rules->rounding))
            .end();
    }
}

void flips_section(std::string& out, const PanelTrack& t, Lang lang) {
    const PanelFlipLines flips = panel_flip_lines(t, lang);
    out += fmt::format("\n### {}\n\n{}:\n\n", label("panel.flips", lang), flips.heading);
    for (const auto& line : flips.lines) out += "- " + markdown_cell(line) + "\n";
}

}  // namespace

std::string render_panel_markdown(const PanelAnalysis& a, Lang lang) {
    std::string out;
    if (a.real.rules)
        out +=
            fmt::format("# {} {} — {}\n\n- {}: `{}`\n", markdown_cell(a.real.rules->program.name),
                        a.real.rules->program.year, label("panel.title", lang),
                        label("label.rules", lang), markdown_cell(a.real.rules->origin));
    else
        out += "# " + label("panel.title", lang) + "\n";
    for (const auto& t : a.tracks) {
        out += "\n## " + markdown_cell(track_heading(*t.real->rules, lang)) + "\n\n";
        track_lines(out, t, lang);
        reviewer_table(out, t, lang);
        proposal_table(out, t, lang);
        flips_section(out, t, lang);
    }
    return out;
}

}  // namespace kcity
