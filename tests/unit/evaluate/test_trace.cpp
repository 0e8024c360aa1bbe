// The trace: what evaluation and selection record while they decide, for `explain`.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;
using kcity::Decimal;

namespace {

kcity::RunOptions traced(std::vector<std::string> ids = {}) {
    kcity::RunOptions o;
    o.trace = kcity::TraceRequest{true, std::move(ids)};
    return o;
}

TrackSpec traced_track() {
    TrackSpec t;
    t.award = "{min_krw: 100000000, max_krw: 500000000}";
    t.criteria = "[{id: a, name: A, max: 100, cutoff: 50}]";
    t.selection = "{min: 0, max: 2, budget_krw: 900000000, max_per_country: 1}";
    t.extra =
        "threshold: 60\n"
        "eligibility:\n"
        "  - {id: public, name: Public, require: {any: [{field: applicant.type, equals: "
        "government}, {field: applicant.type, equals: public-body}]}}\n"
        "adjustments:\n"
        "  - {id: green, name: Green, when: {field: attributes.green, equals: true}, points: 2}\n";
    return t;
}

}  // namespace

TEST_CASE("trace: only when asked, and only for the proposals asked for", "[trace]") {
    auto plain = fixtures::run(traced_track(), {fixtures::scored("P1", "90")});
    CHECK(plain->get("P1").trace == nullptr);
    auto one =
        fixtures::run(traced_track(), {fixtures::scored("P1", "90"), fixtures::scored("P2", "80")},
                      "", traced({"P2"}));
    CHECK(one->get("P1").trace == nullptr);
    CHECK(one->get("P2").trace != nullptr);
}

TEST_CASE("trace: each step's outcome and the values it tested", "[trace]") {
    TrackSpec t = traced_track();
    t.panel = "{min_reviewers: 3, aggregate: trimmed-mean, trim: 1}";
    ProposalSpec p = fixtures::scored("P1", "90", "600000000");
    p.reviews = fixtures::reviews({"a: 90", "a: 70", "a: 75"});
    p.attributes = "green: true";
    ProposalSpec other = fixtures::scored("P2", "90", "300000000", "VN");  // same country
    other.reviews = fixtures::reviews({"a: 90", "a: 90", "a: 90"});
    ProposalSpec absent = fixtures::scored("P3", "40");
    absent.applicant_type = "company";
    absent.reviews = other.reviews;
    auto run = fixtures::run(t, {p, other, absent}, "", traced());
    const auto& x = *run->get("P1").trace;
    CHECK_FALSE(x.late);
    CHECK(x.award == kcity::AwardCheck::capped);
    REQUIRE(x.eligibility.size() == 1);
    CHECK(x.eligibility[0].holds);
    REQUIRE(x.eligibility[0].tested.size() == 1);  // the field once, though tested twice
    CHECK(x.eligibility[0].tested[0].field == "applicant.type");
    CHECK(x.eligibility[0].tested[0].value == "government");
    // Trimmed mean of 90, 70, 75 keeps 75; every valid review's total recorded.
    REQUIRE(x.review_totals.size() == 3);
    CHECK(x.review_totals[1] == kcity::Rational(70, 1));
    CHECK(x.criteria.at(0) == kcity::Rational(75, 1));
    CHECK(x.base == kcity::Rational(75, 1));
    REQUIRE(x.adjustments.size() == 1);
    CHECK(x.adjustments[0].holds);
    CHECK(x.adjustments[0].tested[0].value == "true");
    CHECK(x.cutoff_passed == std::vector<bool>{true});
    CHECK(x.threshold_passed);
    // P2 scores 90 and ranks first; P1 77 (75 + 2).
    REQUIRE(x.above);
    CHECK(x.above->by == kcity::RankDecider::By::score);
    // Merit reached P1 second: one selected, 400,000,000 left, one from VN (the cap).
    REQUIRE(x.merit);
    CHECK(x.merit->selected_before == 1);
    CHECK(x.merit->left_before == 600'000'000);
    CHECK(x.merit->country_before == 1);
    const auto& y = *run->get("P3").trace;
    CHECK_FALSE(y.eligibility[0].holds);
    CHECK(y.eligibility[0].tested[0].value == "company");
}

TEST_CASE("trace: under optimal, the best set with a candidate left out", "[trace]") {
    TrackSpec t = traced_track();
    t.award = "{min_krw: 100000000, max_krw: 900000000}";
    t.selection = "{min: 2, max: 2, budget_krw: 900000000, max_per_country: 1, method: optimal}";
    auto run = fixtures::run(t,
                             {fixtures::scored("P1", "90", "500000000", "VN"),
                              fixtures::scored("P2", "85", "400000000", "VN"),
                              fixtures::scored("P3", "70", "400000000", "TH"),
                              fixtures::scored("P4", "65", "900000000", "KE")},
                             "", traced());
    // The optimum: P1 + P3 (160). P2 displaces P1 (85 + 70 = 155, 5 below).
    const auto& o = run->get("P2").trace->optimal;
    REQUIRE(o);
    CHECK(o->ranks == std::vector<int>{1, 3});
    CHECK(o->total == Decimal::from_int(160));
    REQUIRE(o->counterfactual);
    CHECK(o->counterfactual->kind == kcity::Counterfactual::Kind::set);
    CHECK(o->counterfactual->ranks == std::vector<int>{2, 3});
    CHECK(o->counterfactual->total == Decimal::from_int(155));
    CHECK(o->counterfactual->displaced == std::vector<int>{1});
    // P4 takes the whole budget: no set of min 2 holds it.
    const auto& four = run->get("P4").trace->optimal->counterfactual;
    REQUIRE(four);
    CHECK(four->kind == kcity::Counterfactual::Kind::fewer);
    CHECK(four->ranks == std::vector<int>{4});
    // A selected candidate has no counterfactual.
    CHECK_FALSE(run->get("P1").trace->optimal->counterfactual);
}
