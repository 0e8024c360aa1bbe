// The blank score sheets of `kcity sheets` (SPEC §11): their words (headers, the title line,
// the conflict words) in the language asked for, and the CSV form. Headers are names the
// score-sheet reader knows (SPEC §4), so that a filled sheet is read back as it is.
#include "kcity/report/sheets.hpp"

#include <algorithm>
#include <optional>

#include "kcity/base/fold.hpp"
#include "kcity/report/escape.hpp"

namespace kcity {
namespace {

bool korean(Lang lang) {
    return lang == Lang::ko;
}

// `사업 중요도 (30)`: the name the reader matches, and the maximum it drops.
std::string criterion_header(const Criterion& c, Lang lang) {
    const std::string& name = c.name.get(korean(lang));
    return (name.empty() ? c.id : name) + " (" + format_decimal_short(c.max) + ")";
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Excel's rules for a worksheet's name: at most 31 characters, none of []:*?/\, not empty, not
// starting or ending with an apostrophe, unique in the workbook. The track's name when it
// fits them, else its id (cut to 31).
std::string worksheet_name(const TrackRules& t, Lang lang, const std::vector<SheetTable>& taken) {
    auto used = [&](const std::string& n) {
        return std::any_of(taken.begin(), taken.end(),
                           [&](const SheetTable& s) { return fold_name(s.name) == fold_name(n); });
    };
    std::string name = t.name.get(korean(lang));
    bool fits = !name.empty() && code_points(name) <= 31 &&
                name.find_first_of("[]:*?/\\") == std::string::npos && name.front() != '\'' &&
                name.back() != '\'' && !used(name);
    return fits ? name : t.id.substr(0, 31);
}

std::vector<SheetColumn> columns_of(const TrackRules& t, Lang lang) {
    using enum SheetColumnKind;
    std::vector<SheetColumn> cols;
    for (const char* key :
         {"sheet.proposal", "sheet.title", "sheet.country", "sheet.city", "sheet.reviewer"})
        cols.push_back({given, label(key, lang), {}});
    for (const auto& c : t.criteria) cols.push_back({criterion, criterion_header(c, lang), c.max});
    cols.push_back({total, label("sheet.total", lang), {}});
    cols.push_back({conflict, label("sheet.conflict", lang), {}});
    cols.push_back({comment, label("sheet.comment", lang), {}});
    return cols;
}

// Why a reviewer is excluded from a proposal before scoring it: a declared conflict, or the
// organisation of the applicant or the partner (제척); nothing when they are not.
std::optional<std::string> conflict_note(const Proposal& p, const std::string& reviewer,
                                         Lang lang) {
    for (const auto& s : p.same_organisation)
        if (s.reviewer == reviewer)
            return label(s.partner ? "sheet.same-organisation-partner" : "sheet.same-organisation",
                         lang);
    if (std::find(p.conflicts.begin(), p.conflicts.end(), reviewer) != p.conflicts.end())
        return label("sheet.declared-conflict", lang);
    return std::nullopt;
}

SheetRow row_of(const Proposal& p, const std::string& reviewer,
                const std::vector<SheetColumn>& cols, Lang lang) {
    SheetRow row;
    row.cells = {p.id, p.title.get(korean(lang)), p.country, p.city, reviewer};
    row.cells.resize(cols.size());
    if (auto note = conflict_note(p, reviewer, lang)) {
        row.conflict = true;
        row.cells[cols.size() - 2] = label("sheet.yes", lang);
        row.cells[cols.size() - 1] = *note;
    }
    return row;
}

std::string reviewer_name(const Call& call, const std::string& id, Lang lang) {
    const PanelMember* m = call.rules.panel.find(id);
    if (!m) return id;
    const std::string& name = m->name.get(korean(lang));
    return name.empty() ? id : id + " " + name;
}

}  // namespace

std::vector<ReviewerSheet> reviewer_sheets(const Call& call, const Result& result,
                                           const std::vector<std::string>& reviewers, Lang lang) {
    std::vector<ReviewerSheet> out;
    for (const auto& id : reviewers) {
        ReviewerSheet sheet{id, {}, label("sheet.yes", lang), label("sheet.no", lang)};
        const PanelMember* member = call.rules.panel.find(id);
        for (const auto& tr : result.tracks) {
            const TrackRules& t = *tr.rules;
            if (member && !member->sits_on(t.id)) continue;
            SheetTable table;
            table.track = t.id;
            table.name = worksheet_name(t, lang, sheet.tables);
            table.title =
                format_label("sheet.title-line", lang,
                             {call.rules.program.name, std::to_string(call.rules.program.year),
                              t.name.get(korean(lang)), reviewer_name(call, id, lang)});
            table.columns = columns_of(t, lang);
            std::vector<const Proposal*> eligible;
            for (const auto& pr : tr.proposals)
                if (pr.status != Status::ineligible) eligible.push_back(pr.proposal);
            std::sort(eligible.begin(), eligible.end(),
                      [](const Proposal* a, const Proposal* b) { return a->id < b->id; });
            for (const Proposal* p : eligible)
                table.rows.push_back(row_of(*p, id, table.columns, lang));
            sheet.tables.push_back(std::move(table));
        }
        out.push_back(std::move(sheet));
    }
    return out;
}

namespace {

// A criterion column of the CSV form: its name, and its maximum when every track that has a
// criterion of that name gives it the same one.
struct CsvCriterion {
    std::string name;  // folded, to match as the reader does
    std::string header;
    bool same_max = true;
    Decimal max;
};

// `사업 중요도 (30)` → `사업 중요도`: the header without its maximum.
std::string without_max(const std::string& header) {
    return header.substr(0, header.rfind(" ("));
}

}  // namespace

std::string score_sheet_csv(const ReviewerSheet& sheet) {
    // The criteria of every table, each once by name (`feasibility` of two tracks is one
    // column, as the reader matches names per track); criteria keep the first track's order.
    // Two tracks that give one name different maxima get the name alone.
    std::vector<CsvCriterion> criteria;
    for (const auto& t : sheet.tables)
        for (const auto& c : t.columns) {
            if (c.kind != SheetColumnKind::criterion) continue;
            std::string name = fold_name(without_max(c.header));
            auto it = std::find_if(criteria.begin(), criteria.end(),
                                   [&](const CsvCriterion& x) { return x.name == name; });
            if (it == criteria.end())
                criteria.push_back({name, c.header, true, c.max});
            else if (it->max != c.max)
                it->same_max = false;
        }
    std::vector<std::string> header;
    if (!sheet.tables.empty()) {
        const auto& cols = sheet.tables.front().columns;
        for (std::size_t i = 0; i < 5; ++i) header.push_back(cols[i].header);
        for (const auto& c : criteria)
            header.push_back(c.same_max ? c.header : without_max(c.header));
        for (std::size_t i = cols.size() - 3; i < cols.size(); ++i)
            header.push_back(cols[i].header);
    }
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            append_csv_text(out, cells[i]);
        }
        out += "\r\n";
    };
    if (!header.empty()) line(header);
    // A row keeps its given cells and its conflict and comment; its criterion cells, all
    // empty in a blank sheet, stay empty.
    for (const auto& t : sheet.tables)
        for (const auto& r : t.rows) {
            std::vector<std::string> cells(r.cells.begin(), r.cells.begin() + 5);
            cells.resize(header.size());
            std::copy(r.cells.end() - 3, r.cells.end(), cells.end() - 3);
            line(cells);
        }
    return out;
}

std::string score_rule_text(const Decimal& max, Lang lang) {
    return format_label("sheet.score-rule", lang, {format_decimal_short(max)});
}

}  // namespace kcity
