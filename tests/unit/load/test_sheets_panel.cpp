// SPEC §4 score sheets as panels fill them, and rules/panel.yaml (§5).
#include <algorithm>
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/base/fold.hpp"
#include "kcity/load/csv.hpp"
#include "kcity/report/i18n.hpp"

using fixtures::has_error;

namespace {

// Track `t` with criteria importance (30) and viability (30), named in both languages; two
// proposals P1 and P2, the first applied for by 한국교통연구원 with partner Uman City Council.
fixtures::CallSpec call() {
    fixtures::TrackSpec track;
    track.criteria =
        "[{id: importance, name: {ko: 사업 중요도, en: Importance}, max: 30},"
        " {id: viability, name: {ko: 사업성, en: Viability}, max: 30}]";
    track.panel = "{min_reviewers: 1, aggregate: mean}";
    fixtures::ProposalSpec p1, p2;
    p1.id = "P1";
    p1.partner = "name: Uman  City Council, type: government";
    p1.extra = "";
    p2.id = "P2";
    fixtures::CallSpec spec;
    spec.tracks = {track.file()};
    std::string docs = fixtures::documents({p1, p2});
    // The applicant's name of P1, in place of the fixture's.
    auto at = docs.find("Applicant of P1");
    docs.replace(at, std::string("Applicant of P1").size(), "한국교통연구원");
    spec.proposals = {docs};
    return spec;
}

std::unique_ptr<fixtures::Run> load(const std::string& sheet, const std::string& panel = "") {
    auto spec = call();
    spec.sheets = {sheet};
    spec.panel = panel;
    return fixtures::load(spec);
}

const std::string panel_yaml =
    "- {id: R1, name: 김민수, organisation: 서울대학교}\n"
    "- {id: R2, name: {ko: 이서연, en: Lee Seoyeon}, organisation: 한국교통연구원}\n"
    "- {id: R3, name: 박지훈, tracks: [t]}\n";

}  // namespace

TEST_CASE("sheet: the delimiter is a comma, or a semicolon or tab in a header without comma",
          "[csv][sheet]") {
    kcity::HeaderTest header = [](const std::vector<std::string>& cells) {
        return cells.size() > 1 && cells[0] == "proposal";
    };
    CHECK(kcity::detect_delimiter("proposal,reviewer\nP1,R1\n", header) == ',');
    CHECK(kcity::detect_delimiter("proposal;reviewer\nP1;R1\n", header) == ';');
    CHECK(kcity::detect_delimiter("title\nproposal\treviewer\nP1\tR1\n", header) == '\t');
    // A header holding a comma is read with commas, even if it holds a semicolon too.
    CHECK(kcity::detect_delimiter("proposal;x,reviewer\n", header) == ',');
    CHECK(kcity::detect_delimiter("no header here\n", header) == ',');
    kcity::CsvTable t = kcity::parse_csv("a;\"b;c\";27,5\n", ';');
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].cells.size() == 3);
    CHECK(t.rows[0].cells[1].text == "b;c");
    CHECK(t.rows[0].cells[2].text == "27,5");
}

TEST_CASE("sheet: the header below title rows, names matched loosely", "[csv][sheet]") {
    auto run = load(
        "2023년 계획수립형 평가표,,,,,\n"
        ",,,,,\n"
        " 제안번호 ,평가위원,사업 중요도 (30),VIABILITY (30점),합계,비고\n"
        "P1,R1,20,10.5,30.5,좋음\n"
        ",,,,,\n"
        "P2,R1,21,11,,\n");
    INFO(run->errors());
    CHECK_FALSE(run->diags.has_errors());
    const auto& p1 = run->call.proposals[0];
    REQUIRE(p1.reviews.size() == 1);
    CHECK(p1.reviews[0].scores[1] == kcity::Decimal{105000});
    CHECK(p1.reviews[0].where.line == 4);
}

