#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/evaluate/evaluate.hpp"

using fixtures::ProposalSpec;
using fixtures::reviews;
using fixtures::TrackSpec;
using kcity::Decimal;
using kcity::Status;

namespace {

using Ids = std::vector<std::string>;

Ids reviewer_ids(const std::vector<const kcity::Review*>& reviews) {
    Ids ids;
    for (const auto* r : reviews) ids.push_back(r->reviewer);
    return ids;
}
using Codes = std::vector<std::string>;

Decimal d(std::string_view text) {
    return fixtures::decimal(text);
}

std::vector<Decimal> ds(std::initializer_list<const char*> texts) {
    std::vector<Decimal> out;
    for (const char* t : texts) out.push_back(d(t));
    return out;
}

ProposalSpec proposal(std::string id, std::vector<std::pair<std::string, std::string>> rv) {
    ProposalSpec p;
    p.id = std::move(id);
    p.reviews = std::move(rv);
    return p;
}

TrackSpec two_criteria(std::string panel) {
    TrackSpec t;
    t.criteria = "[{id: a, name: A, max: 50}, {id: b, name: B, max: 50}]";
    t.panel = std::move(panel);
    return t;
}

}  // namespace

TEST_CASE("evaluate: mean", "[evaluate]") {
    auto run =
        fixtures::run(two_criteria("{min_reviewers: 3, aggregate: mean}"),
                      {proposal("P1", reviews({"a: 10, b: 20", "a: 11, b: 20", "a: 11, b: 21"}))});
    const auto& r = run->get("P1");
    CHECK(r.criteria == ds({"10.67", "20.33"}));  // 32/3, 61/3
    CHECK(r.base == d("31"));                     // 93/3 exactly
    CHECK(r.score == d("31"));
    CHECK(r.used() == Ids{"R1", "R2", "R3"});
    CHECK(r.trimmed().empty());
    CHECK(r.excluded().empty());
    CHECK(r.has_reviews);
    CHECK(r.rank == 1);
}

TEST_CASE("evaluate: median, odd and even counts", "[evaluate]") {
    auto t = two_criteria("{min_reviewers: 3, aggregate: median}");
    auto run = fixtures::run(
        t, {proposal("ODD", reviews({"a: 10, b: 5", "a: 30, b: 7", "a: 11, b: 6"})),
            proposal("EVEN",
                     reviews({"a: 12.25, b: 1", "a: 12.5, b: 4", "a: 1, b: 2", "a: 30, b: 3"}))});
    CHECK(run->get("ODD").criteria == ds({"11", "6"}));
    CHECK(run->get("ODD").base == d("17"));
    // even: the mean of the middle two, rounded from the exact value: (12.25 + 12.5) / 2 = 12.375
    CHECK(run->get("EVEN").criteria == ds({"12.38", "2.5"}));
    CHECK(run->get("EVEN").base == d("14.88"));  // 12.375 + 2.5 = 14.875
    CHECK(run->get("EVEN").used() == Ids{"R1", "R2", "R3", "R4"});
    CHECK(run->get("EVEN").trimmed().empty());
}

TEST_CASE("evaluate: trimmed mean by weighted total, equal totals by reviewer id", "[evaluate]") {
    TrackSpec t;
    t.criteria = "[{id: a, name: A, max: 50, weight: 2}, {id: b, name: B, max: 50}]";
    t.panel = "{min_reviewers: 5, aggregate: trimmed-mean, trim: 1}";
    // weighted totals (2a + b): R10 50, R9 50, R3 60, R4 70, R5 70.
    // Ascending, ties by id bytes: R10, R9, R3, R4, R5 -> drop R10 and R5.
    auto run = fixtures::run(t, {proposal("P1", {{"R10", "a: 10, b: 30"},
                                                 {"R9", "a: 20, b: 10"},
                                                 {"R3", "a: 20, b: 20"},
                                                 {"R4", "a: 25, b: 20"},
                                                 {"R5", "a: 30, b: 10"}})});
    const auto& r = run->get("P1");
    CHECK(r.trimmed() == Ids{"R10", "R5"});
    CHECK(r.used() == Ids{"R3", "R4", "R9"});
    CHECK(r.criteria == ds({"21.67", "16.67"}));  // 65/3, 50/3
    CHECK(r.base == d("60"));                     // 2 × 65/3 + 50/3 = 60 exactly

    SECTION("the weighted total decides, not the plain sum") {
        // plain sums: R1 40, R2 45, R3 40, R4 35, R5 50 would drop R4 and R5;
        // weighted: R2 45, R3 60, R4 60, R5 60, R1 80 drops R2 and R1.
        auto run2 =
            fixtures::run(t, {proposal("P1", reviews({"a: 40, b: 0", "a: 0, b: 45", "a: 20, b: 20",
                                                      "a: 25, b: 10", "a: 10, b: 40"}))});
        const auto& q = run2->get("P1");
        CHECK(q.trimmed() == Ids{"R1", "R2"});
        CHECK(q.used() == Ids{"R3", "R4", "R5"});
        CHECK(q.criteria == ds({"18.33", "23.33"}));
        CHECK(q.base == d("60"));
    }
    SECTION("trim 2 of 7") {
        TrackSpec t2 = two_criteria("{min_reviewers: 5, aggregate: trimmed-mean, trim: 2}");
        auto run2 = fixtures::run(
            t2, {proposal("P1", reviews({"a: 1, b: 0", "a: 2, b: 0", "a: 3, b: 0", "a: 4, b: 0",
                                         "a: 5, b: 0", "a: 6, b: 0", "a: 7, b: 0"}))});
        CHECK(run2->get("P1").trimmed() == Ids{"R1", "R2", "R6", "R7"});
        CHECK(run2->get("P1").criteria == ds({"4", "0"}));
    }
}

