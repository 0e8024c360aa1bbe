#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/load/csv.hpp"

using kcity::CsvTable;
using kcity::parse_csv;

namespace {

std::vector<std::string> texts(const kcity::CsvRow& row) {
    std::vector<std::string> out;
    for (const auto& c : row.cells) out.push_back(c.text);
    return out;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: rows and cells", "[csv]") {
    CsvTable t = parse_csv("proposal,reviewer,a\nP1,R1,26\nP1,R2,\n");
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 3);
    CHECK(texts(t.rows[0]) == Cells{"proposal", "reviewer", "a"});
    CHECK(texts(t.rows[1]) == Cells{"P1", "R1", "26"});
    CHECK(texts(t.rows[2]) == Cells{"P1", "R2", ""});
    CHECK(t.rows[2].line == 3);

    SECTION("no newline at the end") {
        CsvTable u = parse_csv("a,b\n1,2");
        REQUIRE(u.rows.size() == 2);
        CHECK(texts(u.rows[1]) == Cells{"1", "2"});
    }
    SECTION("empty input") {
        CsvTable u = parse_csv("");
        CHECK(u.rows.empty());
        CHECK(u.errors.empty());
    }
}

TEST_CASE("csv: a byte-order mark is skipped", "[csv]") {
    CsvTable t = parse_csv("\xEF\xBB\xBFproposal,reviewer\nP1,R1\n");
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells[0].text == "proposal");
    CHECK(t.rows[0].cells[0].column == 1);
    CHECK(t.rows[0].cells[1].column == 10);
}

TEST_CASE("csv: CRLF line ends", "[csv]") {
    CsvTable t = parse_csv("a,b\r\n1,2\r\n\"x\",\"y\"\r\n");
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 3);
    CHECK(texts(t.rows[0]) == Cells{"a", "b"});
    CHECK(texts(t.rows[1]) == Cells{"1", "2"});
    CHECK(texts(t.rows[2]) == Cells{"x", "y"});
    CHECK(t.rows[2].line == 3);
    CHECK(t.rows[1].cells[1].text.find('\r') == std::string::npos);
}

TEST_CASE("csv: quoted fields with doubled quotes and embedded newlines", "[csv]") {
    CsvTable t = parse_csv(
        "id,note,x\n"
        "P1,\"a \"\"quoted\"\" word, and a comma\",1\n"
        "P2,\"two\nlines\",2\n"
        "P3,\"crlf\r\ninside\",3\n"
        "P4,\"\",4\n");
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 5);
    CHECK(texts(t.rows[1]) == Cells{"P1", "a \"quoted\" word, and a comma", "1"});
    CHECK(t.rows[1].cells[1].quoted);
    CHECK_FALSE(t.rows[1].cells[0].quoted);
    CHECK(texts(t.rows[2]) == Cells{"P2", "two\nlines", "2"});
    CHECK(texts(t.rows[3]) == Cells{"P3", "crlf\ninside", "3"});
    CHECK(texts(t.rows[4]) == Cells{"P4", "", "4"});
    CHECK(t.rows[4].cells[1].quoted);
    // Lines keep counting through the embedded newlines.
    CHECK(t.rows[2].line == 3);
    CHECK(t.rows[2].cells[2].line == 4);
    CHECK(t.rows[2].cells[2].column == 8);
    CHECK(t.rows[3].line == 5);
    CHECK(t.rows[4].line == 7);
}

TEST_CASE("csv: blank lines are skipped", "[csv]") {
    CsvTable t = parse_csv("a,b\n\n1,2\r\n\r\n\n3,4\n\n");
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1].line == 3);
    CHECK(texts(t.rows[2]) == Cells{"3", "4"});
    CHECK(t.rows[2].line == 6);

    SECTION("a line holding only a quoted empty field is not blank") {
        CsvTable u = parse_csv("a\n\"\"\n");
        REQUIRE(u.rows.size() == 2);
        CHECK(u.rows[1].cells[0].quoted);
    }
    SECTION("a line of commas is not blank") {
        CsvTable u = parse_csv("a,b\n,\n");
        REQUIRE(u.rows.size() == 2);
        CHECK(u.rows[1].cells.size() == 2);
    }
}

TEST_CASE("csv: an unclosed quote is an error at the field's start", "[csv]") {
    CsvTable t = parse_csv("a,b\n1,\"never\nclosed,3\n");
    REQUIRE(t.errors.size() == 1);
    CHECK(t.errors[0].line == 2);
    CHECK(t.errors[0].column == 3);
    CHECK_THAT(t.errors[0].message, Catch::Contains("never closed"));
}

