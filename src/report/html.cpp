// The selection report as one self-contained HTML5 file: inline CSS and inline SVG, no script,
// no font or image from the network, so that it can be mailed to the committee, archived and
// printed on A4 as it is. Every text of the inputs is escaped; the output is the same bytes
// for the same inputs (no clock, no locale, integer geometry).
//
// Tests find their way through the DOM by stable hooks: each track is
// <section class="track" data-track="ID">; detail rows are <tr data-id data-status data-rank>
// inside <table class="detail">; public-list rows sit in <table class="public">; each ranked
// proposal is one <g class="bar STATUS" data-id data-status data-rank> in <svg class="chart">,
// selected ones with a <rect class="hl">; the threshold is <line class="threshold">.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "html_page.hpp"
#include "kcity/base/countries.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/calibration.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/report/lottery.hpp"
#include "kcity/report/render.hpp"
#include "kcity/report/robustness.hpp"
#include "kcity/select/robustness.hpp"
#include "out.hpp"

namespace kcity {
namespace {

// Everything a track's pieces need to know, with shorthands for labels in the run's language.
struct Ctx {
    const TrackResult& tr;
    Lang lang;
    const TrackRules& t() const { return *tr.rules; }
    bool ko() const { return lang == Lang::ko; }
    // Escaped, ready to write.
    std::string l(std::string_view key) const { return html_escape(label(key, lang)); }
};

// `score --robustness N`: the share's class, coloured as kcity robustness's page colours it.
constexpr std::string_view share_css =
    ".c-secure{color:var(--ok);font-weight:600}.c-borderline{color:#8a6d00;font-weight:600}"
    ".c-out{color:var(--muted)}td.share{white-space:nowrap}p.robustness{color:var(--muted)}\n";

// Amounts in tables: Korean in 억/만 units, English as grouped digits under a "(KRW)" heading,
// as in the text report, so that the columns stay narrow enough for A4.
std::string amount(Krw a, Lang lang) {
    return lang == Lang::ko ? format_krw_korean(a) : format_grouped(a);
}

std::string amount_heading(const Ctx& c, std::string_view key) {
    return c.l(key) + (c.ko() ? "" : " (KRW)");
}

std::string signed_short(Decimal d) {
    return (d.units > 0 ? "+" : "") + format_decimal_short(d);
}

// SVG geometry is computed in tenths of a unit with integers, so that the output does not
// depend on floating-point formatting.
std::string px(std::int64_t tenths) {
    std::string sign = tenths < 0 ? "-" : "";
    std::int64_t a = tenths < 0 ? -tenths : tenths;
    return a % 10 ? fmt::format("{}{}.{}", sign, a / 10, a % 10)
                  : fmt::format("{}{}", sign, a / 10);
}

// ---------------------------------------------------------------------------------------------
// Style. System fonts only (with the usual Korean ones named), colours kept on paper.

constexpr std::string_view css =
    R"css(border-bottom:2px solid var(--accent)}h3{font-size:1.05em;margin:1.4em 0 .5em}
/* Korean wraps at spaces, between words, not between syllables. */
html:lang(ko) body{word-break:keep-all}
h3.group{font-size:1.2em;margin-top:1.8em;padding-top:.4em;border-top:1px solid var(--line)}
h2 .id,h3 .count{color:var(--muted);font-weight:normal}
code,.hash{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
.hash{overflow-wrap:anywhere;color:var(--muted)}
header.report dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.5em 0 1em}
header.report dt{font-weight:600}header.report dd{margin:0}
nav.tracks table{width:auto}.bad{color:var(--bad)}nav.tracks a{color:var(--accent)}
section.track{margin-top:2.2em}
dl.stats{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 .8em}
dl.stats div{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:7.5em;
background:var(--soft)}
dl.stats dt{font-size:.8em;color:var(--muted)}dl.stats dt::first-letter{text-transform:uppercase}
dl.stats dd{margin:0;font-size:1.25em;font-weight:600}
dl.stats.rules div{background:#fff;padding:3px 10px}dl.stats.rules dd{font-size:1em}dl.stats dd small{display:block;
font-size:.65em;font-weight:normal;color:var(--muted)}
.shortfall{border:2px solid var(--bad);background:#fdecea;color:var(--bad);border-radius:6px;
padding:.6em 1em;margin:.8em 0}.shortfall strong{font-size:1.1em;letter-spacing:.04em}
.shortfall ul{margin:.3em 0 0;padding-left:1.2em;color:var(--ink)}
figure{margin:0 0 .6em}figcaption{font-size:.85em;color:var(--muted);margin-top:.3em}
svg{display:block;width:100%;height:auto;font-family:inherit}
svg text{font-size:12px;fill:var(--ink)}svg .muted{fill:var(--muted)}
svg .axis line{stroke:var(--line)}svg .axis text{font-size:10px;fill:var(--muted)}
svg .hl{fill:#ffd84d;fill-opacity:.38}svg .bar.selected .lab{font-weight:700}
svg .bar:not(.selected) .seg{opacity:.42}
svg .seg.below-cutoff{stroke:var(--bad);stroke-width:2;opacity:1}
svg .threshold{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:5 3}
svg text.threshold-label{fill:var(--bad);font-size:11px}
svg .st-selected{fill:var(--ok);font-weight:700}svg .st-reserve{fill:var(--accent)}
svg .budget-bg{fill:var(--soft);stroke:var(--line)}svg .budget-seg{fill:var(--accent);stroke:#fff}
svg .budget-seg.odd{fill:#4a78c2}svg .budget-text{fill:#fff;font-size:11px}
.c0{fill:#4477aa;background:#4477aa}.c1{fill:#ee8866;background:#ee8866}
.c2{fill:#44aa99;background:#44aa99}.c3{fill:#ccbb44;background:#ccbb44}
.c4{fill:#aa3377;background:#aa3377}.c5{fill:#99ddff;background:#99ddff}
ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:.3em 0}
ul.legend .sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.35em;
vertical-align:-.1em}
table{border-collapse:collapse;width:100%;margin:.2em 0 .8em;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;
overflow-wrap:break-word}
td code{white-space:nowrap}
th{background:var(--soft);font-weight:600;overflow-wrap:normal}
td.num,th.num{text-align:right}td.num{white-space:nowrap}
tr[data-status=selected] td{background:var(--sel)}
td small{display:block;color:var(--muted)}
ul.reasons{margin:0;padding-left:1.1em}ul.reasons code{color:var(--muted)}
table.approval{float:right;width:auto;margin:0 0 .6em 1.5em;font-size:.85em}
table.approval th,table.approval td{border:1px solid var(--ink);text-align:center;padding:2px 8px}
table.approval th{background:#fff;min-width:5.5em}table.approval td{height:4.5em}
table.approval th.side{writing-mode:vertical-rl;letter-spacing:.4em;min-width:0;padding:4px 2px}
ol.budget-key{list-style:none;display:flex;flex-wrap:wrap;gap:2px 14px;padding:0;margin:.3em 0;
font-size:.9em}ol.budget-key b{color:var(--accent);margin-right:.3em}
svg text.sub{font-size:10px;fill:var(--muted)}
footer{margin-top:2.5em;font-size:.85em;color:var(--muted);border-top:1px solid var(--line);
padding-top:.6em}
@page{size:A4;margin:12mm 10mm 14mm}
@media print{body{max-width:none;padding:0;font-size:8.6pt}
section.track+section.track{break-before:page}
h2,h3{break-after:avoid}figure,.shortfall,dl.stats,tr,table.public{break-inside:avoid}
thead{display:table-header-group}th,td{padding:2px 4px}
nav.tracks a{color:inherit;text-decoration:none}}
)css";

// Korean only (so that the English file stays as it was): headers are a word or two, and one
// broken inside "국가 · 도시" or "사업 중요도" reads badly; the cells below still wrap.
constexpr std::string_view css_ko = "html:lang(ko) th{white-space:nowrap}\n";

// ---------------------------------------------------------------------------------------------
// The top of the report: who signs it, and what was run on what.

// The approval box (결재란) of a Korean official document: a row of titles (담당, 팀장, ...)
// over empty cells for the signatures, with 결재 written down its side.
std::string approval_box(const Committee& cm, Lang lang) {
    if (cm.approval.empty()) return "";
    std::string titles, cells;
    for (const auto& t : cm.approval) {
        titles += "<th>" + html_escape(t.get(lang == Lang::ko)) + "</th>";
        cells += "<td></td>";
    }
    return fmt::format(
        "<table class=\"approval\"><tbody><tr><th class=\"side\" rowspan=\"2\">{}</th>{}</tr>"
        "<tr>{}</tr></tbody></table>\n",
        html_escape(label("committee.approval", lang)), titles, cells);
}

// Every printed page's foot: the report's title, the committee and the meeting's date on the
// left, "Page 2 of 6" on the right. Chromium (131 on) prints @page margin boxes; a browser
// without them prints the pages without this line, and the screen never shows it.
std::string print_footer(const Result& result, Lang lang) {
    const Program& program = result.rules->program;
    std::string left =
        fmt::format("{} {} — {}", program.name, program.year, label("label.report", lang));
    const std::string& name = program.committee.name.get(lang == Lang::ko);
    if (!name.empty()) left += " · " + name;
    if (program.committee.meeting_date)
        left += " · " + format_datetime(*program.committee.meeting_date);
    // The page numbers are counters, not text: the message is cut where its slots are.
    std::string page = format_message(
        "committee.page", lang, {{"page", std::string("\x01")}, {"pages", std::string("\x02")}});
    std::string right;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= page.size(); ++i) {
        if (i < page.size() && page[i] != '\x01' && page[i] != '\x02') continue;
        if (i > from) right += css_string(page.substr(from, i - from)) + " ";
        if (i < page.size()) right += page[i] == '\x01' ? "counter(page) " : "counter(pages) ";
        from = i + 1;
    }
    return fmt::format(
        "@page{{@bottom-left{{content:{};font-size:7.5pt;color:#5b6472}}"
        "@bottom-right{{content:{};font-size:7.5pt;color:#5b6472}}}}\n",
        css_string(left), right.substr(0, right.size() - 1));
}

std::string report_header(const Result& result, Lang lang) {
    const Rules& rules = *result.rules;
    auto l = [&](std::string_view key) { return html_escape(label(key, lang)); };
    const Committee& cm = rules.program.committee;
    std::string out = "<header class=\"report\">\n" + approval_box(cm, lang);
    out += fmt::format("<h1>{} {} — {}</h1>\n", html_escape(rules.program.name), rules.program.year,
                       l("label.report"));
    out += "<dl>\n";
    const std::string& name = cm.name.get(lang == Lang::ko);
    if (!name.empty())
        out += fmt::format("<dt>{}</dt><dd class=\"committee\">{}</dd>\n", l("committee.name"),
                           html_escape(name));
    if (cm.meeting_date)
        out += fmt::format("<dt>{}</dt><dd class=\"meeting-date\">{}</dd>\n",
                           l("committee.meeting-date"),
                           html_escape(format_datetime(*cm.meeting_date)));
    out += fmt::format("<dt>{}</dt><dd>{} <span class=\"hash\">sha256 {}</span></dd>\n",
                       l("label.rules"), html_escape(rules.origin), html_escape(rules.sha256));
    out += fmt::format("<dt>{}</dt><dd>{} <span class=\"hash\">sha256 {}</span></dd>\n",
                       l("label.proposals"), result.proposal_count,
                       html_escape(result.proposals_sha256));
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", l("html.budget"),
                       html_escape(format_krw(rules.program.budget_krw, lang)));
    out += "</dl>\n";
    if (result.robustness)
        out += "<p class=\"robustness\">" + html_escape(robustness_note(*result.robustness, lang)) +
               "</p>\n";
    return out + "</header>\n";
}

// "4–5", or "4" when the minimum is the maximum.
std::string range_text(const SelectionRules& s) {
    return s.min == s.max ? std::to_string(s.min) : fmt::format("{}–{}", s.min, s.max);
}

// One line per track with its outcome and a link to it: the whole run at a glance.
std::string track_overview(const Result& result, Lang lang) {
    bool ko = lang == Lang::ko;
    auto l = [&](std::string_view key) { return html_escape(label(key, lang)); };
    std::string out =
        fmt::format("<nav class=\"tracks\">\n<h2>{}</h2>\n<table>\n", l("html.tracks"));
    out += fmt::format(
        "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>"
        "<th class=\"num\">{}</th><th></th></tr></thead>\n<tbody>\n",
        l("label.track"), l("label.selected"), l("label.award"), l("html.budget"));
    for (const auto& tr : result.tracks) {
        const TrackRules& t = *tr.rules;
        std::string flag =
            tr.shortfall ? "<strong class=\"bad\">" + l("label.shortfall") + "</strong>" : "";
        out += fmt::format(
            "<tr data-track=\"{}\"><td><a href=\"#track-{}\">{}</a></td><td class=\"num\">{} / "
            "{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            html_escape(t.id), html_escape(t.id), html_escape(t.name.get(ko)), tr.selected,
            range_text(t.selection), html_escape(format_krw(tr.awarded_krw, lang)),
            html_escape(format_krw(t.selection.budget_krw, lang)), flag);
    }
    return out + "</tbody>\n</table>\n</nav>\n";
}

// ---------------------------------------------------------------------------------------------
// A track's summary and its shortfall.

std::string stat(const std::string& key_html, const std::string& value, const std::string& sub) {
    return fmt::format("<div><dt>{}</dt><dd>{}{}</dd></div>\n", key_html, value,
                       sub.empty() ? "" : "<small>" + sub + "</small>");
}

std::string track_summary(const Ctx& c) {
    const TrackResult& tr = c.tr;
    const SelectionRules& s = c.t().selection;
    std::string range = range_text(s);
    std::string out = "<dl class=\"stats\">\n";
    out += stat(c.l("label.received"), std::to_string(tr.received), "");
    out += stat(c.l("label.eligible"), std::to_string(tr.eligible), "");
    out += stat(c.l("label.scored"), std::to_string(tr.scored), "");
    if (tr.withdrawn)  // as in the text report: else the numbers would not add up
        out += stat(c.l("label.withdrawn-count"), std::to_string(tr.withdrawn), "");
    out += stat(c.l("label.candidates"), std::to_string(tr.candidates), "");
    out += stat(c.l("label.selected-of"), std::to_string(tr.selected),
                format_message("html.of", c.lang, {{"wanted", html_escape(range)}}));
    out += stat(c.l("label.awarded"), html_escape(format_krw(tr.awarded_krw, c.lang)),
                format_message("html.of-budget", c.lang,
                               {{"budget", html_escape(format_krw(s.budget_krw, c.lang))}}));
    // The rules that explain the outcome, apart from the figures.
    out += "</dl>\n<dl class=\"stats rules\">\n";
    out += stat(c.l("label.method"),
                c.l(tr.method == Method::merit ? "html.method-merit" : "html.method-optimal"), "");
    const TrackRules& t = c.t();
    out += stat(
        c.l("html.threshold"),
        t.threshold ? html_escape(format_decimal_short(*t.threshold)) : c.l("html.no-threshold"),
        "");
    if (s.max_per_country)
        out += stat(c.l("html.max-per-country"), std::to_string(*s.max_per_country), "");
    return out + "</dl>\n";
}

// Fewer selections than the minimum is what the committee must see first: a banner with every
// reason, before any table.
// A reason's code in English (<code>budget</code>), its Korean word in Korean (<b>예산</b>).
std::string reason_mark(const Reason& r, Lang lang) {
    if (lang == Lang::ko) return "<b>" + html_escape(reason_label(r, lang)) + "</b>";
    return "<code>" + html_escape(r.code) + "</code>";
}

std::string shortfall_banner(const Ctx& c) {
    if (!c.tr.shortfall) return "";
    const SelectionRules& s = c.t().selection;
    std::string line = format_message("label.shortfall-line", c.lang,
                                      {{"selected", Count{c.tr.selected}}, {"min", Count{s.min}}});
    std::string out =
        fmt::format("<div class=\"shortfall\" role=\"alert\"><strong>{}</strong> {}\n<ul>\n",
                    c.l("label.shortfall"), html_escape(line));
    for (const auto& r : c.tr.shortfall_reasons)
        out += fmt::format("<li data-code=\"{}\">{} {}</li>\n", html_escape(r.code),
                           reason_mark(r, c.lang), html_escape(reason_text(r, c.lang)));
    return out + "</ul></div>\n";
}

// ---------------------------------------------------------------------------------------------
// The chart: one row per ranked proposal, criteria stacked as weighted segments.

namespace chart {
constexpr std::int64_t width = 8400;     // the viewBox, in tenths
constexpr std::int64_t bar_x = 3000;     // where bars start: the labels' room before
constexpr std::int64_t bar_w = 3400;     // the maximum base score's length
constexpr std::int64_t score_x = 6500;   // the score column
constexpr std::int64_t status_x = 7300;  // the status column
constexpr std::int64_t top = 260;        // room for the threshold's label
constexpr std::int64_t row_h = 300;      // two lines of label: the title, then ID · city
constexpr std::int64_t seg_h = 160;
constexpr std::int64_t axis_h = 260;
constexpr std::size_t label_columns = 34;  // display columns of a label line
constexpr std::size_t palette = 6;         // classes c0..c5
}  // namespace chart

// weight × score, in Decimal units (the product of two 4-place numbers, cut back to 4 places:
// only a drawing length depends on it).
std::int64_t weighted(const Criterion& k, Decimal v) {
    return static_cast<std::int64_t>(static_cast<i128>(k.weight.units) * v.units / Decimal::scale);
}

// The longest possible base score: the chart's full scale.
std::int64_t full_scale(const TrackRules& t) {
    std::int64_t sum = 0;
    for (const auto& k : t.criteria) sum += weighted(k, k.max);
    return std::max<std::int64_t>(sum, 1);
}

std::int64_t scale_x(std::int64_t units, std::int64_t full) {
    return static_cast<std::int64_t>(static_cast<i128>(std::clamp<std::int64_t>(units, 0, full)) *
                                     chart::bar_w / full);
}

std::string criterion_tooltip(const Ctx& c, const Criterion& k, Decimal v) {
    std::string text = k.name.get(c.ko()) + " " + format_decimal(v, c.t().rounding) + " / " +
                       format_decimal_short(k.max);
    if (k.weight != Decimal::from_int(1)) text += " × " + format_decimal_short(k.weight);
    if (k.cutoff && v < *k.cutoff) text += " < " + format_decimal_short(*k.cutoff);
    return text;
}

std::string chart_segments(const Ctx& c, const ProposalResult& r, std::int64_t full) {
    std::string out;
    std::int64_t cum = 0;
    for (std::size_t i = 0; i < c.t().criteria.size() && i < r.criteria.size(); ++i) {
        const Criterion& k = c.t().criteria[i];
        Decimal v = r.criteria[i];
        std::int64_t x0 = scale_x(cum, full);
        cum += weighted(k, v);
        std::int64_t x1 = scale_x(cum, full);
        bool below = k.cutoff && v < *k.cutoff;
        out += fmt::format(
            "<rect class=\"seg c{}{}\" data-criterion=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
            "height=\"{}\"><title>{}</title></rect>",
            i % chart::palette, below ? " below-cutoff" : "", html_escape(k.id),
            px(chart::bar_x + x0), px((chart::row_h - chart::seg_h) / 2), px(x1 - x0),
            px(chart::seg_h), html_escape(criterion_tooltip(c, k, v)));
    }
    return out;
}

std::string chart_row(const Ctx& c, const ProposalResult& r, std::int64_t y, std::int64_t full) {
    const Proposal& p = *r.proposal;
    const char* st = status_code(r.status);
    bool selected = r.status == Status::selected;
    std::int64_t text_y = chart::row_h / 2 + 40;
    std::string out = fmt::format(
        "<g class=\"bar {}\" data-id=\"{}\" data-status=\"{}\" data-rank=\"{}\" "
        "transform=\"translate(0 {})\">",
        st, html_escape(p.id), st, *r.rank, px(y));
    if (selected)
        out += fmt::format("<rect class=\"hl\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"/>",
                           px(chart::width), px(chart::row_h));
    out += fmt::format("<text class=\"muted\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                       px(240), px(text_y), *r.rank);
    // The project's title, whole in a tooltip when cut; under it the id and the city.
    const std::string& title = p.title.get(c.ko());
    std::string shown = truncate_width(title, chart::label_columns);
    out += fmt::format("<text class=\"lab\" x=\"{}\" y=\"{}\">{}{}</text>", px(320), px(125),
                       html_escape(shown),
                       shown == title ? "" : "<title>" + html_escape(title) + "</title>");
    out += fmt::format("<text class=\"sub\" x=\"{}\" y=\"{}\">{}</text>", px(320), px(250),
                       html_escape(truncate_width(p.id + " · " + p.city, chart::label_columns)));
    out += chart_segments(c, r, full);
    std::string score = r.score ? format_decimal(*r.score, c.t().rounding) : "";
    if (r.adjustment_total.units != 0) score += " (" + signed_short(r.adjustment_total) + ")";
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", px(chart::score_x), px(text_y),
                       html_escape(score));
    out += fmt::format("<text class=\"st-{}\" x=\"{}\" y=\"{}\">{}</text>", st, px(chart::status_x),
                       px(text_y), html_escape(status_label(r.status, c.lang)));
    return out + "</g>\n";
}

// Grid lines and values at every fifth of the full scale.
std::string chart_axis(std::int64_t full, std::int64_t rows_bottom) {
    std::string out = "<g class=\"axis\">";
    for (int k = 0; k <= 5; ++k) {
        std::int64_t x = chart::bar_x + chart::bar_w * k / 5;
        Decimal v{full * k / 5};
        out += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>", px(x),
                           px(chart::top), px(rows_bottom));
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", px(x),
                           px(rows_bottom + 160), html_escape(format_decimal_short(v)));
    }
    return out + "</g>\n";
}

std::string chart_threshold(const Ctx& c, std::int64_t full, std::int64_t rows_bottom) {
    if (!c.t().threshold) return "";
    std::int64_t x = chart::bar_x + scale_x(c.t().threshold->units, full);
    return fmt::format(
        "<line class=\"threshold\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>"
        "<text class=\"threshold-label\" x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4} "
        "{5}</text>\n",
        px(x), px(chart::top - 60), px(rows_bottom), px(chart::top - 100), c.l("html.threshold"),
        html_escape(format_decimal_short(*c.t().threshold)));
}

std::string chart_legend(const Ctx& c) {
    std::string out = "<ul class=\"legend\">";
    for (std::size_t i = 0; i < c.t().criteria.size(); ++i) {
        const Criterion& k = c.t().criteria[i];
        std::string weight =
            k.weight != Decimal::from_int(1) ? " × " + format_decimal_short(k.weight) : "";
        out += fmt::format("<li><span class=\"sw c{}\"></span>{} ({} {}{})</li>",
                           i % chart::palette, html_escape(k.name.get(c.ko())), c.l("html.max"),
                           html_escape(format_decimal_short(k.max)), html_escape(weight));
    }
    return out + "</ul>\n";
}

// One row per ranked proposal: written to the sink as it goes.
void score_chart(Piecewise& w, const Ctx& c) {
    std::vector<const ProposalResult*> ranked;
    for (const auto& r : c.tr.proposals)
        if (r.rank && r.score) ranked.push_back(&r);  // already in rank order
    std::string& out = w.buffer();
    out += fmt::format("<h3>{}</h3>\n", c.l("html.chart"));
    if (ranked.empty()) {
        out += "<p class=\"no-chart\">" + c.l("html.no-chart") + "</p>\n";
        return;
    }
    std::int64_t full = full_scale(c.t());
    std::int64_t rows_bottom = chart::top + chart::row_h * static_cast<std::int64_t>(ranked.size());
    std::int64_t height = rows_bottom + chart::axis_h;
    out += fmt::format(
        "<figure>\n<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
        "role=\"img\" aria-label=\"{}\">\n",
        px(chart::width), px(height), c.l("html.chart"));
    out += chart_axis(full, rows_bottom);
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        out += chart_row(c, *ranked[i], chart::top + chart::row_h * static_cast<std::int64_t>(i),
                         full);
        w.boundary();
    }
    out += chart_threshold(c, full, rows_bottom);
    out += "</svg>\n" + chart_legend(c);
    out += "<figcaption>" + c.l("html.chart-legend") + "</figcaption>\n</figure>\n";
}

// ---------------------------------------------------------------------------------------------
// The budget: one segment per selected award, against the track's budget.

std::string budget_bar(const Ctx& c) {
    const Krw budget = c.t().selection.budget_krw, awarded = c.tr.awarded_krw;
    const Krw full = std::max<Krw>({budget, awarded, 1});
    constexpr std::int64_t w = 8400, h = 340;
    std::string out = fmt::format("<h3>{}</h3>\n<figure>\n", c.l("html.budget-used"));
    out += fmt::format(
        "<svg class=\"budget\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
        "role=\"img\" aria-label=\"{}\">\n",
        px(w), px(h), c.l("html.budget-used"));
    auto x_of = [&](Krw a) { return static_cast<std::int64_t>(static_cast<i128>(a) * w / full); };
    out += fmt::format("<rect class=\"budget-bg\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"/>\n",
                       px(x_of(budget)), px(h));
    Krw cum = 0;
    int n = 0;
    std::string key;  // the parts by number, id and amount
    for (const auto& r : c.tr.proposals) {
        if (r.status != Status::selected || !r.award_krw) continue;
        ++n;
        std::int64_t x0 = x_of(cum);
        cum += *r.award_krw;
        std::int64_t x1 = x_of(cum);
        out += fmt::format(
            "<g class=\"budget-part\" data-id=\"{}\"><rect class=\"budget-seg{}\" x=\"{}\" y=\"0\" "
            "width=\"{}\" height=\"{}\"><title>{} {}</title></rect>",
            html_escape(r.proposal->id), n % 2 ? "" : " odd", px(x0), px(x1 - x0), px(h),
            html_escape(r.proposal->id), html_escape(format_krw(*r.award_krw, c.lang)));
        // The part's number, with the amount where it fits (about 7 units a character at this
        // size); the key below the bar gives every part's id and amount, for print.
        std::string text = std::to_string(n);
        std::string with_amount = text + " · " + format_krw(*r.award_krw, c.lang);
        if (x1 - x0 > static_cast<std::int64_t>(display_width(with_amount)) * 70 + 100)
            text = with_amount;
        if (x1 - x0 > static_cast<std::int64_t>(display_width(text)) * 70 + 100)
            out += fmt::format("<text class=\"budget-text\" x=\"{}\" y=\"{}\">{}</text>",
                               px(x0 + 60), px(h / 2 + 40), html_escape(text));
        out += "</g>\n";
        key +=
            fmt::format("<li data-id=\"{}\"><b>{}</b>{} {}</li>", html_escape(r.proposal->id), n,
                        html_escape(r.proposal->id), html_escape(format_krw(*r.award_krw, c.lang)));
    }
    out += "</svg>\n";
    if (!key.empty())
        out += fmt::format("<ol class=\"budget-key\" aria-label=\"{}\">{}</ol>\n",
                           c.l("committee.budget-key"), key);
    // Per mille, rounded half up, for a percentage with one decimal.
    std::int64_t permille =
        budget > 0 ? static_cast<std::int64_t>((static_cast<i128>(awarded) * 2000 / budget + 1) / 2)
                   : 0;
    std::string pct = fmt::format("{}.{}", permille / 10, permille % 10);
    std::string line =
        format_message("html.budget-line", c.lang,
                       {{"awarded", html_escape(format_krw(awarded, c.lang))},
                        {"budget", html_escape(format_krw(budget, c.lang))},
                        {"percent", pct},
                        {"left", html_escape(format_krw(budget - awarded, c.lang))}});
    return out + "<figcaption class=\"budget-line\">" + line + "</figcaption>\n</figure>\n";
}

// ---------------------------------------------------------------------------------------------
// Tables.

std::vector<const ProposalResult*> with_status(const TrackResult& tr, Status s) {
    std::vector<const ProposalResult*> out;
    for (const auto& r : tr.proposals)
        if (r.status == s) out.push_back(&r);
    return out;
}

// What may be published: who was selected (and who is in reserve), where, for what, how much.
std::string public_list(const Ctx& c) {
    std::string out =
        fmt::format("<h3>{}</h3>\n<table class=\"public\">\n", c.l("label.selection-list"));
    out += fmt::format(
        "<thead><tr><th class=\"num\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
        "<th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        c.l("html.number"), c.l("label.status"), c.l("label.country"), c.l("label.city"),
        c.l("label.project"), amount_heading(c, "label.award"));
    int n = 0;
    for (Status s : {Status::selected, Status::reserve}) {
        for (const ProposalResult* r : with_status(c.tr, s)) {
            const Proposal& p = *r->proposal;
            out += fmt::format(
                "<tr data-id=\"{}\" data-status=\"{}\"><td "
                "class=\"num\">{}</td><td>{}</td><td>{}</td>"
                "<td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                html_escape(p.id), status_code(s), ++n,
                c.l(s == Status::selected ? "label.selected" : "label.reserve"),
                html_escape(country_name(p.country, c.lang)), html_escape(p.city),
                html_escape(p.title.get(c.ko())),
                r->award_krw ? html_escape(amount(*r->award_krw, c.lang)) : "–");
        }
    }
    if (n == 0) out += "<tr><td colspan=\"6\">" + c.l("label.none") + "</td></tr>\n";
    return out + "</tbody>\n</table>\n";
}

std::string reasons_cell(const Ctx& c, const std::vector<Reason>& reasons) {
    if (reasons.empty()) return "";
    std::string out = "<ul class=\"reasons\">";
    for (const auto& r : reasons)
        out += fmt::format("<li data-code=\"{}\">{} {}</li>", html_escape(r.code),
                           reason_mark(r, c.lang), html_escape(reason_text(r, c.lang)));
    return out + "</ul>";
}

// The score, and below it the base and the capped adjustment when they differ; the matching
// adjustments by id on hover.
std::string score_cell(const Ctx& c, const ProposalResult& r) {
    if (!r.score) return "<td class=\"num\">–</td>";
    int places = c.t().rounding;
    std::string ids;
    for (const auto& a : r.adjustments)
        ids += (ids.empty() ? "" : ", ") + a->id + " " + a->points_text;
    std::string out = ids.empty() ? "<td class=\"num\">"
                                  : "<td class=\"num\" title=\"" + html_escape(ids) + "\">";
    out += html_escape(format_decimal(*r.score, places));
    // Whenever an adjustment matched, even when they cancel: the base is then worth seeing.
    if (!r.adjustments.empty() && r.base)
        out += fmt::format("<small>{} {} {}</small>", c.l("html.base"),
                           html_escape(format_decimal(*r.base, places)),
                           html_escape(signed_short(r.adjustment_total)));
    // SPEC §6 step 2a: the score without calibration, beside the calibrated one.
    if (r.raw_score)
        out += fmt::format("<small class=\"raw\">{} {}</small>", c.l("calib.raw-score"),
                           html_escape(format_decimal(*r.raw_score, places)));
    return out + "</td>";
}

// `score --robustness N`: the share of the runs that selected a ranked proposal and its class,
// "97.5% secure", coloured by the class as in kcity robustness's page.
std::string share_cell(const Ctx& c, const ProposalResult& r) {
    const RunShare* share = c.tr.share(r);
    if (!share) return "<td>–</td>";
    const char* cls = robust_class_code(share->cls);
    return fmt::format("<td class=\"share c-{}\" data-class=\"{}\">{}</td>", cls, cls,
                       html_escape(run_share_text(*share, c.lang)));
}

bool any_ranked(const std::vector<const ProposalResult*>& rows) {
    return std::any_of(rows.begin(), rows.end(),
                       [](const ProposalResult* r) { return r->rank.has_value(); });
}

bool any_reasons(const std::vector<const ProposalResult*>& rows) {
    return std::any_of(rows.begin(), rows.end(),
                       [](const ProposalResult* r) { return !r->reasons.empty(); });
}

// Columns shown only when they say something: scores when a row is ranked, awards for the
// selected, reasons when a row has one.
struct Columns {
    bool ranked, award, reasons;
    bool shares = false;  // `score --robustness N`: the share of the runs, after the score
};

std::string detail_head(const Ctx& c, Columns cols) {
    std::string out =
        fmt::format("<thead><tr><th class=\"num\">{}</th><th>{}</th><th>{} · {}</th><th>{}</th>",
                    c.l("label.rank"), c.l("label.id"), c.l("label.country"), c.l("label.city"),
                    c.l("label.project"));
    if (cols.ranked) {
        out += "<th class=\"num\">" + c.l("label.score") + "</th>";
        if (cols.shares) out += "<th>" + c.l("robustness.report-column") + "</th>";
        for (const auto& k : c.t().criteria)
            out += fmt::format("<th class=\"num\" data-criterion=\"{}\">{}</th>", html_escape(k.id),
                               html_escape(k.name.get(c.ko())));
    }
    out += "<th class=\"num\">" + amount_heading(c, "label.request") + "</th>";
    if (cols.award) out += "<th class=\"num\">" + amount_heading(c, "label.award") + "</th>";
    if (cols.reasons) out += "<th>" + c.l("label.reasons") + "</th>";
    return out + "</tr></thead>\n";
}

std::string detail_row(const Ctx& c, const ProposalResult& r, Columns cols) {
    const Proposal& p = *r.proposal;
    const char* st = status_code(r.status);
    std::string out = fmt::format("<tr data-id=\"{}\" data-status=\"{}\"{}>", html_escape(p.id), st,
                                  r.rank ? fmt::format(" data-rank=\"{}\"", *r.rank) : "");
    out += fmt::format(
        "<td class=\"num\">{}</td><td><code>{}</code></td><td>{}<small>{}</small></td><td>{}</td>",
        r.rank ? std::to_string(*r.rank) : "–", html_escape(p.id),
        html_escape(country_name(p.country, c.lang)), html_escape(p.city),
        html_escape(p.title.get(c.ko())));
    if (cols.ranked) {
        out += score_cell(c, r);
        if (cols.shares) out += share_cell(c, r);
        for (std::size_t i = 0; i < c.t().criteria.size(); ++i)
            out +=
                "<td class=\"num\">" +
                (i < r.criteria.size() ? html_escape(format_decimal(r.criteria[i], c.t().rounding))
                                       : "–") +
                "</td>";
    }
    out += "<td class=\"num\">" + html_escape(amount(p.requested_krw, c.lang)) + "</td>";
    if (cols.award)
        out += "<td class=\"num\">" +
               (r.award_krw ? html_escape(amount(*r.award_krw, c.lang)) : "–") + "</td>";
    if (cols.reasons) out += "<td>" + reasons_cell(c, r.reasons) + "</td>";
    return out + "</tr>\n";
}

void detail_table(Piecewise& w, const Ctx& c, Status s, std::string_view heading_key) {
    std::vector<const ProposalResult*> rows = with_status(c.tr, s);
    // The selected are always listed (an empty list is news); other empty groups are left out.
    if (rows.empty() && s != Status::selected) return;
    std::string& out = w.buffer();
    out += fmt::format("<h3>{} <span class=\"count\">({})</span></h3>\n", c.l(heading_key),
                       rows.size());
    if (rows.empty()) {
        out += "<p>" + c.l("label.none") + "</p>\n";
        return;
    }
    Columns cols{any_ranked(rows), s == Status::selected, any_reasons(rows), !c.tr.shares.empty()};
    out += fmt::format("<table class=\"detail\" data-status=\"{}\">\n", status_code(s));
    out += detail_head(c, cols) + "<tbody>\n";
    for (const ProposalResult* r : rows) {
        out += detail_row(c, *r, cols);
        w.boundary();
    }
    out += "</tbody>\n</table>\n";
}

// The bonuses and penalties by name, in the page (not only in a tooltip, lost in print).
void adjustments_list(Piecewise& w, const Ctx& c) {
    bool first = true;
    for (const auto& r : c.tr.proposals) {
        std::string words = adjustments_words(c.t(), r, c.lang);
        if (words.empty()) continue;
        if (first)
            w.buffer() +=
                fmt::format("<h3>{}</h3>\n<ul class=\"adjustments\">\n", c.l("adjust.heading"));
        first = false;
        w.buffer() +=
            fmt::format("<li data-id=\"{}\"><b>{}</b> {}</li>\n", html_escape(r.proposal->id),
                        html_escape(r.proposal->id), html_escape(words));
        w.boundary();
    }
    if (!first) w.buffer() += "</ul>\n";
}

// SPEC §6 step 2a: each reviewer's offsets, when the track calibrates.
void calibration_table(Piecewise& w, const Ctx& c) {
    if (!c.tr.calibration) return;
    std::string& out = w.buffer();
    out += fmt::format("<h3>{}</h3>\n<p>{}</p>\n<table class=\"calibration\">\n<thead><tr>",
                       c.l("calib.heading"), c.l("calib.note"));
    const auto head = calibration_head(c.t(), c.lang);
    for (std::size_t i = 0; i < head.size(); ++i)
        out += fmt::format("<th{}>{}</th>", i ? " class=\"num\"" : "", html_escape(head[i]));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : calibration_rows(c.t(), *c.tr.calibration)) {
        out += fmt::format("<tr data-reviewer=\"{}\">", html_escape(row[0]));
        for (std::size_t i = 0; i < row.size(); ++i)
            out += fmt::format("<td{}>{}</td>", i ? " class=\"num\"" : "", html_escape(row[i]));
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    w.boundary();
}

void detail_tables(Piecewise& w, const Ctx& c) {
    static constexpr std::array<std::pair<Status, std::string_view>, 7> groups = {{
        {Status::selected, "label.selected"},
        {Status::reserve, "label.reserve"},
        {Status::not_selected, "label.not-selected"},
        {Status::withdrawn, "label.withdrawn"},
        {Status::below_threshold, "label.below-threshold"},
        {Status::unscored, "label.unscored"},
        {Status::ineligible, "label.ineligible"},
    }};
    w.buffer() +=
        fmt::format("<div class=\"details\">\n<h3 class=\"group\">{}</h3>\n", c.l("html.detail"));
    for (const auto& [status, key] : groups) detail_table(w, c, status, key);
    w.buffer() += "</div>\n";
}

// ---------------------------------------------------------------------------------------------

void track_section(Piecewise& w, const Result& result, const TrackResult& tr, Lang lang) {
    Ctx c{tr, lang};
    const TrackRules& t = c.t();
    std::string& out = w.buffer();
    out += fmt::format("<section class=\"track\" id=\"track-{}\" data-track=\"{}\">\n",
                       html_escape(t.id), html_escape(t.id));
    out += fmt::format("<h2>{} <span class=\"id\">({})</span></h2>\n",
                       html_escape(t.name.get(c.ko())), html_escape(t.id));
    out += track_summary(c);
    out += shortfall_banner(c);
    score_chart(w, c);
    out += budget_bar(c);
    out += public_list(c);
    detail_tables(w, c);
    adjustments_list(w, c);
    calibration_table(w, c);
    // Ties the lottery decided (SPEC §6: the report says so).
    for (const auto& line : lottery_lines(result, tr, lang))
        w.buffer() += "<p class=\"lottery\"><strong>" + c.l("lottery.heading") +
                      "</strong>: " + html_escape(line) + "</p>\n";
    w.buffer() += "</section>\n";
}

std::string warnings_section(const Result& result, Lang lang) {
    if (result.warnings.empty()) return "";
    std::string out = fmt::format("<section class=\"warnings\">\n<h2>{}</h2>\n<ul>\n",
                                  html_escape(label("label.warnings", lang)));
    for (const auto& w : result.warnings)
        out += fmt::format("<li data-track=\"{}\" data-code=\"{}\">{}: <code>{}</code> {}</li>\n",
                           html_escape(w.track), html_escape(w.code), html_escape(w.track),
                           html_escape(warning_label(w, lang)), html_escape(warning_text(w, lang)));
    return out + "</ul>\n</section>\n";
}

}  // namespace

