#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "../fixtures.hpp"
#include "kcity/select/select.hpp"

using fixtures::ProposalSpec;
using fixtures::scored;
using fixtures::TrackSpec;
using kcity::Candidate;
using kcity::Decimal;
using kcity::Krw;
using kcity::SelectionRules;

namespace {

using Ids = std::vector<std::string>;
using Codes = std::vector<std::string>;
using Indices = std::vector<std::size_t>;

constexpr Krw M = 1'000'000;  // a million won

TrackSpec selection_track(const std::string& selection) {
    TrackSpec t;
    t.award = "{min_krw: 100000000, max_krw: 1000000000}";
    t.selection = selection;
    return t;
}

std::string krw(Krw amount) {
    return std::to_string(amount);
}

Ids with_status(const fixtures::Run& run, kcity::Status status) {
    Ids out;
    for (const auto& p : run.track().proposals)
        if (p.status == status) out.push_back(p.proposal->id);
    return out;
}

Codes shortfall_codes(const kcity::TrackResult& t) {
    Codes out;
    for (const auto& r : t.shortfall_reasons) out.push_back(r.code);
    return out;
}

std::string shortfall_message(const kcity::TrackResult& t, const std::string& code) {
    for (const auto& r : t.shortfall_reasons)
        if (r.code == code) return r.message();
    FAIL("no shortfall reason " << code);
    return {};
}

Candidate cand(int rank, const char* score, Krw award, std::string country) {
    auto d = kcity::parse_decimal(score, 4);
    REQUIRE(d.ok);
    return Candidate{rank, d.value, award, std::move(country)};
}

SelectionRules rules(int min, int max, Krw budget, std::optional<int> per_country = std::nullopt) {
    SelectionRules s;
    s.min = min;
    s.max = max;
    s.budget_krw = budget;
    s.max_per_country = per_country;
    s.method = kcity::Method::optimal;
    return s;
}

}  // namespace

TEST_CASE("merit: the quota", "[select]") {
    auto run = fixtures::run(
        selection_track("{min: 0, max: 2, budget_krw: 4000000000, reserve: 1}"),
        {scored("P1", "90", "400000000", "VN"), scored("P2", "80", "400000000", "TH"),
         scored("P3", "70", "400000000", "ID"), scored("P4", "60", "400000000", "PH")});
    CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P2"});
    CHECK(run->status("P3") == "reserve");
    CHECK(run->reasons("P3") == Codes{"quota"});
    CHECK(run->message("P3") == "the quota of 2 selections was already filled");
    CHECK(run->status("P4") == "not-selected");
    CHECK(run->reasons("P4") == Codes{"quota"});
    CHECK(run->get("P1").award_krw == 400 * M);
    CHECK_FALSE(run->get("P3").award_krw.has_value());
    CHECK(run->track().selected == 2);
    CHECK(run->track().awarded_krw == 800 * M);
    CHECK_FALSE(run->track().shortfall);
    CHECK(run->track().method == kcity::Method::merit);
}

TEST_CASE("merit: a quota of one selection", "[select]") {
    auto run = fixtures::run(
        selection_track("{min: 0, max: 1, budget_krw: 4000000000}"),
        {scored("P1", "90", "400000000", "VN"), scored("P2", "80", "400000000", "TH")});
    CHECK(run->reasons("P2") == Codes{"quota"});
    CHECK(run->message("P2") == "the quota of 1 selection was already filled");
}

TEST_CASE("merit: the country cap", "[select]") {
    std::vector<ProposalSpec> ps = {
        scored("P1", "90", "100000000", "VN"), scored("P2", "80", "100000000", "VN"),
        scored("P3", "70", "100000000", "TH"), scored("P4", "60", "100000000", "VN"),
        scored("P5", "50", "100000000", "ID")};
    SECTION("cap 1") {
        auto run = fixtures::run(
            selection_track("{min: 0, max: 3, budget_krw: 4000000000, max_per_country: 1}"), ps);
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P3", "P5"});
        CHECK(run->reasons("P2") == Codes{"country-cap"});
        CHECK(run->message("P2") == "VN already has 1 selection (max_per_country 1)");
        CHECK(run->reasons("P4") == Codes{"country-cap"});
    }
    SECTION("cap 2") {
        auto run = fixtures::run(
            selection_track("{min: 0, max: 5, budget_krw: 4000000000, max_per_country: 2}"), ps);
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P2", "P3", "P5"});
        CHECK(run->message("P4") == "VN already has 2 selections (max_per_country 2)");
    }
    SECTION("once the quota is filled the reason is quota, whatever the country") {
        auto run = fixtures::run(
            selection_track("{min: 0, max: 2, budget_krw: 4000000000, max_per_country: 1}"), ps);
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P3"});
        CHECK(run->reasons("P2") == Codes{"country-cap"});
        CHECK(run->reasons("P4") == Codes{"quota"});
        CHECK(run->reasons("P5") == Codes{"quota"});
    }
}

