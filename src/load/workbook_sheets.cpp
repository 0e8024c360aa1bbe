// Score sheets in Excel workbooks (SPEC §4): every worksheet, in workbook order, read as a
// table by the same parser as a CSV sheet's, its messages naming the worksheet and the cell.
#include <algorithm>

#include "kcity/base/text.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/xlsx.hpp"

namespace kcity {

bool is_workbook_path(std::string_view path) {
    return ascii_lower(path).ends_with(".xlsx");
}

void apply_workbook(const SourceFile& file, const Rules& rules, std::vector<Proposal>& proposals,
                    Diagnostics& diags) {
    Workbook book = read_xlsx(file.bytes);
    // An error about the whole workbook (not a zip, password, too large) has no cell.
    for (const auto& e : book.errors) diags.error({file.path, 1, 1}, e);
    if (!book.errors.empty()) return;
    // A blank worksheet (Excel's empty Sheet2) holds no review; a workbook with nothing in any
    // worksheet is an empty score sheet, reported as for a CSV file on its first worksheet.
    bool any = std::any_of(book.sheets.begin(), book.sheets.end(), [](const Worksheet& w) {
        return !w.table.rows.empty() || !w.table.errors.empty();
    });
    for (const auto& sheet : book.sheets) {
        if (any && sheet.table.rows.empty() && sheet.table.errors.empty()) continue;
        // The reader's own errors (a cell it could not read) name the worksheet and cell too.
        Diagnostics table_diags;
        for (const auto& e : sheet.table.errors)
            table_diags.error({file.path, e.line, e.column}, e.message);
        add_worksheet_diagnostics(table_diags, file.path, sheet.name, diags);
        apply_score_table(sheet.table, file.path, sheet.name, rules, proposals, diags);
        if (!any) break;
    }
    if (book.sheets.empty())
        diags.error({file.path, 1, 1}, "the workbook has no worksheet: it needs a header row");
}

}  // namespace kcity