TEST_CASE("csv: stray quotes are errors", "[csv]") {
    CsvTable t = parse_csv("a,b\n\"x\"y,2\n");
    REQUIRE_FALSE(t.errors.empty());
    CHECK(t.errors[0].line == 2);
    CHECK(t.errors[0].column == 4);
    CHECK_THAT(t.errors[0].message, Catch::Contains("after the closing quote"));

    CsvTable u = parse_csv("a,b\n1,x\"y\n");
    REQUIRE_FALSE(u.errors.empty());
    CHECK(u.errors[0].line == 2);
    CHECK(u.errors[0].column == 4);
    CHECK_THAT(u.errors[0].message, Catch::Contains("quote inside an unquoted field"));
}

TEST_CASE("csv: every cell knows its line and column", "[csv]") {
    CsvTable t = parse_csv("proposal,reviewer,a\nPLN-1,R12,26.5\n한글,R1,\"3\"\n");
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 3);
    const auto& r1 = t.rows[1].cells;
    CHECK(r1[0].line == 2);
    CHECK(r1[0].column == 1);
    CHECK(r1[1].column == 7);
    CHECK(r1[2].column == 11);
    // Columns count characters: 한글 is two.
    const auto& r2 = t.rows[2].cells;
    CHECK(r2[1].line == 3);
    CHECK(r2[1].column == 4);
    CHECK(r2[2].column == 7);
    CHECK(r2[2].text == "3");
}

// Score sheets on top of parse_csv (SPEC §4): errors name file, line and column.
TEST_CASE("csv: score sheets add reviews and report errors at their cell", "[csv][sheet]") {
    fixtures::TrackSpec track;
    track.criteria = "[{id: a, name: A, max: 30}, {id: b, name: B, max: 30}]";
    track.panel = "{min_reviewers: 2, aggregate: mean}";
    fixtures::ProposalSpec p;
    p.id = "P1";
    fixtures::CallSpec spec;
    spec.tracks = {track.file()};
    spec.proposals = {fixtures::documents({p})};

    SECTION("a sheet with BOM, CRLF and a conflict row") {
        spec.sheets = {
            "\xEF\xBB\xBFproposal,reviewer,a,b,conflict\r\n"
            "P1,R1,20,10,\r\n"
            "P1,R2,21.5,11,no\r\n"
            "\r\n"
            "P1,R3,,,YES\r\n"};
        auto run = fixtures::run(spec);
        const auto& r = run->get("P1");
        CHECK(run->status("P1") == "selected");
        CHECK(r.used() == std::vector<std::string>{"R1", "R2"});
        CHECK(r.excluded() == std::vector<std::string>{"R3"});
        REQUIRE(r.criteria.size() == 2);
        CHECK(r.criteria[0] == kcity::Decimal{207500});  // (20 + 21.5) / 2
        CHECK(r.criteria[1] == kcity::Decimal{105000});
    }
    SECTION("errors") {
        spec.sheets = {
            "proposal,reviewer,a,b,conflict,c\n"
            "P1,R1,20,10,,\n"
            "P2,R2,20,10,,\n"
            "P1,R3,,10,,\n"
            "P1,R4,20,10,maybe,\n"};
        auto run = fixtures::load(spec);
        const auto& d = run->diags;
        INFO(run->errors());
        CHECK(fixtures::has_error(d, "unknown column `c`", "scores-0.csv", 1));
        CHECK(fixtures::has_error(d, "unknown proposal `P2`", "scores-0.csv", 3));
        CHECK(fixtures::has_error(d, "no score for `a`", "scores-0.csv", 4));
        CHECK(fixtures::has_error(d, "`conflict` must be yes, no, true, false, y, n, o, x,",
                                  "scores-0.csv", 5));
        for (const auto& e : d.sorted()) {
            CHECK(e.where.line > 0);
            CHECK(e.where.column > 0);
        }
    }
    SECTION("a review given inline and in a sheet") {
        p.reviews = {{"R1", "a: 1, b: 2"}};
        spec.proposals = {fixtures::documents({p})};
        spec.sheets = {"proposal,reviewer,a,b\nP1,R1,20,10\n"};
        auto run = fixtures::load(spec);
        CHECK(fixtures::has_error(run->diags, "reviewer `R1` already reviewed `P1`", "scores-0.csv",
                                  2));
    }
    SECTION("an unclosed quote names the sheet, line and column") {
        spec.sheets = {"proposal,reviewer,a,b\nP1,\"R1,20,10\n"};
        auto run = fixtures::load(spec);
        CHECK(fixtures::has_error(run->diags, "never closed", "scores-0.csv", 2));
        CHECK(run->diags.sorted().front().where.column == 4);
    }
}

