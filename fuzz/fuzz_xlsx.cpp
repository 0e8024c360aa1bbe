// The .xlsx reader and the workbook score sheets on arbitrary bytes. The first byte picks how
// the rest is used: even, it is the .xlsx file itself (the zip container, its damage and its
// limits); odd, it is the XML of a worksheet, zipped here (stored, not deflated) into a
// workbook with two shared strings, so that the mutations reach the XML readers rather than
// stopping at the zip's checksums. Then apply_workbook on the example call's proposals.
#include <zip.h>

#include <cstddef>
#include <cstdint>

#include "common.hpp"
#include "kcity/load/xlsx.hpp"

namespace {

std::string stored_zip(const std::vector<std::pair<const char*, std::string>>& entries) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
    kcity_fuzz::require(out != nullptr, "libzip makes a buffer");
    zip_source_keep(out);
    zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
    kcity_fuzz::require(z != nullptr, "libzip opens the buffer");
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        zip_int64_t i = zip_file_add(z, name, s, 0);
        kcity_fuzz::require(i >= 0, "libzip adds an entry");
        zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
    }
    kcity_fuzz::require(zip_close(z) == 0, "libzip writes the zip");
    zip_source_open(out);
    zip_source_seek(out, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(out);
    zip_source_seek(out, 0, SEEK_SET);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(out);
    zip_source_free(out);
    zip_error_fini(&err);
    return bytes;
}

std::string workbook_around(std::string sheet_xml) {
    const char* rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    return stored_zip({
        {"xl/workbook.xml",
         "<workbook><sheets><sheet name=\"평가표\" sheetId=\"1\" "
         "r:id=\"rId2\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         std::string("<Relationships><Relationship Id=\"rId1\" Type=\"") + rel +
             "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId2\" Type=\"" +
             rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/sharedStrings.xml", "<sst><si><t>PIL-2023-01</t></si><si><t>R7</t></si></sst>"},
        {"xl/worksheets/sheet1.xml", std::move(sheet_xml)},
    });
}

void check_table(const kcity::Worksheet& sheet) {
    int last_line = 0;
    std::size_t width = sheet.table.rows.empty() ? 0 : sheet.table.rows[0].cells.size();
    for (const auto& row : sheet.table.rows) {
        kcity_fuzz::require(row.line > last_line && row.line <= 1048576, "rows in order");
        last_line = row.line;
        kcity_fuzz::require(row.cells.size() == width && width >= 1 && width <= 16384,
                            "every row as wide as the worksheet");
        for (std::size_t i = 0; i < row.cells.size(); ++i)
            kcity_fuzz::require(
                row.cells[i].line == row.line && row.cells[i].column == static_cast<int>(i) + 1,
                "a cell's column is its place in the row");
    }
    kcity_fuzz::require(sheet.table.rows.size() * width <= kcity::max_xlsx_cells, "cell limit");
    for (const auto& e : sheet.table.errors)
        kcity_fuzz::require(e.line >= 1 && e.column >= 1 && !e.message.empty(),
                            "a cell error has a position");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string bytes = (data[0] & 1) ? workbook_around(std::move(rest)) : std::move(rest);

    kcity::Workbook book = kcity::read_xlsx(bytes);
    kcity_fuzz::require(book.errors.empty() || book.sheets.empty(),
                        "a workbook with an error has no worksheets");
    for (const auto& sheet : book.sheets) check_table(sheet);

    auto& proposals = kcity_fuzz::example_proposals_reset();
    kcity::Diagnostics diags;
    kcity::apply_workbook({"fuzz.xlsx", std::move(bytes)}, kcity_fuzz::builtin_rules(), proposals,
                          diags);
    kcity_fuzz::require_positions(diags);
    return 0;
}