TEST_CASE("merit: budget_fit skip, stop and reduce", "[select]") {
    std::vector<ProposalSpec> ps = {
        scored("P1", "90", "400000000", "VN"), scored("P2", "80", "500000000", "TH"),
        scored("P3", "70", "400000000", "ID"), scored("P4", "60", "100000000", "PH"),
        scored("P5", "50", "100000000", "KH")};
    auto track = [](const std::string& fit) {
        return selection_track("{min: 0, max: 5, budget_krw: 1000000000, budget_fit: " + fit + "}");
    };
    SECTION("skip: a later, cheaper candidate still fits") {
        auto run = fixtures::run(track("skip"), ps);
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P2", "P4"});
        CHECK(run->reasons("P3") == Codes{"budget"});
        CHECK(run->message("P3") ==
              "its award of KRW 400,000,000 exceeds the KRW 100,000,000 left");
        CHECK(run->reasons("P5") == Codes{"budget"});
        CHECK(run->message("P5") == "its award of KRW 100,000,000 exceeds the KRW 0 left");
        CHECK(run->track().awarded_krw == 1000 * M);
    }
    SECTION("stop: the first candidate that does not fit ends the selection") {
        auto run = fixtures::run(track("stop"), ps);
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P2"});
        CHECK(run->reasons("P3") == Codes{"budget"});
        CHECK(run->reasons("P4") == Codes{"budget"});
        CHECK(run->reasons("P5") == Codes{"budget"});
        CHECK(run->message("P4") ==
              "the selection stopped at rank 3, whose award did not fit the budget left "
              "(budget_fit: stop)");
        CHECK(run->track().awarded_krw == 900 * M);
    }
    SECTION("stop: the country cap is checked before the budget, and does not stop") {
        auto run = fixtures::run(
            selection_track(
                "{min: 0, max: 5, budget_krw: 1100000000, budget_fit: stop, max_per_country: 1}"),
            {scored("P1", "90", "900000000", "VN"), scored("P2", "80", "500000000", "VN"),
             scored("P3", "70", "100000000", "TH"), scored("P4", "60", "200000000", "ID"),
             scored("P5", "50", "100000000", "PH")});
        CHECK(run->reasons("P2") == Codes{"country-cap"});
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P3"});
        CHECK(run->reasons("P4") == Codes{"budget"});
        CHECK(run->reasons("P5") == Codes{"budget"});  // stopped at rank 4, though it would fit
        CHECK_THAT(run->message("P5"), Catch::Contains("stopped at rank 4"));
    }
    SECTION("reduce: cut to the budget left when that is at least award.min_krw") {
        auto run = fixtures::run(track("reduce"), ps);
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P2", "P3"});
        CHECK(run->get("P3").award_krw == 100 * M);
        CHECK(run->get("P3").award_candidate == 400 * M);
        CHECK(run->reasons("P4") == Codes{"budget"});
        CHECK(run->track().awarded_krw == 1000 * M);
    }
    SECTION("reduce: else skipped") {
        ps[1].requested = "550000000";  // 50 million left after P1 and P2
        auto run = fixtures::run(track("reduce"), ps);
        CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P2"});
        CHECK(run->reasons("P3") == Codes{"budget"});
        CHECK(run->reasons("P4") == Codes{"budget"});
        CHECK(run->track().awarded_krw == 950 * M);
    }
    SECTION("reduce: exactly award.min_krw left") {
        ps[1].requested = "500000000";
        ps[2].requested = "100000001";
        auto run = fixtures::run(track("reduce"), ps);
        CHECK(run->get("P3").award_krw == 100 * M);
        CHECK(run->status("P4") == "not-selected");
    }
}

