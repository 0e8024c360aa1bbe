// Panel score sheets (SPEC §4): CSV rows of proposal, reviewer, criteria and conflict.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "kcity/base/utf8.hpp"
#include "kcity/load/csv.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/xlsx.hpp"
#include "schema.hpp"

namespace kcity {
namespace {

struct Header {
    int proposal = -1, reviewer = -1, conflict = -1;
    std::unordered_map<std::string, int> criteria;  // criterion id -> column
    int line = 1;
};

std::vector<std::string> all_criterion_ids(const Rules& rules) {
    std::vector<std::string> ids;
    for (const auto& t : rules.tracks)
        for (const auto& c : t.criteria)
            if (std::find(ids.begin(), ids.end(), c.id) == ids.end()) ids.push_back(c.id);
    return ids;
}

// With errors in the rules, a criterion may be missing from them only because its track did
// not load: a column is then not reported as unknown.
bool rules_complete(const Rules& rules) {
    return !rules.program.has_errors &&
           std::none_of(rules.tracks.begin(), rules.tracks.end(),
                        [](const TrackRules& t) { return t.has_errors; });
}

std::optional<Header> read_header(const CsvRow& row, const Rules& rules, const std::string& file,
                                  Diagnostics& diags) {
    Header h;
    h.line = row.line;
    auto ids = all_criterion_ids(rules);
    std::vector<std::string> known = {"proposal", "reviewer", "conflict"};
    known.insert(known.end(), ids.begin(), ids.end());
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const CsvCell& c = row.cells[i];
        Position at{file, c.line, c.column};
        int col = static_cast<int>(i);
        if (std::find(seen.begin(), seen.end(), c.text) != seen.end()) {
            diags.error(at, "column `" + c.text + "` appears twice in the header");
            continue;
        }
        seen.push_back(c.text);
        if (c.text == "proposal")
            h.proposal = col;
        else if (c.text == "reviewer")
            h.reviewer = col;
        else if (c.text == "conflict")
            h.conflict = col;
        else if (std::find(ids.begin(), ids.end(), c.text) != ids.end())
            h.criteria[c.text] = col;
        else if (rules_complete(rules))
            diags.error(at, "unknown column `" + c.text +
                                "`: not proposal, reviewer, conflict or a criterion" +
                                did_you_mean(c.text, known));
    }
    Position start{file, row.line, 1};
    if (h.proposal < 0) diags.error(start, "the header has no `proposal` column");
    if (h.reviewer < 0) diags.error(start, "the header has no `reviewer` column");
    if (h.proposal < 0 || h.reviewer < 0) return std::nullopt;
    return h;
}

std::optional<bool> read_conflict(const CsvCell& c, const Position& at, Diagnostics& diags) {
    std::string v;
    for (char ch : c.text) v += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (v.empty() || v == "no" || v == "false") return false;
    if (v == "yes" || v == "true") return true;
    diags.error(at, "`conflict` must be yes, no, true, false or empty, not `" + c.text + "`");
    return std::nullopt;
}

YamlNode cell_node(const CsvCell& c) {
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.text = c.text;
    n.line = c.line;
    n.column = c.column;
    return n;
}

class SheetReader {
  public:
    SheetReader(const std::string& file, const Rules& rules, std::vector<Proposal>& proposals,
                Diagnostics& diags)
        : file_(file), rules_(rules), diags_(diags), yaml_(file, diags) {
        for (auto& p : proposals) {
            index_.emplace(p.id, &p);
            ids_.push_back(p.id);
        }
    }

    void read(const CsvTable& table) {
        if (table.rows.empty()) {
            diags_.error({file_, 1, 1}, "the score sheet is empty: it needs a header row");
            return;
        }
        // Quoting errors are already reported; a row with one cannot be read, the others can.
        if (table.rows[0].bad) return;
        auto header = read_header(table.rows[0], rules_, file_, diags_);
        if (!header) return;
        std::size_t width = table.rows[0].cells.size();
        for (std::size_t i = 1; i < table.rows.size(); ++i) {
            const CsvRow& row = table.rows[i];
            if (row.bad) continue;
            if (row.cells.size() != width) {
                report_ragged(row, width);
                continue;
            }
            read_row(row, *header);
        }
    }

  private:
    Position at(const CsvCell& c) const { return {file_, c.line, c.column}; }

    // A suggestion compares the id with every proposal's: a sheet of another call, with
    // thousands of unknown rows against 100,000 proposals, would take hours. The first ones
    // get a suggestion; by then the mistake is clear.
    std::string suggestion(const std::string& id) {
        if (suggestions_left_ == 0) return "";
        --suggestions_left_;
        return did_you_mean(id, ids_);
    }

    // At the first cell too many, or at the last cell when cells are missing.
    void report_ragged(const CsvRow& row, std::size_t width) {
        std::string counts = "this row has " + std::to_string(row.cells.size()) +
                             " cells but the header has " + std::to_string(width);
        if (row.cells.size() > width)
            diags_.error(at(row.cells[width]), counts + "; this cell is one too many");
        else
            diags_.error(at(row.cells.back()), counts + "; cells are missing after this one");
    }

