// The result letters of `kcity letters` (SPEC §11), from a call given as strings: every fact a
// letter owes its applicant, none of another proposal's, in both languages and three formats.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/report/letters.hpp"

namespace {

using kcity::LetterFormat;
using kcity::LetterOptions;

// Track `t`: criterion a (max 60, cut-off 20) and b (max 40), threshold 50, a +2 bonus for a
// matching fund capped at 1, two selections at most and one reserve. P1 and P2 are selected,
// P3 is the reserve, P4 is below a cut-off, P5 is late.
fixtures::CallSpec call(const std::string& program_extra = "") {
    fixtures::TrackSpec track;
    track.criteria =
        "[{id: a, name: {ko: 중요도, en: Importance}, max: 60, cutoff: 20},"
        " {id: b, name: {ko: 사업성, en: Viability}, max: 40}]";
    track.selection = "{min: 1, max: 2, budget_krw: 4000000000, reserve: 1}";
    track.extra =
        "threshold: 50\n"
        "adjustments:\n"
        "  - {id: matching, name: {ko: 매칭펀드, en: Matching fund}, points: 2,\n"
        "     when: {field: attributes.matching_fund_krw, at_least: 1억}}\n"
        "adjustment_caps: {bonus: 1, penalty: 1}\n";
    std::vector<fixtures::ProposalSpec> ps(5);
    const char* scores[] = {"a: 50, b: 35", "a: 45, b: 30", "a: 40, b: 30", "a: 15, b: 40",
                            "a: 50, b: 40"};
    for (std::size_t i = 0; i < ps.size(); ++i) {
        ps[i].id = "P" + std::to_string(i + 1);
        ps[i].reviews = {{"R1", scores[i]}};
    }
    ps[0].attributes = "matching_fund_krw: 200000000";
    ps[4].submitted = "2023-06-01";
    fixtures::CallSpec spec;
    spec.program = fixtures::program_yaml("[t]", "4000000000", 2023, program_extra);
    spec.tracks = {track.file()};
    spec.proposals = {fixtures::documents(ps)};
    spec.panel = "- {id: R1, name: {ko: 김민수, en: Kim Minsu}, organisation: 서울대학교}\n";
    spec.options.trace = kcity::TraceRequest{true, {}};
    return spec;
}

std::string letter(const fixtures::Run& run, std::string_view id, LetterOptions o = {}) {
    return kcity::render_letter(run.call, run.track(), run.get(id), o);
}

// Whether `text` holds `part`, every run of spaces and line breaks in either read as one space:
// what a text letter says, whatever the columns' widths and the lines' wrapping.
std::string squeeze(std::string_view text) {
    std::string out;
    for (char ch : text) {
        bool space = ch == ' ' || ch == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : ch;
    }
    return out;
}

bool has(const std::string& text, std::string_view part) {
    return squeeze(text).find(squeeze(part)) != std::string::npos;
}

}  // namespace

TEST_CASE("letters: a selected proposal's letter gives every fact of SPEC §11", "[letters]") {
    auto run = fixtures::run(call("results_date: 2023-06-20\nappeal_days: 10\n"));
    INFO(run->errors());
    REQUIRE(run->status("P1") == "selected");
    std::string text = letter(*run, "P1", {LetterFormat::text, kcity::Lang::en, true});
    INFO(text);
    CHECK(has(text, "To Applicant of P1"));
    CHECK(has(text, "Proposal P1 (Hanoi, Vietnam)"));
    CHECK(has(text, "** Selected **"));
    CHECK(has(text, "an award of KRW 400,000,000"));
    // each criterion with its maximum and cut-off; the base against the threshold
    CHECK(has(text, "Importance"));
    CHECK(has(text, "Importance 50.00 60 20"));
    CHECK(has(text, "Viability 35.00 40 —"));
    CHECK(has(text, "Base score"));
    CHECK(has(text, "Base score 85.00 50"));
    // the bonus by name with its points, and its cap
    CHECK(has(text, "Matching fund"));
    CHECK(has(text, "Matching fund +2"));
    CHECK(has(text, "Bonus and penalty points, after caps 1"));
    CHECK(has(text, "Final score 86.00"));
    CHECK(has(text, "Caps: bonuses of 2 points capped at 1"));
    CHECK(has(text, "Final score"));
    CHECK(has(text, "86.00"));
    CHECK(has(text, "ranks 1 of the 4 scored proposals"));
    CHECK(has(text, "The lowest score selected in the Test t track: 75.00."));
    CHECK(has(text, "by Friday 30 June 2023") == false);
    CHECK(has(text, "30 June 2023 (Friday)"));
    CHECK(has(text, "10 calendar days after the results were announced on 20 June"));
    CHECK(has(text, "Kim Minsu (서울대학교)"));
    // no other proposal
    for (std::string other : {"P2", "P3", "P4", "P5"}) CHECK_FALSE(has(text, other));
}

