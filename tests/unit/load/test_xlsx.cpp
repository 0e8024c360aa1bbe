// The .xlsx reader on workbooks built here, from XML strings zipped with libzip: no binary
// fixture, and each test shows the XML it is about.
#include <zip.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "../fixtures.hpp"
#include "kcity/load/xlsx.hpp"

using kcity::read_xlsx;
using kcity::Workbook;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip archive of the entries, deflated, in memory. `password`: every entry encrypted.
std::string make_zip(const Entries& entries, const char* password = nullptr) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
    REQUIRE(out);
    zip_source_keep(out);
    zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
    REQUIRE(z);
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        REQUIRE(s);
        zip_int64_t i = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        REQUIRE(i >= 0);
        if (password)
            REQUIRE(zip_file_set_encryption(z, static_cast<zip_uint64_t>(i), ZIP_EM_AES_256,
                                            password) == 0);
    }
    REQUIRE(zip_close(z) == 0);
    REQUIRE(zip_source_open(out) == 0);
    REQUIRE(zip_source_seek(out, 0, SEEK_END) == 0);
    zip_int64_t size = zip_source_tell(out);
    REQUIRE(zip_source_seek(out, 0, SEEK_SET) == 0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    REQUIRE(zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size)) == size);
    zip_source_close(out);
    zip_source_free(out);
    zip_error_fini(&err);
    return bytes;
}

const char* const ns =
    R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
const char* const rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct SheetSpec {
    std::string name;
    std::string sheet_data;  // the inside of <sheetData>
};

// A workbook as Excel lays it out, but for the worksheets' part names, which are not sheetN.xml
// and sort against the workbook's order: the reader must follow the relationships.
std::string workbook(const std::vector<SheetSpec>& sheets, const std::string& shared = "") {
    std::string sheet_list, rels, types;
    Entries entries;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        std::string id = "rId" + std::to_string(10 - i);
        std::string part = "worksheets/z" + std::to_string(sheets.size() - i) + ".xml";
        sheet_list += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + std::to_string(i + 1) +
                      "\" r:id=\"" + id + "\"/>";
        rels += "<Relationship Id=\"" + id + "\" Type=\"" + rel_ns + "/worksheet\" Target=\"" +
                part + "\"/>";
        entries.push_back({"xl/" + part, std::string("<?xml version=\"1.0\"?><worksheet") + ns +
                                             "><sheetData>" + sheets[i].sheet_data +
                                             "</sheetData></worksheet>"});
    }
    if (!shared.empty()) {
        rels += std::string("<Relationship Id=\"rId1\" Type=\"") + rel_ns +
                "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        entries.push_back({"xl/sharedStrings.xml", std::string("<?xml version=\"1.0\"?><sst") + ns +
                                                       ">" + shared + "</sst>"});
    }
    entries.push_back({"[Content_Types].xml",
                       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                       "package/2006/content-types\"/>"});
    entries.push_back(
        {"_rels/.rels", std::string("<?xml version=\"1.0\"?><Relationships><Relationship "
                                    "Id=\"rId1\" Type=\"") +
                            rel_ns +
                            "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            "</Relationships>"});
    entries.push_back({"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook") + ns +
                                              "><sheets>" + sheet_list + "</sheets></workbook>"});
    entries.push_back({"xl/_rels/workbook.xml.rels",
                       "<?xml version=\"1.0\"?><Relationships>" + rels + "</Relationships>"});
    return make_zip(entries);
}

std::string one_sheet(const std::string& sheet_data, const std::string& shared = "") {
    return workbook({{"Sheet1", sheet_data}}, shared);
}

using Rows = std::vector<std::vector<std::string>>;

// Each row's line, then its cells' texts.
Rows rows_of(const Workbook& book, std::size_t sheet = 0) {
    INFO((book.errors.empty() ? "" : book.errors.front()));
    REQUIRE(book.errors.empty());
    REQUIRE(sheet < book.sheets.size());
    Rows out;
    for (const auto& row : book.sheets[sheet].table.rows) {
        std::vector<std::string> r{std::to_string(row.line)};
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            CHECK(row.cells[i].line == row.line);
            CHECK(row.cells[i].column == static_cast<int>(i) + 1);
            r.push_back(row.cells[i].text);
        }
        out.push_back(r);
    }
    return out;
}