TEST_CASE("sheet: every alias of SPEC §4", "[csv][sheet]") {
    for (std::string proposal : {"proposal", "id", "제안번호", "과제번호", "접수번호"})
        for (std::string reviewer : {"reviewer", "평가위원", "심사위원"}) {
            auto run = load(proposal + "," + reviewer + ",importance,viability\nP1,R1,1,2\n");
            INFO(proposal << " " << reviewer << "\n" << run->errors());
            CHECK_FALSE(run->diags.has_errors());
        }
    for (std::string extra : {"total", "합계", "총점", "conflict", "이해충돌", "제척", "comment",
                              "비고", "의견", "Total", "COMMENT"}) {
        auto run = load("proposal,reviewer,importance,viability," + extra + "\nP1,R1,1,2,\n");
        INFO(extra << "\n" << run->errors());
        CHECK_FALSE(run->diags.has_errors());
    }
    for (std::string criterion : {"importance", "사업 중요도", "Importance", "사업 중요도 [30]",
                                  "사업 중요도（30）", "Importance (30 points)"}) {
        auto run = load("proposal,reviewer," + criterion + ",viability\nP1,R1,1,2\n");
        INFO(criterion << "\n" << run->errors());
        CHECK_FALSE(run->diags.has_errors());
    }
}

TEST_CASE("sheet: two columns of the same meaning, unknown columns", "[csv][sheet]") {
    auto run =
        load("proposal,id,reviewer,importance,사업 중요도 (30),viability,totl\nP1,P1,R1,1,1,2,\n");
    INFO(run->errors());
    CHECK(has_error(run->diags, "column `id` means `proposal`, as column `proposal` does",
                    "scores-0.csv", 1));
    CHECK(
        has_error(run->diags,
                  "column `사업 중요도 (30)` gives criterion `importance`, as column `importance` "
                  "does",
                  "scores-0.csv", 1));
    CHECK(has_error(run->diags, "unknown column `totl`", "scores-0.csv", 1));
    CHECK(has_error(run->diags, "(did you mean `total`?)", "scores-0.csv", 1));
    // Words in brackets that are no maximum stay part of the name.
    auto other = load("proposal,reviewer,importance (draft),viability\nP1,R1,1,2\n");
    CHECK(has_error(other->diags, "unknown column `importance (draft)`"));
    auto dot = load("proposal,reviewer,importance (.),viability\nP1,R1,1,2\n");
    CHECK(has_error(dot->diags, "unknown column `importance (.)`"));
}

TEST_CASE("sheet: no header row", "[csv][sheet]") {
    auto run = load("평가표\nP1,R1,1,2\n");
    CHECK(has_error(run->diags, "no header row", "scores-0.csv", 1));
    auto empty = load(",,,\n,,,\n");
    CHECK(has_error(empty->diags, "the score sheet is empty"));
}

TEST_CASE("sheet: conflict words", "[csv][sheet]") {
    for (std::string yes : {"yes", "YES", "true", "y", "O", "o", "예"}) {
        auto run = load("proposal,reviewer,importance,viability,conflict\nP1,R1,,," + yes + "\n");
        INFO(yes << "\n" << run->errors());
        REQUIRE_FALSE(run->diags.has_errors());
        CHECK(run->call.proposals[0].reviews[0].conflict);
    }
    for (std::string no : {"no", "False", "n", "X", "x", "아니오", "아니요", ""}) {
        auto run = load("proposal,reviewer,importance,viability,conflict\nP1,R1,1,2," + no + "\n");
        INFO(no << "\n" << run->errors());
        REQUIRE_FALSE(run->diags.has_errors());
        CHECK_FALSE(run->call.proposals[0].reviews[0].conflict);
    }
    auto bad = load("proposal,reviewer,importance,viability,conflict\nP1,R1,1,2,maybe\n");
    CHECK(has_error(bad->diags, "not `maybe`", "scores-0.csv", 2));
    CHECK(bad->diags.sorted().front().where.column == 11);
}

TEST_CASE("sheet: total is the sum of the row's scores, exactly", "[csv][sheet]") {
    auto ok = load("proposal,reviewer,importance,viability,total\nP1,R1,26,23.5,49.50\n");
    INFO(ok->errors());
    CHECK_FALSE(ok->diags.has_errors());
    auto bad = load("proposal,reviewer,importance,viability,total\nP1,R1,26,23.5,49.49\n");
    auto e = fixtures::find_error(bad->diags,
                                  "the total 49.49 of this row is not the sum of its "
                                  "scores, 49.5");
    REQUIRE(e);
    CHECK(e->where.line == 2);
    CHECK(e->where.column == 15);
    // A conflict row's total is not checked; an unreadable score leaves the total alone.
    auto conflict = load("proposal,reviewer,importance,viability,total,conflict\nP1,R1,,,10,예\n");
    CHECK_FALSE(conflict->diags.has_errors());
    auto score = load("proposal,reviewer,importance,viability,total\nP1,R1,40,1,41\n");
    CHECK(score->diags.sorted().size() == 1);
}

