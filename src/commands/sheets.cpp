// `kcity sheets`: the panel's blank score sheets (SPEC §11), one file per reviewer, as Excel
// workbooks (libxlsxwriter) or CSV. The words and rows come from report/sheets; this file
// lays them out in a workbook (protection, validation, widths) and writes the files.
#include "kcity/commands/sheets.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>

#include "common.hpp"
#include "kcity/base/text.hpp"
#include "kcity/load/load.hpp"
#include "kcity/report/sheets.hpp"
#include "kcity/select/pipeline.hpp"

namespace kcity {
namespace fs = std::filesystem;
namespace {

// "D" for the fourth column (0-based 3); sheets are far narrower than 26 columns, but a track
// may have many criteria.
std::string column_letters(std::size_t col) {
    std::string s;
    for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
}

// The formats of a workbook: a bold header, given cells locked, the reviewer's cells unlocked.
struct Formats {
    lxw_format* title;
    lxw_format* header;
    lxw_format* given;
    lxw_format* open;    // unlocked: what the reviewer fills in
    lxw_format* closed;  // a score cell of a conflict row: locked and grey
    lxw_format* total;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 13);
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xD9E1F2);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    f.given = workbook_add_format(wb);
    format_set_border(f.given, LXW_BORDER_THIN);
    format_set_bg_color(f.given, 0xF2F2F2);
    f.open = workbook_add_format(wb);
    format_set_border(f.open, LXW_BORDER_THIN);
    format_set_unlocked(f.open);
    f.closed = workbook_add_format(wb);
    format_set_border(f.closed, LXW_BORDER_THIN);
    format_set_bg_color(f.closed, 0xBFBFBF);
    f.total = workbook_add_format(wb);
    format_set_border(f.total, LXW_BORDER_THIN);
    format_set_bold(f.total);
    format_set_bg_color(f.total, 0xF2F2F2);
    return f;
}

double column_width(SheetColumnKind kind, std::size_t index) {
    switch (kind) {
        case SheetColumnKind::given:
            return index == 1 ? 40 : 14;
        case SheetColumnKind::criterion:
            return 16;
        case SheetColumnKind::total:
            return 10;
        case SheetColumnKind::conflict:
            return 10;
        case SheetColumnKind::comment:
            return 40;
    }
    return 12;
}

// A criterion's cells take only a number from 0 to its maximum with at most two decimals;
// ROUND(x,2)=x holds exactly for the numbers Excel stores from two-decimal input.
void validate_scores(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                     const SheetColumn& c, Lang lang) {
    const std::string cell = column_letters(col) + std::to_string(first + 1);
    const std::string max = format_decimal_short(c.max);
    std::string formula = "=AND(ISNUMBER(" + cell + ")," + cell + ">=0," + cell + "<=" + max +
                          ",ROUND(" + cell + ",2)=" + cell + ")";
    std::string title = label("sheet.score-title", lang);
    std::string message = score_rule_text(c.max, lang);
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    dv.value_formula = formula.data();
    dv.input_title = title.data();
    dv.input_message = message.data();
    dv.error_title = title.data();
    dv.error_message = message.data();
    worksheet_data_validation_range(ws, first, col, last, col, &dv);
}

void validate_conflicts(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                        const ReviewerSheet& sheet) {
    std::string yes = sheet.yes, no = sheet.no;
    char* words[] = {yes.data(), no.data(), nullptr};
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = words;
    worksheet_data_validation_range(ws, first, col, last, col, &dv);
}