TEST_CASE("evaluate: the base is rounded from the exact weighted sum", "[evaluate]") {
    SECTION("two places") {
        auto run = fixtures::run(
            two_criteria("{min_reviewers: 3, aggregate: mean}"),
            {proposal("P1", reviews({"a: 10, b: 10", "a: 10, b: 10", "a: 11, b: 11"}))});
        const auto& r = run->get("P1");
        CHECK(r.criteria == ds({"10.33", "10.33"}));
        // 10.33 + 10.33 = 20.66, but the exact sum 62/3 rounds to 20.67
        CHECK(r.base == d("20.67"));
        CHECK(r.score == d("20.67"));
    }
    SECTION("no decimals") {
        TrackSpec t = two_criteria("{min_reviewers: 2, aggregate: mean}");
        t.extra = "rounding: 0\n";
        auto run =
            fixtures::run(t, {proposal("P1", reviews({"a: 10, b: 10", "a: 10.8, b: 10.8"}))});
        const auto& r = run->get("P1");
        CHECK(r.criteria == ds({"10", "10"}));  // 10.4 each
        CHECK(r.base == d("21"));               // 20.8
    }
    SECTION("with weights") {
        TrackSpec t;
        t.criteria =
            "[{id: a, name: A, max: 50, weight: 1.5}, {id: b, name: B, max: 50, weight: 0.5}]";
        t.panel = "{min_reviewers: 3, aggregate: mean}";
        auto run = fixtures::run(
            t, {proposal("P1", reviews({"a: 10, b: 10", "a: 10, b: 10", "a: 10.01, b: 10"}))});
        const auto& r = run->get("P1");
        // a = 30.01/3 = 10.00333.. -> 10.00; base = 1.5 × 30.01/3 + 0.5 × 10 = 20.005 -> 20.01
        CHECK(r.criteria == ds({"10", "10"}));
        CHECK(r.base == d("20.01"));
    }
    SECTION("half away from zero at x.xx5") {
        auto run = fixtures::run(two_criteria("{min_reviewers: 2, aggregate: mean}"),
                                 {proposal("P1", reviews({"a: 0.01, b: 0", "a: 0, b: 0"}))});
        CHECK(run->get("P1").criteria == ds({"0.01", "0"}));  // 0.005
        CHECK(run->get("P1").base == d("0.01"));
    }
}