TEST_CASE("reserve: the first unselected candidates in rank order, whatever kept them out",
          "[select]") {
    std::vector<ProposalSpec> ps = {
        scored("P1", "90", "500000000", "VN"), scored("P2", "80", "300000000", "VN"),
        scored("P3", "70", "600000000", "TH"), scored("P4", "60", "400000000", "ID"),
        scored("P5", "50", "100000000", "PH"), scored("P6", "40", "100000000", "KH")};
    ProposalSpec low = scored("P0", "10", "100000000", "LA");  // below the threshold: never reserve
    ps.push_back(low);
    TrackSpec t =
        selection_track("{min: 0, max: 2, budget_krw: 1000000000, max_per_country: 1, reserve: 2}");
    t.extra = "threshold: 20\n";
    auto run = fixtures::run(t, ps);
    CHECK(with_status(*run, kcity::Status::selected) == Ids{"P1", "P4"});
    CHECK(with_status(*run, kcity::Status::reserve) == Ids{"P2", "P3"});
    CHECK(run->reasons("P2") == Codes{"country-cap"});
    CHECK(run->reasons("P3") == Codes{"budget"});
    CHECK(with_status(*run, kcity::Status::not_selected) == Ids{"P5", "P6"});
    CHECK(run->reasons("P5") == Codes{"quota"});
    CHECK(run->status("P0") == "below-threshold");

    SECTION("more reserve places than candidates left") {
        t.selection = "{min: 0, max: 2, budget_krw: 1000000000, max_per_country: 1, reserve: 10}";
        auto run2 = fixtures::run(t, ps);
        CHECK(with_status(*run2, kcity::Status::reserve) == Ids{"P2", "P3", "P5", "P6"});
        CHECK(with_status(*run2, kcity::Status::not_selected).empty());
    }
    SECTION("under optimal too") {
        kcity::RunOptions o;
        o.method = kcity::Method::optimal;
        auto run2 = fixtures::run(t, ps, "", o);
        // {P1, P4} = 150 and {P2, P3}... P2+P3 = 900 fits, 150 too: rank list 1,4 beats 2,3
        CHECK(with_status(*run2, kcity::Status::selected) == Ids{"P1", "P4"});
        CHECK(with_status(*run2, kcity::Status::reserve) == Ids{"P2", "P3"});
        CHECK(run2->reasons("P2") == Codes{"optimal"});
        CHECK(run2->track().method == kcity::Method::optimal);
    }
}

