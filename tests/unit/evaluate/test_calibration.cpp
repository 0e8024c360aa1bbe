// SPEC §6 step 2a: `panel.calibrate: offset`, on calls worked by hand.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/evaluate/evaluate.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;
using kcity::Decimal;
using kcity::Rational;

namespace {

Decimal d(std::string_view text) {
    return fixtures::decimal(text);
}

using fixtures::reviewed;

TrackSpec calibrated(std::string calibrate = "offset", int min_reviewers = 1) {
    TrackSpec t;
    t.panel = "{min_reviewers: " + std::to_string(min_reviewers) +
              ", aggregate: mean, calibrate: " + calibrate + "}";
    return t;
}

const std::vector<Rational>& offsets_of(const kcity::TrackResult& tr, const std::string& id) {
    REQUIRE(tr.calibration);
    const auto* o = tr.calibration->find(id);
    REQUIRE(o != nullptr);
    return *o;
}

int proposals_of(const kcity::TrackResult& tr, const std::string& id) {
    for (const auto& o : tr.calibration->reviewers)
        if (o.reviewer == id) return o.proposals;
    return -1;
}

// P1: R1 80, R2 60, R3 70 (k = 3): R1 80 − 65 = +15, R2 60 − 75 = −15, R3 70 − 70 = 0.
// P2: R1 90, R2 70: R1 +20, R2 −20.
// P3: R1 excluded by a conflict; R2 50, R3 40: R2 +10, R3 −10.
// P4: R4 alone: no other review, so R4's offset is the mean over nothing: 0.
// Offsets: R1 (15 + 20) / 2 = 17.5; R2 (−15 − 20 + 10) / 3 = −25/3; R3 (0 − 10) / 2 = −5.
std::vector<ProposalSpec> hand_call() {
    return {reviewed("P1", {{"R1", "a: 80"}, {"R2", "a: 60"}, {"R3", "a: 70"}}),
            reviewed("P2", {{"R1", "a: 90"}, {"R2", "a: 70"}}),
            reviewed("P3", {{"R1", "a: 100"}, {"R2", "a: 50"}, {"R3", "a: 40"}}, "R1"),
            reviewed("P4", {{"R4", "a: 30"}})};
}

}  // namespace

TEST_CASE("calibration: offsets and scores of a call worked by hand", "[evaluate][calibration]") {
    auto run = fixtures::run(calibrated(), hand_call());
    const auto& tr = run->track();
    CHECK(offsets_of(tr, "R1") == std::vector<Rational>{Rational(35, 2)});
    CHECK(offsets_of(tr, "R2") == std::vector<Rational>{Rational(-25, 3)});
    CHECK(offsets_of(tr, "R3") == std::vector<Rational>{Rational(-5, 1)});
    CHECK(proposals_of(tr, "R1") == 2);  // P3's review is excluded: it counts for nothing
    CHECK(proposals_of(tr, "R2") == 3);
    // P1: (62.5 + 68.333… + 75) / 3 = 1235/18 = 68.6111… (raw 70)
    CHECK(run->get("P1").score == d("68.61"));
    CHECK(run->get("P1").raw_score == d("70"));
    // P2: (72.5 + 78.333…) / 2 = 75.41666… (raw 80)
    CHECK(run->get("P2").score == d("75.42"));
    CHECK(run->get("P2").raw_score == d("80"));
    // P3: (58.333… + 45) / 2 = 51.666… (raw 45)
    CHECK(run->get("P3").score == d("51.67"));
    CHECK(run->get("P3").raw_score == d("45"));
}

TEST_CASE("calibration: a reviewer alone on a proposal has offset 0", "[evaluate][calibration]") {
    auto run = fixtures::run(calibrated(), hand_call());
    const auto& tr = run->track();
    CHECK(offsets_of(tr, "R4") == std::vector<Rational>{Rational()});
    CHECK(proposals_of(tr, "R4") == 0);
    CHECK(run->get("P4").score == d("30"));
    CHECK(run->get("P4").raw_score == d("30"));
}