TEST_CASE("evaluate: adjustments, bonus and penalty caps", "[evaluate]") {
    TrackSpec t;
    t.extra =
        "adjustments:\n"
        "  - {id: b1, name: B1, when: {field: country, equals: VN}, points: 2}\n"
        "  - {id: b2, name: B2, when: {field: attributes.x, equals: true}, points: 2}\n"
        "  - {id: p1, name: P1, when: {field: attributes.late, equals: true}, points: -1}\n"
        "  - {id: b3, name: B3, when: {field: city, equals: Hanoi}, points: 1.5}\n"
        "  - {id: p2, name: P2, when: {field: attributes.incomplete, equals: true}, points: -2}\n";
    std::string caps = "adjustment_caps: {bonus: 3, penalty: 2}\n";

    ProposalSpec all = fixtures::scored("ALL", "50");
    all.attributes = "x: true, late: true, incomplete: true";
    ProposalSpec bonus = fixtures::scored("BONUS", "50");
    bonus.city = "Hue";  // b1 only
    ProposalSpec penalty = fixtures::scored("PENALTY", "50", "400000000", "TH");
    penalty.city = "Bangkok";
    penalty.attributes = "late: true, incomplete: true";
    ProposalSpec one_penalty = fixtures::scored("ONE", "50", "400000000", "TH");
    one_penalty.city = "Bangkok";
    one_penalty.attributes = "late: true";

    SECTION("capped") {
        t.extra += caps;
        auto run = fixtures::run(t, {all, bonus, penalty, one_penalty});
        const auto& a = run->get("ALL");
        // every matching adjustment is listed with its own points, in rules order
        REQUIRE(a.adjustments.size() == 5);
        Codes ids;
        for (const auto& h : a.adjustments) ids.push_back(h->id);
        CHECK(ids == Codes{"b1", "b2", "p1", "b3", "p2"});
        CHECK(a.adjustments[3]->points == d("1.5"));
        CHECK(a.adjustments[3]->points_text == "1.5");
        CHECK(a.adjustments[4]->points == d("-2"));
        // +5.5 capped at +3, -3 capped at -2
        CHECK(a.adjustment_total == d("1"));
        CHECK(a.base == d("50"));
        CHECK(a.score == d("51"));
        CHECK(run->get("BONUS").adjustment_total == d("2"));
        CHECK(run->get("BONUS").score == d("52"));
        CHECK(run->get("PENALTY").adjustment_total == d("-2"));
        CHECK(run->get("PENALTY").score == d("48"));
        CHECK(run->get("ONE").score == d("49"));
        CHECK(run->order() == Ids{"BONUS", "ALL", "ONE", "PENALTY"});
    }
    SECTION("uncapped, and negative adjustments") {
        auto run = fixtures::run(t, {all, penalty});
        CHECK(run->get("ALL").adjustment_total == d("2.5"));  // 5.5 - 3
        CHECK(run->get("ALL").score == d("52.5"));
        CHECK(run->get("PENALTY").adjustment_total == d("-3"));
        CHECK(run->get("PENALTY").score == d("47"));
        CHECK(run->get("PENALTY").base == d("50"));
    }
    SECTION("only a bonus cap") {
        t.extra += "adjustment_caps: {bonus: 1}\n";
        auto run = fixtures::run(t, {all});
        CHECK(run->get("ALL").adjustment_total == d("-2"));  // +1 capped, -3 not
        CHECK(run->get("ALL").score == d("48"));
    }
    SECTION("the score is rounded again") {
        TrackSpec r;
        r.extra =
            "rounding: 1\nadjustments:\n  - {id: q, name: Q, when: {field: country, equals: VN}, "
            "points: 0.25}\n";
        auto run = fixtures::run(
            r, {fixtures::scored("P1", "50"), fixtures::scored("P2", "60", "400000000", "TH")});
        CHECK(run->get("P1").base == d("50"));
        CHECK(run->get("P1").score == d("50.3"));  // 50.25 half away
        CHECK(run->get("P2").score == d("60"));
        CHECK(run->get("P2").adjustments.empty());
    }
}

TEST_CASE("evaluate: cut-offs and the threshold, with reasons in order", "[evaluate]") {
    TrackSpec t;
    t.criteria =
        "[{id: a, name: Alpha, max: 50, cutoff: 20}, {id: b, name: Beta, max: 50, cutoff: 20}]";
    t.panel = "{min_reviewers: 1, aggregate: mean}";
    t.extra =
        "threshold: 50\n"
        "adjustments:\n  - {id: bonus, name: Bonus, when: {field: city, equals: Hue}, points: 5}\n";
    ProposalSpec both = proposal("BOTH", reviews({"a: 15, b: 15"}));
    ProposalSpec beta = proposal("BETA", reviews({"a: 30, b: 15"}));
    // a = (19.99 + 20) / 2 = 19.995 -> 20.00: meets the cut-off; base 49.995 -> 50.00 meets 50
    ProposalSpec edge = proposal("EDGE", reviews({"a: 19.99, b: 30", "a: 20, b: 30"}));
    // base 49 is below the threshold though the score with its bonus is 54
    ProposalSpec bonus = proposal("BONUS", reviews({"a: 24, b: 25"}));
    bonus.city = "Hue";
    auto run = fixtures::run(t, {both, beta, edge, bonus});

    CHECK(run->status("BOTH") == "below-threshold");
    CHECK(run->reasons("BOTH") == Codes{"cutoff:a", "cutoff:b", "threshold"});
    CHECK(run->message("BOTH", 0) == "Alpha 15.00 is below its cut-off 20");
    CHECK(run->message("BOTH", 2) == "base score 30.00 is below the threshold 50");
    CHECK(run->status("BETA") == "below-threshold");
    CHECK(run->reasons("BETA") == Codes{"cutoff:b", "threshold"});
    CHECK(run->get("EDGE").criteria == ds({"20", "30"}));
    CHECK(run->get("EDGE").base == d("50"));
    CHECK(run->status("EDGE") == "selected");
    CHECK(run->reasons("EDGE").empty());
    CHECK(run->status("BONUS") == "below-threshold");
    CHECK(run->reasons("BONUS") == Codes{"threshold"});
    CHECK(run->get("BONUS").score == d("54"));
    // below-threshold proposals are ranked with the others
    CHECK(run->order() == Ids{"BONUS", "EDGE", "BETA", "BOTH"});
    CHECK(run->get("BONUS").rank == 1);
    CHECK(run->get("BOTH").rank == 4);
    CHECK_FALSE(run->get("BONUS").is_candidate);
    CHECK_FALSE(run->get("BONUS").award_krw.has_value());
    const auto& tr = run->track();
    CHECK(tr.received == 4);
    CHECK(tr.eligible == 4);
    CHECK(tr.scored == 4);
    CHECK(tr.candidates == 1);
}