std::string only_error(const Workbook& book) {
    REQUIRE(book.errors.size() == 1);
    return book.errors.front();
}

}  // namespace

TEST_CASE("xlsx: cell names", "[xlsx]") {
    CHECK(kcity::cell_name(7, 4) == "D7");
    CHECK(kcity::cell_name(1, 1) == "A1");
    CHECK(kcity::cell_name(3, 26) == "Z3");
    CHECK(kcity::cell_name(3, 27) == "AA3");
    CHECK(kcity::cell_name(9, 702) == "ZZ9");
    CHECK(kcity::cell_name(9, 703) == "AAA9");
    CHECK(kcity::cell_name(1048576, 16384) == "XFD1048576");
}

TEST_CASE("xlsx: numbers as Excel shows them, to 15 significant digits", "[xlsx]") {
    using kcity::excel_number_text;
    CHECK(excel_number_text("27.5") == "27.5");
    CHECK(excel_number_text("26") == "26");
    CHECK(excel_number_text("0.30000000000000004") == "0.3");  // 0.1+0.2
    CHECK(excel_number_text("27.499999999999996") == "27.5");
    CHECK(excel_number_text("99.999999999999986") == "100");  // the carry ripples through
    CHECK(excel_number_text("123456789012345678") == "123456789012346000");
    CHECK(excel_number_text("0.123456789012345") == "0.123456789012345");
    CHECK(excel_number_text("2.75E1") == "27.5");
    CHECK(excel_number_text("-1.5e-3") == "-0.0015");
    CHECK(excel_number_text("1e21") == "1E+21");
    CHECK(excel_number_text("1.25e22") == "1.25E+22");
    CHECK(excel_number_text("3e-7") == "3E-07");
    CHECK(excel_number_text("0") == "0");
    CHECK(excel_number_text("-0") == "0");
    CHECK(excel_number_text("007.50") == "7.5");
    CHECK(excel_number_text(".5") == "0.5");
    CHECK(excel_number_text("1e999999999999999999") == "1E+1000000");  // saturated, no overflow
    // Not numbers: left as they are.
    CHECK(excel_number_text("") == "");
    CHECK(excel_number_text("abc") == "abc");
    CHECK(excel_number_text("1e") == "1e");
    CHECK(excel_number_text("1.2.3") == "1.2.3");
    CHECK(excel_number_text("27,5") == "27,5");
}

TEST_CASE("xlsx: shared strings, rich text runs and phonetic runs", "[xlsx]") {
    std::string shared =
        "<si><t>proposal</t></si>"
        "<si><r><rPr><b/></rPr><t>평가</t></r><r><t xml:space=\"preserve\"> 위원</t></r></si>"
        "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si>"
        "<si><t>a_x000D_\nb _x005F_x0041_ _xD83D__xDE00_</t></si>";
    auto book =
        read_xlsx(one_sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                            "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                            "<c r=\"D1\" t=\"s\"><v>3</v></c></row>",
                            shared));
    CHECK(rows_of(book) ==
          Rows{{"1", "proposal", "평가 위원", "漢字", "a\r\nb _x0041_ \xF0\x9F\x98\x80"}});
}