TEST_CASE("shortfall: every reason that applies, with its numbers", "[select]") {
    SECTION("candidates") {
        TrackSpec t = selection_track("{min: 4, max: 5, budget_krw: 4000000000}");
        ProposalSpec late = scored("P3", "90");
        late.submitted = "2023-06-01";
        auto run =
            fixtures::run(t, {scored("P1", "90"), scored("P2", "80", "400000000", "TH"), late});
        const auto& tr = run->track();
        CHECK(tr.shortfall);
        CHECK(tr.selected == 2);
        CHECK(shortfall_codes(tr) == Codes{"candidates"});
        CHECK(shortfall_message(tr, "candidates") ==
              "only 2 candidates, at least 4 needed: 3 received, 2 eligible, 2 scored, 2 passed "
              "the cut-offs and threshold");
        REQUIRE(run->result.warnings.size() == 1);
        CHECK(run->result.warnings[0].track == "t");
        CHECK(run->result.warnings[0].code == "shortfall");
        CHECK(run->result.warnings[0].message() == "2 selected, at least 4 required");
    }
    SECTION("candidates, with a withdrawal") {
        TrackSpec t = selection_track("{min: 4, max: 5, budget_krw: 4000000000}");
        t.extra = "threshold: 60\n";
        auto run = fixtures::run(t,
                                 {scored("P1", "90"), scored("P2", "80", "400000000", "TH"),
                                  scored("P3", "50", "400000000", "ID")},
                                 "withdrawn: [P1]\n");
        const auto& tr = run->track();
        CHECK(tr.selected == 1);
        CHECK(tr.candidates == 1);
        CHECK(tr.withdrawn == 1);
        CHECK(shortfall_codes(tr) == Codes{"candidates"});
        CHECK(shortfall_message(tr, "candidates") ==
              "only 1 candidate, at least 4 needed: 3 received, 3 eligible, 3 scored, 2 passed "
              "the cut-offs and threshold, 1 withdrawn");
    }
    SECTION("budget") {
        TrackSpec t = selection_track("{min: 3, max: 5, budget_krw: 1000000000}");
        auto run = fixtures::run(
            t, {scored("P1", "90", "400000000", "VN"), scored("P2", "80", "400000000", "TH"),
                scored("P3", "70", "400000000", "ID"), scored("P4", "60", "500000000", "PH")});
        const auto& tr = run->track();
        CHECK(tr.shortfall);
        CHECK(tr.selected == 2);
        CHECK(shortfall_codes(tr) == Codes{"budget"});
        CHECK(shortfall_message(tr, "budget") ==
              "the 3 cheapest candidates need KRW 1,200,000,000; KRW 1,000,000,000 is available");
    }
    SECTION("candidates and budget: fewer than `min`, and even those do not fit") {
        TrackSpec t = selection_track("{min: 3, max: 5, budget_krw: 700000000}");
        auto run = fixtures::run(t, {scored("P1", "90"), scored("P2", "80", "400000000", "TH")});
        const auto& tr = run->track();
        CHECK(tr.selected == 1);
        CHECK(shortfall_codes(tr) == Codes{"candidates", "budget"});
        CHECK(shortfall_message(tr, "budget") ==
              "the 2 candidates together need KRW 800,000,000; KRW 700,000,000 is available");
        // Fewer than `min` that fit the budget: the candidates alone keep it short.
        TrackSpec roomy = selection_track("{min: 3, max: 5, budget_krw: 800000000}");
        auto fits =
            fixtures::run(roomy, {scored("P1", "90"), scored("P2", "80", "400000000", "TH")});
        CHECK(shortfall_codes(fits->track()) == Codes{"candidates"});
    }
    SECTION("country-cap") {
        TrackSpec t =
            selection_track("{min: 3, max: 5, budget_krw: 4000000000, max_per_country: 1}");
        auto run = fixtures::run(
            t, {scored("P1", "90", "100000000", "VN"), scored("P2", "80", "100000000", "TH"),
                scored("P3", "70", "100000000", "VN"), scored("P4", "60", "100000000", "TH")});
        const auto& tr = run->track();
        CHECK(tr.shortfall);
        CHECK(shortfall_codes(tr) == Codes{"country-cap"});
        CHECK(shortfall_message(tr, "country-cap") ==
              "the candidates come from 2 countries, at most 1 each: at most 2 selections (capped: "
              "TH 2, VN 2)");
    }
    SECTION("budget and country-cap together") {
        TrackSpec t =
            selection_track("{min: 3, max: 5, budget_krw: 1000000000, max_per_country: 1}");
        auto run = fixtures::run(
            t, {scored("P1", "90", "400000000", "VN"), scored("P2", "80", "400000000", "TH"),
                scored("P3", "70", "400000000", "VN"), scored("P4", "60", "400000000", "TH")});
        CHECK(shortfall_codes(run->track()) == Codes{"budget", "country-cap"});
    }
    SECTION("merit-order") {
        TrackSpec t = selection_track("{min: 2, max: 5, budget_krw: 1000000000}");
        std::vector<ProposalSpec> ps = {scored("P1", "90", "700000000", "VN"),
                                        scored("P2", "80", "400000000", "TH"),
                                        scored("P3", "70", "400000000", "ID")};
        auto run = fixtures::run(t, ps);
        const auto& tr = run->track();
        CHECK(tr.shortfall);
        CHECK(tr.selected == 1);
        CHECK(shortfall_codes(tr) == Codes{"merit-order"});
        CHECK(shortfall_message(tr, "merit-order") ==
              "a feasible set of 2 exists (ranks 2, 3), but the rank-order walk selected 1");

        // the same call under optimal reaches min
        kcity::RunOptions o;
        o.method = kcity::Method::optimal;
        auto opt = fixtures::run(t, ps, "", o);
        CHECK_FALSE(opt->track().shortfall);
        CHECK(with_status(*opt, kcity::Status::selected) == Ids{"P2", "P3"});
        CHECK(opt->reasons("P1") == Codes{"optimal"});
        CHECK(opt->message("P1") == "not part of the optimal set of selections");
        CHECK(opt->result.warnings.empty());
    }
    SECTION("no set of min fits the budget within the country cap") {
        TrackSpec t =
            selection_track("{min: 2, max: 5, budget_krw: 1000000000, max_per_country: 1}");
        auto run = fixtures::run(
            t, {scored("P1", "90", "500000000", "VN"), scored("P2", "80", "800000000", "TH"),
                scored("P3", "70", "300000000", "VN")});
        const auto& tr = run->track();
        CHECK(tr.shortfall);
        CHECK(shortfall_codes(tr) == Codes{"budget"});
        CHECK(shortfall_message(tr, "budget") ==
              "no set of 2 candidates fits the budget of KRW 1,000,000,000 within the country cap");
    }
    SECTION("no shortfall when min is reached") {
        TrackSpec t = selection_track("{min: 2, max: 5, budget_krw: 1000000000}");
        auto run = fixtures::run(
            t, {scored("P1", "90", "500000000"), scored("P2", "80", "500000000", "TH")});
        CHECK_FALSE(run->track().shortfall);
        CHECK(run->track().shortfall_reasons.empty());
        CHECK(run->result.warnings.empty());
    }
}

