// The warnings of `check` that need a run (SPEC §6 step 1, issue 14): a tested value one edit
// from an accepted one, and an incomplete panel.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/report/i18n.hpp"
#include "kcity/validate/run_warnings.hpp"

using fixtures::has_error;

namespace {

fixtures::TrackSpec track_with_rule() {
    fixtures::TrackSpec t;
    t.extra =
        "eligibility:\n"
        "  - id: public-applicant\n"
        "    name: {ko: 공공기관 신청, en: Applicant is a public body}\n"
        "    require: {field: applicant.type, in: [government, public-body]}\n";
    return t;
}

kcity::Diagnostics warnings_of(const fixtures::Run& run) {
    kcity::Diagnostics diags;
    kcity::review_warnings(run.call, run.result, diags);
    return diags;
}

}  // namespace

TEST_CASE("run warnings: a tested value one edit from an accepted one", "[validate][typo]") {
    auto typo = fixtures::scored("TYPO", "80");
    typo.applicant_type = "goverment";
    auto other = fixtures::scored("OTHER", "80");
    other.applicant_type = "company";  // ineligible, but no accepted value is near
    auto fine = fixtures::scored("FINE", "80");
    auto run = fixtures::run(track_with_rule(), {typo, other, fine});
    REQUIRE(run->status("TYPO") == "ineligible");
    auto diags = warnings_of(*run);
    INFO(fixtures::errors_of(diags));
    CHECK(has_error(diags,
                    "proposal `TYPO`: applicant.type `goverment` is one edit from `government`, "
                    "which rule `public-applicant` accepts",
                    "proposals.yaml"));
    CHECK_FALSE(has_error(diags, "`OTHER`"));
    CHECK_FALSE(has_error(diags, "`FINE`"));
}

TEST_CASE("run warnings: the reason shows the value it tested, in both languages",
          "[validate][typo]") {
    auto typo = fixtures::scored("TYPO", "80");
    typo.applicant_type = "goverment";
    auto run = fixtures::run(track_with_rule(), {typo});
    const auto& reason = run->get("TYPO").reasons.at(0);
    CHECK(kcity::reason_text(reason, kcity::Lang::en) ==
          "does not meet the rule: Applicant is a public body (applicant.type: goverment)");
    CHECK(kcity::reason_text(reason, kcity::Lang::ko) ==
          "공공기관 신청 요건 미충족 (applicant.type: goverment)");
}

TEST_CASE("run warnings: an absent tested field is said so", "[validate][typo]") {
    fixtures::TrackSpec t;
    t.extra =
        "eligibility:\n"
        "  - id: has-partner\n"
        "    name: {ko: 협력기관, en: Has a partner}\n"
        "    require: {field: partner.type, exists: true}\n";
    auto run = fixtures::run(t, {fixtures::scored("P1", "80")});
    const auto& reason = run->get("P1").reasons.at(0);
    CHECK(kcity::reason_text(reason, kcity::Lang::en) ==
          "does not meet the rule: Has a partner (partner.type: (absent))");
    CHECK(kcity::reason_text(reason, kcity::Lang::ko) ==
          "협력기관 요건 미충족 (partner.type: (없음))");
}

TEST_CASE("run warnings: a reviewer of the track with neither a review nor a conflict",
          "[validate][panel]") {
    fixtures::ProposalSpec a = fixtures::scored("A", "80");
    a.reviews = fixtures::reviews({"a: 80", "a: 70"});       // R1, R2
    fixtures::ProposalSpec b = fixtures::scored("B", "60");  // R1 only: R2 skipped it
    fixtures::ProposalSpec c = fixtures::scored("C", "50");
    c.conflicts = "R2";  // R2 declared a conflict: complete
    auto run = fixtures::run(fixtures::TrackSpec{}, {a, b, c});
    auto diags = warnings_of(*run);
    INFO(fixtures::errors_of(diags));
    // One warning per reviewer, listing what they missed; R1 reviewed everything.
    CHECK(has_error(diags,
                    "reviewer `R2` of track `t` has neither a review nor a conflict for 1 "
                    "eligible proposal: B"));
    CHECK_FALSE(has_error(diags, "reviewer `R1`"));
    CHECK(diags.size() == 1);
}