TEST_CASE("xlsx: inline strings, booleans, errors, dates and formulas' cached values", "[xlsx]") {
    auto book = read_xlsx(
        one_sheet("<row r=\"2\">"
                  "<c r=\"A2\" t=\"inlineStr\"><is><t>PLN-2023-07</t></is></c>"
                  "<c r=\"B2\" t=\"inlineStr\"><is><r><t>R</t></r><r><t>3</t></r></is></c>"
                  "<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"b\"><v>0</v></c>"
                  "<c r=\"E2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                  "<c r=\"F2\"><f>SUM(G2:H2)</f><v>83.5</v></c>"
                  "<c r=\"G2\" s=\"1\"><f>0.1+0.2</f><v>0.30000000000000004</v></c>"
                  "<c r=\"H2\" t=\"str\"><f>A2&amp;\"x\"</f><v>PLN-2023-07x</v></c>"
                  "<c r=\"I2\" t=\"d\"><v>2023-05-10T00:00:00</v></c>"
                  "</row>"));
    CHECK(rows_of(book) == Rows{{"2", "PLN-2023-07", "R3", "TRUE", "FALSE", "#DIV/0!", "83.5",
                                 "0.3", "PLN-2023-07x", "2023-05-10T00:00:00"}});
}

TEST_CASE("xlsx: gaps are empty cells, rows are as wide as the widest, empty rows left out",
          "[xlsx]") {
    auto book = read_xlsx(one_sheet(
        "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"D1\"><v>2</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" s=\"3\"/><c r=\"B2\" t=\"inlineStr\"><is><t></t></is></c></row>"
        "<row r=\"4\" spans=\"1:5\"><c r=\"E4\"><v>5</v></c></row>"
        // Without r attributes: the next row, and the next column.
        "<row><c><v>6</v></c><c><v>7</v></c><c r=\"D5\"><v>8</v></c><c><v>9</v></c></row>"));
    CHECK(rows_of(book) == Rows{{"1", "", "1", "", "2", ""},
                                {"4", "", "", "", "", "5"},
                                {"5", "6", "7", "", "8", "9"}});
}

TEST_CASE("xlsx: every worksheet, in workbook order, by its relationships", "[xlsx]") {
    auto book = read_xlsx(workbook({{"평가표",
                                     "<row r=\"1\"><c t=\"inlineStr\"><is><t>first</t>"
                                     "</is></c></row>"},
                                    {"Sheet2", ""},
                                    {"R&amp;D", "<row r=\"3\"><c r=\"B3\"><v>3</v></c></row>"}}));
    REQUIRE(book.sheets.size() == 3);
    CHECK(book.sheets[0].name == "평가표");
    CHECK(book.sheets[1].name == "Sheet2");
    CHECK(book.sheets[2].name == "R&D");
    CHECK(rows_of(book, 0) == Rows{{"1", "first"}});
    CHECK(rows_of(book, 1).empty());
    CHECK(rows_of(book, 2) == Rows{{"3", "", "3"}});
}

TEST_CASE("xlsx: a broken cell is an error at its row and column, its row marked", "[xlsx]") {
    auto book =
        read_xlsx(one_sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                            "<row r=\"2\"><c r=\"A2\"><v>2</v></c>"
                            "<c r=\"C2\" t=\"s\"><v>7</v></c></row>"
                            "<row r=\"3\"><c r=\"B3\"><f>SUM(A1:A2)</f></c></row>"
                            "<row r=\"4\"><c r=\"A4\"><v>1</v></c><c r=\"A4\"><v>2</v></c>"
                            "</row>",
                            "<si><t>x</t></si>"));
    REQUIRE(book.errors.empty());
    const auto& t = book.sheets[0].table;
    REQUIRE(t.errors.size() == 3);
    CHECK(t.errors[0].line == 2);
    CHECK(t.errors[0].column == 3);
    CHECK_THAT(t.errors[0].message, Catch::Contains("shared string `7`"));
    CHECK(t.errors[1].line == 3);
    CHECK(t.errors[1].column == 2);
    CHECK_THAT(t.errors[1].message, Catch::Contains("formula in this cell has no saved value"));
    CHECK(t.errors[2].line == 4);
    CHECK_THAT(t.errors[2].message, Catch::Contains("gives this cell twice"));
    REQUIRE(t.rows.size() == 3);
    CHECK_FALSE(t.rows[0].bad);
    CHECK(t.rows[1].bad);
    CHECK(t.rows[2].bad);
}