void write_table(lxw_workbook* wb, const Formats& f, const ReviewerSheet& sheet,
                 const SheetTable& t, Lang lang) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
    worksheet_write_string(ws, 0, 0, t.title.c_str(), f.title);
    const lxw_row_t header_row = 1, first = 2;
    std::size_t first_criterion = 0, last_criterion = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const SheetColumn& c = t.columns[i];
        const auto col = static_cast<lxw_col_t>(i);
        worksheet_set_column(ws, col, col, column_width(c.kind, i), nullptr);
        worksheet_write_string(ws, header_row, col, c.header.c_str(), f.header);
        if (c.kind == SheetColumnKind::criterion) {
            if (!first_criterion) first_criterion = i;
            last_criterion = i;
        }
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const SheetRow& row = t.rows[r];
        const auto at = static_cast<lxw_row_t>(first + r);
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const auto col = static_cast<lxw_col_t>(i);
            const std::string& text = row.cells[i];
            switch (t.columns[i].kind) {
                case SheetColumnKind::given:
                    worksheet_write_string(ws, at, col, text.c_str(), f.given);
                    break;
                case SheetColumnKind::criterion:
                    worksheet_write_blank(ws, at, col, row.conflict ? f.closed : f.open);
                    break;
                case SheetColumnKind::total:
                    // A reviewer's own sum, as §4 checks it; kcity reads the value Excel saved.
                    if (row.conflict) {
                        worksheet_write_blank(ws, at, col, f.closed);
                    } else {
                        std::string sum =
                            "=SUM(" + column_letters(first_criterion) + std::to_string(at + 1) +
                            ":" + column_letters(last_criterion) + std::to_string(at + 1) + ")";
                        worksheet_write_formula_num(ws, at, col, sum.c_str(), f.total, 0);
                    }
                    break;
                case SheetColumnKind::conflict:
                case SheetColumnKind::comment:
                    // A conflict kcity knows stays: its cells are locked.
                    if (text.empty())
                        worksheet_write_blank(ws, at, col, f.open);
                    else
                        worksheet_write_string(ws, at, col, text.c_str(),
                                               row.conflict ? f.given : f.open);
                    break;
            }
        }
    }
    if (!t.rows.empty()) {
        const auto last = static_cast<lxw_row_t>(first + t.rows.size() - 1);
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const auto col = static_cast<lxw_col_t>(i);
            if (t.columns[i].kind == SheetColumnKind::criterion)
                validate_scores(ws, first, last, col, t.columns[i], lang);
            if (t.columns[i].kind == SheetColumnKind::conflict)
                validate_conflicts(ws, first, last, col, sheet);
        }
    }
    worksheet_freeze_panes(ws, first, 1);
    // Locked cells stay locked, but columns and rows may be resized; no password, since the
    // protection guards against slips, not against the reviewer.
    lxw_protection protection{};
    protection.format_columns = 1;
    protection.format_rows = 1;
    worksheet_protect(ws, nullptr, &protection);
}

// Writes the workbook at `path`: the same bytes for the same call, since its creation time
// is the call's (1 January of its year, UTC) rather than the clock's.
std::optional<std::string> write_workbook(const std::string& path, const ReviewerSheet& sheet,
                                          const Call& call, Lang lang) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) return "cannot create a workbook at " + path;
    std::tm start{};
    start.tm_year = call.rules.program.year - 1900;
    start.tm_mday = 1;
    std::string title = sheet.tables.empty() ? sheet.reviewer : sheet.tables.front().title;
    std::string app = "kcity " KCITY_VERSION;
    lxw_doc_properties props{};
    props.title = title.data();
    props.author = app.data();
    props.created = timegm(&start);
    workbook_set_properties(wb, &props);
    Formats f = make_formats(wb);
    for (const auto& t : sheet.tables) write_table(wb, f, sheet, t, lang);
    if (sheet.tables.empty()) workbook_add_worksheet(wb, nullptr);  // a workbook needs one
    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) return "cannot write " + path + ": " + lxw_strerror(err);
    return std::nullopt;
}

// Writes a file through a temporary one in its folder, then gives it its name with link(),
// which never replaces a file: one that appeared meanwhile is an error, and stays as it was.
std::optional<std::string> publish(
    const fs::path& target,
    const std::function<std::optional<std::string>(const std::string&)>& write) {
    std::string tmpl =
        (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = mkstemp(tmpl.data());
    if (fd < 0) return "cannot write " + target.string() + ": " + std::strerror(errno);
    mode_t mask = umask(0);
    umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    auto err = write(tmpl);
    if (!err && ::link(tmpl.c_str(), target.c_str()) != 0)
        err = errno == EEXIST ? target.string() + " exists; sheets never overwrites a file"
                              : "cannot write " + target.string() + ": " + std::strerror(errno);
    ::unlink(tmpl.c_str());
    return err;
}

std::optional<std::string> write_bytes(const std::string& path, const std::string& bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            ::close(fd);
            return "cannot write " + path + ": " + std::strerror(e);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) return "cannot write " + path + ": " + std::strerror(errno);
    return std::nullopt;
}

