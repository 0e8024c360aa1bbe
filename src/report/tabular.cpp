// The report as Markdown and as CSV, and the dispatch by format.
#include <fmt/format.h>

#include "kcity/base/countries.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/render.hpp"

namespace kcity {
namespace {

std::string reasons_line(const std::vector<Reason>& reasons, Lang lang, std::string_view sep) {
    std::string out;
    for (const auto& r : reasons)
        out += (out.empty() ? "" : std::string(sep)) + r.code + ": " + reason_text(r, lang);
    return out;
}

std::string md_row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + markdown_cell(c) + " |";
    return out + "\n";
}

std::string optional_score(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : "";
}

std::string md_track(const TrackResult& tr, Lang lang) {
    const TrackRules& t = *tr.rules;
    bool ko = lang == Lang::ko;
    std::string out = fmt::format("\n## {} ({})\n\n", t.name.get(ko), t.id);
    const SelectionRules& s = t.selection;
    // Withdrawals, when there are any, as in the text report: they are scored but neither
    // candidates nor below the threshold, so without them the numbers would not add up.
    std::string withdrawn =
        tr.withdrawn ? fmt::format(" · {} {}", label("label.withdrawn-count", lang), tr.withdrawn)
                     : "";
    out += fmt::format("{} {} · {} {} · {} {}{} · {} {} · {} {} ({}–{}) · {} {} / {}\n",
                       label("label.received", lang), tr.received, label("label.eligible", lang),
                       tr.eligible, label("label.scored", lang), tr.scored, withdrawn,
                       label("label.candidates", lang), tr.candidates,
                       label("label.selected-of", lang), tr.selected, s.min, s.max,
                       label("label.awarded", lang), format_krw(tr.awarded_krw, lang),
                       format_krw(s.budget_krw, lang));
    if (tr.shortfall) {
        out +=
            fmt::format("\n> **{}**: {}\n", label("label.shortfall", lang),
                        format_message("label.shortfall-line", lang,
                                       {{"selected", Count{tr.selected}}, {"min", Count{s.min}}}));
        for (const auto& r : tr.shortfall_reasons)
            out += "> - `" + r.code + "`: " + reason_text(r, lang) + "\n";
    }
    std::vector<std::string> head = {label("label.rank", lang),    label("label.id", lang),
                                     label("label.country", lang), label("label.city", lang),
                                     label("label.title", lang),   label("label.status", lang),
                                     label("label.score", lang)};
    for (const auto& c : t.criteria) head.push_back(c.name.get(ko));
    head.push_back(label("label.award", lang));
    head.push_back(label("label.reasons", lang));
    out += "\n" + md_row(head) + "|";
    for (std::size_t i = 0; i < head.size(); ++i) out += "---|";
    out += "\n";
    for (const auto& r : tr.proposals) {
        const Proposal& p = *r.proposal;
        std::vector<std::string> row = {r.rank ? std::to_string(*r.rank) : "-",
                                        p.id,
                                        country_name(p.country, lang),
                                        p.city,
                                        p.title.get(ko),
                                        status_label(r.status, lang),
                                        r.score ? format_decimal(*r.score, t.rounding) : "-"};
        for (std::size_t i = 0; i < t.criteria.size(); ++i)
            row.push_back(r.rank ? format_decimal(r.criteria[i], t.rounding) : "-");
        row.push_back(r.award_krw ? format_krw(*r.award_krw, lang) : "-");
        row.push_back(reasons_line(r.reasons, lang, "; "));
        out += md_row(row);
    }
    return out;
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    return out + "\r\n";
}

std::string list_of(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return out;
}

}  // namespace

std::string render_markdown(const Result& result, Lang lang) {
    const Rules& rules = *result.rules;
    std::string out = fmt::format("# {} {} — {}\n\n", rules.program.name, rules.program.year,
                                  label("label.report", lang));
    out += fmt::format("- {}: `{}` (sha256 `{}`)\n", label("label.rules", lang), rules.origin,
                       rules.sha256);
    out += fmt::format("- {}: {} (sha256 `{}`)\n", label("label.proposals", lang),
                       result.proposal_count, result.proposals_sha256);
    for (const auto& tr : result.tracks) out += md_track(tr, lang);
    return out;
}

std::string render_csv(const Result& result, Lang lang, bool bom) {
    // The criteria of every reported track, as columns named track.criterion.
    std::vector<std::string> head = {"track",     "id",     "country", "city",  "title",
                                     "applicant", "status", "rank",    "score", "base"};
    for (const auto& tr : result.tracks)
        for (const auto& c : tr.rules->criteria) head.push_back(tr.rules->id + "." + c.id);
    for (const char* h : {"adjustments", "requested_krw", "award_krw", "reviews_used",
                          "reviews_trimmed", "reviews_excluded", "reasons"})
        head.push_back(h);
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    out += csv_row(head);
    for (const auto& tr : result.tracks) {
        const TrackRules& t = *tr.rules;
        for (const auto& r : tr.proposals) {
            const Proposal& p = *r.proposal;
            std::vector<std::string> row = {t.id,
                                            p.id,
                                            p.country,
                                            p.city,
                                            p.title.get(lang == Lang::ko),
                                            p.applicant.name,
                                            status_code(r.status),
                                            r.rank ? std::to_string(*r.rank) : "",
                                            optional_score(r.score, t.rounding),
                                            optional_score(r.base, t.rounding)};
            for (const auto& other : result.tracks)
                for (std::size_t i = 0; i < other.rules->criteria.size(); ++i)
                    row.push_back(other.rules == tr.rules && r.rank
                                      ? format_decimal(r.criteria[i], t.rounding)
                                      : "");
            std::string adjustments;
            for (const auto& a : r.adjustments)
                adjustments += (adjustments.empty() ? "" : " ") + a->id + ":" + a->points_text;
            row.push_back(adjustments);
            row.push_back(std::to_string(p.requested_krw));
            row.push_back(r.award_krw ? std::to_string(*r.award_krw) : "");
            row.push_back(list_of(r.used()));
            row.push_back(list_of(r.trimmed()));
            row.push_back(list_of(r.excluded()));
            row.push_back(reasons_line(r.reasons, lang, "; "));
            out += csv_row(row);
        }
    }
    return out;
}

std::string render_report(const Result& result, const std::string& format, Lang lang, bool bom) {
    if (format == "json") return render_json(result, lang);
    if (format == "markdown") return render_markdown(result, lang);
    if (format == "csv") return render_csv(result, lang, bom);
    if (format == "html") return render_html(result, lang);
    return render_text(result, lang);
}

void render_report(const Result& result, const std::string& format, Lang lang, bool bom,
                   const Sink& sink) {
    if (format == "json") return render_json(result, lang, sink);
    sink(render_report(result, format, lang, bom));
}

}  // namespace kcity
