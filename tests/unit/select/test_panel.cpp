// SPEC §10: `kcity panel`'s analysis, on calls worked by hand and published examples.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/select/panel.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;
using kcity::Decimal;
using kcity::PanelCell;
using kcity::Rational;

namespace {

Decimal d(std::string_view text) {
    return fixtures::decimal(text);
}

using fixtures::reviewed;

TrackSpec track(std::string calibrate = "none", std::string selection = "") {
    TrackSpec t;
    t.panel = "{min_reviewers: 1, aggregate: mean, calibrate: " + calibrate + "}";
    if (!selection.empty()) t.selection = selection;
    return t;
}

const kcity::PanelReviewer& reviewer(const kcity::PanelTrack& t, const std::string& id) {
    for (const auto& r : t.reviewers)
        if (r.id == id) return r;
    FAIL("no reviewer " << id);
    throw std::logic_error("unreachable");
}

std::vector<std::string> ids(const std::vector<const kcity::Proposal*>& ps) {
    std::vector<std::string> out;
    for (const auto* p : ps) out.push_back(p->id);
    return out;
}

// P1: R1 80, R2 60, R3 70. P2: R1 90, R2 70. P3: R1 excluded (conflict), R2 50, R3 40.
// P4: R4 alone with 30. Deviations from the others' mean: R1 +15 (P1), +20 (P2): 17.5;
// R2 −15, −20, +10: −25/3; R3 0, −10: −5; R4 none. One criterion of weight 1, so each
// offset (SPEC §6 step 2a) is the leniency.
std::vector<ProposalSpec> hand_call() {
    return {reviewed("P1", {{"R1", "a: 80"}, {"R2", "a: 60"}, {"R3", "a: 70"}}),
            reviewed("P2", {{"R1", "a: 90"}, {"R2", "a: 70"}}),
            reviewed("P3", {{"R1", "a: 100"}, {"R2", "a: 50"}, {"R3", "a: 40"}}, "R1"),
            reviewed("P4", {{"R4", "a: 30"}})};
}

}  // namespace

TEST_CASE("panel: per reviewer, a call worked by hand", "[select][panel]") {
    auto run = fixtures::run(track(), hand_call());
    auto a = kcity::analyse_panel(run->call, {});
    REQUIRE(a.tracks.size() == 1);
    const auto& t = a.tracks[0];
    REQUIRE(t.reviewers.size() == 4);
    const auto& r1 = reviewer(t, "R1");
    CHECK(r1.reviews == 2);
    CHECK(r1.conflicts == 1);
    CHECK(r1.mean_total == d("85"));
    CHECK(r1.leniency == d("17.5"));
    CHECK(r1.offset == d("17.5"));  // whether or not the track calibrates
    CHECK(r1.lenient_warning);      // 17.5 > 10% of 100
    CHECK(ids(r1.missing) == std::vector<std::string>{"P4"});
    const auto& r2 = reviewer(t, "R2");
    CHECK(r2.reviews == 3);
    CHECK(r2.leniency == d("-8.33"));
    CHECK(r2.offset == d("-8.33"));
    CHECK_FALSE(r2.lenient_warning);
    // (60, 70, 50) against the others' (75, 90, 40): the same order.
    CHECK(r2.consistency == d("1"));
    CHECK_FALSE(r1.consistency);  // two proposals only
    CHECK(reviewer(t, "R3").leniency == d("-5"));
    CHECK(ids(reviewer(t, "R3").missing) == std::vector<std::string>{"P2", "P4"});
    const auto& r4 = reviewer(t, "R4");
    CHECK_FALSE(r4.leniency);  // alone on its only proposal
    CHECK(r4.offset == d("0"));
    CHECK(r4.mean_total == d("30"));
    CHECK_FALSE(r4.flat);  // one review only
    CHECK(ids(r4.missing) == std::vector<std::string>{"P1", "P2", "P3"});
    CHECK_FALSE(t.calibrated);
}