    // Once per sheet and track: the header lacks a column that the track's rows need.
    void report_missing_column(const Header& h, const TrackRules& t, const Criterion& c,
                               const CsvRow& row) {
        if (!missing_reported_.insert(t.id + "\n" + c.id).second) return;
        diags_.error({file_, h.line, 1},
                     "the header has no column for `" + c.id + "`, a criterion of track `" + t.id +
                         "` (needed from line " + std::to_string(row.line) + " on)");
    }

    void read_scores(const CsvRow& row, const Header& h, const TrackRules& track, Review& rv) {
        rv.scores.assign(track.criteria.size(), Decimal{});
        for (const auto& [id, col] : h.criteria) {
            const CsvCell& cell = row.cells[col];
            int ci = track.criterion_index(id);
            if (ci < 0) {
                if (!cell.text.empty())
                    diags_.error(at(cell), "`" + id + "` is not a criterion of track `" + track.id +
                                               "`: leave the cell empty");
                continue;
            }
            if (rv.conflict) continue;  // a conflicting reviewer's scores are ignored
            if (cell.text.empty()) {
                diags_.error(at(cell), "no score for `" + id + "`");
                continue;
            }
            if (auto s = read_score(yaml_, cell_node(cell), track.criteria[ci])) rv.scores[ci] = *s;
        }
        if (rv.conflict) return;
        for (const auto& c : track.criteria)
            if (!h.criteria.count(c.id)) report_missing_column(h, track, c, row);
    }

    void read_row(const CsvRow& row, const Header& h) {
        const CsvCell& pc = row.cells[h.proposal];
        auto it = index_.find(pc.text);
        if (it == index_.end()) {
            diags_.error(at(pc), "unknown proposal `" + pc.text + "`" + suggestion(pc.text));
            return;
        }
        Proposal& p = *it->second;
        Review rv;
        rv.where = Position{file_, row.line, 1};
        const CsvCell& rc = row.cells[h.reviewer];
        if (!is_valid_id(rc.text)) {
            diags_.error(at(rc), "reviewer `" + rc.text +
                                     "` must be 1 to 64 letters, digits, '.', '_' or '-'");
            return;
        }
        rv.reviewer = rc.text;
        if (h.conflict >= 0) {
            const CsvCell& cc = row.cells[h.conflict];
            // An unreadable conflict cell counts as a conflict, so that the row's score cells
            // are not reported on top of it.
            rv.conflict = read_conflict(cc, at(cc), diags_).value_or(true);
        }
        // Scores are checked against the track's criteria only when its rules loaded cleanly.
        const TrackRules* track = rules_.track(p.track);
        if (track && !track->has_errors) read_scores(row, h, *track, rv);
        auto same = std::find_if(p.reviews.begin(), p.reviews.end(),
                                 [&](const Review& o) { return o.reviewer == rv.reviewer; });
        if (same != p.reviews.end()) {
            diags_.error(rv.where, "reviewer `" + rv.reviewer + "` already reviewed `" + p.id +
                                       "` at " + same->where.file.str() + ":" +
                                       std::to_string(same->where.line));
            return;
        }
        // Kept even with errors in its scores (nothing is scored while an error stands), so
        // that the same reviewer given again is still reported.
        p.reviews.push_back(std::move(rv));
    }

    const std::string& file_;
    const Rules& rules_;
    Diagnostics& diags_;
    YamlReader yaml_;
    std::unordered_map<std::string, Proposal*> index_;
    std::vector<std::string> ids_;
    std::set<std::string> missing_reported_;
    int suggestions_left_ = 20;
};

}  // namespace

void apply_score_sheet(const SourceFile& file, const Rules& rules, std::vector<Proposal>& proposals,
                       Diagnostics& diags) {
    std::string_view text = file.bytes;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    // A Korean spreadsheet often saves CSV as CP949: say so rather than read mojibake ids.
    if (auto problem = check_text(text, LineBreaks::lf_or_cr)) {
        bool not_utf8 = problem->message.starts_with("the file is not valid UTF-8");
        std::string hint = not_utf8 ? " (save the sheet as CSV UTF-8)" : "";
        diags.error({file.path, problem->line, problem->column}, problem->message + hint);
        return;
    }
    apply_score_table(file.path, parse_csv(text), std::nullopt, rules, proposals, diags);
}

void apply_score_table(const std::string& path, const CsvTable& table,
                       const std::optional<std::string>& sheet, const Rules& rules,
                       std::vector<Proposal>& proposals, Diagnostics& diags) {
    // A worksheet's messages name it and the cell: they are gathered apart, then added.
    Diagnostics sheet_diags;
    Diagnostics& to = sheet ? sheet_diags : diags;
    for (const auto& e : table.errors) to.error({path, e.line, e.column}, e.message);
    SheetReader(path, rules, proposals, to).read(table);
    if (sheet) add_worksheet_diagnostics(sheet_diags, path, *sheet, diags);
}

}  // namespace kcity