TEST_CASE("evaluate: panel size, with conflicts of interest", "[evaluate]") {
    TrackSpec t = two_criteria("{min_reviewers: 3, aggregate: mean}");
    std::vector<std::string> four = {"a: 10, b: 10", "a: 20, b: 20", "a: 30, b: 30",
                                     "a: 50, b: 50"};
    ProposalSpec short_panel = proposal("P1", reviews(four));
    short_panel.conflicts = "R1, R2";
    ProposalSpec one_out = proposal("P2", reviews(four));
    one_out.conflicts = "R4";
    ProposalSpec stranger = proposal("P3", reviews(four));
    stranger.conflicts = "R9";
    ProposalSpec too_few = proposal("P0", reviews({"a: 50, b: 50"}));
    auto run = fixtures::run(t, {short_panel, one_out, stranger, too_few});

    const auto& p1 = run->get("P1");
    CHECK(run->status("P1") == "unscored");
    CHECK(run->reasons("P1") == Codes{"panel-size"});
    CHECK(run->message("P1") ==
          "valid reviews: 2 of the 3 needed (2 excluded for conflicts of interest)");
    CHECK(p1.excluded() == Ids{"R1", "R2"});
    CHECK_FALSE(p1.rank.has_value());
    CHECK_FALSE(p1.score.has_value());
    CHECK(p1.criteria.empty());
    CHECK(p1.has_reviews);

    const auto& p2 = run->get("P2");
    CHECK(p2.excluded() == Ids{"R4"});
    CHECK(p2.used() == Ids{"R1", "R2", "R3"});
    CHECK(p2.criteria == ds({"20", "20"}));  // R4's 50s are not used

    // R9 sent no review: excluded and reported all the same, as a score sheet's conflict row
    // without scores is.
    CHECK(run->get("P3").excluded() == Ids{"R9"});
    CHECK(run->get("P3").used() == Ids{"R1", "R2", "R3", "R4"});
    CHECK(run->get("P3").criteria == ds({"27.5", "27.5"}));

    CHECK(run->message("P0") == "valid reviews: 1 of the 3 needed");
    // ranked first, then the unranked by id
    CHECK(run->order() == Ids{"P3", "P2", "P0", "P1"});
    CHECK(run->track().scored == 2);
    CHECK(run->track().eligible == 4);
}