TEST_CASE("panel: per proposal and per track, a call worked by hand", "[select][panel]") {
    auto run = fixtures::run(track(), hand_call());
    auto a = kcity::analyse_panel(run->call, {});
    const auto& t = a.tracks[0];
    REQUIRE(t.proposals.size() == 4);
    for (const auto& p : t.proposals) {
        const std::string& id = p.result->proposal->id;
        if (id == "P4") CHECK_FALSE(p.spread);
        if (id == "P3") {
            CHECK(p.spread == d("10"));
            REQUIRE(p.cells.size() == 4);
            CHECK(p.cells[0].kind == PanelCell::Kind::conflict);  // R1
            CHECK(p.cells[1].kind == PanelCell::Kind::reviewed);  // R2: 50 − 40
            CHECK(p.cells[1].deviation == d("10"));
            CHECK(p.cells[3].kind == PanelCell::Kind::missing);  // R4
        }
        if (id == "P4") CHECK_FALSE(p.cells[3].deviation);  // no other review
    }
    // Spreads 20, 20, 10: 50/3. Alpha of {80, 60, 70}, {90, 70}, {50, 40} ({30} unpaired).
    CHECK(t.mean_spread == d("16.67"));
    CHECK(t.alpha == Rational(19, 31));
    CHECK(t.alpha_ratio == "19/31");
    CHECK(t.alpha_rounded == d("0.613"));
    CHECK(t.flips_in.empty());
    CHECK(t.flips_out.empty());
}

