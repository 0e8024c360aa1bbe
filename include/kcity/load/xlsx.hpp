// Excel workbooks (.xlsx, SPEC §4): every worksheet of a workbook, in workbook order, as a table
// of the same shape as a CSV file's, so that one parser reads score sheets of either kind.
// The zip container is read with libzip and the XML parts with expat (docs/decisions.md).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kcity/base/diagnostics.hpp"
#include "kcity/load/csv.hpp"

namespace kcity {

// The most bytes a workbook's parts may hold once decompressed, all parts together
// (docs/validation.md): a zip bomb stops here, while a real workbook of 100,000 rows of scores
// (about 40 MB of XML) is far below it.
inline constexpr std::uint64_t max_xlsx_unzipped_bytes = std::uint64_t{256} << 20;

// The most cells a worksheet may hold once its rows are padded to the same width (every row
// is as wide as the widest, as Excel's own "Save as CSV" writes them): a single value in the
// last cell XFD1048576 would otherwise make 17 billion empty cells. 2^22 cells is 100,000
// rows of 40 columns.
inline constexpr std::uint64_t max_xlsx_cells = std::uint64_t{1} << 22;

// One worksheet: its name as shown on its tab, and its cells as a table. A cell's `line` is
// its Excel row number and `column` its column number (A = 1); every row holds a cell for each
// column from A to the worksheet's last used one (skipped cells are empty); rows without a
// value are left out. `table.errors` are about cells of this worksheet, at their row and
// column; a row with one is marked `bad`.
struct Worksheet {
    std::string name;
    CsvTable table;
};

// A workbook's worksheets in the order of their tabs. `errors` are about the workbook as a
// whole (not a zip, not a workbook, password-protected, too large, a part that is not XML);
// when there is one, `sheets` may be incomplete and should not be read.
struct Workbook {
    std::vector<Worksheet> sheets;
    std::vector<std::string> errors;
};

// Reads the bytes of an .xlsx file. Never throws for any input.
Workbook read_xlsx(std::string_view bytes);

// "D7" for row 7, column 4; "XFD1048576" for the last cell of a worksheet.
std::string cell_name(int row, int column);

// A value stored in a cell as a number ("0.30000000000000004", "2.75E1", "-1e-3") as Excel
// shows it in the General format: rounded to 15 significant digits, without trailing zeros,
// and without an exponent unless the number is very large or very small ("1E+21", "1E-21").
// The text is returned unchanged when it is not a number.
std::string excel_number_text(std::string_view stored);

// Adds the diagnostics of one worksheet to `out`, each of those at a position in `file` with
// the worksheet and cell named after its message: "... (sheet 평가표, cell D7)".
void add_worksheet_diagnostics(const Diagnostics& sheet_diags, const std::string& file,
                               const std::string& sheet, Diagnostics& out);

}  // namespace kcity