TEST_CASE("calibration: a reviewer on one proposal only", "[evaluate][calibration]") {
    // R3 reviews P2 only: 50 − (30 + 40) / 2 = +15, so it counts 35 there.
    // R1: (−10 − 15) / 2 = −12.5; R2: (10 + 0) / 2 = +5.
    // P2 calibrated: R1 42.5, R2 35, R3 35 → 112.5 / 3 = 37.5 (raw 40).
    auto run = fixtures::run(calibrated(),
                             {reviewed("P1", {{"R1", "a: 10"}, {"R2", "a: 20"}}),
                              reviewed("P2", {{"R1", "a: 30"}, {"R2", "a: 40"}, {"R3", "a: 50"}})});
    const auto& tr = run->track();
    CHECK(offsets_of(tr, "R3") == std::vector<Rational>{Rational(15, 1)});
    CHECK(proposals_of(tr, "R3") == 1);
    CHECK(offsets_of(tr, "R1") == std::vector<Rational>{Rational(-25, 2)});
    CHECK(offsets_of(tr, "R2") == std::vector<Rational>{Rational(5, 1)});
    CHECK(run->get("P2").score == d("37.5"));
    CHECK(run->get("P2").raw_score == d("40"));
    // P1: R1 22.5, R2 15 → 18.75 (raw 15)
    CHECK(run->get("P1").score == d("18.75"));
}

TEST_CASE("calibration: calibrated scores are clamped to 0..max", "[evaluate][calibration]") {
    // R1 +40 on P1, 0 on P2: offset +20; R2 −20. P2: R1 10 − 20 → 0 (clamped), R2 30.
    auto run = fixtures::run(calibrated(), {reviewed("P1", {{"R1", "a: 50"}, {"R2", "a: 10"}}),
                                            reviewed("P2", {{"R1", "a: 10"}, {"R2", "a: 10"}})});
    CHECK(run->get("P1").score == d("30"));
    CHECK(run->get("P2").score == d("15"));
    CHECK(run->get("P2").raw_score == d("10"));
}

TEST_CASE("calibration: ineligible proposals count for nothing", "[evaluate][calibration]") {
    auto late = reviewed("P3", {{"R1", "a: 100"}, {"R2", "a: 0"}});
    late.submitted = "2023-06-01";
    auto run =
        fixtures::run(calibrated(), {reviewed("P1", {{"R1", "a: 50"}, {"R2", "a: 10"}}),
                                     reviewed("P2", {{"R1", "a: 10"}, {"R2", "a: 10"}}), late});
    CHECK(offsets_of(run->track(), "R1") == std::vector<Rational>{Rational(20, 1)});
}

TEST_CASE("calibration: off by default, `none` the same, nothing calibrated",
          "[evaluate][calibration]") {
    for (std::string panel : {"{min_reviewers: 1, aggregate: mean}",
                              "{min_reviewers: 1, aggregate: mean, calibrate: none}"}) {
        TrackSpec t;
        t.panel = panel;
        auto run = fixtures::run(t, hand_call());
        CHECK_FALSE(run->track().calibration);
        CHECK(run->get("P1").score == d("70"));
        CHECK_FALSE(run->get("P1").raw_score);
    }
}

TEST_CASE("calibration: an unknown value is an error with a suggestion", "[rules][calibration]") {
    fixtures::CallSpec spec;
    spec.tracks = {calibrated("ofset").file()};
    auto run = fixtures::load(spec);
    CHECK(fixtures::has_error(run->diags,
                              "`panel.calibrate` must be one of none, offset, not "
                              "`ofset` (did you mean `offset`?)"));
}

TEST_CASE("calibration: trimmed mean trims by calibrated totals", "[evaluate][calibration]") {
    // P1: R1 10, R2 20, R3 30; P2: R1 40, R2 30, R3 20. R1: (−15 + 15) / 2 = 0; R2: (0 + 0) = 0;
    // R3: (15 − 15) / 2 = 0. All offsets 0: scores as raw.
    TrackSpec t;
    t.panel = "{min_reviewers: 3, aggregate: trimmed-mean, trim: 1, calibrate: offset}";
    auto run =
        fixtures::run(t, {reviewed("P1", {{"R1", "a: 10"}, {"R2", "a: 20"}, {"R3", "a: 30"}}),
                          reviewed("P2", {{"R1", "a: 40"}, {"R2", "a: 30"}, {"R3", "a: 20"}})});
    CHECK(run->get("P1").score == d("20"));
    CHECK(run->get("P2").score == d("30"));
    CHECK(run->get("P1").trimmed() == std::vector<std::string>{"R1", "R3"});
}