// The reviewers' ids: --reviewer by id or, with a panel, by name; else the whole panel.
std::optional<std::vector<std::string>> reviewers_of(const SheetsOptions& o, const Call& call,
                                                     Outcome& out) {
    const Panel& panel = call.rules.panel;
    std::vector<std::string> ids;
    if (o.reviewers.empty()) {
        for (const auto& m : panel.members) ids.push_back(m.id);
        if (ids.empty())
            out.messages.push_back(
                "kcity: error: the call has no panel (rules/panel.yaml): list it there, or name "
                "each reviewer with --reviewer ID");
    }
    std::vector<std::string> known;
    for (const auto& m : panel.members)
        for (const std::string* n : {&m.id, &m.name.ko, &m.name.en})
            if (!n->empty()) known.push_back(*n);
    for (const auto& r : o.reviewers) {
        std::string id = r;
        if (panel.present) {
            const PanelMember* m = panel.named(r);
            if (!m) {
                out.messages.push_back("kcity: error: --reviewer " + r +
                                       " is not on the panel (panel.yaml)" +
                                       did_you_mean(r, known));
                continue;
            }
            id = m->id;
        } else if (!is_valid_id(r)) {
            out.messages.push_back("kcity: error: --reviewer " + r +
                                   " must be 1 to 64 letters, digits, '.', '_' or '-'");
            continue;
        }
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    if (!out.messages.empty() && out.failure == Failure::none) {
        out.failure = Failure::usage;
        return std::nullopt;
    }
    return ids;
}

}  // namespace

Outcome sheets_command(const SheetsOptions& options) {
    Call call;
    Outcome out;
    if (!load_for_output_dir(options.inputs, options.output_dir, call, out)) return out;
    auto reviewers = reviewers_of(options, call, out);
    if (!reviewers) return out;
    const Lang lang = options.lang.value_or(options.locale_lang);
    Result result = run_selection(call, {});
    std::vector<ReviewerSheet> sheets = reviewer_sheets(call, result, *reviewers, lang);
    const bool xlsx = options.format == SheetFormat::xlsx;
    const fs::path dir(options.output_dir);
    std::vector<fs::path> paths;
    for (const auto& s : sheets) paths.push_back(dir / (s.reviewer + (xlsx ? ".xlsx" : ".csv")));
    // Refused before anything is written: a refused run leaves the folder as it was.
    std::error_code ec;
    for (const auto& p : paths)
        if (fs::exists(fs::symlink_status(p, ec)))
            out.messages.push_back("kcity: error: " + p.generic_string() +
                                   " exists; sheets never overwrites a file");
    if (!out.messages.empty()) {
        out.failure = Failure::output;
        return out;
    }
    fs::create_directories(dir, ec);
    if (ec)
        return fail("cannot create " + dir.generic_string() + ": " + ec.message(), Failure::output);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const ReviewerSheet& s = sheets[i];
        auto err = publish(paths[i], [&](const std::string& temp) {
            return xlsx ? write_workbook(temp, s, call, lang)
                        : write_bytes(temp, score_sheet_csv(s));
        });
        // The sheets written before stay, and standard output still lists them.
        if (err) {
            out.messages.push_back("kcity: error: " + *err);
            out.failure = Failure::output;
            return out;
        }
        out.output += paths[i].generic_string() + "\n";
    }
    out.messages.push_back("kcity: " + format_message("sheet.wrote", lang,
                                                      {{"count", Count{sheets.size()}},
                                                       {"dir", dir.generic_string()}}));
    return out;
}

}  // namespace kcity
