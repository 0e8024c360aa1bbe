// `kcity robustness`'s report: per track, each ranked proposal's real status, how often it was
// selected, its rank interval and class; the secure count, the funding line and the pairs the
// real run ordered against the odds (SPEC §9). Short (one line per ranked proposal): held whole.
#include "kcity/report/robustness.hpp"

#include <fmt/format.h>

#include "html_page.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/escape.hpp"

namespace kcity {
namespace {

std::string rank_text(const std::optional<int>& rank, Lang lang) {
    return rank ? std::to_string(*rank) : label("robustness.unranked", lang);
}

std::string interval_text(const RobustProposal& p, Lang lang) {
    return rank_text(p.rank_p5, lang) + "–" + rank_text(p.rank_p50, lang) + "–" +
           rank_text(p.rank_p95, lang);
}

std::string class_label(RobustClass c, Lang lang) {
    return robust_class_label(c, lang);
}

std::string track_heading(const TrackRules& t, Lang lang) {
    return t.name.get(lang == Lang::ko) + " (" + t.id + ")";
}

std::string perturbed_text(bool resample, const std::optional<Decimal>& weights_percent,
                           Lang lang) {
    std::vector<std::string> parts;
    if (resample) parts.push_back(label("robustness.resampled", lang));
    if (weights_percent)
        parts.push_back(format_message("robustness.weights", lang,
                                       {{"percent", format_decimal_short(*weights_percent)}}));
    if (parts.empty()) return label("robustness.nothing", lang);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

std::string perturbed_text(const RobustnessOptions& o, Lang lang) {
    return perturbed_text(o.resample, o.weights_percent, lang);
}

std::string secure_line(const RobustTrack& t, Lang lang) {
    return format_message("robustness.secure", lang,
                          {{"secure", Count{t.secure}}, {"selected", Count{t.real->selected}}});
}

std::string pair_text(const RobustTrack& t, const std::pair<std::size_t, std::size_t>& pr,
                      Lang lang) {
    const RobustProposal& a = t.proposals[pr.first];
    const RobustProposal& b = t.proposals[pr.second];
    return format_message("robustness.pair", lang,
                          {{"selected", a.real->proposal->id},
                           {"a", share_text(a.share_tenths)},
                           {"other", b.real->proposal->id},
                           {"b", share_text(b.share_tenths)}});
}

std::string borderline_ids(const RobustTrack& t, Lang lang) {
    std::string out;
    for (std::size_t i : t.borderline)
        out += (out.empty() ? "" : ", ") + t.proposals[i].real->proposal->id;
    return out.empty() ? label("label.none", lang) : out;
}

std::vector<std::string> head(Lang lang) {
    return {label("label.rank", lang),        label("label.id", lang),
            label("robustness.status", lang), label("robustness.selected-runs", lang),
            label("robustness.share", lang),  label("robustness.rank-interval", lang),
            label("robustness.class", lang)};
}

std::vector<std::string> row(const RobustProposal& p, Lang lang) {
    return {std::to_string(*p.real->rank),
            p.real->proposal->id,
            status_label(p.real->status, lang),
            std::to_string(p.selected_runs),
            share_text(p.share_tenths),
            interval_text(p, lang),
            class_label(p.cls, lang)};
}

// ---------------------------------------------------------------------------------------------

std::string render_text(const Robustness& r, Lang lang) {
    std::string out = label("robustness.title", lang) + "\n";
    out += label("robustness.runs", lang) + ": " + std::to_string(r.options.runs) + " · " +
           label("robustness.seed", lang) + ": " + plain_text(r.options.seed) + " · " +
           label("robustness.perturbed", lang) + ": " + perturbed_text(r.options, lang) + "\n";
    const std::vector<Align> align = {Align::right, Align::left, Align::left, Align::right,
                                      Align::right, Align::left, Align::left};
    for (const auto& t : r.tracks) {
        out += "\n" + plain_text(track_heading(*t.real->rules, lang)) + "\n";
        std::vector<std::vector<std::string>> rows = {head(lang)};
        for (const auto& p : t.proposals) rows.push_back(row(p, lang));
        if (t.proposals.empty())
            out += "  " + label("label.none", lang) + "\n";
        else
            out += render_columns(rows, align, "  ");
        out += "  " + secure_line(t, lang) + "\n";
        out += "  " + label("robustness.borderline", lang) + ": " + borderline_ids(t, lang) + "\n";
        out += "  " + label("robustness.against-odds", lang) + ":";
        if (t.against_odds.empty()) out += " " + label("label.none", lang);
        out += "\n";
        for (const auto& pr : t.against_odds) out += "    " + pair_text(t, pr, lang) + "\n";
    }
    return out;
}

std::string render_markdown(const Robustness& r, Lang lang) {
    std::string out = "# " + label("robustness.title", lang) + "\n\n";
    out += "- " + label("robustness.runs", lang) + ": " + std::to_string(r.options.runs) + "\n";
    out += "- " + label("robustness.seed", lang) + ": `" + markdown_cell(r.options.seed) + "`\n";
    out +=
        "- " + label("robustness.perturbed", lang) + ": " + perturbed_text(r.options, lang) + "\n";
    for (const auto& t : r.tracks) {
        out += "\n## " + markdown_cell(track_heading(*t.real->rules, lang)) + "\n\n";
        if (!t.proposals.empty()) {
            for (const auto& h : head(lang)) out += "| " + markdown_cell(h) + " ";
            out += "|\n|---:|---|---|---:|---:|---|---|\n";
            for (const auto& p : t.proposals) {
                for (const auto& cell : row(p, lang)) out += "| " + markdown_cell(cell) + " ";
                out += "|\n";
            }
            out += "\n";
        }
        out += secure_line(t, lang) + "\n\n";
        out += label("robustness.borderline", lang) + ": " +
               markdown_cell(borderline_ids(t, lang)) + "\n\n";
        out += label("robustness.against-odds", lang) + ":";
        if (t.against_odds.empty()) out += " " + label("label.none", lang);
        out += "\n";
        if (!t.against_odds.empty()) out += "\n";
        for (const auto& pr : t.against_odds)
            out += "- " + markdown_cell(pair_text(t, pr, lang)) + "\n";
    }
    return out;
}

std::string json_rank(const std::optional<int>& rank) {
    return rank ? std::to_string(*rank) : "null";
}

std::string render_json(const Robustness& r) {
    std::string out = "{\n  \"format_version\": 1,\n";
    out += fmt::format("  \"runs\": {},\n  \"seed\": {},\n", r.options.runs,
                       json_quote(r.options.seed));
    out += fmt::format(
        "  \"perturb\": {{\"resample\": {}, \"weights_percent\": {}}},\n",
        r.options.resample ? "true" : "false",
        r.options.weights_percent ? format_decimal_short(*r.options.weights_percent) : "null");
    out += "  \"tracks\": [";
    for (std::size_t k = 0; k < r.tracks.size(); ++k) {
        const RobustTrack& t = r.tracks[k];
        out += k ? ",\n" : "\n";
        out += fmt::format("    {{\n      \"track\": {},\n      \"secure\": {},\n",
                           json_quote(t.real->rules->id), t.secure);
        out += "      \"proposals\": [";
        for (std::size_t i = 0; i < t.proposals.size(); ++i) {
            const RobustProposal& p = t.proposals[i];
            out += i ? ",\n" : "\n";
            out += fmt::format(
                "        {{\"id\": {}, \"status\": \"{}\", \"selected_runs\": {}, \"share\": "
                "{}.{}, \"rank_p5\": {}, \"rank_p50\": {}, \"rank_p95\": {}, \"class\": \"{}\"}}",
                json_quote(p.real->proposal->id), status_code(p.real->status), p.selected_runs,
                p.share_tenths / 10, p.share_tenths % 10, json_rank(p.rank_p5),
                json_rank(p.rank_p50), json_rank(p.rank_p95), robust_class_code(p.cls));
        }
        out += t.proposals.empty() ? "],\n" : "\n      ],\n";
        out += "      \"borderline\": [";
        for (std::size_t i = 0; i < t.borderline.size(); ++i)
            out += (i ? ", " : "") + json_quote(t.proposals[t.borderline[i]].real->proposal->id);
        out += "],\n      \"against_odds\": [";
        for (std::size_t i = 0; i < t.against_odds.size(); ++i) {
            const auto& [a, b] = t.against_odds[i];
            out += fmt::format("{}{{\"selected\": {}, \"not_selected\": {}}}", i ? ", " : "",
                               json_quote(t.proposals[a].real->proposal->id),
                               json_quote(t.proposals[b].real->proposal->id));
        }
        out += "]\n    }";
    }
    out += r.tracks.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

// ---------------------------------------------------------------------------------------------
// HTML: one self-contained page in the selection report's style; per proposal a bar for its
// share and, beside it, its rank interval on the track's rank axis with the funding line (the
// last selected rank of the real run).

constexpr std::string_view css =
    R"css(border-bottom:2px solid var(--accent)}html:lang(ko) body{word-break:keep-all}
header.report dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.5em 0 1em}
header.report dt{font-weight:600}header.report dd{margin:0}
section.track{margin-top:2.2em}
table{border-collapse:collapse;width:100%;margin:.2em 0 .8em;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:middle}
th{background:var(--soft);font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
tr[data-status=selected] td{background:var(--sel)}
svg{display:block;height:auto}svg .bg{fill:var(--soft);stroke:var(--line)}
svg .share{fill:var(--accent)}tr[data-class=borderline] svg .share{fill:#ccbb44}
tr[data-class=out] svg .share{fill:#9aa3af}svg .interval{stroke:var(--ink);stroke-width:2}
svg .median{fill:var(--ink)}svg .funding-line{stroke:var(--bad);stroke-width:1.5;
stroke-dasharray:4 2}svg .line95{stroke:var(--ok);stroke-width:1}
.c-secure{color:var(--ok);font-weight:600}.c-borderline{color:#8a6d00;font-weight:600}
.c-out{color:var(--muted)}ul{margin:.3em 0 .8em}
footer{margin-top:2.5em;font-size:.85em;color:var(--muted);border-top:1px solid var(--line);
padding-top:.6em}
@page{size:A4;margin:12mm 10mm 14mm}
@media print{body{max-width:none;padding:0;font-size:8.6pt}tr{break-inside:avoid}}
)css";

constexpr int bar_width = 160, interval_width = 200, svg_height = 16;

// The share as a bar 160 wide, with the 95% mark.
std::string share_svg(const RobustProposal& p) {
    const std::int64_t w = p.share_tenths * bar_width / 1000;
    return fmt::format(
        "<svg class=\"share-bar\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">"
        "<rect class=\"bg\" x=\"0\" y=\"2\" width=\"{0}\" height=\"12\"/>"
        "<rect class=\"share\" x=\"0\" y=\"2\" width=\"{2}\" height=\"12\"/>"
        "<line class=\"line95\" x1=\"{3}\" y1=\"0\" x2=\"{3}\" y2=\"16\"/></svg>",
        bar_width, svg_height, w, bar_width * 95 / 100);
}

// The rank interval p5–p95 on an axis of ranks 1..n (+1: unranked), the median as a dot and
// the funding line between the last selected rank and the next.
std::string interval_svg(const RobustProposal& p, int ranks, int funding) {
    auto x = [&](const std::optional<int>& rank) {
        int v = rank ? *rank : ranks + 1;
        return 6 + (v - 1) * (interval_width - 12) / std::max(1, ranks);
    };
    std::string out = fmt::format(
        "<svg class=\"rank-interval\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">"
        "<rect class=\"bg\" x=\"0\" y=\"2\" width=\"{0}\" height=\"12\"/>",
        interval_width, svg_height);
    if (funding > 0) {
        int fx = 6 + (2 * funding - 1) * (interval_width - 12) / (2 * std::max(1, ranks));
        out += fmt::format(
            "<line class=\"funding-line\" x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"16\"/>", fx);
    }
    out += fmt::format(
        "<line class=\"interval\" x1=\"{}\" y1=\"8\" x2=\"{}\" y2=\"8\"/>"
        "<circle class=\"median\" cx=\"{}\" cy=\"8\" r=\"3\"/></svg>",
        x(p.rank_p5), x(p.rank_p95), x(p.rank_p50));
    return out;
}

std::string render_html(const Robustness& r, Lang lang) {
    auto l = [&](std::string_view key) { return html_escape(label(key, lang)); };
    std::string out = html_page_head(l("robustness.title"), lang, css);
    out += "<header class=\"report\">\n<h1>" + l("robustness.title") + "</h1>\n<dl>\n";
    out += "<dt>" + l("robustness.runs") + "</dt><dd>" + std::to_string(r.options.runs) + "</dd>\n";
    out += "<dt>" + l("robustness.seed") + "</dt><dd><code>" + html_escape(r.options.seed) +
           "</code></dd>\n";
    out += "<dt>" + l("robustness.perturbed") + "</dt><dd>" +
           html_escape(perturbed_text(r.options, lang)) + "</dd>\n</dl>\n</header>\n";
    for (const auto& t : r.tracks) {
        const TrackRules& rules = *t.real->rules;
        out += fmt::format("<section class=\"track\" data-track=\"{}\">\n<h2>{}</h2>\n",
                           html_escape(rules.id), html_escape(track_heading(rules, lang)));
        int funding = 0;  // the real run's last selected rank
        for (const auto& p : t.proposals)
            if (p.real->status == Status::selected) funding = *p.real->rank;
        const int ranks = static_cast<int>(t.proposals.size());
        if (!t.proposals.empty()) {
            out += "<table class=\"robustness\">\n<thead><tr>";
            std::vector<std::string> h = head(lang);
            for (std::size_t i = 0; i < h.size(); ++i) {
                bool num = i == 0 || i == 3 || i == 4;
                out += fmt::format("<th{}>{}</th>", num ? " class=\"num\"" : "", html_escape(h[i]));
                if (i == 4) out += "<th></th>";
                if (i == 5) out += "<th></th>";
            }
            out += "</tr></thead>\n<tbody>\n";
            for (const auto& p : t.proposals) {
                std::vector<std::string> c = row(p, lang);
                out += fmt::format(
                    "<tr data-id=\"{}\" data-status=\"{}\" data-class=\"{}\">"
                    "<td class=\"num\">{}</td><td><code>{}</code></td><td>{}</td>"
                    "<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td>"
                    "<td>{}</td><td class=\"c-{}\">{}</td></tr>\n",
                    html_escape(p.real->proposal->id), status_code(p.real->status),
                    robust_class_code(p.cls), c[0], html_escape(c[1]), html_escape(c[2]), c[3],
                    c[4], share_svg(p), html_escape(c[5]), interval_svg(p, ranks, funding),
                    robust_class_code(p.cls), html_escape(c[6]));
            }
            out += "</tbody>\n</table>\n";
        }
        out += "<p class=\"secure\">" + html_escape(secure_line(t, lang)) + "</p>\n";
        out += "<p class=\"borderline\">" + l("robustness.borderline") + ": " +
               html_escape(borderline_ids(t, lang)) + "</p>\n";
        out += "<p class=\"against-odds\">" + l("robustness.against-odds") + ":";
        if (t.against_odds.empty()) out += " " + l("label.none");
        out += "</p>\n";
        if (!t.against_odds.empty()) {
            out += "<ul class=\"against-odds\">\n";
            for (const auto& pr : t.against_odds)
                out += "<li>" + html_escape(pair_text(t, pr, lang)) + "</li>\n";
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    out += fmt::format("<footer>{}<br>kcity {}</footer>\n</body>\n</html>\n",
                       l("robustness.legend"), html_escape(KCITY_VERSION));
    return out;
}

}  // namespace

std::string share_text(std::int64_t tenths) {
    return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

std::string robust_class_label(RobustClass c, Lang lang) {
    return label(std::string("robustness.class.") + robust_class_code(c), lang);
}

std::string run_share_text(const RunShare& share, Lang lang) {
    return share_text(share.share_tenths) + " " + robust_class_label(share.cls, lang);
}

std::string robustness_note(const RobustnessRuns& runs, Lang lang) {
    return format_message(
        "robustness.report-line", lang,
        {{"runs", Count{runs.runs}},
         {"seed", runs.seed},
         {"perturbed", perturbed_text(runs.resample, runs.weights_percent, lang)}});
}

std::string render_robustness(const Robustness& r, Format format, Lang lang) {
    switch (format) {
        case Format::markdown:
            return render_markdown(r, lang);
        case Format::json:
            return render_json(r);
        case Format::html:
            return render_html(r, lang);
        default:
            return render_text(r, lang);
    }
}

}  // namespace kcity
