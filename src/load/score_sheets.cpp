// Panel score sheets (SPEC §4): a table of rows of proposal, reviewer, criteria, total,
// conflict and comment, from a CSV file or (by the same entry, apply_score_table) a worksheet.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "kcity/base/encoding.hpp"
#include "kcity/base/fold.hpp"
#include "kcity/base/utf8.hpp"
#include "kcity/load/csv.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/xlsx.hpp"
#include "schema.hpp"

namespace kcity {
namespace {

// "pilot, planning": a member's tracks, for messages.
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// title, country and city are the columns `kcity sheets` writes for the reviewer to read
// (SPEC §11): read back as they are, and not checked.
enum class Role {
    none,
    proposal,
    reviewer,
    total,
    conflict,
    comment,
    title,
    country,
    city,
    criterion
};

struct Alias {
    Role role;
    std::vector<std::string> names;  // the first is the English name that messages use
};

// SPEC §4's names of the columns other than the criteria, folded (fold_name).
const std::vector<Alias>& aliases() {
    static const std::vector<Alias> table = {
        {Role::proposal, {"proposal", "id", "제안번호", "과제번호", "접수번호"}},
        {Role::reviewer, {"reviewer", "평가위원", "심사위원"}},
        {Role::total, {"total", "합계", "총점"}},
        {Role::conflict, {"conflict", "이해충돌", "제척"}},
        {Role::comment, {"comment", "비고", "의견"}},
        {Role::title, {"title", "사업명", "과제명"}},
        {Role::country, {"country", "국가"}},
        {Role::city, {"city", "도시"}},
    };
    return table;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// `30`, `30점`, `30 points`, `2.5 pts`: what a header gives in brackets as the maximum.
bool is_maximum(std::string_view s) {
    s = trim(s);
    std::size_t i = 0;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == 0 || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    std::string_view unit = trim(s.substr(i));
    return unit.empty() || unit == "점" || unit == "pt" || unit == "pts" || unit == "point" ||
           unit == "points";
}

// A header cell as it is matched: folded (case, Unicode form, spaces), without a trailing
// maximum in brackets (`사업 중요도 (30)`, `Importance (30점)`, `[30]`, full-width `（30）`).
std::string header_key(std::string_view text) {
    std::string key = fold_name(text);
    const std::pair<std::string_view, std::string_view> brackets[] = {
        {"(", ")"}, {"[", "]"}, {"\xEF\xBC\x88", "\xEF\xBC\x89"}};
    for (const auto& [open, close] : brackets) {
        if (!std::string_view(key).ends_with(close)) continue;
        std::size_t at = key.rfind(open);
        if (at == std::string::npos || at == 0) continue;
        std::size_t inner = at + open.size();
        if (!is_maximum(std::string_view(key).substr(inner, key.size() - close.size() - inner)))
            continue;
        return std::string(trim(std::string_view(key).substr(0, at)));
    }
    return key;
}

Role fixed_role(const std::string& key) {
    for (const auto& a : aliases())
        if (std::find(a.names.begin(), a.names.end(), key) != a.names.end()) return a.role;
    return Role::none;
}

const char* role_name(Role r) {
    for (const auto& a : aliases())
        if (a.role == r) return a.names[0].c_str();
    return "criterion";
}

bool is_header(const std::vector<std::string>& cells) {
    bool proposal = false, reviewer = false;
    for (const auto& c : cells) {
        Role r = fixed_role(header_key(c));
        proposal = proposal || r == Role::proposal;
        reviewer = reviewer || r == Role::reviewer;
    }
    return proposal && reviewer;
}

bool blank_row(const CsvRow& row) {
    return std::all_of(row.cells.begin(), row.cells.end(),
                       [](const CsvCell& c) { return trim(c.text).empty(); });
}

// The criterion of `t` that a header key names by its id or its Korean or English name.
int criterion_named(const TrackRules& t, const std::string& key) {
    for (std::size_t i = 0; i < t.criteria.size(); ++i) {
        const Criterion& c = t.criteria[i];
        if (fold_name(c.id) == key || (!c.name.ko.empty() && fold_name(c.name.ko) == key) ||
            (!c.name.en.empty() && fold_name(c.name.en) == key))
            return static_cast<int>(i);
    }
    return -1;
}

// With errors in the rules, a criterion may be missing from them only because its track did
// not load: a column is then not reported as unknown.
bool rules_complete(const Rules& rules) {
    return !rules.program.has_errors &&
           std::none_of(rules.tracks.begin(), rules.tracks.end(),
                        [](const TrackRules& t) { return t.has_errors; });
}

// Every name a column may have, for suggestions: the aliases, each criterion's id and names.
std::vector<std::string> known_names(const Rules& rules) {
    std::vector<std::string> out;
    for (const auto& a : aliases()) out.insert(out.end(), a.names.begin(), a.names.end());
    for (const auto& t : rules.tracks)
        for (const auto& c : t.criteria)
            for (const std::string* n : {&c.id, &c.name.ko, &c.name.en})
                if (!n->empty() && std::find(out.begin(), out.end(), *n) == out.end())
                    out.push_back(*n);
    return out;
}

std::optional<bool> conflict_word(std::string_view text) {
    static const std::set<std::string> yes = {"yes", "true", "y", "o", "예"};
    static const std::set<std::string> no = {"", "no", "false", "n", "x", "아니오", "아니요"};
    if (text.empty()) return false;
    std::string key = fold_name(text);
    if (yes.count(key)) return true;
    if (no.count(key)) return false;
    return std::nullopt;
}

// `27,5`: a score written with a decimal comma, as a European or a Korean spreadsheet may.
bool decimal_comma(std::string_view s) {
    std::size_t comma = s.find(',');
    if (comma == std::string_view::npos || comma == 0 || comma + 1 == s.size()) return false;
    return std::all_of(
               s.begin(), s.end(),
               [](char c) { return c == ',' || std::isdigit(static_cast<unsigned char>(c)); }) &&
           s.find(',', comma + 1) == std::string_view::npos;
}

YamlNode cell_node(const CsvCell& c, std::string_view text) {
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.text = std::string(text);
    n.line = c.line;
    n.column = c.column;
    return n;
}

struct Header {
    std::size_t row = 0;  // index in the table
    int line = 1;
    std::size_t width = 0;
    std::vector<std::string> names;  // the header's cells as written, for messages
    std::map<Role, int> fixed;       // proposal, reviewer, total, conflict, comment -> column
    std::vector<std::pair<std::string, int>> criteria;  // header key -> column
    std::vector<int> unnamed;                           // columns with an empty header cell
    // Per track: the column of each criterion (-1: none), and the criterion columns that name
    // none of the track's criteria (their cells must stay empty in its rows).
    struct TrackColumns {
        std::vector<int> of_criterion;
        std::vector<int> foreign;
    };
    std::map<std::string, TrackColumns, std::less<>> tracks;

    int column(Role r) const {
        auto it = fixed.find(r);
        return it == fixed.end() ? -1 : it->second;
    }
};

class SheetReader {
  public:
    SheetReader(const std::string& file, std::string_view sheet, const Rules& rules,
                std::vector<Proposal>& proposals, Diagnostics& diags, std::size_t review_limit)
        : file_(file),
          sheet_(sheet),
          sheet_name_(sheet),
          rules_(rules),
          diags_(diags),
          yaml_(file, scratch_),
          review_limit_(review_limit) {
        for (auto& p : proposals) {
            index_.emplace(p.id, &p);
            ids_.push_back(p.id);
            held_ += p.reviews.size();
        }
    }

    void read(const CsvTable& table) {
        auto header = find_header(table);
        if (!header) return;
        // A header cell with a control character names no column that can be trusted: the
        // sheet is not read further, rather than report each of its cells.
        if (!cells_clean(table.rows[header->row], -1)) return;
        for (std::size_t i = header->row + 1; i < table.rows.size(); ++i) {
            const CsvRow& row = table.rows[i];
            // Quoting errors are already reported; a row with one cannot be read.
            if (row.bad || blank_row(row)) continue;
            if (row.cells.size() != header->width) {
                report_ragged(row, header->width);
                continue;
            }
            if (!cells_clean(row, header->column(Role::comment))) continue;
            read_row(row, *header);
            if (full_) return;
        }
    }

  private:
    // The characters that YAML values may not hold (check_value_text: C0 and C1 controls, DEL,
    // line and paragraph separators, bidirectional controls) may not be in a cell either: an
    // id, a reviewer's name or a score ends up in a report, a terminal or a spreadsheet. The
    // file's own check (base/encoding) already refuses most raw controls in a CSV file; what is
    // left reaches a cell quoted (a line break), as a tab, as NEL or a Unicode control, or in a
    // workbook as `_x001B_`. A comment is never shown: a line break or tab typed in one (Alt+Enter
    // in Excel) is let be there, nothing else. Each cell is reported at once; false when any is.
    bool cells_clean(const CsvRow& row, int comment_column) {
        bool clean = true;
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const CsvCell& c = row.cells[i];
            std::string_view text = trim(c.text);
            std::size_t leading = static_cast<std::size_t>(text.data() - c.text.data());
            std::string checked(text);
            if (static_cast<int>(i) == comment_column)
                std::replace_if(
                    checked.begin(), checked.end(),
                    [](char ch) { return ch == '\n' || ch == '\r' || ch == '\t'; }, ' ');
            std::optional<ValueProblem> p = check_value_text(checked);
            if (!p) continue;
            std::string hint = p->message.starts_with("a line break")
                                   ? "; a cell's value is one line: remove the line break "
                                     "(notes belong in `comment`)"
                               : p->message.starts_with("a bidirectional")
                                   ? "; remove it: it can reorder what a report shows"
                                   : "; remove it";
            error(c, "the cell holds " + p->message + " at character " +
                         std::to_string(p->character + leading) + hint);
            clean = false;
        }
        return clean;
    }

    // Every message names the cell; in a worksheet, the sheet and the cell as Excel does.
    void error(int line, int column, const std::string& message) {
        std::string where = sheet_.empty() ? ""
                                           : " (sheet " + std::string(sheet_) + ", cell " +
                                                 cell_name(line, column) + ")";
        diags_.error({file_, line, column}, message + where);
    }
    void error(const CsvCell& c, const std::string& message) { error(c.line, c.column, message); }

    std::optional<Header> find_header(const CsvTable& table) {
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            const CsvRow& row = table.rows[i];
            if (row.bad) continue;
            std::vector<std::string> cells;
            for (const auto& c : row.cells) cells.push_back(c.text);
            if (is_header(cells)) return read_header(row, i);
        }
        if (table.rows.empty() || std::all_of(table.rows.begin(), table.rows.end(), blank_row))
            error(1, 1, "the score sheet is empty: it needs a header row");
        else if (table.errors.empty())
            error(table.rows[0].line, 1,
                  "no header row: no row names both a `proposal` column (or id, 제안번호, "
                  "과제번호, 접수번호) and a `reviewer` column (or 평가위원, 심사위원)");
        return std::nullopt;
    }

