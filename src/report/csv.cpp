// The report as CSV: one record per proposal with every field of the JSON report, criteria as
// columns named track.criterion. Text cells go through CsvRow::text, which keeps a title that
// begins with `=` from running as a formula in Excel (SPEC §8); numbers are written as they are.
#include <fmt/format.h>

#include "kcity/report/escape.hpp"
#include "kcity/report/render.hpp"
#include "kcity/select/robustness.hpp"
#include "out.hpp"

namespace kcity {
namespace {

std::string optional_score(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : "";
}

std::string list_of(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return out;
}

void head(std::string& out, const Result& result) {
    CsvRow row(out);
    for (const char* h : {"track", "id", "country", "city", "title", "applicant", "status", "rank",
                          "score", "base"})
        row.text(h);
    for (const auto& tr : result.tracks)
        for (const auto& c : tr.rules->criteria) row.text(tr.rules->id + "." + c.id);
    for (const char* h :
         {"adjustments", "adjustment_total", "requested_krw", "award_krw", "reviews_used",
          "reviews_trimmed", "reviews_excluded", "reasons", "adjustment_names", "adjustment_caps"})
        row.text(h);
    // `score --robustness N` only: each ranked proposal over the runs (SPEC §9).
    if (result.robustness)
        for (const char* h : {"robustness_selected_runs", "robustness_share", "robustness_class"})
            row.text(h);
    row.end();
}

void record(std::string& out, const Result& result, const TrackResult& tr, const ProposalResult& r,
            Lang lang) {
    const TrackRules& t = *tr.rules;
    const Proposal& p = *r.proposal;
    CsvRow row(out);
    row.text(t.id)
        .text(p.id)
        .text(p.country)
        .text(p.city)
        .text(p.title.get(lang == Lang::ko))
        .text(p.applicant.name)
        .text(status_code(r.status))
        .number(r.rank ? std::to_string(*r.rank) : "")
        .number(optional_score(r.score, t.rounding))
        .number(optional_score(r.base, t.rounding));
    // Every reported track's criteria: this track's filled in, the others' empty.
    for (const auto& other : result.tracks)
        for (std::size_t i = 0; i < other.rules->criteria.size(); ++i)
            row.number(other.rules == tr.rules && r.rank ? format_decimal(r.criteria[i], t.rounding)
                                                         : "");
    std::string adjustments;
    for (const auto& a : r.adjustments)
        adjustments += (adjustments.empty() ? "" : " ") + a->id + ":" + a->points_text;
    // The points added to the base after the caps (SPEC §6 step 4): with `adjustments`, before
    // them, the cap that applied is seen; score = base + adjustment_total.
    row.text(adjustments)
        .number(r.base ? format_decimal(r.adjustment_total, t.rounding) : "")
        .number(std::to_string(p.requested_krw))
        .number(r.award_krw ? std::to_string(*r.award_krw) : "")
        .text(list_of(r.used()))
        .text(list_of(r.trimmed()))
        .text(list_of(r.excluded()))
        .text(reasons_line(r.reasons, lang))
        // Added after the columns of format 1: the adjustments by name in the report's
        // language, and the caps when one changed their sum.
        .text(adjustment_names(r, lang))
        .text(adjustment_caps(t, r, lang));
    if (result.robustness) {
        const RunShare* share = tr.share(r);
        row.number(share ? std::to_string(share->selected_runs) : "")
            .number(share ? fmt::format("{}.{}", share->share_tenths / 10, share->share_tenths % 10)
                          : "")
            .text(share ? robust_class_code(share->cls) : "");
    }
    row.end();
}

}  // namespace

void render_csv(const Result& result, Lang lang, bool bom, const Sink& sink) {
    Piecewise w(sink);
    std::string& out = w.buffer();
    if (bom) out += "\xEF\xBB\xBF";
    head(out, result);
    for (const auto& tr : result.tracks)
        for (const auto& r : tr.proposals) {
            record(out, result, tr, r, lang);
            w.boundary();
        }
    w.finish();
}

std::string render_csv(const Result& result, Lang lang, bool bom) {
    return collect([&](const Sink& sink) { render_csv(result, lang, bom, sink); });
}

}  // namespace kcity