TEST_CASE("sheet: a decimal comma is refused with its fix", "[csv][sheet]") {
    auto run = load("proposal;reviewer;importance;viability;total\nP1;R1;27,5;1;28,5\n");
    INFO(run->errors());
    CHECK(has_error(run->diags,
                    "the score of `importance` `27,5` has a decimal comma: did you "
                    "mean 27.5?",
                    "scores-0.csv", 2));
    CHECK(has_error(run->diags, "the total `28,5` has a decimal comma: did you mean 28.5?",
                    "scores-0.csv", 2));
    auto quoted = load("proposal,reviewer,importance,viability\nP1,R1,\"27,5\",1\n");
    CHECK(has_error(quoted->diags, "did you mean 27.5?", "scores-0.csv", 2));
}

TEST_CASE("sheet: a filled cell under a column without a name", "[csv][sheet]") {
    auto run = load("proposal,reviewer,importance,viability,\nP1,R1,1,2,\nP2,R1,1,2,note\n");
    CHECK(run->diags.sorted().size() == 1);
    CHECK(has_error(run->diags, "has no name in the header", "scores-0.csv", 3));
}

TEST_CASE("sheet: messages of a worksheet name the sheet and the cell", "[csv][sheet]") {
    auto spec = call();
    auto run = fixtures::load(spec);
    kcity::CsvTable t = kcity::parse_csv("proposal,reviewer,importance,viability\nP1,R1,31,1\n");
    // A worksheet's cells are at their row and column index, as the workbook reader gives them.
    for (auto& row : t.rows)
        for (std::size_t i = 0; i < row.cells.size(); ++i)
            row.cells[i].column = static_cast<int>(i + 1);
    kcity::apply_score_table(t, "book.xlsx", "평가표", run->call.rules, run->call.proposals,
                             run->diags);
    CHECK(has_error(run->diags, "must be from 0 to 30, not 31 (sheet 평가표, cell C2)", "book.xlsx",
                    2));
}

TEST_CASE("fold: NFC, case folding, spaces", "[fold]") {
    // 한 composed (U+D55C) and decomposed (U+1112 U+1161 U+11AB).
    CHECK(kcity::fold_name("\xED\x95\x9C국") ==
          kcity::fold_name("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB국"));
    CHECK(kcity::fold_name("  Uman   City\tCouncil ") == "uman city council");
    CHECK(kcity::fold_name("STRASSE") == kcity::fold_name("straße"));
    CHECK(kcity::fold_name("a\xE3\x80\x80 b") == "a b");
    CHECK(kcity::fold_name("a") != kcity::fold_name("b"));
}

TEST_CASE("panel: panel.yaml is read, every error at its place", "[panel]") {
    auto good = load("proposal,reviewer,importance,viability\nP2,R1,1,2\n", panel_yaml);
    INFO(good->errors());
    REQUIRE_FALSE(good->diags.has_errors());
    const auto& panel = good->call.rules.panel;
    REQUIRE(panel.members.size() == 3);
    CHECK(panel.members[1].name.en == "Lee Seoyeon");
    CHECK(panel.members[2].tracks == std::vector<std::string>{"t"});
    CHECK(panel.named("lee  SEOYEON") == &panel.members[1]);
    CHECK(panel.named("김민수") == &panel.members[0]);
    CHECK(panel.named("R3") == &panel.members[2]);
    CHECK(panel.named("nobody") == nullptr);

    auto bad = load("proposal,reviewer,importance,viability\n",
                    "- {id: R1, name: 김민수, tracks: [tt]}\n"
                    "- {id: R1, name: 이서연}\n"
                    "- {id: R 2, name: X}\n"
                    "- {id: R3, name: 김민수}\n"
                    "- {id: R4, name: R1}\n"
                    "- {id: R5, name: Y, organization: Z}\n"
                    "- {id: R6, name: Z, tracks: []}\n");
    INFO(bad->errors());
    CHECK(has_error(bad->diags, "`tt` is not a track of this call (did you mean `t`?)",
                    "panel.yaml", 1));
    CHECK(has_error(bad->diags, "reviewer `R1` is listed twice", "panel.yaml", 2));
    CHECK(has_error(bad->diags, "a reviewer id", "panel.yaml", 3));
    CHECK(has_error(bad->diags, "organization", "panel.yaml", 6));
    CHECK(has_error(bad->diags, "`tracks` must be a non-empty list", "panel.yaml", 7));
    for (const auto& d : bad->diags.sorted()) CHECK(d.where.column > 0);

    auto names = load("proposal,reviewer,importance,viability\n",
                      "- {id: R1, name: 김민수}\n- {id: R3, name: 김민수}\n- {id: R4, name: r1}\n");
    CHECK(has_error(names->diags,
                    "the name `김민수` of reviewer `R3` is already a name of "
                    "reviewer `R1`",
                    "panel.yaml", 2));
    CHECK(has_error(names->diags,
                    "the name `r1` of reviewer `R4` is already the id of reviewer "
                    "`R1`",
                    "panel.yaml", 3));
    auto not_list = load("proposal,reviewer,importance,viability\n", "{id: R1}\n");
    CHECK(has_error(not_list->diags, "panel.yaml must be a non-empty list"));
}

