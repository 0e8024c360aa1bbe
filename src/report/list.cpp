// The selection list for the announcement (선정 결과): per track, the selected and reserve
// proposals only — country, city, project title, applicant, award — in every format.
#include <fmt/format.h>

#include "kcity/base/countries.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/escape.hpp"
#include "kcity/report/render.hpp"

namespace kcity {
namespace {

struct Row {
    const TrackResult* track;
    const ProposalResult* r;
};

std::vector<Row> rows_of(const TrackResult& tr) {
    std::vector<Row> out;
    for (Status st : {Status::selected, Status::reserve})
        for (const auto& r : tr.proposals)
            if (r.status == st) out.push_back({&tr, &r});
    return out;
}

std::vector<std::string> cells(const Row& row, Lang lang, bool raw_amounts) {
    const Proposal& p = *row.r->proposal;
    bool ko = lang == Lang::ko;
    std::string award = row.r->award_krw ? (raw_amounts ? std::to_string(*row.r->award_krw)
                                                        : format_krw(*row.r->award_krw, lang))
                                         : "";
    return {status_label(row.r->status, lang),
            std::to_string(*row.r->rank),
            country_name(p.country, lang),
            p.city,
            p.title.get(ko),
            p.applicant.name,
            award};
}

std::vector<std::string> head(Lang lang) {
    return {label("list.status", lang),   label("label.rank", lang),
            label("label.country", lang), label("label.city", lang),
            label("label.project", lang), label("label.applicant", lang),
            label("label.award", lang)};
}

std::string title_of(const Result& result, Lang lang) {
    const Program& p = result.rules->program;
    return fmt::format("{} {} — {}", p.name, p.year, label("label.selection-list", lang));
}

std::string list_text(const Result& result, Lang lang, bool markdown) {
    std::string out =
        markdown ? "# " + title_of(result, lang) + "\n" : title_of(result, lang) + "\n";
    for (const auto& tr : result.tracks) {
        std::string name = tr.rules->name.get(lang == Lang::ko);
        out += markdown ? "\n## " + name + "\n\n" : "\n== " + name + " ==\n";
        std::vector<std::vector<std::string>> table = {head(lang)};
        for (const auto& row : rows_of(tr)) table.push_back(cells(row, lang, false));
        if (markdown) {
            for (std::size_t i = 0; i < table.size(); ++i) {
                MarkdownRow row(out);
                for (const auto& c : table[i]) row.cell(c);
                row.end();
                if (i == 0) out += markdown_rule("lrllllr");
            }
        } else {
            // A tab or a line break in a title would break the columns.
            for (auto& row : table)
                for (auto& cell : row) cell = plain_text(cell);
            out += render_columns(table,
                                  {Align::left, Align::right, Align::left, Align::left, Align::left,
                                   Align::left, Align::right},
                                  "  ");
        }
    }
    return out;
}

std::string list_json(const Result& result) {
    std::string out = "{\n  \"format_version\": 1,\n  \"tracks\": [";
    for (std::size_t t = 0; t < result.tracks.size(); ++t) {
        const TrackResult& tr = result.tracks[t];
        out += fmt::format("{}\n    {{\"track\": {}, \"proposals\": [", t ? "," : "",
                           json_quote(tr.rules->id));
        auto rows = rows_of(tr);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Proposal& p = *rows[i].r->proposal;
            out += fmt::format(
                "{}\n      {{\"id\": {}, \"status\": {}, \"rank\": {}, \"country\": {}, "
                "\"city\": {}, "
                "\"title\": {}, \"applicant\": {}, \"award_krw\": {}}}",
                i ? "," : "", json_quote(p.id), json_quote(status_code(rows[i].r->status)),
                *rows[i].r->rank, json_quote(p.country), json_quote(p.city),
                json_quote(p.title.get(false)), json_quote(p.applicant.name),
                rows[i].r->award_krw ? std::to_string(*rows[i].r->award_krw) : "null");
        }
        out += rows.empty() ? "]}" : "\n    ]}";
    }
    return out + (result.tracks.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

std::string list_csv(const Result& result, Lang lang, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    CsvRow head_row(out);
    head_row.text(label("label.track", lang));
    for (const auto& h : head(lang)) head_row.text(h);
    head_row.end();
    for (const auto& tr : result.tracks)
        for (const auto& row : rows_of(tr)) {
            std::vector<std::string> c = cells(row, lang, true);
            // Rank and award are numbers; the rest is text.
            CsvRow record(out);
            record.text(tr.rules->name.get(lang == Lang::ko));
            for (std::size_t i = 0; i < c.size(); ++i)
                i == 1 || i == 6 ? record.number(c[i]) : record.text(c[i]);
            record.end();
        }
    return out;
}

std::string list_html(const Result& result, Lang lang) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n"
        "<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;width:100%"
        "}}"
        "th,td{{border:1px solid #999;padding:4px 8px;text-align:left}}td.n{{text-align:right}}"
        "@page{{size:A4;margin:15mm}}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        lang == Lang::ko ? "ko" : "en", html_escape(title_of(result, lang)),
        html_escape(title_of(result, lang)));
    for (const auto& tr : result.tracks) {
        out += "<h2>" + html_escape(tr.rules->name.get(lang == Lang::ko)) + "</h2>\n<table>\n<tr>";
        for (const auto& h : head(lang)) out += "<th>" + html_escape(h) + "</th>";
        out += "</tr>\n";
        for (const auto& row : rows_of(tr)) {
            auto c = cells(row, lang, false);
            out += fmt::format("<tr data-id=\"{}\" data-status=\"{}\">",
                               html_escape(row.r->proposal->id), status_code(row.r->status));
            for (std::size_t i = 0; i < c.size(); ++i)
                out +=
                    (i == 1 || i == 6 ? "<td class=\"n\">" : "<td>") + html_escape(c[i]) + "</td>";
            out += "</tr>\n";
        }
        out += "</table>\n";
    }
    return out + "</body>\n</html>\n";
}

}  // namespace

std::string render_list(const Result& result, Format format, Lang lang, bool bom) {
    if (format == Format::json) return list_json(result);
    if (format == Format::csv) return list_csv(result, lang, bom);
    if (format == Format::html) return list_html(result, lang);
    return list_text(result, lang, format == Format::markdown);
}

}  // namespace kcity
