// SPEC §10's leniency, the one computation behind `kcity panel` and the lenient-reviewer warning.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "../../../src/evaluate/deviation_sum.hpp"
#include "../fixtures.hpp"
#include "kcity/evaluate/leniency.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;

namespace {

std::string reviewer(int i) {
    return fmt::format("R{:02}", i);
}

// P02..P90: proposal k has k reviews, R00's 60 and R01..R(k−1)'s 50. R00 is 10 above the others
// on each, exactly 10% of the highest total (100); R01 is on all of them, −10 / (k − 1) from the
// others, a mean of −10 × H(89) / 89 whose exact denominator (about 6.4 × 10^39, times 10^8 for
// the totals' units) is beyond 128 bits.
std::vector<ProposalSpec> harmonic_call() {
    std::vector<ProposalSpec> ps;
    for (int k = 2; k <= 90; ++k) {
        std::vector<std::pair<std::string, std::string>> reviews = {{"R00", "a: 60"}};
        for (int j = 1; j < k; ++j) reviews.emplace_back(reviewer(j), "a: 50");
        ps.push_back(fixtures::reviewed(fmt::format("P{:02}", k), reviews));
    }
    return ps;
}

const kcity::Leniency& of(const std::vector<kcity::Leniency>& all, const std::string& id) {
    for (const auto& l : all)
        if (l.reviewer == id) return l;
    FAIL("no leniency of " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("leniency: exact beyond 128 bits, and 10% of the highest total is not beyond it",
          "[evaluate][leniency]") {
    auto run = fixtures::run(TrackSpec{}, harmonic_call());
    const auto all = kcity::reviewer_leniency(run->result.tracks.at(0));
    REQUIRE(all.size() == 90);
    CHECK(of(all, "R00").rounded == fixtures::decimal("10"));
    CHECK_FALSE(of(all, "R00").beyond_limit);
    CHECK(of(all, "R01").rounded == fixtures::decimal("-0.57"));  // −0.5698…
    CHECK(of(all, "R89").rounded == fixtures::decimal("-0.11"));  // only on P90: −10 / 89
    CHECK(kcity::highest_total(*run->result.tracks.at(0).rules) == kcity::Rational(100, 1));
}

TEST_CASE("leniency: beyond 10% either way, at the first valid review", "[evaluate][leniency]") {
    using fixtures::reviewed;
    // P1: R1 70, R2 50: R1 +20, R2 −20; P2: R1 is excluded by a conflict, R2 alone counts for
    // nothing.
    auto run =
        fixtures::run(TrackSpec{}, {reviewed("P1", {{"R1", "a: 70"}, {"R2", "a: 50"}}),
                                    reviewed("P2", {{"R1", "a: 90"}, {"R2", "a: 40"}}, "R1")});
    const auto all = kcity::reviewer_leniency(run->result.tracks.at(0));
    REQUIRE(all.size() == 2);
    CHECK(of(all, "R1").rounded == fixtures::decimal("20"));
    CHECK(of(all, "R1").beyond_limit);
    CHECK(of(all, "R2").rounded == fixtures::decimal("-20"));
    CHECK(of(all, "R2").beyond_limit);
    CHECK(of(all, "R1").first.line > 0);
}

TEST_CASE("leniency: deviations past 128 bits are summed exactly", "[evaluate][leniency]") {
    // Three numerators of 2^126 over one k − 1 overflow an i128; sums per k − 1 are kept apart.
    const kcity::i128 huge = kcity::i128{1} << 126;
    kcity::DeviationSum sum;
    for (int i = 0; i < 3; ++i) {
        sum.add(2, huge);
        sum.add(1, -huge);
        sum.add(3, 7);
    }
    const mpq_class scale(kcity::big(kcity::total_scale));
    mpq_class expected = mpq_class(3 * kcity::big(huge)) / (2 * scale) -
                         mpq_class(3 * kcity::big(huge)) / scale + mpq_class(21) / (3 * scale);
    expected.canonicalize();
    CHECK(sum.total() == expected);
    CHECK(kcity::DeviationSum().total() == 0);
}
