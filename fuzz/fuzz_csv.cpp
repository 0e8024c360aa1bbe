// The text decoder, the CSV reader and the score-sheet loader on arbitrary bytes: decode_text
// gives UTF-8 text or a positioned problem; parse_csv's own invariants,
// then apply_score_sheet on the example call's proposals with the built-in rules.
#include <cstddef>
#include <cstdint>

#include "common.hpp"
#include "kcity/base/encoding.hpp"
#include "kcity/load/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    // The decoder: what it accepts is UTF-8 text, whatever the encoding it read.
    kcity::DecodedText decoded = kcity::decode_text(bytes, kcity::LineBreaks::lf_or_cr);
    if (decoded.problem)
        kcity_fuzz::require(decoded.problem->line >= 1 && decoded.problem->column >= 1,
                            "an encoding problem has a position");
    else
        kcity_fuzz::require(!kcity::check_text(decoded.text(bytes), kcity::LineBreaks::lf_or_cr),
                            "decoded text is UTF-8 text");
    kcity::CsvTable table = kcity::parse_csv(bytes);
    int last_line = 0;
    for (const auto& row : table.rows) {
        kcity_fuzz::require(!row.cells.empty(), "a row has at least one cell");
        kcity_fuzz::require(row.line > last_line, "rows come in line order");
        last_line = row.line;
        for (const auto& cell : row.cells)
            kcity_fuzz::require(cell.line >= row.line && cell.column >= 1,
                                "a cell lies within its row");
    }
    for (const auto& e : table.errors)
        kcity_fuzz::require(e.line >= 1 && e.column >= 1, "a CSV error has a position");

    auto& proposals = kcity_fuzz::example_proposals_reset();
    kcity::Diagnostics diags;
    kcity::apply_score_sheet({"fuzz.csv", std::move(bytes)}, kcity_fuzz::builtin_rules(), proposals,
                             diags);
    kcity_fuzz::require_positions(diags);
    return 0;
}