TEST_CASE("run warnings: an incomplete panel names the first ten ids it missed, then a count",
          "[validate][panel]") {
    // R1 reviews every proposal; R2 only P03, P07 and P12; R3 reviews P03 and has a conflict
    // with P04.
    std::vector<fixtures::ProposalSpec> ps;
    for (int i = 15; i >= 1; --i) {  // given out of order: the ids are listed in order
        std::string id = (i < 10 ? "P0" : "P") + std::to_string(i);
        fixtures::ProposalSpec p = fixtures::scored(id, "80");
        if (i == 7) p.reviews = fixtures::reviews({"a: 80", "a: 70"});
        if (i == 12) p.reviews = {{"R1", "a: 80"}, {"R2", "a: 70"}};
        if (i == 3) p.reviews = fixtures::reviews({"a: 80", "a: 70", "a: 60"});
        if (i == 4) p.conflicts = "R3";
        ps.push_back(p);
    }
    auto run = fixtures::run(fixtures::TrackSpec{}, ps);
    auto diags = warnings_of(*run);
    INFO(fixtures::errors_of(diags));
    CHECK(has_error(diags,
                    "reviewer `R2` of track `t` has neither a review nor a conflict for 12 "
                    "eligible proposals: P01, P02, P04, P05, P06, P08, P09, P10, P11, P13 "
                    "and 2 more"));
    CHECK(has_error(diags,
                    "reviewer `R3` of track `t` has neither a review nor a conflict for 13 "
                    "eligible proposals: P01, P02, P05, P06, P07, P08, P09, P10, P11, P12 "
                    "and 3 more"));
    CHECK_FALSE(has_error(diags, "reviewer `R1` of track `t` has neither"));
}

TEST_CASE("run warnings: a reviewer more lenient or severe than 10% of the highest total",
          "[validate][leniency]") {
    // Criterion a, max 100. P1: R1 90, R2 70, R3 70: R1 +20, R2 −10, R3 −10.
    // P2: R1 80, R2 60, R3 64: R1 +18, R2 −12, R3 −6. Leniency: R1 +19, R2 −11, R3 −8.
    // Beyond 10 either way: R1 and R2, not R3.
    fixtures::ProposalSpec p1, p2;
    p1.id = "P1";
    p1.reviews = fixtures::reviews({"a: 90", "a: 70", "a: 70"});
    p2.id = "P2";
    p2.reviews = fixtures::reviews({"a: 80", "a: 60", "a: 64"});
    auto run = fixtures::run(fixtures::TrackSpec{}, {p1, p2});
    auto diags = warnings_of(*run);
    INFO(fixtures::errors_of(diags));
    CHECK(has_error(diags,
                    "reviewer `R1` of track `t` scores +19.00 points from the other reviewers on "
                    "average, beyond 10% of the highest possible total 100"));
    CHECK(has_error(diags, "reviewer `R2` of track `t` scores -11.00 points"));
    CHECK_FALSE(has_error(diags, "reviewer `R3` of track `t` scores"));
}

TEST_CASE("run warnings: a flat reviewer gives every proposal the same total (SPEC §10)",
          "[validate][flat]") {
    fixtures::TrackSpec t;
    t.criteria = "[{id: a, name: A, max: 60}, {id: b, name: B, max: 40}]";
    auto p = [](std::string id, std::string r1, std::string r2) {
        fixtures::ProposalSpec s;
        s.id = std::move(id);
        s.reviews = {{"R1", r1}, {"R2", r2}};
        return s;
    };
    // R1: 50 + 20 and 40 + 30, the same total of 70 from other scores: flat. R2: 60 and 80.
    auto run = fixtures::run(
        t, {p("P1", "a: 50, b: 20", "a: 40, b: 20"), p("P2", "a: 40, b: 30", "a: 50, b: 30")});
    auto diags = warnings_of(*run);
    INFO(fixtures::errors_of(diags));
    CHECK(has_error(diags, "reviewer `R1` gave all 2 proposals of track `t` the same total"));
    CHECK_FALSE(has_error(diags, "reviewer `R2` gave all"));
    kcity::Diagnostics panel;
    kcity::panel_warnings(run->result, panel);
    CHECK(has_error(panel, "reviewer `R1` gave all 2 proposals"));
}
