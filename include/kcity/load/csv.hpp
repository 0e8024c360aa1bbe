// RFC 4180 CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, LF, CRLF or
// CR line ends, quoted fields with doubled quotes and embedded line breaks (kept as LF); the
// delimiter a comma, or a semicolon or tab (SPEC §4, detect_delimiter).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kcity {

struct CsvCell {
    std::string text;
    int line = 0, column = 0;  // where the cell starts, 1-based
    bool quoted = false;
};

struct CsvRow {
    std::vector<CsvCell> cells;
    int line = 0;
    bool bad = false;  // a quoting error: its cells cannot be trusted (the error is in `errors`)
};

struct CsvError {
    int line = 0, column = 0;
    std::string message;
};

struct CsvTable {
    std::vector<CsvRow> rows;  // blank lines are left out
    std::vector<CsvError> errors;
};

// The most cells kcity reads of one CSV score sheet (docs/validation.md, "Memory"): 2^20,
// 100,000 rows of ten columns. A cell takes about 100 bytes held with its row, whatever its
// text, so that a sheet of nothing but `1,` would take 50 times its size (a sheet of 3 million
// cells took 370 MB). The cell past the limit is an error (in `errors`), and the text after it
// is not read.
inline constexpr std::size_t max_csv_cells = std::size_t{1} << 20;

// `max_cells`: max_csv_cells, or a smaller limit for tests.
CsvTable parse_csv(std::string_view text, char delimiter = ',',
                   std::size_t max_cells = max_csv_cells);

// Whether a row's cells (title rows come before it) are the header of the table.
using HeaderTest = std::function<bool(const std::vector<std::string>& cells)>;

// SPEC §4: a comma, or a semicolon or a tab when the header row holds one of those and no
// comma. The header row is the first that `is_header` accepts when the text is read with that
// delimiter (among the first 100 rows); with none, a comma.
char detect_delimiter(std::string_view text, const HeaderTest& is_header);

}  // namespace kcity