TEST_CASE("csv: a lone CR ends a line too (old Mac spreadsheets)", "[csv]") {
    CsvTable t = parse_csv("a,b\r1,2\r\"x\ry\",3\r");
    INFO(t.errors.size());
    CHECK(t.errors.empty());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1].line == 2);
    CHECK(t.rows[2].line == 3);
    CHECK(texts(t.rows[1]) == Cells{"1", "2"});
    // A line break inside a quoted field is kept as LF, whatever the file's line ends.
    CHECK(t.rows[2].cells[0].text == "x\ny");
    CHECK(t.rows[2].cells[1].line == 4);
    // Found by fuzz_csv: rows always come in line order.
    CsvTable u = parse_csv("p,r\ryes\rx\n");
    REQUIRE(u.rows.size() == 3);
    CHECK(u.rows[0].line < u.rows[1].line);
    CHECK(u.rows[1].line < u.rows[2].line);
}

TEST_CASE("csv: a row with a quoting error is marked, the others are not", "[csv]") {
    CsvTable t = parse_csv("a,b\n1,2\"\n3,4\n\"5\"x,6\n7,8\n");
    CHECK(t.errors.size() == 2);
    REQUIRE(t.rows.size() == 5);
    CHECK_FALSE(t.rows[0].bad);
    CHECK(t.rows[1].bad);
    CHECK_FALSE(t.rows[2].bad);
    CHECK(t.rows[3].bad);
    CHECK_FALSE(t.rows[4].bad);
}

namespace {

struct Sheet {
    std::unique_ptr<fixtures::Run> run;
    const kcity::Diagnostics& diags() const { return run->diags; }
    std::string errors() const { return run->errors(); }
};

// Track `t` with criteria a (max 30) and b (max 30), proposal P1, and one sheet.
Sheet load_sheet(const std::string& csv, const std::string& track_extra = "") {
    fixtures::TrackSpec track;
    track.criteria = "[{id: a, name: A, max: 30}, {id: b, name: B, max: 30}]";
    track.extra = track_extra;
    fixtures::ProposalSpec p;
    p.id = "P1";
    fixtures::CallSpec spec;
    spec.tracks = {track.file()};
    spec.proposals = {fixtures::documents({p})};
    spec.sheets = {csv};
    return Sheet{fixtures::load(spec)};
}

}  // namespace

TEST_CASE("sheet: rows after a quoting error are still read", "[csv][sheet]") {
    Sheet s = load_sheet("proposal,reviewer,a,b\nP1,R\"1,20,10\nP2,R2,20,10\nP1,R3,40,10\n");
    INFO(s.errors());
    CHECK(fixtures::has_error(s.diags(), "a quote inside an unquoted field", "scores-0.csv", 2));
    CHECK(fixtures::has_error(s.diags(), "unknown proposal `P2`", "scores-0.csv", 3));
    CHECK(fixtures::has_error(s.diags(), "must be from 0 to 30, not 40", "scores-0.csv", 4));
    CHECK(s.diags().sorted().size() == 3);
    SECTION("but not when the header itself has one") {
        Sheet h = load_sheet("proposal,\"reviewer,a,b\nP2,R2,20,10\n");
        CHECK(h.diags().sorted().size() == 1);
    }
}

TEST_CASE("sheet: a ragged row is reported at the cell too many or the last one", "[csv][sheet]") {
    Sheet s = load_sheet("proposal,reviewer,a,b\nP1,R1,20,10,5\nP1,R2,20\n");
    auto all = s.diags().sorted();
    REQUIRE(all.size() == 2);
    CHECK(all[0].where.line == 2);
    CHECK(all[0].where.column == 13);
    CHECK_THAT(all[0].message,
               Catch::Contains("5 cells but the header has 4; this cell is one too many"));
    CHECK(all[1].where.line == 3);
    CHECK(all[1].where.column == 7);
    CHECK_THAT(all[1].message, Catch::Contains("3 cells but the header has 4; cells are missing"));
}

TEST_CASE("sheet: a criterion without a column is reported once, at the header", "[csv][sheet]") {
    Sheet s = load_sheet("proposal,reviewer,a\nP1,R1,20\nP1,R2,21\nP1,R3,,\n");
    INFO(s.errors());
    CHECK(fixtures::has_error(s.diags(),
                              "the header has no column for `b`, a criterion of track "
                              "`t` (needed from line 2 on)",
                              "scores-0.csv", 1));
    CHECK(s.diags().sorted().size() == 2);  // and line 4's third cell is one too many
}