    Header read_header(const CsvRow& row, std::size_t index) {
        Header h;
        h.row = index;
        h.line = row.line;
        h.width = row.cells.size();
        for (const auto& c : row.cells) h.names.push_back(c.text);
        bool complete = rules_complete(rules_);
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const CsvCell& c = row.cells[i];
            const int col = static_cast<int>(i);
            std::string key = header_key(c.text);
            if (key.empty()) {
                h.unnamed.push_back(col);
                continue;
            }
            Role role = fixed_role(key);
            if (role != Role::none) {
                auto [it, fresh] = h.fixed.emplace(role, col);
                if (!fresh)
                    error(c, "column `" + c.text + "` means `" + role_name(role) +
                                 "`, as column `" + row.cells[it->second].text + "` does");
                continue;
            }
            bool criterion =
                std::any_of(rules_.tracks.begin(), rules_.tracks.end(),
                            [&](const TrackRules& t) { return criterion_named(t, key) >= 0; });
            if (criterion)
                h.criteria.emplace_back(key, col);
            else if (complete && !check_value_text(trim(c.text)))  // cells_clean says why
                error(c, "unknown column `" + c.text +
                             "`: not proposal, reviewer, total, conflict, comment or a criterion" +
                             did_you_mean(c.text, known_names(rules_)));
        }
        for (const auto& t : rules_.tracks)
            if (!t.has_errors) h.tracks[t.id] = track_columns(h, row, t);
        return h;
    }