TEST_CASE("panel: Krippendorff's interval alpha with missing data (4 coders x 12 units)",
          "[select][panel]") {
    // Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): observers A–D, units
    // 1–12, '.' missing; interval alpha 0.849. Each unit is the list of its observers' values.
    // A: 1 2 3 3 2 1 4 1 2 . . .   B: 1 2 3 3 2 2 4 1 2 5 . 3
    // C: . 3 3 3 2 3 4 2 2 5 1 .   D: 1 2 3 3 2 4 4 1 2 5 1 .
    std::vector<std::vector<kcity::i128>> units = {
        {1, 1, 1},    {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
        {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {5, 5, 5},    {1, 1},       {3}};
    auto alpha = kcity::interval_alpha(units);
    REQUIRE(alpha);
    CHECK(alpha->rounded == d("0.849"));
    CHECK(alpha->ratio == "951/1120");
    CHECK(alpha->exact == Rational(951, 1120));
    // The scale of the values does not matter: totals are in units of 10^-8.
    for (auto& u : units)
        for (auto& v : u) v *= 100000000;
    CHECK(kcity::interval_alpha(units)->ratio == "951/1120");
}

TEST_CASE("panel: alpha is undefined without pairable values or disagreement", "[select][panel]") {
    CHECK_FALSE(kcity::interval_alpha({{1}, {2}}));
    CHECK_FALSE(kcity::interval_alpha({{3, 3}, {3, 3, 3}}));
    CHECK(kcity::interval_alpha({{1, 1}, {2, 2}})->ratio == "1");
}

TEST_CASE("panel: Spearman's rank correlation, with ties, exact", "[select][panel]") {
    auto rs = [](std::vector<int> v) {
        std::vector<Rational> out;
        for (int x : v) out.emplace_back(x, 1);
        return out;
    };
    CHECK(kcity::spearman(rs({1, 2, 3}), rs({4, 5, 6})) == d("1"));
    CHECK(kcity::spearman(rs({1, 2, 3}), rs({6, 5, 4})) == d("-1"));
    CHECK(kcity::spearman(rs({1, 2, 3, 4, 5}), rs({5, 6, 7, 8, 7})) == d("0.82"));  // 0.8208
    CHECK(kcity::spearman(rs({10, 20, 20, 30}), rs({3, 1, 2, 4})) == d("0.32"));    // 0.3162
    CHECK_FALSE(kcity::spearman(rs({1, 2}), rs({1, 2})));        // fewer than three
    CHECK_FALSE(kcity::spearman(rs({5, 5, 5}), rs({1, 2, 3})));  // no spread: undefined
    // Exactly on the half: 49 ranks, one swap 7 apart (Σd² = 98): r = 1 − 6·98/(49·2400) =
    // 0.995, half away from zero 1.00; three such swaps: 0.985 → 0.99.
    std::vector<int> x, y1, y3;
    for (int i = 1; i <= 49; ++i) x.push_back(i);
    y1 = x;
    std::swap(y1[0], y1[7]);
    y3 = y1;
    std::swap(y3[9], y3[16]);
    std::swap(y3[19], y3[26]);
    CHECK(kcity::spearman(rs(x), rs(y1)) == d("1"));
    CHECK(kcity::spearman(rs(x), rs(y3)) == d("0.99"));
    std::vector<int> minus3;
    for (int v : y3) minus3.push_back(-v);
    CHECK(kcity::spearman(rs(x), rs(minus3)) == d("-0.99"));
}

// Calibration flips, max 1 selection. R1 is lenient (+20 on P1 and P3) and excluded from P2 by
// a conflict; R3 reviewed P2 only (agreeing with R2: offset 0); R4 is alone on P4.
// Offsets: R1 +20, R2 (−20 − 20 + 0) / 3 = −40/3, R3 0, R4 0.
// Raw: P1 (90 + 70) / 2 = 80, P2 76, P3 70, P4 75: P1 selected.
// Calibrated: P1 (70 + 83.33) / 2 = 76.67, P2 (89.33 + 76) / 2 = 82.67: P2 selected.
std::vector<ProposalSpec> flip_call() {
    return {reviewed("P1", {{"R1", "a: 90"}, {"R2", "a: 70"}}),
            reviewed("P2", {{"R2", "a: 76"}, {"R3", "a: 76"}}, "R1"),
            reviewed("P3", {{"R1", "a: 80"}, {"R2", "a: 60"}}), reviewed("P4", {{"R4", "a: 75"}})};
}

const std::string one_selection = "{min: 0, max: 1, budget_krw: 4000000000}";

TEST_CASE("panel: the selections calibration flips, switched on", "[select][panel]") {
    auto run = fixtures::run(track("none", one_selection), flip_call());
    auto a = kcity::analyse_panel(run->call, {});
    const auto& t = a.tracks[0];
    CHECK_FALSE(t.calibrated);
    CHECK(t.flips_in == std::vector<std::string>{"P2"});
    CHECK(t.flips_out == std::vector<std::string>{"P1"});
    // Non-zero offsets with a valid review of P1 or P2: R1 (P1), R2; not R3 (offset 0).
    CHECK(t.flip_reviewers == std::vector<std::string>{"R1", "R2"});
    CHECK(reviewer(t, "R1").offset == d("20"));
    CHECK(reviewer(t, "R2").offset == d("-13.33"));
    CHECK(reviewer(t, "R3").offset == d("0"));
    CHECK(reviewer(t, "R4").offset == d("0"));
    CHECK(reviewer(t, "R1").conflicts == 1);
}

TEST_CASE("panel: the selections calibration flips, switched off", "[select][panel]") {
    auto run = fixtures::run(track("offset", one_selection), flip_call());
    auto a = kcity::analyse_panel(run->call, {});
    const auto& t = a.tracks[0];
    CHECK(t.calibrated);
    CHECK(t.flips_in == std::vector<std::string>{"P1"});
    CHECK(t.flips_out == std::vector<std::string>{"P2"});
    CHECK(t.flip_reviewers == std::vector<std::string>{"R1", "R2"});
    // The analysis's totals stay raw under calibration.
    CHECK(reviewer(t, "R1").mean_total == d("85"));
    CHECK(reviewer(t, "R1").leniency == d("20"));
}

TEST_CASE("panel: trimmed ends, flat reviewers, --track", "[select][panel]") {
    TrackSpec t;
    t.panel = "{min_reviewers: 3, aggregate: trimmed-mean, trim: 1}";
    auto run =
        fixtures::run(t, {reviewed("P1", {{"R1", "a: 50"}, {"R2", "a: 60"}, {"R3", "a: 70"}}),
                          reviewed("P2", {{"R1", "a: 50"}, {"R2", "a: 80"}, {"R3", "a: 40"}})});
    kcity::PanelOptions options;
    options.track = "t";
    auto a = kcity::analyse_panel(run->call, options);
    const auto& tr = a.tracks[0];
    CHECK(reviewer(tr, "R1").trimmed_low == 1);  // P1's lowest
    CHECK(reviewer(tr, "R1").trimmed_high == 0);
    CHECK(reviewer(tr, "R1").flat);               // 50 and 50
    CHECK(reviewer(tr, "R2").trimmed_high == 1);  // P2's highest
    CHECK(reviewer(tr, "R3").trimmed_low == 1);   // P2's lowest
    CHECK(reviewer(tr, "R3").trimmed_high == 1);  // P1's highest
    CHECK_FALSE(reviewer(tr, "R3").flat);
    options.track = "nope";
    CHECK(kcity::analyse_panel(run->call, options).tracks.empty());
}
