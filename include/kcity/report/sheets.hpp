// The blank score sheets of `kcity sheets` (SPEC §11) as values: per reviewer, one table per
// track they sit on, with the headers in the report's language and the rows kcity fills in.
// The command writes them as workbooks (commands/sheets) or as CSV (score_sheet_csv); both
// read back through the score-sheet reader (load/score_sheets) as they are.
#pragma once
#include <string>
#include <vector>

#include "kcity/base/decimal.hpp"
#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"
#include "kcity/report/i18n.hpp"

namespace kcity {

// What a column holds, which decides its cells' protection and validation in a workbook.
enum class SheetColumnKind { given, criterion, total, conflict, comment };

struct SheetColumn {
    SheetColumnKind kind = SheetColumnKind::given;
    std::string header;  // `사업 중요도 (30)`
    Decimal max;         // a criterion's maximum
};

struct SheetRow {
    // One per column: the given cells (proposal, title, country, city, reviewer) filled; the
    // conflict and comment cells of a conflict filled; the others empty.
    std::vector<std::string> cells;
    bool conflict = false;  // declared in the proposal, or by organisation (panel.yaml)
};

struct SheetTable {
    std::string track;
    std::string name;   // the worksheet's name: the track's name, as Excel allows it
    std::string title;  // the line above the header: call, track, reviewer
    std::vector<SheetColumn> columns;
    std::vector<SheetRow> rows;  // the track's eligible proposals, by id
};

struct ReviewerSheet {
    std::string reviewer;            // the id, which names the file
    std::vector<SheetTable> tables;  // the tracks the reviewer sits on, in program.yaml's order
    std::string yes, no;             // the conflict words of the language, for the list in xlsx
};

// The sheet of each reviewer in `reviewers` (ids of the panel, or any ids without one), for
// the eligible proposals of `result`.
std::vector<ReviewerSheet> reviewer_sheets(const Call& call, const Result& result,
                                           const std::vector<std::string>& reviewers, Lang lang);

// A reviewer's sheet as one CSV table (UTF-8 with a byte-order mark, CRLF, as Excel writes):
// the criteria of every track, each once, by name; a proposal's cells of another track's
// criteria stay empty.
std::string score_sheet_csv(const ReviewerSheet& sheet);

// The text a criterion cell's validation shows in a workbook: "0 to 30, at most two decimals".
std::string score_rule_text(const Decimal& max, Lang lang);

}  // namespace kcity
