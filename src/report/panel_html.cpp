// `kcity panel`'s report as one self-contained HTML page (SPEC §10), in the selection report's
// style: no script, no font or image from the network, prints on A4. Per track: the track's
// figures, the reviewers' table, their leniency as a dot plot (inline SVG: an axis centred on 0,
// the ±10%-of-the-highest-total band shaded, one row per reviewer, the flagged ones in red), the
// reviewer × proposal grid of deviations (one row per proposal, one column per reviewer; cells
// coloured by sign and size, conflicts hatched, missing reviews outlined in red, trimmed reviews
// marked) with its legend, and what switching calibration would change.
//
// The same bytes for the same analysis: no clock, no locale, SVG geometry in integer tenths.
// Tests find their way by stable hooks: <section class="track" data-track>, <table
// class="reviewers"> rows <tr data-reviewer>, <svg class="dot-plot"> with one <g class="dot-row"
// data-reviewer> per reviewer (class `flagged` beyond the band), <table class="grid"> with
// <td class="cell KIND ..." data-reviewer> cells, KIND one of reviewed, conflict, missing.
#include <fmt/format.h>

#include <algorithm>

#include "html_page.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/panel.hpp"
#include "panel_view.hpp"

namespace kcity {
namespace {

constexpr std::string_view css =
    R"css(border-bottom:2px solid var(--accent)}html:lang(ko) body{word-break:keep-all}
html:lang(ko) th{white-space:nowrap}
h3{font-size:1.05em;margin:1.4em 0 .5em}h2 .id{color:var(--muted);font-weight:normal}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
header.report dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.5em 0 1em}
header.report dt{font-weight:600}header.report dd{margin:0}
section.track{margin-top:2.2em}
dl.stats{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 .8em}
dl.stats div{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:7.5em;
background:var(--soft)}dl.stats dt{font-size:.8em;color:var(--muted)}
dl.stats dd{margin:0;font-size:1.25em;font-weight:600}dl.stats dd.words{font-size:1em}
table{border-collapse:collapse;width:100%;margin:.2em 0 .8em;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:middle}
th{background:var(--soft);font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
tr.flagged td{background:#fdecea}.warn{color:var(--bad);font-weight:600}
td.missing-ids code{white-space:nowrap}
figure{margin:0 0 .6em;break-inside:avoid}figcaption,p.caption{font-size:.85em;
color:var(--muted);margin:.3em 0}
svg.dot-plot{display:block;width:100%;max-width:820px;height:auto;font-family:inherit}
svg text{font-size:12px;fill:var(--ink)}svg .axis text{font-size:10px;fill:var(--muted)}
svg .axis line{stroke:var(--line)}svg .zero{stroke:var(--muted);stroke-width:1}
svg .band{fill:var(--ok);fill-opacity:.12;stroke:var(--ok);stroke-opacity:.5;
stroke-dasharray:3 2}svg .rowline{stroke:var(--soft)}
svg .dot{fill:var(--accent);stroke:#fff;stroke-width:1.5}
svg .flagged .dot{fill:var(--bad);stroke:var(--bad);stroke-width:2;fill-opacity:.85}
svg .flagged text{fill:var(--bad);font-weight:700}svg .flag-row{fill:#fdecea}
svg .value{font-variant-numeric:tabular-nums}svg .none{fill:var(--muted)}
table.grid{width:auto;font-size:.88em}table.grid th.rev{text-align:center;min-width:5.2em}
table.grid th.rev small{display:block;font-weight:normal;color:var(--muted)}
table.grid td.title{max-width:18em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
tr[data-status=selected] td.id{background:var(--sel)}
td.cell{text-align:center;white-space:nowrap;border:1px solid #fff;min-width:5.2em;
font-variant-numeric:tabular-nums}td.cell small{display:block;font-size:.75em}
.pos1{background:#e6eef8}.pos2{background:#c6d8ef}.pos3{background:#8fb3de}
.pos4{background:#3f74b8;color:#fff}.neg1{background:#fcece2}.neg2{background:#f7d2b8}
.neg3{background:#ef9f6c}.neg4{background:#c85a1e;color:#fff}.zero-dev{background:#fff}
.alone{color:var(--muted);background:#fff}
.conflict{color:var(--muted);background:repeating-linear-gradient(135deg,#e4e8ee 0 3px,
#fff 3px 7px)}
td.cell.missing{color:var(--bad);font-weight:600;background:#fff;
box-shadow:inset 0 0 0 2px var(--bad)}
td.cell.trimmed{outline:2px dashed var(--ink);outline-offset:-3px;font-style:italic}
ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:.3em 0 1em;
font-size:.85em}ul.legend .sw{display:inline-block;width:2.2em;height:1.1em;margin-right:.35em;
vertical-align:-.2em;border:1px solid var(--line)}
ul.legend .sw.missing{border:2px solid var(--bad)}ul.legend .sw.trimmed{border:2px dashed var(--ink)}
ul.flips{margin:.3em 0 .8em}
footer{margin-top:2.5em;font-size:.85em;color:var(--muted);border-top:1px solid var(--line);
padding-top:.6em}
@page{size:A4;margin:12mm 10mm 14mm}
@media print{body{max-width:none;padding:0;font-size:8.6pt}tr{break-inside:avoid}
h2,h3,p.caption{break-after:avoid}table.grid{break-inside:auto}}
)css";

std::string track_heading(const TrackRules& t, Lang lang) {
    return t.name.get(lang == Lang::ko) + " (" + t.id + ")";
}

// Integer division rounded half away from zero (SVG geometry in tenths of a unit).
std::int64_t divide_rounded(i128 num, i128 den) {
    if (den < 0) num = -num, den = -den;
    i128 q = (num < 0 ? -num : num) * 2 + den;
    q /= 2 * den;
    return static_cast<std::int64_t>(num < 0 ? -q : q);
}

// Tenths of a unit as SVG writes them: "12", "12.5", "-3.5".
std::string px(std::int64_t tenths) {
    std::string sign = tenths < 0 ? "-" : "";
    std::int64_t a = tenths < 0 ? -tenths : tenths;
    return a % 10 ? fmt::format("{}{}.{}", sign, a / 10, a % 10)
                  : fmt::format("{}{}", sign, a / 10);
}

// ---------------------------------------------------------------------------------------------
// The track's figures and the reviewers' table.

void stats(std::string& out, const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    auto box = [&](std::string_view key, const std::string& value, bool words) {
        out += fmt::format("<div><dt>{}</dt><dd{}>{}</dd></div>", html_escape(label(key, lang)),
                           words ? " class=\"words\"" : "", html_escape(value));
    };
    out += "<dl class=\"stats\">";
    box("panel.alpha", panel_alpha_text(t, lang), !t.alpha_rounded);
    box("panel.mean-spread", panel_figure(t.mean_spread, rules.rounding), false);
    out += "</dl>\n";
}

void reviewer_table(std::string& out, const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    out += "<h3>" + html_escape(label("panel.reviewers", lang)) + "</h3>\n";
    if (t.reviewers.empty()) {
        out += "<p>" + html_escape(label("label.none", lang)) + "</p>\n";
        return;
    }
    out += "<table class=\"reviewers\">\n<thead><tr>";
    const char* keys[] = {"panel.reviewer",    "panel.reviews",      "panel.conflicts",
                          "panel.trimmed-low", "panel.trimmed-high", "panel.mean-total",
                          "panel.leniency",    "panel.consistency",  "panel.offset",
                          "panel.missing",     "panel.md.notes"};
    for (std::size_t i = 0; i < std::size(keys); ++i)
        out += fmt::format("<th{}>{}</th>", i > 0 && i < 9 ? " class=\"num\"" : "",
                           html_escape(label(keys[i], lang)));
    out += "</tr></thead>\n<tbody>\n";
    const bool trims = rules.aggregate == Aggregate::trimmed_mean;
    for (const auto& r : t.reviewers) {
        std::string missing;
        for (const Proposal* p : r.missing)
            missing += (missing.empty() ? "" : ", ") + ("<code>" + html_escape(p->id) + "</code>");
        out += fmt::format(
            "<tr data-reviewer=\"{}\"{}><td>{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"num{}\">{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"missing-ids\">{}</td><td{}>{}</td></tr>\n",
            html_escape(r.id), r.lenient_warning ? " class=\"flagged\"" : "",
            html_escape(panel_reviewer_name(r, lang)), r.reviews, r.conflicts,
            trims ? std::to_string(r.trimmed_low) : "-",
            trims ? std::to_string(r.trimmed_high) : "-",
            panel_figure(r.mean_total, rules.rounding), r.lenient_warning ? " warn" : "",
            panel_signed(r.leniency, rules.rounding), panel_figure(r.consistency, 2),
            panel_signed(r.offset, rules.rounding), missing.empty() ? "-" : missing,
            r.lenient_warning ? " class=\"warn\"" : "", html_escape(panel_reviewer_notes(r, lang)));
    }
    out += "</tbody>\n</table>\n";
}

// ---------------------------------------------------------------------------------------------
// The dot plot: leniency per reviewer on an axis centred on 0, symmetric, wide enough for the
// band and every dot, ticks at a step of 1, 2 or 5 × 10^k.

constexpr int plot_width = 820, label_width = 230, value_width = 80, row_height = 24,
              axis_height = 26;
constexpr int plot_left = label_width + 12, plot_right = plot_width - value_width;

struct Axis {
    std::int64_t limit = Decimal::scale;  // Decimal units at either end
    std::int64_t step = Decimal::scale;

    // The x of a value, in tenths of a pixel.
    std::int64_t x(std::int64_t units) const {
        const std::int64_t centre = (plot_left + plot_right) * 5;
        const std::int64_t half = (plot_right - plot_left) * 5;
        return centre + divide_rounded(static_cast<i128>(units) * half, limit);
    }
};

Axis axis_for(const PanelTrack& t, Decimal band) {
    std::int64_t widest = band.units;
    for (const auto& r : t.reviewers)
        if (r.leniency)
            widest =
                std::max(widest, r.leniency->units < 0 ? -r.leniency->units : r.leniency->units);
    Axis a;
    if (widest <= 0) return a;
    // The smallest step of 1, 2 or 5 × 10^k (from 0.0001) with at most 4 ticks each way.
    for (std::int64_t power = 1;; power *= 10) {
        for (std::int64_t m : {1, 2, 5}) {
            const std::int64_t step = m * power;
            const std::int64_t ticks = (widest + step - 1) / step;
            if (ticks <= 4) {
                a.step = step;
                a.limit = ticks * step;
                // A dot at the very end would touch the frame: a little room.
                if (a.limit == widest) a.limit += step / 2 > 0 ? step / 2 : step;
                return a;
            }
        }
    }
}

std::string tick_text(std::int64_t units) {
    return (units > 0 ? "+" : "") + format_decimal_short(Decimal{units});
}

std::string dot_plot(const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    const Decimal band = panel_band_rounded(rules);
    const Axis axis = axis_for(t, band);
    const int rows = static_cast<int>(t.reviewers.size());
    const int height = axis_height + rows * row_height + 8;
    std::string out = fmt::format(
        "<svg class=\"dot-plot\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "role=\"img\" aria-label=\"{2}\">\n",
        plot_width, height, html_escape(label("panel.leniency", lang)));
    const int bottom = axis_height + rows * row_height;
    // The band first, under everything.
    out += fmt::format("<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                       px(axis.x(-band.units)), axis_height - 4,
                       px(axis.x(band.units) - axis.x(-band.units)), rows * row_height + 8);
    out += "<g class=\"axis\">";
    const std::int64_t ticks = axis.limit / axis.step;
    for (std::int64_t k = -ticks; k <= ticks; ++k) {
        const std::string x = px(axis.x(k * axis.step));
        out += fmt::format(
            "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
            "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>",
            x, axis_height - 6, bottom + 4, axis_height - 10, tick_text(k * axis.step));
    }
    out += "</g>\n";
    out += fmt::format("<line class=\"zero\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n",
                       px(axis.x(0)), axis_height - 6, bottom + 4);
    for (int i = 0; i < rows; ++i) {
        const PanelReviewer& r = t.reviewers[i];
        const int top = axis_height + i * row_height, mid = top + row_height / 2;
        out += fmt::format("<g class=\"dot-row{}\" data-reviewer=\"{}\">",
                           r.lenient_warning ? " flagged" : "", html_escape(r.id));
        if (r.lenient_warning)
            out += fmt::format(
                "<rect class=\"flag-row\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>", top,
                label_width, row_height);
        out += fmt::format(
            "<line class=\"rowline\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>"
            "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>",
            plot_left, mid, plot_right, label_width - 6, mid + 4,
            html_escape(truncate_width(panel_reviewer_name(r, lang), 30)));
        if (r.leniency)
            out += fmt::format("<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                               px(axis.x(r.leniency->units)), mid, r.lenient_warning ? 6 : 5);
        out +=
            fmt::format("<text class=\"value{}\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>",
                        r.leniency ? "" : " none", plot_width - 4, mid + 4,
                        r.lenient_warning ? std::string(panel_warning_mark) + " " : "",
                        panel_signed(r.leniency, rules.rounding));
        out += "</g>\n";
    }
    out += "</svg>\n";
    return out;
}

void leniency_figure(std::string& out, const PanelTrack& t, Lang lang) {
    if (t.reviewers.empty()) return;
    const TrackRules& rules = *t.real->rules;
    out += "<h3>" + html_escape(label("panel.leniency", lang)) + "</h3>\n";
    out += "<figure class=\"leniency\">\n" + dot_plot(t, lang);
    out += "<figcaption>" +
           html_escape(format_message(
               "panel.html.dot-caption", lang,
               {{"band", format_decimal(panel_band_rounded(rules), rules.rounding)}})) +
           "</figcaption>\n</figure>\n";
}

// ---------------------------------------------------------------------------------------------
// The grid: a proposal per row, a reviewer per column, the deviation in each reviewed cell.

// Darker as the deviation nears the band: under a quarter of it, a half, the whole, beyond.
std::string deviation_class(Decimal d, const Rational& band) {
    if (d.units == 0) return "zero-dev";
    const Rational size(d.units < 0 ? -d : d);
    int level = 4;
    if (size * Rational(4, 1) < band)
        level = 1;
    else if (size * Rational(2, 1) < band)
        level = 2;
    else if (size <= band)
        level = 3;
    return fmt::format("{}{}", d.units > 0 ? "pos" : "neg", level);
}

std::string grid_cell(const PanelCell& c, const PanelReviewer& r, const TrackRules& rules,
                      const Rational& band, Lang lang) {
    const std::string reviewer = html_escape(r.id);
    switch (c.kind) {
        case PanelCell::Kind::conflict:
            return fmt::format("<td class=\"cell conflict\" data-reviewer=\"{}\">{}</td>", reviewer,
                               html_escape(label("panel.cell.conflict", lang)));
        case PanelCell::Kind::missing:
            return fmt::format("<td class=\"cell missing\" data-reviewer=\"{}\">{}</td>", reviewer,
                               html_escape(label("panel.cell.missing", lang)));
        case PanelCell::Kind::reviewed:
            break;
    }
    const std::string total = format_decimal(c.total, rules.rounding);
    const std::string trimmed =
        c.trimmed ? "<small>" + html_escape(label("panel.cell.trimmed", lang)) + "</small>" : "";
    if (!c.deviation)
        return fmt::format(
            "<td class=\"cell reviewed alone{}\" data-reviewer=\"{}\" data-total=\"{}\">–{}</td>",
            c.trimmed ? " trimmed" : "", reviewer, total, trimmed);
    return fmt::format(
        "<td class=\"cell reviewed {}{}\" data-reviewer=\"{}\" data-total=\"{}\">{}{}</td>",
        deviation_class(*c.deviation, band), c.trimmed ? " trimmed" : "", reviewer, total,
        panel_signed(c.deviation, rules.rounding), trimmed);
}

std::string legend(Lang lang) {
    auto item = [&](std::string_view cls, std::string_view text, std::string_view key) {
        return fmt::format("<li><span class=\"sw {}\">{}</span>{}</li>", cls, text,
                           html_escape(label(key, lang)));
    };
    std::string out = "<ul class=\"legend\">";
    out += item("pos3", "", "panel.html.above");
    out += item("neg3", "", "panel.html.below");
    out += item("alone", "", "panel.html.alone");
    out += item("conflict", "", "panel.cell.conflict");
    out += item("missing", "", "panel.cell.missing");
    out += item("trimmed", "", "panel.cell.trimmed");
    return out + "</ul>\n";
}

void grid(std::string& out, const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    out += "<h3>" + html_escape(label("panel.grid", lang)) + "</h3>\n";
    if (t.proposals.empty()) {
        out += "<p>" + html_escape(label("label.none", lang)) + "</p>\n";
        return;
    }
    out += "<p class=\"caption\">" + html_escape(label("panel.html.grid-caption", lang)) +
           "</p>\n<table class=\"grid\">\n<thead><tr>";
    out += fmt::format("<th>{}</th><th>{}</th>", html_escape(label("panel.proposal", lang)),
                       html_escape(label("label.title", lang)));
    for (const auto& r : t.reviewers) {
        // The id on top (short, as the columns need), the name under it when panel.yaml has one.
        const std::string name = r.member ? r.member->name.get(lang == Lang::ko) : "";
        out += fmt::format(
            "<th class=\"rev\" data-reviewer=\"{0}\">{0}{1}</th>", html_escape(r.id),
            name.empty() || name == r.id ? "" : "<small>" + html_escape(name) + "</small>");
    }
    out += fmt::format("<th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                       html_escape(label("panel.spread", lang)));
    const Rational band = panel_band(rules);
    for (const auto& p : t.proposals) {
        const Proposal& proposal = *p.result->proposal;
        const std::string title = proposal.title.get(lang == Lang::ko);
        out += fmt::format(
            "<tr data-id=\"{0}\" data-status=\"{1}\"><td class=\"id\"><code>{0}</code></td>"
            "<td class=\"title\" title=\"{2}\">{2}</td>",
            html_escape(proposal.id), status_code(p.result->status), html_escape(title));
        for (std::size_t i = 0; i < p.cells.size() && i < t.reviewers.size(); ++i)
            out += grid_cell(p.cells[i], t.reviewers[i], rules, band, lang);
        out +=
            fmt::format("<td class=\"num\">{}</td></tr>\n", panel_figure(p.spread, rules.rounding));
    }
    out += "</tbody>\n</table>\n" + legend(lang);
}

void flips(std::string& out, const PanelTrack& t, Lang lang) {
    const PanelFlipLines f = panel_flip_lines(t, lang);
    out += fmt::format("<h3>{}</h3>\n<p class=\"flips\">{}:</p>\n<ul class=\"flips\">\n",
                       html_escape(label("panel.flips", lang)), html_escape(f.heading));
    for (const auto& line : f.lines) out += "<li>" + html_escape(line) + "</li>\n";
    out += "</ul>\n";
}

void track_section(std::string& out, const PanelTrack& t, Lang lang) {
    const TrackRules& rules = *t.real->rules;
    out += fmt::format("<section class=\"track\" data-track=\"{}\">\n<h2>{}</h2>\n",
                       html_escape(rules.id), html_escape(track_heading(rules, lang)));
    stats(out, t, lang);
    // Whether the rules calibrate, and the band of the leniency warning, in words.
    out += fmt::format("<p class=\"track-line\">{}<br>{}</p>\n",
                       html_escape(panel_calibration_line(t, lang)),
                       html_escape(panel_band_line(rules, lang)));
    reviewer_table(out, t, lang);
    leniency_figure(out, t, lang);
    grid(out, t, lang);
    flips(out, t, lang);
    out += "</section>\n";
}

}  // namespace

std::string render_panel_html(const PanelAnalysis& a, Lang lang) {
    const std::string title = html_escape(label("panel.title", lang));
    // The page's title names the programme, as the selection report's does.
    const std::string heading =
        a.real.rules ? fmt::format("{} {} — {}", html_escape(a.real.rules->program.name),
                                   a.real.rules->program.year, title)
                     : title;
    std::string out = html_page_head(heading, lang, css);
    out += "<header class=\"report\">\n<h1>" + heading + "</h1>\n";
    if (a.real.rules)
        out +=
            fmt::format("<dl>\n<dt>{}</dt><dd><code>{}</code></dd>\n</dl>\n",
                        html_escape(label("label.rules", lang)), html_escape(a.real.rules->origin));
    out += "</header>\n";
    for (const auto& t : a.tracks) track_section(out, t, lang);
    out += "<footer>" +
           format_message("panel.html.generated", lang, {{"version", html_escape(KCITY_VERSION)}}) +
           "</footer>\n</body>\n</html>\n";
    return out;
}

}  // namespace kcity