    Header::TrackColumns track_columns(const Header& h, const CsvRow& row, const TrackRules& t) {
        Header::TrackColumns tc;
        tc.of_criterion.assign(t.criteria.size(), -1);
        for (const auto& [key, col] : h.criteria) {
            int ci = criterion_named(t, key);
            if (ci < 0) {
                tc.foreign.push_back(col);
                continue;
            }
            int& have = tc.of_criterion[static_cast<std::size_t>(ci)];
            if (have >= 0 && duplicate_reported_.insert(col).second)
                error(row.cells[static_cast<std::size_t>(col)],
                      "column `" + row.cells[static_cast<std::size_t>(col)].text +
                          "` gives criterion `" + t.criteria[static_cast<std::size_t>(ci)].id +
                          "`, as column `" + row.cells[static_cast<std::size_t>(have)].text +
                          "` does");
            else if (have < 0)
                have = col;
        }
        return tc;
    }

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
            error(row.cells[width], counts + "; this cell is one too many");
        else
            error(row.cells.back(), counts + "; cells are missing after this one");
    }

    // Once per sheet and track: the header lacks a column that the track's rows need.
    void report_missing_column(const Header& h, const TrackRules& t, const Criterion& c,
                               const CsvRow& row) {
        if (!missing_reported_.insert(t.id + "\n" + c.id).second) return;
        error(h.line, 1,
              "the header has no column for `" + c.id + "`, a criterion of track `" + t.id +
                  "` (needed from line " + std::to_string(row.line) + " on)");
    }

    std::optional<Decimal> read_number_cell(const CsvCell& cell, const Criterion* c,
                                            const std::string& what) {
        std::string_view text = trim(cell.text);
        if (decimal_comma(text)) {
            std::string fixed(text);
            std::replace(fixed.begin(), fixed.end(), ',', '.');
            error(cell, what + " `" + std::string(text) + "` has a decimal comma: did you mean " +
                            fixed + "?");
            return std::nullopt;
        }
        auto value = c ? read_score(yaml_, cell_node(cell, text), *c)
                       : yaml_.number(cell_node(cell, text), what, 2);
        // The number readers' messages, passed on with the sheet and cell of a worksheet.
        for (const auto& d : scratch_.sorted()) error(d.where.line, d.where.column, d.message);
        scratch_ = Diagnostics{};
        return value;
    }

    // The row's scores; false when one is missing or unreadable.
    bool read_scores(const CsvRow& row, const Header& h, const TrackRules& track, Review& rv) {
        const Header::TrackColumns& tc = h.tracks.at(track.id);
        for (int col : tc.foreign) {
            const CsvCell& cell = row.cells[static_cast<std::size_t>(col)];
            if (!trim(cell.text).empty())
                error(cell, "column `" + row_header(h, col) + "` is not a criterion of track `" +
                                track.id + "`: leave the cell empty");
        }
        rv.scores.assign(track.criteria.size(), Decimal{});
        if (rv.conflict) return true;  // a conflicting reviewer's scores are ignored
        bool ok = true;
        for (std::size_t ci = 0; ci < track.criteria.size(); ++ci) {
            const Criterion& c = track.criteria[ci];
            int col = tc.of_criterion[ci];
            if (col < 0) {
                report_missing_column(h, track, c, row);
                ok = false;
                continue;
            }
            const CsvCell& cell = row.cells[static_cast<std::size_t>(col)];
            if (trim(cell.text).empty()) {
                error(cell, "no score for `" + c.id + "`");
                ok = false;
                continue;
            }
            auto s = read_number_cell(cell, &c, "the score of `" + c.id + "`");
            if (s) rv.scores[ci] = *s;
            ok = ok && s;
        }
        return ok;
    }

    // `total`, when filled, is the unweighted sum of the row's scores, as a reviewer adds up;
    // with a score unreadable (`scores_read` false) it is only read, not compared.
    void check_total(const CsvRow& row, const Header& h, const Review& rv, bool scores_read) {
        int col = h.column(Role::total);
        if (col < 0) return;
        const CsvCell& cell = row.cells[static_cast<std::size_t>(col)];
        if (trim(cell.text).empty()) return;
        auto total = read_number_cell(cell, nullptr, "the total");
        if (!total || !scores_read) return;
        Decimal sum;
        for (const Decimal& s : rv.scores) sum = sum + s;
        if (sum != *total)
            error(cell, "the total " + format_decimal_short(*total) + " of this row is not the " +
                            "sum of its scores, " + format_decimal_short(sum));
    }

    // Where a review was first given: FILE:LINE, and in a workbook its worksheet and cell, so
    // that a review given in two worksheets of one workbook says which.
    static std::string where_given(const Review& rv) {
        std::string at = rv.where.file.str() + ":" + std::to_string(rv.where.line);
        if (!rv.sheet.empty())
            at +=
                ", sheet " + rv.sheet.str() + ", cell " + cell_name(rv.where.line, rv.where.column);
        return at;
    }

    static const std::string& row_header(const Header& h, int col) {
        return h.names[static_cast<std::size_t>(col)];
    }

    void read_row(const CsvRow& row, const Header& h) {
        const CsvCell& pc = row.cells[static_cast<std::size_t>(h.column(Role::proposal))];
        for (int col : h.unnamed) {
            const CsvCell& c = row.cells[static_cast<std::size_t>(col)];
            if (!trim(c.text).empty())
                error(c,
                      "this cell's column has no name in the header: name it (`comment` "
                      "keeps notes) or leave the cell empty");
        }
        std::string id(trim(pc.text));
        auto it = index_.find(id);
        if (it == index_.end()) {
            error(pc, "unknown proposal `" + id + "`" + suggestion(id));
            return;
        }
        Proposal& p = *it->second;
        Review rv;
        rv.where = Position{file_, row.line, 1};
        rv.sheet = sheet_name_;
        const CsvCell& rc = row.cells[static_cast<std::size_t>(h.column(Role::reviewer))];
        auto reviewer = reviewer_id(rc, p);
        if (!reviewer) return;
        rv.reviewer = *reviewer;
        if (int col = h.column(Role::conflict); col >= 0) {
            const CsvCell& cc = row.cells[static_cast<std::size_t>(col)];
            auto word = conflict_word(cc.text);
            if (!word)
                error(cc,
                      "`conflict` must be yes, no, true, false, y, n, o, x, 예, 아니오, 아니요 "
                      "(any case) or empty, not `" +
                          cc.text + "`");
            // An unreadable conflict cell counts as a conflict, so that the row's score cells
            // are not reported on top of it.
            rv.conflict = word.value_or(true);
        }
        // Scores are checked against the track's criteria only when its rules loaded cleanly.
        const TrackRules* track = rules_.track(p.track);
        if (track && !track->has_errors) {
            const bool scores_read = read_scores(row, h, *track, rv);
            if (!rv.conflict) check_total(row, h, rv, scores_read);
        }
        if (const Review* same = review_by(p, rv.reviewer)) {
            error(row.line, 1,
                  "reviewer `" + rv.reviewer + "` already reviewed `" + p.id + "` at " +
                      where_given(*same));
            return;
        }
        if (held_ >= review_limit_) {
            const std::string limit = format_grouped(static_cast<Krw>(review_limit_));
            error(row.line, 1,
                  "the run holds " + limit + " reviews already: kcity reads at most " + limit +
                      " in one run, to stay within its memory; this row and the rest of the "
                      "sheet are not read");
            full_ = true;
            return;
        }
        ++held_;
        // Kept even with errors in its scores (nothing is scored while an error stands), so
        // that the same reviewer given again is still reported.
        p.reviews.push_back(std::move(rv));
    }

    // The first review of `p` by `reviewer` so far, if any. A proposal's few reviews are
    // searched in turn; past `index_from` they are indexed, as they come, since a sheet that
    // gives one proposal many rows made the search quadratic.
    const Review* review_by(Proposal& p, const std::string& reviewer) {
        constexpr std::size_t index_from = 32;
        if (p.reviews.size() < index_from) {
            for (const auto& r : p.reviews)
                if (r.reviewer == reviewer) return &r;
            return nullptr;
        }
        ReviewerIndex& index = by_reviewer_[&p];
        for (; index.indexed < p.reviews.size(); ++index.indexed)
            index.first.try_emplace(p.reviews[index.indexed].reviewer, index.indexed);
        auto it = index.first.find(reviewer);
        return it == index.first.end() ? nullptr : &p.reviews[it->second];
    }

    // The reviewer's id: as written, or (with a panel) the id of the member it names by id or
    // name, who must sit on the proposal's track.
    std::optional<std::string> reviewer_id(const CsvCell& rc, const Proposal& p) {
        std::string text(trim(rc.text));
        const Panel& panel = rules_.panel;
        if (!panel.present) {
            if (is_valid_id(text)) return text;
            error(rc, "reviewer `" + text + "` must be 1 to 64 letters, digits, '.', '_' or '-'");
            return std::nullopt;
        }
        // Names are folded to be compared: once per distinct text of a sheet, not per row.
        auto cached = named_.find(text);
        if (cached == named_.end()) cached = named_.emplace(text, panel.named(text)).first;
        const PanelMember* m = cached->second;
        // With errors in panel.yaml, a member may be missing only because of them.
        if (!m && panel.has_errors && is_valid_id(text)) return text;
        if (!m && panel.has_errors) return std::nullopt;
        if (!m) {
            std::vector<std::string> names;
            for (const auto& x : panel.members) {
                names.push_back(x.id);
                for (const std::string* n : {&x.name.ko, &x.name.en})
                    if (!n->empty()) names.push_back(*n);
            }
            error(rc, "reviewer `" + text + "` is not on the panel (panel.yaml)" +
                          did_you_mean(text, names));
            return std::nullopt;
        }
        if (!m->sits_on(p.track)) {
            error(rc, "reviewer `" + text + "` does not sit on track `" + p.track +
                          "`: panel.yaml (line " + std::to_string(m->where.line) +
                          ") lists them for " + joined(m->tracks));
            return std::nullopt;
        }
        return m->id;
    }

    const std::string& file_;
    std::string_view sheet_;
    FileName sheet_name_;  // sheet_, interned once for the reviews of the worksheet
    const Rules& rules_;
    Diagnostics& diags_;
    Diagnostics scratch_;  // the number readers' messages, before error() passes them on
    YamlReader yaml_;
    std::unordered_map<std::string, Proposal*> index_;
    std::vector<std::string> ids_;
    std::size_t review_limit_;
    std::size_t held_ = 0;  // reviews the run holds, against review_limit_
    bool full_ = false;     // the limit was reached: the rest of the sheet is not read
    std::set<std::string> missing_reported_;
    std::set<int> duplicate_reported_;
    std::unordered_map<std::string, const PanelMember*> named_;  // reviewer cell -> member
    struct ReviewerIndex {
        std::unordered_map<std::string, std::size_t> first;  // reviewer -> index in reviews
        std::size_t indexed = 0;                             // reviews indexed so far
    };
    std::unordered_map<const Proposal*, ReviewerIndex> by_reviewer_;  // of many-reviewed ones
    int suggestions_left_ = 20;
};

}  // namespace

