// The selection report for the secretariat and the committee, in a terminal or on paper, in
// English or Korean. Every word comes from the message table (i18n.cpp).
#include "kcity/base/text.hpp"

#include <fmt/format.h>

#include "kcity/base/countries.hpp"
#include "kcity/report/calibration.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/report/lottery.hpp"
#include "kcity/report/render.hpp"
#include "kcity/report/robustness.hpp"
#include "out.hpp"

namespace kcity {
namespace {

// Titles are shortened to keep a line of the report within a wide terminal.
constexpr std::size_t title_width = 36;

struct Ctx {
    const TrackRules& t;
    Lang lang;
    bool color = false;
    bool calibrated = false;  // the track calibrates: a raw score beside each score
    // With `score --robustness N`, the track whose ranked proposals have a share of the runs.
    const TrackResult* shares = nullptr;
    // ANSI SGR codes: "1" bold, "32" green, "33" yellow, "31" red, "2" dim.
    std::string paint(const std::string& text, const char* sgr) const {
        return color ? std::string("\x1b[") + sgr + "m" + text + "\x1b[0m" : text;
    }
    bool ko() const { return lang == Lang::ko; }
    std::string l(std::string_view key) const { return label(key, lang); }
};

// Amounts in tables: English as grouped digits under a "(KRW)" heading, to keep columns narrow;
// everywhere else format_krw.
std::string amount(Krw a, Lang lang) {
    return lang == Lang::ko ? format_krw_korean(a) : format_grouped(a);
}

std::string score_text(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : "-";
}

// `score --robustness N`: the column of each ranked proposal's share of the runs, after the
// scores ("97.5% secure"; "-" for the unranked).
void share_head(const Ctx& c, std::vector<std::string>& head, std::vector<Align>& align) {
    if (!c.shares) return;
    head.push_back(c.l("robustness.report-column"));
    align.push_back(Align::left);
}

void share_cell(const Ctx& c, const ProposalResult& r, std::vector<std::string>& row) {
    if (!c.shares) return;
    const RunShare* share = c.shares->share(r);
    row.push_back(share ? run_share_text(*share, c.lang) : "-");
}

std::vector<std::string> identity(const Ctx& c, const ProposalResult& r) {
    const Proposal& p = *r.proposal;
    return {r.rank ? std::to_string(*r.rank) : "-", p.id, country_name(p.country, c.lang), p.city,
            truncate_width(plain_text(p.title.get(c.ko())), title_width)};
}

std::vector<std::string> identity_head(const Ctx& c) {
    return {c.l("label.rank"), c.l("label.id"), c.l("label.country"), c.l("label.city"),
            c.l("label.title")};
}

const std::vector<Align> identity_align = {Align::right, Align::left, Align::left, Align::left,
                                           Align::left};

// A table of `rows` under `head`, written a row at a time: the widths are measured over every
// row first, so that the rows are made twice rather than held (a track of 50,000 proposals).
template <class MakeRow>
void write_table(Piecewise& w, const std::vector<std::string>& head, std::vector<Align> align,
                 const std::vector<const ProposalResult*>& rows, const MakeRow& make_row) {
    TextColumns columns(std::move(align), "  ");
    columns.measure(head);
    for (const ProposalResult* r : rows) columns.measure(make_row(*r));
    columns.write(w.buffer(), head);
    for (const ProposalResult* r : rows) {
        columns.write(w.buffer(), make_row(*r));
        w.boundary();
    }
}

// Selected and reserve: the full line with each criterion and the award (or request).
void ranked_table(Piecewise& w, const Ctx& c, const std::vector<const ProposalResult*>& rows,
                  bool reserve) {
    std::vector<std::string> head = identity_head(c);
    std::vector<Align> align = identity_align;
    head.push_back(c.l("label.score"));
    align.push_back(Align::right);
    if (c.calibrated) {
        head.push_back(c.l("calib.raw-score"));
        align.push_back(Align::right);
    }
    share_head(c, head, align);
    for (const auto& crit : c.t.criteria) {
        head.push_back(crit.name.get(c.ko()));
        align.push_back(Align::right);
    }
    head.push_back(c.l(reserve ? "label.request" : "label.award") + (c.ko() ? "" : " (KRW)"));
    align.push_back(Align::right);
    if (reserve) head.push_back(c.l("label.reason"));
    write_table(w, head, align, rows, [&](const ProposalResult& r) {
        std::vector<std::string> row = identity(c, r);
        row.push_back(score_text(r.score, c.t.rounding));
        if (c.calibrated) row.push_back(score_text(r.raw_score, c.t.rounding));
        share_cell(c, r, row);
        for (const auto& v : r.criteria) row.push_back(format_decimal(v, c.t.rounding));
        row.push_back(amount(reserve ? r.proposal->requested_krw : *r.award_krw, c.lang));
        if (reserve) row.push_back(reasons_words(r.reasons, c.lang));
        return row;
    });
}

// The others: rank (when ranked), score, and why.
void reason_table(Piecewise& w, const Ctx& c, const std::vector<const ProposalResult*>& rows) {
    std::vector<std::string> head = identity_head(c);
    std::vector<Align> align = identity_align;
    head.push_back(c.l("label.score"));
    align.push_back(Align::right);
    if (c.calibrated) {
        head.push_back(c.l("calib.raw-score"));
        align.push_back(Align::right);
    }
    share_head(c, head, align);
    head.push_back(c.l("label.reasons"));
    align.push_back(Align::left);
    write_table(w, head, align, rows, [&](const ProposalResult& r) {
        std::vector<std::string> row = identity(c, r);
        row.push_back(score_text(r.score, c.t.rounding));
        if (c.calibrated) row.push_back(score_text(r.raw_score, c.t.rounding));
        share_cell(c, r, row);
        row.push_back(reasons_words(r.reasons, c.lang));
        return row;
    });
}

std::string heading(const Ctx& c, const std::string& text, const char* sgr, std::size_t count) {
    return "\n" + c.paint(fmt::format("{} ({})", text, count), sgr) + "\n";
}

// Every proposal a bonus or a penalty matched, by rank: the points would otherwise be seen
// only as the score (a +1 and a -1 that cancel not at all).
void adjustments_text(Piecewise& w, const Ctx& c, const TrackResult& tr) {
    std::vector<std::pair<const ProposalResult*, std::string>> lines;
    for (const auto& r : tr.proposals)
        if (std::string words = adjustments_words(c.t, r, c.lang); !words.empty())
            lines.emplace_back(&r, std::move(words));
    if (lines.empty()) return;
    w.buffer() += heading(c, c.l("adjust.heading"), "1", lines.size());
    for (const auto& [r, words] : lines) {
        w.buffer() += fmt::format("  {}  {}\n", r->proposal->id, words);
        w.boundary();
    }
}

// SPEC §6 step 2a: each reviewer's offsets, when the track calibrates.
void calibration_text(Piecewise& w, const Ctx& c, const TrackResult& tr) {
    if (!tr.calibration) return;
    w.buffer() += heading(c, c.l("calib.heading"), "1", tr.calibration->reviewers.size());
    w.buffer() += "  " + c.l("calib.note") + "\n";
    std::vector<Align> align(2 + c.t.criteria.size(), Align::right);
    align[0] = Align::left;
    TextColumns columns(align, "  ");
    const auto head = calibration_head(c.t, c.lang);
    const auto rows = calibration_rows(c.t, *tr.calibration);
    columns.measure(head);
    for (const auto& row : rows) columns.measure(row);
    columns.write(w.buffer(), head);
    for (const auto& row : rows) columns.write(w.buffer(), row);
    w.boundary();
}

std::string summary(const Ctx& c, const TrackResult& tr) {
    const SelectionRules& s = c.t.selection;
    std::string range = s.min == s.max ? std::to_string(s.min) : fmt::format("{}–{}", s.min, s.max);
    // Withdrawals, when there are any (the catalogue names them then): they are scored but
    // neither candidates nor below the threshold, so without them the numbers would not add up.
    return format_message(
               "text.summary", c.lang,
               {{"received", Count{tr.received}},
                {"eligible", Count{tr.eligible}},
                {"scored", Count{tr.scored}},
                {"withdrawn", Count{tr.withdrawn}},
                {"candidates", Count{tr.candidates}},
                {"selected", Count{tr.selected}},
                {"wanted", range},
                {"awarded", Money{tr.awarded_krw}},
                {"budget", Money{s.budget_krw}},
                {"method", c.l(tr.method == Method::merit ? "method.merit" : "method.optimal")}}) +
           "\n";
}

void track_text(Piecewise& w, const Result& result, const TrackResult& tr, Lang lang, bool color) {
    Ctx c{*tr.rules, lang, color, tr.calibration.has_value(), result.robustness ? &tr : nullptr};
    std::string& out = w.buffer();
    out += "\n" + c.paint(fmt::format("== {} ({}) ==", c.t.name.get(c.ko()), c.t.id), "1") + "\n";
    out += summary(c, tr);
    if (tr.shortfall) {
        out += "\n" +
               c.paint(fmt::format("!! {}: {}", c.l("label.shortfall"),
                                   format_message("label.shortfall-line", lang,
                                                  {{"selected", Count{tr.selected}},
                                                   {"min", Count{c.t.selection.min}}})),
                       "1;31") +
               "\n";
        for (const auto& r : tr.shortfall_reasons)
            out += fmt::format("   - {}: {}\n", reason_label(r, lang), reason_text(r, lang));
    }
    std::vector<const ProposalResult*> by[7];
    for (const auto& r : tr.proposals) by[static_cast<int>(r.status)].push_back(&r);
    auto group = [&](Status st) -> const std::vector<const ProposalResult*>& {
        return by[static_cast<int>(st)];
    };
    const auto& selected = group(Status::selected);
    out += heading(c, c.l("label.selected"), "1;32", selected.size());
    if (selected.empty())
        out += "  " + c.l("label.none") + "\n";
    else
        ranked_table(w, c, selected, false);
    if (const auto& reserve = group(Status::reserve); !reserve.empty()) {
        w.buffer() += heading(c, c.l("label.reserve"), "1;33", reserve.size());
        ranked_table(w, c, reserve, true);
    }
    const std::pair<Status, const char*> others[] = {
        {Status::not_selected, "label.not-selected"},
        {Status::withdrawn, "label.withdrawn"},
        {Status::below_threshold, "label.below-threshold"},
        {Status::unscored, "label.unscored"},
        {Status::ineligible, "label.ineligible"}};
    for (const auto& [st, key] : others)
        if (!group(st).empty()) {
            w.buffer() += heading(c, c.l(key), "1", group(st).size());
            reason_table(w, c, group(st));
        }
    adjustments_text(w, c, tr);
    calibration_text(w, c, tr);
    // Ties the lottery decided (SPEC §6: the report says so).
    for (const auto& line : lottery_lines(result, tr, lang))
        w.buffer() += "\n" + c.l("lottery.heading") + ": " + plain_text(line) + "\n";
}

}  // namespace

void render_text(const Result& result, Lang lang, bool color, const Sink& sink) {
    const Rules& rules = *result.rules;
    Piecewise w(sink);
    std::string& out = w.buffer();
    out += fmt::format("{} {} — {}\n", rules.program.name, rules.program.year,
                       label("label.report", lang));
    std::string rules_label = label("label.rules", lang),
                proposals_label = label("label.proposals", lang);
    std::size_t width = std::max(display_width(rules_label), display_width(proposals_label)) + 1;
    out += fmt::format("{} {} (sha256 {})\n", pad(rules_label + ":", width, Align::left),
                       rules.origin, rules.sha256);
    out += fmt::format("{} {} (sha256 {})\n", pad(proposals_label + ":", width, Align::left),
                       result.proposal_count, result.proposals_sha256);
    if (result.robustness) out += plain_text(robustness_note(*result.robustness, lang)) + "\n";
    for (const auto& tr : result.tracks) track_text(w, result, tr, lang, color);
    if (!result.warnings.empty()) {
        out += "\n" + label("label.warnings", lang) + "\n";
        for (const auto& wn : result.warnings)
            out += fmt::format("  {}: {}: {}\n", wn.track, warning_label(wn, lang),
                               warning_text(wn, lang));
    }
    w.finish();
}

std::string render_text(const Result& result, Lang lang, bool color) {
    return collect([&](const Sink& sink) { render_text(result, lang, color, sink); });
}

}  // namespace kcity