TEST_CASE("xlsx: an empty cell with a type is empty, a worksheet's errors stop at 100", "[xlsx]") {
    auto empty =
        read_xlsx(one_sheet("<row r=\"1\"><c r=\"A1\" t=\"s\" s=\"2\"/>"
                            "<c r=\"B1\" t=\"n\"><v></v></c></row>"));
    CHECK(rows_of(empty).empty());
    std::string cells;
    for (int r = 1; r <= 150; ++r) cells += "<row><c t=\"q\"><v>1</v></c></row>";
    auto book = read_xlsx(one_sheet(cells));
    REQUIRE(book.errors.empty());
    const auto& errors = book.sheets[0].table.errors;
    REQUIRE(errors.size() == 101);
    CHECK_THAT(errors[0].message, Catch::Contains("a cell of unknown type `q`"));
    CHECK(errors[100].line == 101);
    CHECK_THAT(errors[100].message, Catch::Contains("more errors in this worksheet's cells"));
}

TEST_CASE("xlsx: files that are not workbooks say what they are", "[xlsx]") {
    SECTION("not a zip") {
        CHECK(only_error(read_xlsx("proposal,reviewer\n")) ==
              "not an Excel workbook (.xlsx): the file is not a zip archive");
        CHECK_THAT(only_error(read_xlsx("")), Catch::Contains("the file is empty"));
    }
    SECTION("a corrupt zip") {
        std::string bytes = one_sheet("<row r=\"1\"><c><v>1</v></c></row>");
        bytes.resize(bytes.size() / 2);  // cut in the middle, as a broken download
        CHECK_THAT(only_error(read_xlsx(bytes)), Catch::StartsWith("not an Excel workbook"));
        std::string damaged = one_sheet("<row r=\"1\"><c><v>1</v></c></row>");
        damaged[40] = static_cast<char>(damaged[40] ^ 0x55);  // in the first entry's data
        CHECK_FALSE(read_xlsx(damaged).errors.empty());
    }
    SECTION("a zip that is not a workbook") {
        std::string docx = make_zip({{"word/document.xml", "<document/>"}});
        CHECK(only_error(read_xlsx(docx)) ==
              "not an Excel workbook (.xlsx): the zip archive has no xl/workbook.xml");
        std::string other = make_zip({{"xl/workbook.xml", "<notaworkbook/>"}});
        CHECK(only_error(read_xlsx(other)) ==
              "not an Excel workbook (.xlsx): xl/workbook.xml is not a workbook");
    }
    SECTION("an Office 97-2003 file, and a workbook saved with a password") {
        std::string cfb = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
        CHECK_THAT(only_error(read_xlsx(cfb)), Catch::Contains("Excel 97-2003 file (.xls)"));
        std::string name;
        for (char c : std::string("EncryptedPackage")) name += {c, '\0'};
        CHECK(only_error(read_xlsx(cfb + name)) ==
              "password-protected workbook: save it without a password");
    }
    SECTION("a zip with encrypted entries") {
        if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1)) return;
        std::string bytes = make_zip({{"xl/workbook.xml", "<workbook/>"}}, "secret");
        CHECK(only_error(read_xlsx(bytes)) ==
              "password-protected workbook: save it without a password");
    }
    SECTION("XML that is broken, or has a DOCTYPE") {
        std::string broken = one_sheet("<row r=\"1\"><c><v>1</v></row>");
        CHECK_THAT(
            only_error(read_xlsx(broken)),
            Catch::StartsWith("worksheet `Sheet1`: xl/worksheets/z1.xml: not well-formed XML "
                              "at line 1"));
        std::string doctype = make_zip(
            {{"xl/workbook.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><workbook>&a;</workbook>"}});
        CHECK_THAT(only_error(read_xlsx(doctype)), Catch::Contains("DOCTYPE"));
    }
}