TEST_CASE("letters: reserve, below a cut-off, ineligible, no deadline without the dates",
          "[letters]") {
    auto run = fixtures::run(call());
    INFO(run->errors());
    std::string reserve = letter(*run, "P3", {LetterFormat::text, kcity::Lang::en, false});
    CHECK(has(reserve, "place 1 on the reserve list"));
    CHECK(has(reserve, "ranks 3 of the 4"));
    CHECK(has(reserve, "- the quota of 2 selections was already filled"));
    CHECK_FALSE(has(reserve, "quota:"));  // reasons in words, not codes
    CHECK(has(reserve, "please write to the secretariat, giving your reference P3"));
    CHECK_FALSE(has(reserve, "Evaluation panel"));
    std::string below = letter(*run, "P4", {LetterFormat::markdown, kcity::Lang::en, false});
    INFO(below);
    CHECK(has(below, "| Importance | 15.00 ✗ | 60 | 20 |"));
    CHECK(has(below, "Importance 15.00 is below its cut-off 20"));
    std::string late = letter(*run, "P5", {LetterFormat::html, kcity::Lang::en, false});
    CHECK(has(late, "did not meet the eligibility requirements"));
    CHECK(has(late, "after the deadline 2023-05-10"));
    CHECK_FALSE(has(late, "class=\"scores\""));  // never scored: no table
    CHECK_FALSE(has(late, "ranks"));
}

TEST_CASE("letters: Korean letters are official notices", "[letters]") {
    auto run = fixtures::run(call("results_date: 2023-12-26\nappeal_days: 10\n"));
    std::string ko = letter(*run, "P2", {LetterFormat::text, kcity::Lang::ko, false});
    INFO(ko);
    CHECK(has(ko, "Test programme 2023 사무국"));
    CHECK(has(ko, "수신"));
    CHECK(has(ko, "제목"));
    CHECK(has(ko, "1. 평가 결과"));
    CHECK(has(ko, "** 선정 **"));
    CHECK(has(ko, "4억원입니다"));
    CHECK(has(ko, "2024. 1. 5.(금)까지"));  // across the year end
    CHECK(has(ko, "끝."));
    CHECK_FALSE(has(ko, "Dear"));
    std::string html = letter(*run, "P2", {LetterFormat::html, kcity::Lang::ko, false});
    CHECK(has(html, "<html lang=\"ko\">"));
    CHECK(has(html, "@page { size: A4;"));
}

TEST_CASE("letters: the index lists every proposal with its letter", "[letters]") {
    auto run = fixtures::run(call());
    LetterOptions o{LetterFormat::markdown, kcity::Lang::en, false};
    std::string index = kcity::render_letter_index(run->call, run->result, o);
    INFO(index);
    for (std::string id : {"P1", "P2", "P3", "P4", "P5"})
        CHECK(has(index, "| " + id + " | Applicant of " + id + " |"));
    CHECK(has(index, "[P5.md](P5.md)"));
    CHECK(has(index, "| Selected |"));
    CHECK(has(index, "| Ineligible |"));
}

TEST_CASE("letters: appeal_deadline", "[letters]") {
    kcity::Program p;
    CHECK_FALSE(kcity::appeal_deadline(p));
    p.results_date = kcity::parse_datetime("2024-02-20").value;
    CHECK_FALSE(kcity::appeal_deadline(p));
    p.appeal_days = 10;
    CHECK(kcity::format_datetime(*kcity::appeal_deadline(p)) == "2024-03-01");
}
