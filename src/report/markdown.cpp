// The report as Markdown: a heading and a summary line per track, then one table of every
// proposal. Cells go through MarkdownRow (escape.hpp), so that a `|` in a title stays text.
#include <fmt/format.h>

#include "kcity/base/countries.hpp"
#include "kcity/report/calibration.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/lottery.hpp"
#include "kcity/report/render.hpp"
#include "kcity/report/robustness.hpp"
#include "out.hpp"

namespace kcity {
namespace {

std::string track_summary(const TrackResult& tr, Lang lang) {
    const TrackRules& t = *tr.rules;
    const SelectionRules& s = t.selection;
    // Withdrawals, when there are any, as in the text report: they are scored but neither
    // candidates nor below the threshold, so without them the numbers would not add up.
    std::string withdrawn =
        tr.withdrawn ? fmt::format(" · {} {}", label("label.withdrawn-count", lang), tr.withdrawn)
                     : "";
    std::string out = fmt::format(
        "{} {} · {} {} · {} {}{} · {} {} · {} {} ({}–{}) · {} {} / {}\n",
        label("label.received", lang), tr.received, label("label.eligible", lang), tr.eligible,
        label("label.scored", lang), tr.scored, withdrawn, label("label.candidates", lang),
        tr.candidates, label("label.selected-of", lang), tr.selected, s.min, s.max,
        label("label.awarded", lang), format_krw(tr.awarded_krw, lang),
        format_krw(s.budget_krw, lang));
    if (tr.shortfall) {
        out +=
            fmt::format("\n> **{}**: {}\n", label("label.shortfall", lang),
                        format_message("label.shortfall-line", lang,
                                       {{"selected", Count{tr.selected}}, {"min", Count{s.min}}}));
        for (const auto& r : tr.shortfall_reasons)
            out += "> - " + (lang == Lang::ko ? reason_label(r, lang) : "`" + r.code + "`") + ": " +
                   reason_text(r, lang) + "\n";
    }
    return out;
}

// `shares`: with `score --robustness N`, a column of each ranked proposal's share of the runs
// beside its status.
void table_head(std::string& out, const TrackRules& t, bool calibrated, bool shares, Lang lang) {
    MarkdownRow head(out);
    for (const char* key :
         {"label.rank", "label.id", "label.country", "label.city", "label.title", "label.status"})
        head.cell(label(key, lang));
    if (shares) head.cell(label("robustness.report-column", lang));
    head.cell(label("label.score", lang));
    if (calibrated) head.cell(label("calib.raw-score", lang));
    for (const auto& c : t.criteria) head.cell(c.name.get(lang == Lang::ko));
    head.cell(label("label.award", lang)).cell(label("label.reasons", lang));
    head.end();
    out += markdown_rule(
        std::string(t.criteria.size() + 9 + (calibrated ? 1 : 0) + (shares ? 1 : 0), 'l'));
}

// SPEC §6 step 2a: each reviewer's offsets, when the track calibrates.
void calibration_markdown(std::string& out, const TrackRules& t, const Calibration& cal,
                          Lang lang) {
    out +=
        fmt::format("\n**{}**\n\n{}\n\n", label("calib.heading", lang), label("calib.note", lang));
    MarkdownRow head(out);
    for (const auto& cell : calibration_head(t, lang)) head.cell(cell);
    head.end();
    out += markdown_rule("l" + std::string(t.criteria.size() + 1, 'r'));
    for (const auto& cells : calibration_rows(t, cal)) {
        MarkdownRow row(out);
        for (const auto& cell : cells) row.cell(cell);
        row.end();
    }
}

void table_row(std::string& out, const TrackResult& tr, const ProposalResult& r, bool shares,
               Lang lang) {
    const TrackRules& t = *tr.rules;
    const bool calibrated = tr.calibration.has_value();
    const Proposal& p = *r.proposal;
    MarkdownRow row(out);
    row.cell(r.rank ? std::to_string(*r.rank) : "-")
        .cell(p.id)
        .cell(country_name(p.country, lang))
        .cell(p.city)
        .cell(p.title.get(lang == Lang::ko))
        .cell(status_label(r.status, lang));
    if (shares) {
        const RunShare* share = tr.share(r);
        row.cell(share ? run_share_text(*share, lang) : "-");
    }
    row.cell(r.score ? format_decimal(*r.score, t.rounding) : "-");
    if (calibrated) row.cell(r.raw_score ? format_decimal(*r.raw_score, t.rounding) : "-");
    for (std::size_t i = 0; i < t.criteria.size(); ++i)
        row.cell(r.rank ? format_decimal(r.criteria[i], t.rounding) : "-");
    row.cell(r.award_krw ? format_krw(*r.award_krw, lang) : "-")
        .cell(reasons_words(r.reasons, lang))
        .end();
}

void track_markdown(Piecewise& w, const Result& result, const TrackResult& tr, Lang lang) {
    const TrackRules& t = *tr.rules;
    std::string& out = w.buffer();
    out += fmt::format("\n## {} ({})\n\n", t.name.get(lang == Lang::ko), t.id);
    out += track_summary(tr, lang) + "\n";
    const bool calibrated = tr.calibration.has_value();
    const bool shares = result.robustness.has_value();
    table_head(out, t, calibrated, shares, lang);
    for (const auto& r : tr.proposals) {
        table_row(out, tr, r, shares, lang);
        w.boundary();
    }
    // The bonuses and penalties by name, visible in the page as in print.
    bool first = true;
    for (const auto& r : tr.proposals) {
        std::string words = adjustments_words(t, r, lang);
        if (words.empty()) continue;
        if (first) out += fmt::format("\n**{}**\n\n", label("adjust.heading", lang));
        first = false;
        out += fmt::format("- {}: {}\n", markdown_cell(r.proposal->id), markdown_cell(words));
        w.boundary();
    }
    if (tr.calibration) calibration_markdown(out, t, *tr.calibration, lang);
    // Ties the lottery decided (SPEC §6: the report says so).
    for (const auto& line : lottery_lines(result, tr, lang))
        out += fmt::format("\n**{}**: {}\n", label("lottery.heading", lang), markdown_cell(line));
}

}  // namespace

void render_markdown(const Result& result, Lang lang, const Sink& sink) {
    const Rules& rules = *result.rules;
    Piecewise w(sink);
    std::string& out = w.buffer();
    out += fmt::format("# {} {} — {}\n\n", rules.program.name, rules.program.year,
                       label("label.report", lang));
    out += fmt::format("- {}: `{}` (sha256 `{}`)\n", label("label.rules", lang), rules.origin,
                       rules.sha256);
    out += fmt::format("- {}: {} (sha256 `{}`)\n", label("label.proposals", lang),
                       result.proposal_count, result.proposals_sha256);
    if (result.robustness)
        out += "- " + markdown_cell(robustness_note(*result.robustness, lang)) + "\n";
    for (const auto& tr : result.tracks) track_markdown(w, result, tr, lang);
    w.finish();
}

std::string render_markdown(const Result& result, Lang lang) {
    return collect([&](const Sink& sink) { render_markdown(result, lang, sink); });
}

}  // namespace kcity