TEST_CASE("evaluate: every tie-break key, and :asc / :desc", "[evaluate]") {
    // Two proposals with equal scores; returns the id ranked first.
    auto first = [](const std::string& tie_break, ProposalSpec x, ProposalSpec y,
                    std::string extra = "") {
        TrackSpec t = two_criteria("{min_reviewers: 1, aggregate: mean}");
        t.extra = extra + (tie_break.empty() ? "" : "tie_break: " + tie_break + "\n");
        auto run = fixtures::run(t, {std::move(x), std::move(y)});
        auto order = run->order();
        REQUIRE(order.size() == 2);
        INFO(tie_break);
        REQUIRE(run->get(order[0]).score == run->get(order[1]).score);
        return order[0];
    };
    ProposalSpec x = proposal("X", reviews({"a: 30, b: 20"}));
    ProposalSpec y = proposal("Y", reviews({"a: 20, b: 30"}));

    SECTION("a criterion: higher first") {
        CHECK(first("", x, y) == "X");  // by id
        CHECK(first("[a]", x, y) == "X");
        CHECK(first("[a:desc]", x, y) == "X");
        CHECK(first("[a:asc]", x, y) == "Y");
        CHECK(first("[b]", x, y) == "Y");
        CHECK(first("[b:asc]", x, y) == "X");
    }
    SECTION("base: higher first") {
        // X: base 50 + bonus 2; Y: base 52
        ProposalSpec y2 = proposal("Y", reviews({"a: 30, b: 22"}));
        std::string bonus =
            "adjustments:\n  - {id: x, name: X, when: {field: id, equals: X}, points: 2}\n";
        CHECK(first("", x, y2, bonus) == "X");
        CHECK(first("[base]", x, y2, bonus) == "Y");
        CHECK(first("[base:asc]", x, y2, bonus) == "X");
    }
    SECTION("requested_krw: lower first") {
        ProposalSpec cheap = proposal("Y", reviews({"a: 30, b: 20"}));
        cheap.requested = "350000000";
        ProposalSpec dear = proposal("X", reviews({"a: 30, b: 20"}));
        dear.requested = "\"4억 5천만원\"";
        CHECK(first("", dear, cheap) == "X");
        CHECK(first("[requested_krw]", dear, cheap) == "Y");
        CHECK(first("[requested_krw:asc]", dear, cheap) == "Y");
        CHECK(first("[requested_krw:desc]", dear, cheap) == "X");
        CHECK(first("[a, requested_krw]", dear, cheap) == "Y");  // a ties, then the request
    }
    SECTION("submitted_at: earlier first; a plain date is 00:00 in the programme's zone") {
        ProposalSpec plain = proposal("Y", reviews({"a: 30, b: 20"}));
        plain.submitted = "2023-05-02";  // 2023-05-01T15:00:00Z
        ProposalSpec later = proposal("X", reviews({"a: 30, b: 20"}));
        later.submitted = "2023-05-01T20:00:00Z";
        CHECK(first("[submitted_at]", later, plain) == "Y");
        CHECK(first("[submitted_at:desc]", later, plain) == "X");
        ProposalSpec earlier = later;
        earlier.submitted = "2023-05-01T14:59:00Z";
        CHECK(first("[submitted_at]", earlier, plain) == "X");
        ProposalSpec local = later;
        local.submitted = "2023-05-02T00:00:01";  // no offset: the programme's zone
        CHECK(first("[submitted_at]", local, plain) == "Y");
        CHECK(first("[submitted_at:desc]", local, plain) == "X");
    }
    SECTION("id: by bytes") {
        ProposalSpec p10 = proposal("P10", reviews({"a: 30, b: 20"}));
        ProposalSpec p7 = proposal("P7", reviews({"a: 30, b: 20"}));
        CHECK(first("", p7, p10) == "P10");
        CHECK(first("[id]", p7, p10) == "P10");
        CHECK(first("[id:desc]", p7, p10) == "P7");
    }
    SECTION("scores are compared rounded: 10.33 and 10.333.. are tied") {
        ProposalSpec a = proposal("A", reviews({"a: 10.33, b: 0"}));
        ProposalSpec b = proposal("B", reviews({"a: 10, b: 0"}));
        b.reviews = reviews({"a: 10, b: 0", "a: 10, b: 0", "a: 11, b: 0"});
        CHECK(first("", a, b) == "A");
        CHECK(first("[a]", a, b) == "A");
        CHECK(first("[id:desc]", a, b) == "B");
    }
}

// SPEC §6: `lottery` orders exact ties by the SHA-256 hex of SEED + newline + id, which
// anyone redraws with `printf '%s\n%s' "$SEED" "$ID" | sha256sum` (the hashes below).
TEST_CASE("evaluate: the lottery tie-break, redrawn by sha256sum", "[evaluate]") {
    CHECK(kcity::lottery_hash("K-City 2023", "X") ==
          "b954cfaec53e511a12d6887989911970f948f90b6af0129ee65cbd0acaff3d0d");
    CHECK(kcity::lottery_hash("K-City 2023", "Y") ==
          "196776b1d8252f3d66b55a5763df5fe6a9c47ff0c5a95d37fb1734715363f460");
    auto first = [](const std::string& seed, const std::string& tie_break) {
        fixtures::CallSpec spec;
        spec.program =
            fixtures::program_yaml("[t]", "4000000000", 2023, "lottery_seed: \"" + seed + "\"\n");
        TrackSpec t = two_criteria("{min_reviewers: 1, aggregate: mean}");
        t.extra = "tie_break: " + tie_break + "\n";
        spec.tracks = {t.file()};
        spec.proposals = {fixtures::documents(
            {proposal("X", reviews({"a: 30, b: 20"})), proposal("Y", reviews({"a: 30, b: 20"}))})};
        auto run = fixtures::run(spec);
        INFO(seed << " " << tie_break);
        return run->order().at(0);
    };
    CHECK(first("K-City 2023", "[lottery]") == "Y");  // 1967... before b954...
    CHECK(first("K-City 2023", "[lottery:desc]") == "X");
    CHECK(first("seed 2", "[lottery]") == "X");           // 6fad... before 767a...
    CHECK(first("seed 2", "[id:desc, lottery]") == "Y");  // id decides first
}