TEST_CASE("panel: `panel` is a reserved track id", "[panel]") {
    fixtures::CallSpec spec;
    spec.program = fixtures::program_yaml("[panel]");
    auto run = fixtures::load(spec);
    CHECK(has_error(run->diags, "`panel` is reserved and cannot be a track id"));
}

TEST_CASE("panel: sheets name reviewers by id or name, mapped to the id", "[panel]") {
    auto run = load("proposal,평가위원,importance,viability\nP2,김민수,1,2\nP2, lee seoyeon ,3,4\n",
                    panel_yaml);
    INFO(run->errors());
    REQUIRE_FALSE(run->diags.has_errors());
    const auto& p2 = run->call.proposals[1];
    REQUIRE(p2.reviews.size() == 2);
    CHECK(p2.reviews[0].reviewer == "R1");
    CHECK(p2.reviews[1].reviewer == "R2");
    // Without a panel, a name is no id.
    auto none = load("proposal,reviewer,importance,viability\nP2,김민수,1,2\n");
    CHECK(has_error(none->diags, "reviewer `김민수` must be 1 to 64 letters"));
}

TEST_CASE("panel: reviews and conflicts of reviewers not listed for the track", "[panel]") {
    std::string panel = panel_yaml + "- {id: R9, name: 최유진, tracks: [u]}\n";
    auto spec = call();
    spec.program = fixtures::program_yaml("[t, u]");
    fixtures::TrackSpec u;
    u.id = "u";
    spec.tracks.push_back(u.file());
    spec.panel = panel;
    fixtures::ProposalSpec p3;
    p3.id = "P3";
    p3.conflicts = "R7, 김민수";
    p3.reviews = {{"R9", "importance: 1, viability: 2"}, {"R8", "importance: 1, viability: 2"}};
    spec.proposals.push_back(fixtures::documents({p3}));
    spec.sheets = {"proposal,reviewer,importance,viability,conflict\nP2,R9,1,2,\nP2,Kim,,,yes\n"};
    auto run = fixtures::load(spec);
    INFO(run->errors());
    CHECK(has_error(run->diags,
                    "reviewer `R9` does not sit on track `t`: panel.yaml (line 4) lists them for u",
                    "scores-0.csv", 2));
    CHECK(has_error(run->diags, "reviewer `Kim` is not on the panel (panel.yaml)", "scores-0.csv",
                    3));
    CHECK(has_error(run->diags, "reviewer `R7` is not on the panel (panel.yaml)",
                    "proposals-1.yaml"));
    CHECK(has_error(run->diags,
                    "reviewer `김민수` is not on the panel (panel.yaml) (did you mean "
                    "`R1`, whose name this is?)",
                    "proposals-1.yaml"));
    CHECK(has_error(run->diags, "reviewer `R9` does not sit on track `t`", "proposals-1.yaml"));
    CHECK(has_error(run->diags, "reviewer `R8` is not on the panel", "proposals-1.yaml"));
}