TEST_CASE("optimal: five of 75 beat four of 90 when max allows five", "[select][optimal]") {
    std::vector<Candidate> c;
    for (int i = 1; i <= 4; ++i)
        c.push_back(cand(i, "90", 500 * M, std::string("C") + std::to_string(i)));
    for (int i = 5; i <= 9; ++i)
        c.push_back(cand(i, "75", 400 * M, std::string("C") + std::to_string(i)));
    // four 90s cost 2,000M (360); five 75s cost 2,000M (375); a mix of five does not fit
    CHECK(kcity::choose_optimal(c, rules(4, 5, 2000 * M)) == Indices{4, 5, 6, 7, 8});
    CHECK(kcity::choose_optimal(c, rules(0, 5, 2000 * M)) == Indices{4, 5, 6, 7, 8});
    // with max 4 the four 90s win
    CHECK(kcity::choose_optimal(c, rules(4, 4, 2000 * M)) == Indices{0, 1, 2, 3});
    // with a little more budget, three 90s and two 75s
    CHECK(kcity::choose_optimal(c, rules(4, 5, 2300 * M)) == Indices{0, 1, 2, 4, 5});
}

TEST_CASE("optimal: reaching min comes before the total score", "[select][optimal]") {
    std::vector<Candidate> c = {cand(1, "90", 900 * M, "VN"), cand(2, "20", 300 * M, "TH"),
                                cand(3, "20", 300 * M, "ID"), cand(4, "20", 300 * M, "PH")};
    // {1} has 90 points, {2, 3, 4} only 60, but reaches min 3
    CHECK(kcity::choose_optimal(c, rules(3, 5, 1000 * M)) == Indices{1, 2, 3});
    // min 4 cannot be reached: as many as any set can (3)
    CHECK(kcity::choose_optimal(c, rules(4, 5, 1000 * M)) == Indices{1, 2, 3});
    // min 1: the total decides
    CHECK(kcity::choose_optimal(c, rules(1, 5, 1000 * M)) == Indices{0});
    // min 2: {2, 3} and {2, 4}, {3, 4} reach it with 40; {2, 3, 4} with 60
    CHECK(kcity::choose_optimal(c, rules(2, 5, 1000 * M)) == Indices{1, 2, 3});
}

TEST_CASE("optimal: the rank-list rule breaks ties of count and total", "[select][optimal]") {
    SECTION("the first smaller rank wins") {
        // {1, 4} and {2, 3} both total 140; {1, 2} and {1, 3} do not fit
        std::vector<Candidate> c = {cand(1, "80", 600 * M, "A1"), cand(2, "70", 500 * M, "A2"),
                                    cand(3, "70", 500 * M, "A3"), cand(4, "60", 400 * M, "A4")};
        CHECK(kcity::choose_optimal(c, rules(2, 2, 1000 * M)) == Indices{0, 3});
    }
    SECTION("equal scores: the better ranks") {
        std::vector<Candidate> c = {cand(1, "70", 100 * M, "A1"), cand(2, "70", 100 * M, "A2"),
                                    cand(3, "70", 100 * M, "A3")};
        CHECK(kcity::choose_optimal(c, rules(1, 2, 1000 * M)) == Indices{0, 1});
        CHECK(kcity::choose_optimal(c, rules(1, 1, 1000 * M)) == Indices{0});
    }
    SECTION("a list that is a prefix of the other wins: a zero score adds nothing") {
        std::vector<Candidate> c = {cand(1, "80", 100 * M, "A1"), cand(2, "0", 100 * M, "A2")};
        CHECK(kcity::choose_optimal(c, rules(1, 2, 1000 * M)) == Indices{0});
        CHECK(kcity::choose_optimal(c, rules(0, 2, 1000 * M)) == Indices{0});
        // ... unless it is needed to reach min
        CHECK(kcity::choose_optimal(c, rules(2, 2, 1000 * M)) == Indices{0, 1});
    }
    SECTION("a negative score is left out unless needed for min") {
        std::vector<Candidate> c = {cand(1, "5", 100 * M, "A1"), cand(2, "-1.5", 100 * M, "A2")};
        CHECK(kcity::choose_optimal(c, rules(1, 2, 1000 * M)) == Indices{0});
        CHECK(kcity::choose_optimal(c, rules(2, 2, 1000 * M)) == Indices{0, 1});
    }
    SECTION("nothing to choose") {
        CHECK(kcity::choose_optimal({}, rules(2, 5, 1000 * M)).empty());
        std::vector<Candidate> c = {cand(1, "80", 2000 * M, "A1")};
        CHECK(kcity::choose_optimal(c, rules(1, 5, 1000 * M)).empty());
    }
    SECTION("the country cap") {
        std::vector<Candidate> c = {cand(1, "90", 100 * M, "VN"), cand(2, "85", 100 * M, "VN"),
                                    cand(3, "50", 100 * M, "TH"), cand(4, "40", 100 * M, "VN")};
        CHECK(kcity::choose_optimal(c, rules(2, 3, 1000 * M, 1)) == Indices{0, 2});
        CHECK(kcity::choose_optimal(c, rules(2, 3, 1000 * M, 2)) == Indices{0, 1, 2});
    }
}