TEST_CASE("evaluate: a withdrawn proposal makes the next one move up", "[evaluate]") {
    TrackSpec t;
    t.selection = "{min: 1, max: 1, budget_krw: 4000000000, reserve: 1}";
    t.extra = "threshold: 60\n";
    std::vector<ProposalSpec> ps = {fixtures::scored("P1", "90"), fixtures::scored("P2", "80"),
                                    fixtures::scored("P3", "70"), fixtures::scored("P4", "65"),
                                    fixtures::scored("P5", "50")};
    ProposalSpec late = fixtures::scored("P6", "99");
    late.submitted = "2023-06-01";
    ps.push_back(late);

    SECTION("without decisions") {
        auto run = fixtures::run(t, ps);
        CHECK(run->status("P1") == "selected");
        CHECK(run->status("P2") == "reserve");
    }
    SECTION("with P1 withdrawn") {
        auto run = fixtures::run(t, ps, "withdrawn: [P1, P5, P6]\n");
        CHECK(run->status("P1") == "withdrawn");
        CHECK(run->reasons("P1") == Codes{"withdrawn"});
        CHECK(run->get("P1").rank == 1);
        CHECK(run->get("P1").score == d("90"));
        CHECK_FALSE(run->get("P1").is_candidate);
        CHECK_FALSE(run->get("P1").award_krw.has_value());
        CHECK(run->status("P2") == "selected");
        CHECK(run->status("P3") == "reserve");
        CHECK(run->reasons("P3") == Codes{"quota"});
        CHECK(run->status("P4") == "not-selected");
        // a withdrawn proposal that is not a candidate keeps its status
        CHECK(run->status("P5") == "below-threshold");
        CHECK(run->reasons("P5") == Codes{"threshold"});
        CHECK(run->status("P6") == "ineligible");
        CHECK(run->reasons("P6") == Codes{"deadline"});
        CHECK(run->track().candidates == 3);
        CHECK(run->track().selected == 1);
    }
}