TEST_CASE("xlsx: a worksheet too wide once padded is refused", "[xlsx]") {
    std::string rows;
    for (int r = 1; r <= 300; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
                "\"><v>1</v></c></row>";
    rows += "<row r=\"301\"><c r=\"XFD301\"><v>1</v></c></row>";  // 301 x 16384 cells
    CHECK_THAT(only_error(read_xlsx(one_sheet(rows))),
               Catch::Contains("more than 4194304 cells once its rows are made as wide"));
    CHECK(read_xlsx(one_sheet("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"))
              .errors.empty());
    SECTION("and so are worksheets that are too many cells together") {
        // 160 x 16384 = 2,621,440 cells each: one fits, two do not.
        std::string half;
        for (int r = 1; r <= 159; ++r)
            half += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
                    "\"><v>1</v></c></row>";
        half += "<row r=\"160\"><c r=\"XFD160\"><v>1</v></c></row>";
        CHECK(read_xlsx(workbook({{"One", half}})).errors.empty());
        CHECK_THAT(only_error(read_xlsx(workbook({{"One", half}, {"Two", half}}))),
                   Catch::Contains("worksheet `Two`: more than 4194304 cells once its rows are "
                                   "made as wide as the widest (with the workbook's worksheets "
                                   "before it)"));
    }
}

namespace {

// Track `t` (criteria a and b, max 30), proposals P1 and P2, and the workbook as book.xlsx.
std::unique_ptr<fixtures::Run> load_workbook(const std::string& bytes) {
    fixtures::TrackSpec track;
    track.criteria = "[{id: a, name: A, max: 30}, {id: b, name: B, max: 30}]";
    fixtures::ProposalSpec p1, p2;
    p1.id = "P1";
    p2.id = "P2";
    fixtures::CallSpec spec;
    spec.tracks = {track.file()};
    auto run = std::make_unique<fixtures::Run>();
    run->call.rules = fixtures::rules_from(spec, run->diags);
    kcity::parse_proposals({"p.yaml", fixtures::documents({p1, p2})}, run->call.rules,
                           run->call.proposals, run->diags);
    REQUIRE(kcity::is_workbook_path("scores/book.XLSX"));
    kcity::apply_workbook({"book.xlsx", bytes}, run->call.rules, run->call.proposals, run->diags);
    kcity::check_call(run->call, run->diags);
    return run;
}

std::string inline_row(int r, const std::vector<std::string>& cells) {
    std::string s = "<row r=\"" + std::to_string(r) + "\">";
    for (const auto& c : cells) {
        bool number = !c.empty() && c.find_first_not_of("0123456789.") == std::string::npos;
        s +=
            number ? "<c><v>" + c + "</v></c>" : "<c t=\"inlineStr\"><is><t>" + c + "</t></is></c>";
    }
    return s + "</row>";
}

}  // namespace

TEST_CASE("xlsx: worksheets add reviews, messages name the worksheet and the cell",
          "[xlsx][sheet]") {
    std::string header = inline_row(2, {"proposal", "reviewer", "a", "b"});
    SECTION("reviews from two worksheets and a blank one") {
        auto run = load_workbook(
            workbook({{"평가표", header + inline_row(3, {"P1", "R1", "20", "10"})},
                      {"Sheet2", ""},
                      // A row whose last cells are empty is padded to the header's width.
                      {"more", header + inline_row(3, {"P2", "R2", "1", "2"}) +
                                   inline_row(4, {"P2", "R3", "3"})}}));
        INFO(run->errors());
        CHECK(fixtures::errors_of(run->diags) ==
              "book.xlsx:4:4: error: no score for `b` (sheet more, cell D4)\n");
        REQUIRE(run->call.proposals.size() == 2);
        REQUIRE(run->call.proposals[0].reviews.size() == 1);
        CHECK(run->call.proposals[0].reviews[0].reviewer == "R1");
        CHECK(run->call.proposals[0].reviews[0].scores[0] == kcity::Decimal{200000});
        REQUIRE(run->call.proposals[1].reviews.size() == 2);
        CHECK(run->call.proposals[1].reviews[0].reviewer == "R2");
    }
    SECTION("errors") {
        auto run =
            load_workbook(workbook({{"평가표", header + inline_row(3, {"P1", "R1", "20", "31"}) +
                                                   inline_row(4, {"P9", "R2", "20", "10"})},
                                    {"Sheet2", header + inline_row(5, {"P1", "R1", "1", "2"})}}));
        INFO(run->errors());
        auto e = fixtures::find_error(run->diags, "must be from 0 to 30");
        REQUIRE(e);
        CHECK(kcity::format_diagnostic(*e) ==
              "book.xlsx:3:4: error: the score of `b` must be from 0 to 30, not 31 (sheet 평가표, "
              "cell D3)");
        CHECK(fixtures::has_error(run->diags,
                                  "unknown proposal `P9` (did you mean `P1`?) (sheet "
                                  "평가표, cell A4)",
                                  "book.xlsx", 4));
        // The first review's worksheet and cell, then (as every message) this one's.
        CHECK(fixtures::has_error(run->diags,
                                  "reviewer `R1` already reviewed `P1` at book.xlsx:3, sheet "
                                  "평가표, cell A3 (sheet Sheet2, cell A5)",
                                  "book.xlsx", 5));
    }
    SECTION("a review in a workbook given again in a CSV sheet names the worksheet") {
        auto run =
            load_workbook(workbook({{"평가표", header + inline_row(3, {"P1", "R1", "20", "1"})}}));
        kcity::apply_score_sheet({"late.csv", "proposal,reviewer,a,b\nP1,R1,20,1\n"},
                                 run->call.rules, run->call.proposals, run->diags);
        CHECK(fixtures::errors_of(run->diags) ==
              "late.csv:2:1: error: reviewer `R1` already reviewed `P1` at book.xlsx:3, sheet "
              "평가표, cell A3\n");
    }
    SECTION("a workbook error is at the file's start") {
        auto run = load_workbook("not a zip");
        CHECK(fixtures::errors_of(run->diags) ==
              "book.xlsx:1:1: error: not an Excel workbook (.xlsx): the file is not a zip "
              "archive\n");
    }
    SECTION("a workbook with nothing in it") {
        auto run = load_workbook(workbook({{"A", ""}, {"B", ""}}));
        CHECK(fixtures::errors_of(run->diags) ==
              "book.xlsx:1:1: error: the score sheet is empty: it needs a header row (sheet A, "
              "cell A1)\n");
    }
}

TEST_CASE("xlsx: the same reviews in a workbook and in CSV give the same scores", "[xlsx][sheet]") {
    fixtures::TrackSpec track;
    track.criteria = "[{id: a, name: A, max: 30}, {id: b, name: B, max: 30}]";
    fixtures::ProposalSpec p1;
    p1.id = "P1";
    fixtures::CallSpec spec;
    spec.tracks = {track.file()};
    spec.proposals = {fixtures::documents({p1})};
    spec.sheets = {"proposal,reviewer,a,b,conflict\nP1,R1,27.5,26,\nP1,R2,0.3,10,no\n"};
    auto csv = fixtures::run(spec);

    auto book = load_workbook(one_sheet(
        inline_row(1, {"proposal", "reviewer", "a", "b", "conflict"}) +
        "<row r=\"2\"><c t=\"inlineStr\"><is><t>P1</t></is></c><c t=\"inlineStr\"><is><t>R1</t>"
        "</is></c><c><v>27.499999999999996</v></c><c><v>2.6E1</v></c></row>"
        "<row r=\"3\"><c t=\"inlineStr\"><is><t>P1</t></is></c><c t=\"inlineStr\"><is><t>R2</t>"
        "</is></c><c><f>0.1+0.2</f><v>0.30000000000000004</v></c><c><v>10</v></c>"
        "<c t=\"inlineStr\"><is><t>no</t></is></c></row>"));
    INFO(book->errors());
    REQUIRE_FALSE(book->diags.has_errors());
    book->result = kcity::run_selection(book->call, {});
    CHECK(book->get("P1").criteria == csv->get("P1").criteria);
    CHECK(book->get("P1").used() == csv->get("P1").used());
}
