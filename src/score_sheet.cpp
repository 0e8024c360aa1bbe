// Panel score sheets (SPEC §4): CSV rows of proposal, reviewer, criteria and conflict.
#include <algorithm>
#include <unordered_map>

#include "kcity/csv.hpp"
#include "kcity/load.hpp"
#include "kcity/schema.hpp"

namespace kcity {
namespace {

struct Header {
    int proposal = -1, reviewer = -1, conflict = -1;
    std::unordered_map<std::string, int> criteria;  // criterion id -> column
};

std::vector<std::string> all_criterion_ids(const Rules& rules) {
    std::vector<std::string> ids;
    for (const auto& t : rules.tracks)
        for (const auto& c : t.criteria)
            if (std::find(ids.begin(), ids.end(), c.id) == ids.end()) ids.push_back(c.id);
    return ids;
}

std::optional<Header> read_header(const CsvRow& row, const Rules& rules, const std::string& file,
                                  Diagnostics& diags) {
    Header h;
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
        else
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

void read_row(const CsvRow& row, const Header& h, const Rules& rules,
              std::unordered_map<std::string, Proposal*>& index,
              const std::vector<std::string>& all_ids, const std::string& file,
              Diagnostics& diags) {
    YamlReader r(file, diags);
    auto pos = [&](const CsvCell& c) { return Position{file, c.line, c.column}; };
    const CsvCell& pc = row.cells[h.proposal];
    auto it = index.find(pc.text);
    if (it == index.end()) {
        diags.error(pos(pc), "unknown proposal `" + pc.text + "`" + did_you_mean(pc.text, all_ids));
        return;
    }
    Proposal& p = *it->second;
    const TrackRules* track = rules.track(p.track);
    Review rv;
    rv.where = Position{file, row.line, 1};
    const CsvCell& rc = row.cells[h.reviewer];
    if (!is_valid_id(rc.text)) {
        diags.error(pos(rc),
                    "reviewer `" + rc.text + "` must be 1 to 64 letters, digits, '.', '_' or '-'");
        return;
    }
    rv.reviewer = rc.text;
    if (h.conflict >= 0) {
        auto c = read_conflict(row.cells[h.conflict], pos(row.cells[h.conflict]), diags);
        if (!c) return;
        rv.conflict = *c;
    }
    if (!track) return;
    rv.scores.assign(track->criteria.size(), Decimal{});
    bool ok = true;
    for (const auto& [id, col] : h.criteria) {
        const CsvCell& cell = row.cells[col];
        int ci = track->criterion_index(id);
        if (ci < 0) {
            if (!cell.text.empty())
                diags.error(pos(cell), "`" + id + "` is not a criterion of track `" + track->id +
                                           "`: leave the cell empty");
            continue;
        }
        if (rv.conflict) continue;  // a conflicting reviewer's scores are ignored
        if (cell.text.empty()) {
            diags.error(pos(cell), "no score for `" + id + "`");
            ok = false;
            continue;
        }
        auto s = read_score(r, cell_node(cell), track->criteria[ci]);
        ok = ok && s.has_value();
        if (s) rv.scores[ci] = *s;
    }
    for (const auto& c : track->criteria)
        if (!h.criteria.count(c.id) && !rv.conflict) {
            diags.error(rv.where, "the sheet has no column for `" + c.id +
                                      "`, a criterion of track `" + track->id + "`");
            ok = false;
        }
    if (!ok) return;
    auto same = std::find_if(p.reviews.begin(), p.reviews.end(),
                             [&](const Review& o) { return o.reviewer == rv.reviewer; });
    if (same != p.reviews.end()) {
        diags.error(rv.where, "reviewer `" + rv.reviewer + "` already reviewed `" + p.id + "` at " +
                                  same->where.file + ":" + std::to_string(same->where.line));
        return;
    }
    p.reviews.push_back(std::move(rv));
}

}  // namespace

void apply_score_sheet(const SourceFile& file, const Rules& rules, std::vector<Proposal>& proposals,
                       Diagnostics& diags) {
    CsvTable table = parse_csv(file.bytes);
    for (const auto& e : table.errors) diags.error({file.path, e.line, e.column}, e.message);
    if (!table.errors.empty()) return;
    if (table.rows.empty()) {
        diags.error({file.path, 1, 1}, "the score sheet is empty: it needs a header row");
        return;
    }
    auto header = read_header(table.rows[0], rules, file.path, diags);
    if (!header) return;
    std::unordered_map<std::string, Proposal*> index;
    std::vector<std::string> ids;
    for (auto& p : proposals) {
        index.emplace(p.id, &p);
        ids.push_back(p.id);
    }
    std::size_t width = table.rows[0].cells.size();
    for (std::size_t i = 1; i < table.rows.size(); ++i) {
        const CsvRow& row = table.rows[i];
        if (row.cells.size() != width) {
            diags.error({file.path, row.line, 1},
                        "this row has " + std::to_string(row.cells.size()) +
                            " cells; the header has " + std::to_string(width));
            continue;
        }
        read_row(row, *header, rules, index, ids, file.path, diags);
    }
}

}  // namespace kcity
