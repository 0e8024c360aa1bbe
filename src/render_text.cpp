// The selection report for the secretariat and the committee, in a terminal or on paper.
#include <fmt/format.h>

#include "kcity/render.hpp"
#include "kcity/text_util.hpp"

namespace kcity {
namespace {

std::string krw(Krw amount) {
    return format_grouped(amount);
}

std::string score_text(const std::optional<Decimal>& d, int places) {
    return d ? format_decimal(*d, places) : "-";
}

std::string reasons_text(const std::vector<Reason>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : "; ") + r.code + ": " + r.message;
    return out;
}

// Selected and reserve: the full line with each criterion and the award.
std::string ranked_table(const TrackRules& t, const std::vector<const ProposalResult*>& rows,
                         bool with_reason) {
    std::vector<std::string> head = {"Rank", "ID", "Country", "City", "Score"};
    std::vector<Align> align = {Align::right, Align::left, Align::left, Align::left, Align::right};
    for (const auto& c : t.criteria) {
        head.push_back(c.name.get(false));
        align.push_back(Align::right);
    }
    head.push_back(with_reason ? "Request (KRW)" : "Award (KRW)");
    align.push_back(Align::right);
    if (with_reason) head.push_back("Reason");
    std::vector<std::vector<std::string>> table = {head};
    for (const ProposalResult* r : rows) {
        const Proposal& p = *r->proposal;
        std::vector<std::string> row = {std::to_string(*r->rank), p.id, p.country, p.city,
                                        score_text(r->score, t.rounding)};
        for (const auto& c : r->criteria) row.push_back(format_decimal(c, t.rounding));
        row.push_back(krw(with_reason ? p.requested_krw : *r->award_krw));
        if (with_reason) row.push_back(reasons_text(r->reasons));
        table.push_back(std::move(row));
    }
    return render_columns(table, align, "  ");
}

// The others: rank (when ranked), score, and why.
std::string reason_table(const TrackRules& t, const std::vector<const ProposalResult*>& rows) {
    std::vector<std::vector<std::string>> table = {
        {"Rank", "ID", "Country", "City", "Score", "Reasons"}};
    for (const ProposalResult* r : rows) {
        const Proposal& p = *r->proposal;
        table.push_back({r->rank ? std::to_string(*r->rank) : "-", p.id, p.country, p.city,
                         score_text(r->score, t.rounding), reasons_text(r->reasons)});
    }
    return render_columns(
        table, {Align::right, Align::left, Align::left, Align::left, Align::right, Align::left},
        "  ");
}

std::string section(const char* heading, const std::string& body, std::size_t count) {
    return fmt::format("\n{} ({})\n{}", heading, count, body);
}

std::string track_text(const TrackResult& tr) {
    const TrackRules& t = *tr.rules;
    const SelectionRules& s = t.selection;
    std::string out = fmt::format("\n== {} ({}) ==\n", t.name.get(false), t.id);
    out += fmt::format(
        "Received {}, eligible {}, scored {}, candidates {}; selected {} of {}–{}; "
        "awarded {} of {} KRW; method {}\n",
        tr.received, tr.eligible, tr.scored, tr.candidates, tr.selected, s.min, s.max,
        krw(tr.awarded_krw), krw(s.budget_krw), tr.method == Method::merit ? "merit" : "optimal");
    if (tr.shortfall) {
        out +=
            fmt::format("\n!! SHORTFALL: {} selected, at least {} required\n", tr.selected, s.min);
        for (const auto& r : tr.shortfall_reasons)
            out += fmt::format("   - {}: {}\n", r.code, r.message);
    }
    std::vector<const ProposalResult*> by[7];
    for (const auto& r : tr.proposals) by[static_cast<int>(r.status)].push_back(&r);
    auto count = [&](Status st) { return by[static_cast<int>(st)].size(); };
    const auto& selected = by[static_cast<int>(Status::selected)];
    out += section("Selected", selected.empty() ? "  (none)\n" : ranked_table(t, selected, false),
                   selected.size());
    const auto& reserve = by[static_cast<int>(Status::reserve)];
    if (!reserve.empty()) out += section("Reserve", ranked_table(t, reserve, true), reserve.size());
    const std::pair<Status, const char*> others[] = {{Status::not_selected, "Not selected"},
                                                     {Status::withdrawn, "Withdrawn"},
                                                     {Status::below_threshold, "Below threshold"},
                                                     {Status::unscored, "Unscored"},
                                                     {Status::ineligible, "Ineligible"}};
    for (const auto& [st, heading] : others)
        if (count(st))
            out += section(heading, reason_table(t, by[static_cast<int>(st)]), count(st));
    return out;
}

}  // namespace

std::string render_text(const Result& result) {
    const Rules& rules = *result.rules;
    std::string out =
        fmt::format("{} {} — selection report\n", rules.program.name, rules.program.year);
    out += fmt::format("Rules:     {} (sha256 {})\n", rules.origin, rules.sha256);
    out +=
        fmt::format("Proposals: {} (sha256 {})\n", result.proposal_count, result.proposals_sha256);
    for (const auto& tr : result.tracks) out += track_text(tr);
    if (!result.warnings.empty()) {
        out += "\nWarnings\n";
        for (const auto& w : result.warnings)
            out += fmt::format("  {}: {}: {}\n", w.track, w.code, w.message);
    }
    return out;
}

}  // namespace kcity