TEST_CASE("sheet: a reviewer twice, also when the first row had errors", "[csv][sheet]") {
    Sheet s = load_sheet("proposal,reviewer,a,b\nP1,R1,31,10\nP1,R1,20,10\n");
    CHECK(fixtures::has_error(s.diags(), "must be from 0 to 30", "scores-0.csv", 2));
    CHECK(fixtures::has_error(s.diags(), "reviewer `R1` already reviewed `P1` at scores-0.csv:2",
                              "scores-0.csv", 3));
}

TEST_CASE("sheet: a reviewer twice among many reviews of one proposal (indexed past 32)",
          "[csv][sheet]") {
    std::string csv = "proposal,reviewer,a,b\n";
    for (int i = 1; i <= 40; ++i) csv += "P1,R" + std::to_string(i) + ",20,10\n";
    csv += "P1,R3,21,10\nP1,R40,22,10\nP1,R41,23,10\n";  // lines 42 to 44
    Sheet s = load_sheet(csv);
    INFO(s.errors());
    CHECK(fixtures::has_error(s.diags(), "reviewer `R3` already reviewed `P1` at scores-0.csv:4",
                              "scores-0.csv", 42));
    CHECK(fixtures::has_error(s.diags(), "reviewer `R40` already reviewed `P1` at scores-0.csv:41",
                              "scores-0.csv", 43));
    CHECK(s.diags().sorted().size() == 2);  // R41 is new
}

TEST_CASE("sheet: CP949 and UTF-16 are read, text in neither is refused at its place",
          "[csv][sheet]") {
    // "심사" in CP949, as Excel on Korean Windows saves "CSV (쉼표로 분리)": read, with a note,
    // and an error after it is at its column in characters.
    Sheet cp949 = load_sheet("proposal,reviewer,a,b\nP1,R1,20,10\n# \xbd\xc9\xbb\xe7 x,\n");
    INFO(fixtures::errors_of(cp949.diags()));
    REQUIRE(cp949.diags().notes().size() == 1);
    CHECK(cp949.diags().notes().front().where.file.str() == "scores-0.csv");
    CHECK(fixtures::has_error(cp949.diags(), "this row has 2 cells", "scores-0.csv", 3));
    CHECK(cp949.diags().sorted().front().where.column == 8);  // 10 in bytes
    // UTF-16 with its byte-order mark, as Notepad saves "Unicode".
    std::string utf16 = "\xff\xfe";
    for (char c : std::string("proposal,reviewer,a,b\r\nP1,R1,20,10\r\n")) {
        utf16 += c;
        utf16 += '\0';
    }
    Sheet notepad = load_sheet(utf16);
    INFO(fixtures::errors_of(notepad.diags()));
    CHECK_FALSE(notepad.diags().has_errors());
    // Latin-1 (Müller): neither UTF-8 nor CP949, at the byte.
    Sheet latin1 = load_sheet("proposal,reviewer,a,b\nP1,M\xfcller,20,10\n");
    CHECK(fixtures::has_error(latin1.diags(), "neither UTF-8 nor CP949", "scores-0.csv", 2));
    CHECK(latin1.diags().sorted().front().where.column == 5);
    Sheet nul = load_sheet(std::string("proposal,reviewer,a,b\nP1,R1,2\0,10\n", 33));
    CHECK(fixtures::has_error(nul.diags(), "control character (U+0000)", "scores-0.csv", 2));
}

TEST_CASE("sheet: with errors in the track's rules, rows are not checked against them",
          "[csv][sheet]") {
    // `max: x` is one error in the rules; the sheet's scores are not reported on top of it.
    fixtures::TrackSpec track;
    track.criteria = "[{id: a, name: A, max: x}, {id: b, name: B, max: 30}]";
    fixtures::ProposalSpec p;
    p.id = "P1";
    fixtures::CallSpec spec;
    spec.tracks = {track.file()};
    spec.proposals = {fixtures::documents({p})};
    spec.sheets = {"proposal,reviewer,a,b,c\nP1,R1,20,10,\n"};
    auto run = fixtures::load(spec);
    INFO(run->errors());
    CHECK(run->diags.sorted().size() == 1);
    CHECK(fixtures::has_error(run->diags, "`max` must be a number", "t.yaml"));
}