namespace {

// SPEC §6 step 8 `optimal`, literally, over every feasible set (at most `max` members, awards
// within the budget, at most `max_per_country` per country): (1) sets that reach `min` if any
// set can, else sets of the largest count; (2) among them the largest total; (3) among those
// the rank lists sorted ascending, compared element by element, a prefix first.
class BruteForce {
  public:
    BruteForce(const std::vector<Candidate>& c, const SelectionRules& s) : c_(c), s_(s) {
        std::vector<std::string> names;
        for (const auto& x : c) {
            auto it = std::find(names.begin(), names.end(), x.country);
            country_.push_back(static_cast<std::size_t>(it - names.begin()));
            if (it == names.end()) names.push_back(x.country);
        }
        per_country_.assign(names.size(), 0);
    }

    Indices run() {
        // (1) whether some set reaches min, and the largest count
        bool reachable = false;
        int most = 0;
        each_feasible([&](const Indices& set, std::int64_t) {
            reachable = reachable || static_cast<int>(set.size()) >= s_.min;
            most = std::max(most, static_cast<int>(set.size()));
        });
        auto in_pool = [&](const Indices& set) {
            return reachable ? static_cast<int>(set.size()) >= s_.min
                             : static_cast<int>(set.size()) == most;
        };
        // (2) then (3)
        std::optional<std::int64_t> best_total;
        Indices best;
        std::vector<int> best_ranks;
        each_feasible([&](const Indices& set, std::int64_t total) {
            if (!in_pool(set) || (best_total && total < *best_total)) return;
            std::vector<int> ranks;
            for (std::size_t i : set) ranks.push_back(c_[i].rank);
            std::sort(ranks.begin(), ranks.end());
            if (!best_total || total > *best_total ||
                std::lexicographical_compare(ranks.begin(), ranks.end(), best_ranks.begin(),
                                             best_ranks.end())) {
                best_total = total;
                best = set;
                best_ranks = std::move(ranks);
            }
        });
        return best;
    }

  private:
    template <class F>
    void each_feasible(F&& visit) {
        chosen_.clear();
        extend(0, 0, 0, visit);
    }

    template <class F>
    void extend(std::size_t from, Krw spent, std::int64_t total, F& visit) {
        visit(chosen_, total);
        if (static_cast<int>(chosen_.size()) >= s_.max) return;
        for (std::size_t i = from; i < c_.size(); ++i) {
            if (spent + c_[i].award > s_.budget_krw) continue;
            if (s_.max_per_country && per_country_[country_[i]] >= *s_.max_per_country) continue;
            chosen_.push_back(i);
            ++per_country_[country_[i]];
            extend(i + 1, spent + c_[i].award, total + c_[i].score.units, visit);
            --per_country_[country_[i]];
            chosen_.pop_back();
        }
    }

    const std::vector<Candidate>& c_;
    const SelectionRules& s_;
    std::vector<std::size_t> country_;
    std::vector<int> per_country_;
    Indices chosen_;
};

Indices brute_force(const std::vector<Candidate>& c, const SelectionRules& s) {
    return BruteForce(c, s).run();
}

std::string describe(const std::vector<Candidate>& c, const SelectionRules& s) {
    std::string out = "min " + std::to_string(s.min) + " max " + std::to_string(s.max) +
                      " budget " + krw(s.budget_krw) + " cap " +
                      (s.max_per_country ? std::to_string(*s.max_per_country) : "none") + "\n";
    for (const auto& x : c)
        out += "  rank " + std::to_string(x.rank) + " score " +
               kcity::format_decimal_short(x.score) + " award " + krw(x.award) + " " + x.country +
               "\n";
    return out;
}

// Random instances whose features are each common: scores with many ties (steps of 2.5, a few
// values, or realistic hundredths), now and then zero or negative (penalties without a
// threshold); awards in odd won, in round amounts, or all equal; few countries; budgets in odd
// won, sometimes exactly the cost of some set or of all; min from 0 to above max.
class Generator {
  public:
    explicit Generator(std::uint32_t seed) : rng_(seed) {}

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