TEST_CASE("panel: a member of the applicant's or partner's organisation is excluded", "[panel]") {
    // R2's organisation is P1's applicant; R4's (decomposed 한, other case and spaces) is its
    // partner: both are excluded from P1, with reason same-organisation, and not from P2.
    std::string panel = panel_yaml +
                        "- {id: R4, name: 정하늘, organisation: \"uman city  COUNCIL\"}\n"
                        "- {id: R5, name: 강다은, organisation: \"\xE1\x84\x92\xE1\x85\xA1"
                        "\xE1\x86\xAB국교통연구원\"}\n";
    auto spec = call();
    spec.panel = panel;
    spec.sheets = {
        "proposal,reviewer,importance,viability\n"
        "P1,R1,10,10\nP1,R2,20,20\nP1,R3,30,30\n"
        "P2,R1,10,10\nP2,R2,20,20\n"};
    auto run = fixtures::run(spec);
    const auto& p1 = run->get("P1");
    CHECK(p1.used() == std::vector<std::string>{"R1", "R3"});
    CHECK(p1.excluded() == std::vector<std::string>{"R2", "R4", "R5"});
    REQUIRE(p1.exclusions.size() == 3);
    CHECK(p1.exclusions[0].reason.code == "same-organisation");
    CHECK(p1.exclusions[0].reason.message() ==
          "R2's organisation, 한국교통연구원, is the applicant");
    CHECK(p1.exclusions[1].reason.message() ==
          "R4's organisation, uman city  COUNCIL, is the partner institution");
    CHECK(kcity::reason_text(p1.exclusions[1].reason, kcity::Lang::ko) ==
          "R4 위원의 소속 기관(uman city  COUNCIL)이 협력기관임 (제척)");
    CHECK(p1.exclusions[2].reviewer == "R5");
    const auto& p2 = run->get("P2");
    CHECK(p2.excluded().empty());
    CHECK(p2.exclusions.empty());
}

TEST_CASE("panel: declared conflicts are given as exclusions too", "[panel]") {
    auto run = fixtures::run([] {
        auto spec = call();
        spec.sheets = {
            "proposal,reviewer,importance,viability,conflict\nP1,R1,1,1,\n"
            "P1,R2,,,예\nP2,R1,1,1,\n"};
        return spec;
    }());
    const auto& p1 = run->get("P1");
    REQUIRE(p1.exclusions.size() == 1);
    CHECK(p1.exclusions[0].reviewer == "R2");
    CHECK(p1.exclusions[0].reason.code == "conflict");
    CHECK(p1.exclusions[0].reason.message() == "R2 has a declared conflict of interest");
}

TEST_CASE("sheet: control characters in cells are refused at the cell, as in YAML values",
          "[csv][sheet][harden]") {
    // A bidirectional override, a line break in a quoted cell, a tab inside a score, NEL.
    auto run = load(
        "proposal,reviewer,importance,viability,comment\n"
        "P1,R1\u202E,20,10,\n"
        "P1,\"R\n2\",20,10,\n"
        "P2,R3,2\t0,10,\n"
        "P2,R4\u0085,20,10,\n");
    std::string errors = run->errors();
    INFO(errors);
    CHECK(has_error(run->diags,
                    "the cell holds a bidirectional control (U+202E) at character 3; remove it: "
                    "it can reorder what a report shows",
                    "scores-0.csv", 2));
    CHECK(has_error(run->diags, "the cell holds a line break (U+000A) at character 2", "", 3));
    CHECK(has_error(run->diags, "the cell holds a tab (U+0009) at character 2", "", 5));
    CHECK(has_error(run->diags, "a line break (U+0085) at character 3", "", 6));
    // The rows are not read further: no "not on the panel", no unreadable score on top.
    CHECK(std::count(errors.begin(), errors.end(), '\n') == 4);
    for (const auto& p : run->call.proposals) CHECK(p.reviews.empty());
}

TEST_CASE("sheet: a comment may hold line breaks and tabs, not other controls",
          "[csv][sheet][harden]") {
    auto fine = load(
        "proposal,reviewer,importance,viability,comment\n"
        "P1,R1,20,10,\"first line\r\nsecond\tline\"\n"
        "P2, R1 ,20,10,  spaces around  \n");
    INFO(fine->errors());
    CHECK_FALSE(fine->diags.has_errors());
    auto bad = load(
        "proposal,reviewer,importance,viability,comment\n"
        "P1,R1,20,10,note \u2066hidden\u2069\n");
    CHECK(has_error(bad->diags, "the cell holds a bidirectional control (U+2066) at character 6"));
}

TEST_CASE("sheet: a header cell with a control character stops the sheet", "[csv][sheet][harden]") {
    auto run = load(
        "proposal,reviewer,importance\u200F,viability\n"
        "P1,R1,20,10\n");
    std::string errors = run->errors();
    INFO(errors);
    CHECK(has_error(run->diags, "a bidirectional control (U+200F) at character 11", "", 1));
    CHECK(std::count(errors.begin(), errors.end(), '\n') == 1);
}