void apply_score_table(const CsvTable& table, const std::string& file, std::string_view sheet,
                       const Rules& rules, std::vector<Proposal>& proposals, Diagnostics& diags,
                       std::size_t review_limit) {
    SheetReader(file, sheet, rules, proposals, diags, review_limit).read(table);
}

void apply_score_sheet(const SourceFile& file, const Rules& rules, std::vector<Proposal>& proposals,
                       Diagnostics& diags, std::size_t review_limit) {
    // Excel on Korean Windows saves "CSV (쉼표로 분리)" as CP949, Notepad may save UTF-16:
    // both are read (base/encoding); anything else is refused at its first bad byte.
    const DecodedText decoded = decode_text(file.bytes, LineBreaks::lf_or_cr);
    if (decoded.problem) {
        diags.error({file.path, decoded.problem->line, decoded.problem->column},
                    decoded.problem->message);
        return;
    }
    if (decoded.encoding == Encoding::cp949) diags.note({file.path, 1, 1}, cp949_note);
    std::string_view text = decoded.text(file.bytes);
    CsvTable table = parse_csv(text, detect_delimiter(text, is_header));
    for (const auto& e : table.errors) diags.error({file.path, e.line, e.column}, e.message);
    apply_score_table(table, file.path, {}, rules, proposals, diags, review_limit);
}

}  // namespace kcity
