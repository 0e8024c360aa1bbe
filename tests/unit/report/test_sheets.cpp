// The blank score sheets of `kcity sheets` (SPEC §11), from a call given as strings: which
// proposals, which columns in which words, the conflicts filled in, and the CSV form read back
// by the score-sheet reader.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/report/sheets.hpp"

namespace {

// Track `t` (importance 30 and viability 27.5, named in both languages); P1 applied for by
// R2's organisation, P2 with R1's declared conflict, P3 late (ineligible).
fixtures::CallSpec call() {
    fixtures::TrackSpec track;
    track.criteria =
        "[{id: importance, name: {ko: 사업 중요도, en: Importance}, max: 30},"
        " {id: viability, name: {ko: 사업성, en: Viability}, max: 27.5}]";
    fixtures::ProposalSpec p1, p2, p3;
    p1.id = "P1";
    p2.id = "P2";
    p2.conflicts = "R1";
    p3.id = "P3";
    p3.submitted = "2023-06-01";
    fixtures::CallSpec spec;
    spec.tracks = {track.file()};
    std::string docs = fixtures::documents({p3, p1, p2});
    auto at = docs.find("Applicant of P1");
    docs.replace(at, std::string("Applicant of P1").size(), "한국교통연구원");
    spec.proposals = {docs};
    spec.panel =
        "- {id: R1, name: 김민수, organisation: 서울대학교}\n"
        "- {id: R2, name: {ko: 이서연, en: Lee Seoyeon}, organisation: 한국교통연구원}\n";
    return spec;
}

}  // namespace

TEST_CASE("sheets: one table per track, eligible proposals by id, conflicts filled in",
          "[sheets]") {
    auto run = fixtures::run(call());
    auto sheets = kcity::reviewer_sheets(run->call, run->result, {"R1", "R2"}, kcity::Lang::ko);
    REQUIRE(sheets.size() == 2);
    REQUIRE(sheets[0].tables.size() == 1);
    const kcity::SheetTable& t = sheets[0].tables[0];
    CHECK(t.name == "시험");
    CHECK(t.title == "Test programme 2023 · 시험 · 평가표 (R1 김민수)");
    std::vector<std::string> headers;
    for (const auto& c : t.columns) headers.push_back(c.header);
    CHECK(headers == std::vector<std::string>{"제안번호", "사업명", "국가", "도시", "평가위원",
                                              "사업 중요도 (30)", "사업성 (27.5)", "합계",
                                              "이해충돌", "비고"});
    CHECK(t.columns[6].max == kcity::Decimal{275000});
    // P3 is late: not sent to the panel.
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells[0] == "P1");
    CHECK_FALSE(t.rows[0].conflict);
    CHECK(t.rows[1].cells[0] == "P2");
    CHECK(t.rows[1].conflict);
    CHECK(t.rows[1].cells[8] == "예");
    CHECK(t.rows[1].cells[9] == "이해충돌 신고");
    const kcity::SheetRow& same = sheets[1].tables[0].rows[0];
    CHECK(same.cells[4] == "R2");
    CHECK(same.conflict);
    CHECK(same.cells[9] == "신청기관 소속 (제척)");
}

TEST_CASE("sheets: the CSV form, filled in, is read back as it is", "[sheets]") {
    auto spec = call();
    auto run = fixtures::run(spec);
    auto sheets = kcity::reviewer_sheets(run->call, run->result, {"R2"}, kcity::Lang::en);
    std::string csv = kcity::score_sheet_csv(sheets[0]);
    CHECK(csv ==
          "\xEF\xBB\xBFproposal,title,country,city,reviewer,Importance (30),Viability (27.5),"
          "total,conflict,comment\r\n"
          "P1,Proposal P1,VN,Hanoi,R2,,,,yes,same organisation as the applicant (excluded)\r\n"
          "P2,Proposal P2,VN,Hanoi,R2,,,,,\r\n");
    std::string filled = csv;
    filled.replace(filled.find("R2,,,,,"), 7, "R2,20,10.5,30.5,,");
    spec.sheets = {filled};
    auto back = fixtures::run(spec);
    const auto& p2 = back->call.proposals[1];
    REQUIRE(p2.id == "P2");
    REQUIRE(p2.reviews.size() == 1);
    CHECK(p2.reviews[0].reviewer == "R2");
    CHECK(p2.reviews[0].scores[1] == kcity::Decimal{105000});
    CHECK(back->call.proposals[0].reviews[0].conflict);
}

TEST_CASE("sheets: a worksheet's name is the track's when Excel allows it, else its id",
          "[sheets]") {
    auto spec = call();
    spec.tracks[0].bytes.replace(spec.tracks[0].bytes.find("Test t"), 6, "R&D phase 1/2");
    auto run = fixtures::run(spec);
    CHECK(
        kcity::reviewer_sheets(run->call, run->result, {"R1"}, kcity::Lang::en)[0].tables[0].name ==
        "t");
    CHECK(
        kcity::reviewer_sheets(run->call, run->result, {"R1"}, kcity::Lang::ko)[0].tables[0].name ==
        "시험");
}
