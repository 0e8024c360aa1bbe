// RFC 4180 CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, LF, CRLF or
// CR line ends, quoted fields with doubled quotes and embedded line breaks (kept as LF).
#pragma once
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

CsvTable parse_csv(std::string_view text);

}  // namespace kcity