    std::vector<Candidate> candidates(int n) {
        const int score_kind = uniform(0, 2), award_kind = uniform(0, 3);
        std::vector<std::int64_t> scores;
        for (int i = 0; i < n; ++i) {
            std::int64_t units = score_kind == 0   ? uniform(0, 16) * 25000
                                 : score_kind == 1 ? (80 + 5 * uniform(0, 2)) * 10000
                                                   : uniform(7000, 9500) * 100;
            if (uniform(0, 9) == 0) units = uniform(-3, 0) * 5000;
            scores.push_back(units);
        }
        std::sort(scores.rbegin(), scores.rend());
        const int country_count = uniform(1, 5);
        std::vector<Candidate> c;
        for (int i = 0; i < n; ++i) {
            Krw award = award_kind == 0 ? Krw{100 + 50 * uniform(0, 8)} * M
                        : award_kind == 1
                            ? 300 * M
                            : Krw{100} * M + Krw{uniform(0, 400'000)} * 1'001 + uniform(0, 999);
            c.push_back({i + 1, Decimal{scores[static_cast<std::size_t>(i)]}, award,
                         std::string(1, static_cast<char>('A' + uniform(0, country_count - 1)))});
        }
        return c;
    }

    SelectionRules rules(const std::vector<Candidate>& c, int max_hi) {
        SelectionRules s;
        s.min = uniform(0, 6);
        s.max = std::clamp(s.min + uniform(-2, 3), 0, max_hi);
        Krw all = 0, some = 0;
        for (const auto& x : c) {
            all += x.award;
            if (uniform(0, 2) == 0) some += x.award;
        }
        const int kind = uniform(0, 9);
        s.budget_krw = kind == 0   ? all
                       : kind == 1 ? some
                       : kind == 2 ? 0
                                   : Krw{uniform(0, 2'500)} * M + uniform(0, 999'999);
        if (uniform(0, 2) != 0) s.max_per_country = uniform(1, 3);
        s.method = kcity::Method::optimal;
        return s;
    }

  private:
    std::mt19937 rng_;
};

}  // namespace

TEST_CASE("optimal: equals a brute force over all subsets on random small instances",
          "[select][optimal][property]") {
    Generator gen(20230610);
    int reaching_min = 0, short_of_min = 0, nonempty = 0, capped = 0, fewer_than_max = 0;
    for (int round = 0; round < 10000; ++round) {
        const auto c = gen.candidates(gen.uniform(0, 14));
        const auto s = gen.rules(c, 9);
        Indices expected = brute_force(c, s);
        kcity::OptimalStats stats;
        Indices got = kcity::choose_optimal(c, s, &stats);
        INFO("round " << round << "\n" << describe(c, s));
        REQUIRE(got == expected);
        REQUIRE(stats.kept <= stats.candidates);
        const int k = static_cast<int>(expected.size());
        if (s.min > 0) ++(k >= s.min ? reaching_min : short_of_min);
        if (k > 0) ++nonempty;
        if (k > 0 && k < s.max) ++fewer_than_max;
        if (s.max_per_country) ++capped;
    }
    // Both sides of rule (1), non-trivial sets, caps, and sets that stop short of max.
    CHECK(reaching_min > 2000);
    CHECK(short_of_min > 1000);
    CHECK(nonempty > 5000);
    CHECK(capped > 5000);
    CHECK(fewer_than_max > 1000);
}

TEST_CASE("optimal: equals a brute force with up to 40 candidates and small quotas",
          "[select][optimal][property]") {
    // Many candidates for few places: domination, the counts and the bounds all have work.
    Generator gen(4);
    for (int round = 0; round < 1000; ++round) {
        const auto c = gen.candidates(gen.uniform(15, 40));
        const auto s = gen.rules(c, 4);
        INFO("round " << round << "\n" << describe(c, s));
        REQUIRE(kcity::choose_optimal(c, s) == brute_force(c, s));
    }
}

TEST_CASE("optimal: equal totals are decided by the rank list", "[select][optimal][property]") {
    // All candidates score the same: every set of a count ties, so rule (3) alone decides.
    Generator gen(7);
    for (int round = 0; round < 500; ++round) {
        auto c = gen.candidates(gen.uniform(1, 14));
        for (auto& x : c) x.score = Decimal::from_int(gen.uniform(0, 1) ? 80 : 0);
        std::sort(c.begin(), c.end(),
                  [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        for (std::size_t i = 0; i < c.size(); ++i) c[i].rank = static_cast<int>(i) + 1;
        const auto s = gen.rules(c, 9);
        INFO("round " << round << "\n" << describe(c, s));
        REQUIRE(kcity::choose_optimal(c, s) == brute_force(c, s));
    }
}

TEST_CASE("optimal: dominated candidates are dropped before the search", "[select][optimal]") {
    // Ranks 3.. each have two better-ranked, cheaper candidates: with max 2 they never matter.
    std::vector<Candidate> c;
    for (int i = 1; i <= 50; ++i)
        c.push_back(cand(i, std::to_string(100 - i).c_str(), Krw{100 + i} * M,
                         std::string("C") + std::to_string(i)));
    kcity::OptimalStats stats;
    CHECK(kcity::choose_optimal(c, rules(2, 2, 1000 * M), &stats) == Indices{0, 1});
    CHECK(stats.candidates == 50);
    CHECK(stats.kept == 2);
    // With a cap of one per country and every candidate in the same country, only rank 1.
    for (auto& x : c) x.country = "VN";
    CHECK(kcity::choose_optimal(c, rules(2, 2, 1000 * M, 1), &stats) == Indices{0});
    CHECK(stats.kept == 1);
}

TEST_CASE("optimal: extreme values neither overflow nor lose exactness", "[select][optimal]") {
    // Scores near the largest a Decimal parses (10^12 points), awards near 10^15 won.
    const Krw big = kcity::max_krw;
    std::vector<Candidate> c = {
        {1, Decimal{9'000'000'000'000'000}, big / 2, "A"},
        {2, Decimal{8'999'999'999'999'999}, big / 3, "B"},
        {3, Decimal{8'999'999'999'999'998}, big / 3, "C"},
        {4, Decimal{-9'000'000'000'000'000}, 1, "D"},
    };
    CHECK(kcity::choose_optimal(c, rules(2, 3, big)) == brute_force(c, rules(2, 3, big)));
    CHECK(kcity::choose_optimal(c, rules(4, 4, big)) == Indices{0, 1, 3});
    // A budget of 0 admits only free candidates; a max of 0 only the empty set.
    c[3].award = 0;
    CHECK(kcity::choose_optimal(c, rules(1, 3, 0)) == Indices{3});
    CHECK(kcity::choose_optimal(c, rules(1, 0, big)).empty());
}

TEST_CASE("pipeline: every track is selected, --track narrows the report", "[select]") {
    TrackSpec a = selection_track("{min: 2, max: 2, budget_krw: 2000000000}");
    a.id = "a";
    TrackSpec b = selection_track("{min: 2, max: 2, budget_krw: 2000000000}");
    b.id = "b";
    ProposalSpec a1 = scored("A1", "90"), b1 = scored("B1", "80"),
                 b2 = scored("B2", "70", "400000000", "TH");
    a1.track = "a";
    b1.track = "b";
    b2.track = "b";
    fixtures::CallSpec spec;
    spec.program = fixtures::program_yaml("[b, a]");
    spec.tracks = {a.file(), b.file()};
    spec.proposals = {fixtures::documents({b2, a1, b1})};

    auto all = fixtures::run(spec);
    REQUIRE(all->result.tracks.size() == 2);
    CHECK(all->result.tracks[0].rules->id == "b");  // program.yaml's order
    CHECK(all->result.tracks[1].rules->id == "a");
    CHECK(all->result.proposal_count == 3);
    CHECK(all->order("b") == Ids{"B1", "B2"});
    CHECK(all->track("a").shortfall);
    CHECK_FALSE(all->track("b").shortfall);
    REQUIRE(all->result.warnings.size() == 1);
    CHECK(all->result.warnings[0].track == "a");

    spec.options.track = "b";
    auto narrow = fixtures::run(spec);
    REQUIRE(narrow->result.tracks.size() == 1);
    CHECK(narrow->result.tracks[0].rules->id == "b");
    CHECK(narrow->result.warnings.empty());
    CHECK(narrow->status("B2") == "selected");
}