void render_html(const Result& result, Lang lang, const Sink& sink) {
    const Rules& rules = *result.rules;
    std::string title = fmt::format("{} {} — {}", rules.program.name, rules.program.year,
                                    label("label.report", lang));
    Piecewise w(sink);
    std::string& out = w.buffer();
    out += html_page_head(html_escape(title), lang,
                          std::string(css) + std::string(lang == Lang::ko ? css_ko : "") +
                              std::string(result.robustness ? share_css : "") +
                              print_footer(result, lang));
    out += report_header(result, lang);
    out += track_overview(result, lang);
    for (const auto& tr : result.tracks) track_section(w, result, tr, lang);
    out += warnings_section(result, lang);
    out += fmt::format(
        "<footer>{}</footer>\n",
        format_message("html.generated", lang, {{"version", html_escape(KCITY_VERSION)}}));
    out += "</body>\n</html>\n";
    w.finish();
}

std::string render_html(const Result& result, Lang lang) {
    return collect([&](const Sink& sink) { render_html(result, lang, sink); });
}

}  // namespace kcity

namespace kcity {

// Shared with every HTML page (html_page.hpp): the palette, the box model and the page's font.
constexpr std::string_view page_css =
    R"css(:root{--ink:#1d2430;--muted:#5b6472;--line:#d5dae1;--soft:#f3f5f8;
--sel:#fff4c2;--accent:#1f4e99;--bad:#b3261e;--ok:#1b7f3b}
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:1120px;padding:24px 28px 40px;color:var(--ink);background:#fff;
font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans KR","Noto Sans CJK KR",
"Apple SD Gothic Neo","Malgun Gothic",sans-serif}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.35em;margin:0 0 .5em;padding-bottom:.2em;
)css";

std::string html_page_head(std::string_view title, Lang lang, std::string_view style) {
    std::string out = "<!DOCTYPE html>\n";
    out += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                       lang == Lang::ko ? "ko" : "en");
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out +=
        fmt::format("<meta name=\"generator\" content=\"kcity {}\">\n", html_escape(KCITY_VERSION));
    out += fmt::format("<title>{}</title>\n<style>\n{}{}</style>\n</head>\n<body>\n", title,
                       page_css, style);
    return out;
}

}  // namespace kcity