TEST_CASE("evaluate: the committee's award replaces award_krw", "[evaluate]") {
    TrackSpec t;
    t.award = "{min_krw: 300000000, max_krw: 500000000}";
    ProposalSpec cut = fixtures::scored("P1", "90", "450000000");
    ProposalSpec capped = fixtures::scored("P2", "80", "600000000", "TH");
    ProposalSpec plain = fixtures::scored("P3", "70", "\"3억 5천만원\"", "ID");
    auto run = fixtures::run(t, {cut, capped, plain}, "awards: {P1: \"3.5억\"}\n");
    CHECK(run->get("P1").award_candidate == 350'000'000);
    CHECK(run->get("P1").award_krw == 350'000'000);
    CHECK(run->get("P2").award_krw == 500'000'000);  // above_max: cap
    CHECK(run->get("P3").award_krw == 350'000'000);
    CHECK(run->track().awarded_krw == 1'200'000'000);

    SECTION("committee awards outside the range or above the request are errors") {
        fixtures::CallSpec spec;
        spec.tracks = {t.file()};
        spec.proposals = {fixtures::documents({cut, capped, plain})};
        spec.decisions =
            "awards: {P1: 460000000, P2: 250000000, P9: 400000000}\nwithdrawn: [P33]\n";
        auto loaded = fixtures::load(spec);
        const auto& diags = loaded->diags;
        INFO(loaded->errors());
        CHECK(fixtures::has_error(diags, "exceeds its request of KRW 450,000,000", "decisions.yaml",
                                  1));
        CHECK(fixtures::has_error(diags, "outside the award range", "decisions.yaml", 1));
        CHECK(fixtures::has_error(diags, "the award for `P9` names no proposal", "decisions.yaml",
                                  1));
        CHECK(fixtures::has_error(
            diags, "withdrawn proposal `P33` is not among the proposals (did you mean `P3`?)",
            "decisions.yaml", 2));
    }
}

TEST_CASE("evaluate: ineligible proposals and their reasons in order", "[evaluate]") {
    TrackSpec t;
    t.award = "{min_krw: 300000000, max_krw: 500000000, above_max: reject}";
    t.extra =
        "eligibility:\n"
        "  - {id: z-type, name: Public applicant, require: {field: applicant.type, in: "
        "[government]}}\n"
        "  - {id: a-abroad, name: Abroad, require: {field: country, not_equals: KR}}\n"
        "adjustments:\n"
        "  - {id: any, name: Any, when: {field: city, exists: true}, points: 1}\n";
    ProposalSpec all = fixtures::scored("ALL", "90", "600000000", "KR");
    all.submitted = "2023-05-10T15:30:00Z";
    all.applicant_type = "company";
    ProposalSpec low = fixtures::scored("LOW", "90", "299999999");
    ProposalSpec high = fixtures::scored("HIGH", "90", "500000001");
    ProposalSpec on_time = fixtures::scored("ONTIME", "80", "500000000");
    on_time.submitted = "2023-05-10T23:59:00+09:00";
    ProposalSpec rule = fixtures::scored("RULE", "80", "300000000", "KR");
    auto run = fixtures::run(t, {all, low, high, on_time, rule});

    CHECK(run->status("ALL") == "ineligible");
    CHECK(run->reasons("ALL") == Codes{"deadline", "award-range", "z-type", "a-abroad"});
    CHECK(run->message("ALL", 0) ==
          "submitted 2023-05-10T15:30:00Z (2023-05-11T00:30:00+09:00), after the deadline "
          "2023-05-10");
    CHECK(run->message("ALL", 1) ==
          "requests KRW 600,000,000, above the maximum award KRW 500,000,000");
    CHECK(run->message("ALL", 2) ==
          "does not meet the rule: Public applicant (applicant.type: company)");
    const auto& a = run->get("ALL");
    CHECK_FALSE(a.rank.has_value());
    CHECK_FALSE(a.score.has_value());
    CHECK_FALSE(a.has_reviews);
    CHECK(a.adjustments.empty());
    CHECK(a.used().empty());

    CHECK(run->reasons("LOW") == Codes{"award-range"});
    CHECK(run->message("LOW") ==
          "requests KRW 299,999,999, below the minimum award KRW 300,000,000");
    CHECK(run->reasons("HIGH") == Codes{"award-range"});
    CHECK(run->reasons("RULE") == Codes{"a-abroad"});
    CHECK(run->status("ONTIME") == "selected");
    CHECK(run->get("ONTIME").score == d("81"));
    CHECK(run->order() == Ids{"ONTIME", "ALL", "HIGH", "LOW", "RULE"});
    CHECK(run->track().received == 5);
    CHECK(run->track().eligible == 1);

    SECTION("above_max: cap keeps it eligible at the maximum award") {
        t.award = "{min_krw: 300000000, max_krw: 500000000, above_max: cap}";
        auto run2 = fixtures::run(t, {high});
        CHECK(run2->status("HIGH") == "selected");
        CHECK(run2->get("HIGH").award_krw == 500'000'000);
    }
}

TEST_CASE("evaluate: aggregate() and ranks_before directly", "[evaluate]") {
    kcity::TrackRules t;
    t.criteria.resize(1);
    t.criteria[0].id = "a";
    t.aggregate = kcity::Aggregate::median;
    std::vector<kcity::Review> rv(4);
    const char* ids[] = {"R4", "R3", "R2", "R1"};
    for (int i = 0; i < 4; ++i) {
        rv[static_cast<std::size_t>(i)].reviewer = ids[i];
        rv[static_cast<std::size_t>(i)].scores = {Decimal::from_int(i + 1)};
    }
    std::vector<const kcity::Review*> ptrs;
    for (const auto& r : rv) ptrs.push_back(&r);
    kcity::Aggregation agg = kcity::aggregate(t, ptrs);
    REQUIRE(agg.criteria.size() == 1);
    CHECK(agg.criteria[0] == kcity::Rational(5, 2));
    CHECK(reviewer_ids(agg.used) == Ids{"R1", "R2", "R3", "R4"});
    t.aggregate = kcity::Aggregate::trimmed_mean;
    agg = kcity::aggregate(t, ptrs);
    CHECK(agg.criteria[0] == kcity::Rational(5, 2));
    CHECK(reviewer_ids(agg.trimmed) == Ids{"R1", "R4"});  // R4 scored 1, R1 scored 4
    t.aggregate = kcity::Aggregate::mean;
    ptrs.pop_back();
    agg = kcity::aggregate(t, ptrs);
    CHECK(agg.criteria[0] == kcity::Rational(2, 1));
}

TEST_CASE("evaluate: known steps 1 and 4 give the same track, and are what it reads",
          "[evaluate][robustness]") {
    TrackSpec t;
    t.extra =
        "eligibility:\n"
        "  - {id: vn-only, name: VN only, require: {field: country, equals: VN}}\n"
        "adjustments:\n"
        "  - {id: b1, name: B1, when: {field: city, equals: Hanoi}, points: 2}\n"
        "  - {id: p1, name: P1, when: {field: attributes.late, equals: true}, points: -1}\n";
    ProposalSpec hanoi = fixtures::scored("HANOI", "50");
    ProposalSpec late = fixtures::scored("LATE", "60");
    late.city = "Hue";
    late.attributes = "late: true";
    ProposalSpec thai = fixtures::scored("THAI", "70", "400000000", "TH");
    thai.city = "Bangkok";
    auto run = fixtures::run(t, {hanoi, late, thai});
    const kcity::TrackRules& rules = *run->track().rules;
    const kcity::KnownSteps known = kcity::known_steps(run->call.rules, rules, run->call.proposals);
    REQUIRE(known.entries.size() == 3);
    CHECK(known.entries[0].adjustments == std::vector<std::uint32_t>{0});  // HANOI: b1
    CHECK(known.entries[1].adjustments == std::vector<std::uint32_t>{1});  // LATE: p1
    CHECK(known.entries[2].ineligible.size() == 1);                        // THAI: vn-only
    CHECK(known.entries[2].adjustments.empty());

    auto summary = [](const kcity::TrackResult& tr) {
        std::vector<std::string> out;
        for (const auto& r : tr.proposals)
            out.push_back(r.proposal->id + " " + kcity::status_code(r.status) + " " +
                          (r.score ? kcity::format_decimal(*r.score, 2) : "-"));
        return out;
    };
    const auto with_known =
        kcity::evaluate_track(run->call.rules, rules, run->call.proposals, nullptr, &known);
    CHECK(summary(with_known) ==
          summary(kcity::evaluate_track(run->call.rules, rules, run->call.proposals)));
    CHECK(summary(with_known) == std::vector<std::string>{"LATE not-selected 59.00",
                                                          "HANOI not-selected 52.00",
                                                          "THAI ineligible -"});

    // What is known is what counts: HANOI's bonus taken away, THAI made eligible.
    kcity::KnownSteps changed = known;
    changed.entries[0].adjustments.clear();
    changed.entries[2].ineligible.clear();
    const auto read =
        kcity::evaluate_track(run->call.rules, rules, run->call.proposals, nullptr, &changed);
    CHECK(summary(read) == std::vector<std::string>{"THAI not-selected 70.00",
                                                    "LATE not-selected 59.00",
                                                    "HANOI not-selected 50.00"});
    // Known steps of another list of proposals are refused, not misread.
    kcity::KnownSteps short_list = known;
    short_list.entries.pop_back();
    CHECK_THROWS(
        kcity::evaluate_track(run->call.rules, rules, run->call.proposals, nullptr, &short_list));
}

// review_total adds up integers of 10^-8 without calibration or a run's own weights, and
// Rationals otherwise: the two ways must give the same exact value, at the bounds too.
TEST_CASE("evaluate: a review's weighted total, exact either way", "[evaluate]") {
    TrackSpec t;
    t.criteria =
        "[{id: a, name: A, max: 10000, weight: 999.9999}, {id: b, name: B, max: 50, weight: "
        "0.0001}, {id: c, name: C, max: 1, weight: 1000}]";
    t.panel = "{min_reviewers: 1, aggregate: mean}";
    auto run = fixtures::run(t, {proposal("P1", reviews({"a: 9999.99, b: 0.03, c: 0.01"}))});
    kcity::TrackRules rules = run->call.rules.tracks.at(0);
    const kcity::Review& review = run->call.proposals.at(0).reviews.at(0);
    // 999.9999 × 9999.99 + 0.0001 × 0.03 + 1000 × 0.01, worked out by Python's Fraction
    const kcity::Rational expected(2499999750001LL, 250000LL);
    CHECK(kcity::review_total(rules, review) == expected);
    for (auto& c : rules.criteria) c.run_weight = kcity::Rational(c.weight);
    CHECK(kcity::review_total(rules, review) == expected);
    rules.criteria[2].run_weight = kcity::Rational(1, 3);  // a robustness run's weight
    // … with 1/3 for 1000 in the last product
    CHECK(kcity::review_total(rules, review) == kcity::Rational(7499991752503LL, 750000LL));
}
