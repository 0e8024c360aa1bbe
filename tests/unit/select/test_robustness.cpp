// kcity robustness (SPEC §9): the draws against SHA-256 vectors computed with sha256sum, a call
// of three proposals worked by hand, the real run reproduced, threads, and the classes.
#include <cstdlib>
#include <set>

#include "../fixtures.hpp"
#include "kcity/report/render.hpp"
#include "kcity/report/robustness.hpp"
#include "kcity/select/robustness.hpp"

using namespace kcity;

namespace {

const RobustProposal& find(const RobustTrack& t, std::string_view id) {
    for (const auto& p : t.proposals)
        if (p.real->proposal->id == id) return p;
    FAIL("no proposal " << id);
    throw std::logic_error("unreachable");
}

// Three proposals, two reviews each (R1, R2), the mean, one selection:
//   P1: R1 90, R2 50 (70)   P2: R1 68, R2 68 (68)   P3: R1 60, R2 40 (50)
std::unique_ptr<fixtures::Run> three() {
    fixtures::TrackSpec t;
    t.panel = "{min_reviewers: 2, aggregate: mean}";
    t.selection = "{min: 1, max: 1, budget_krw: 4000000000}";
    std::vector<fixtures::ProposalSpec> ps(3);
    ps[0].id = "P1";
    ps[0].reviews = fixtures::reviews({"a: 90", "a: 50"});
    ps[1].id = "P2";
    ps[1].reviews = fixtures::reviews({"a: 68", "a: 68"});
    ps[2].id = "P3";
    ps[2].reviews = fixtures::reviews({"a: 60", "a: 40"});
    return fixtures::run(t, ps);
}

}  // namespace

TEST_CASE("robustness draws are SHA-256 of seed, run, kind, A, B as sha256sum gives them",
          "[robustness]") {
    // printf 'kcity\n1\nreview\nP1\n1' | sha256sum → e08f02dcc5819398 6849d6c6…
    CHECK(robustness_draw("kcity", 1, "review", "P1", "1") == 0xe08f02dcc5819398ULL);
    // printf 'K-City 2023\n7\nweight\nplanning\nimportance' | sha256sum → e53174b132e5b7b7 fa19…
    CHECK(robustness_draw("K-City 2023", 7, "weight", "planning", "importance") ==
          0xe53174b132e5b7b7ULL);
    CHECK(draw_index(0, 5) == 0);
    CHECK(draw_index(~0ULL, 5) == 4);
    CHECK(draw_index(0xe08f02dcc5819398ULL, 2) == 1);
    // q = ⌊u·20001 / 2^64⌋ − 10000 = 7906: factor 1 + 10/100 × 7906/10000 = 53953/50000.
    CHECK(weight_factor(0xe53174b132e5b7b7ULL, Decimal::from_int(10)) == Rational(53953, 50000));
    CHECK(weight_factor(0, Decimal::from_int(50)) == Rational(1, 2));
    CHECK(weight_factor(~0ULL, Decimal::from_int(50)) == Rational(3, 2));
}

TEST_CASE("robustness: shares, classes and percentiles by SPEC §9's arithmetic", "[robustness]") {
    CHECK(share_tenths(7, 8) == 875);
    CHECK(share_tenths(1, 3) == 333);
    CHECK(share_tenths(2, 3) == 667);
    CHECK(share_tenths(1, 16) == 63);  // 6.25 → 6.3, half away from zero
    CHECK(share_text(875) == "87.5%");
    CHECK(share_text(5) == "0.5%");
    CHECK(robust_class(95, 100) == RobustClass::secure);
    CHECK(robust_class(94, 100) == RobustClass::borderline);
    CHECK(robust_class(6, 100) == RobustClass::borderline);
    CHECK(robust_class(5, 100) == RobustClass::out);
    CHECK(robust_class(1, 1) == RobustClass::secure);
    std::vector<int> ranks = {1, 1, 1, 1, 1, 1, 1, 3};
    CHECK(percentile_at(ranks, 5) == 1);   // position ⌈0.4⌉ = 1
    CHECK(percentile_at(ranks, 50) == 1);  // position 4
    CHECK(percentile_at(ranks, 95) == 3);  // position ⌈7.6⌉ = 8
    CHECK(percentile_at({7}, 5) == 7);
}

TEST_CASE("robustness on three proposals, worked by hand", "[robustness]") {
    // Draws (index into the reviews by reviewer id, R1 = 0, R2 = 1), runs 1 to 8:
    //   P1: 1,0 | 0,0 | 0,1 | 0,1 | 0,1 | 0,1 | 1,1 | 0,1   → 70 90 70 70 70 70 50 70
    //   P2: 0,0 | 1,0 | 0,0 | 0,1 | 1,0 | 0,0 | 1,1 | 0,0   → 68 in every run
    //   P3: 1,1 | 0,1 | 1,1 | 0,0 | 1,0 | 0,0 | 0,0 | 0,0   → 40 50 40 60 50 60 60 60
    // P1 is selected except in run 7 (50 < 68), where P2 is, and P3 ranks second.
    auto run = three();
    RobustnessOptions o;
    o.runs = 8;
    Robustness r = run_robustness(run->call, o);
    REQUIRE(r.tracks.size() == 1);
    const RobustTrack& t = r.tracks[0];
    REQUIRE(t.proposals.size() == 3);
    const auto& p1 = find(t, "P1");
    CHECK(p1.selected_runs == 7);
    CHECK(p1.share_tenths == 875);
    CHECK(p1.rank_p5 == 1);
    CHECK(p1.rank_p50 == 1);
    CHECK(p1.rank_p95 == 3);
    CHECK(p1.cls == RobustClass::borderline);
    const auto& p2 = find(t, "P2");
    CHECK(p2.selected_runs == 1);
    CHECK(p2.rank_p5 == 1);
    CHECK(p2.rank_p50 == 2);
    CHECK(p2.rank_p95 == 2);
    CHECK(p2.cls == RobustClass::borderline);
    const auto& p3 = find(t, "P3");
    CHECK(p3.selected_runs == 0);
    CHECK(p3.rank_p5 == 2);
    CHECK(p3.rank_p50 == 3);
    CHECK(p3.rank_p95 == 3);
    CHECK(p3.cls == RobustClass::out);
    CHECK(t.secure == 0);
    REQUIRE(t.borderline.size() == 2);
    CHECK(t.proposals[t.borderline[0]].real->proposal->id == "P1");
    CHECK(t.proposals[t.borderline[1]].real->proposal->id == "P2");
    CHECK(t.against_odds.empty());
}

TEST_CASE("robustness: a pair ordered against the odds", "[robustness]") {
    // Seed "seed0", run 1: P1's draws are c2f99dbf… and 86115728…, both ≥ 2^63, so R2 twice:
    // P1 scores 50 and P2 (68) is selected in the one run, P1 in none.
    auto run = three();
    RobustnessOptions o;
    o.runs = 1;
    o.seed = "seed0";
    CHECK(robustness_draw("seed0", 1, "review", "P1", "1") == 0xc2f99dbf7d55b157ULL);
    CHECK(robustness_draw("seed0", 1, "review", "P1", "2") == 0x86115728b9b04eeaULL);
    Robustness r = run_robustness(run->call, o);
    const RobustTrack& t = r.tracks[0];
    CHECK(find(t, "P1").selected_runs == 0);
    CHECK(find(t, "P2").selected_runs == 1);
    REQUIRE(t.against_odds.size() == 1);
    CHECK(t.proposals[t.against_odds[0].first].real->proposal->id == "P1");
    CHECK(t.proposals[t.against_odds[0].second].real->proposal->id == "P2");
    CHECK(t.secure == 0);
}

TEST_CASE("robustness: one run, no resampling, no weights, is the real run", "[robustness]") {
    fixtures::TrackSpec t;
    t.panel = "{min_reviewers: 3, aggregate: trimmed-mean, trim: 1}";
    t.selection = "{min: 2, max: 3, budget_krw: 1000000000, max_per_country: 1, reserve: 1}";
    std::vector<fixtures::ProposalSpec> ps;
    const char* countries[] = {"VN", "VN", "TH", "KH", "LA", "TH"};
    for (int i = 0; i < 6; ++i) {
        fixtures::ProposalSpec p;
        p.id = "P" + std::to_string(i);
        p.country = countries[i];
        p.requested = i % 2 ? "300000000" : "450000000";
        p.reviews = fixtures::reviews({"a: " + std::to_string(60 + 5 * i),
                                       "a: " + std::to_string(90 - 7 * i), "a: 70", "a: 71"});
        ps.push_back(p);
    }
    auto run = fixtures::run(t, ps);
    for (Method m : {Method::merit, Method::optimal}) {
        RobustnessOptions o;
        o.runs = 1;
        o.resample = false;
        o.method = m;
        Robustness r = run_robustness(run->call, o);
        RunOptions real;
        real.method = m;
        Result direct = run_selection(run->call, real);
        for (const auto& p : r.tracks[0].proposals) {
            bool selected = false;
            for (const auto& d : direct.tracks[0].proposals)
                if (d.proposal == p.real->proposal) {
                    selected = d.status == Status::selected;
                    CHECK(p.rank_p50 == d.rank);
                }
            CHECK(p.selected_runs == (selected ? 1 : 0));
            CHECK(p.cls == (selected ? RobustClass::secure : RobustClass::out));
        }
    }
}

TEST_CASE("robustness: the same report with 1 thread and with 2", "[robustness][parallel]") {
    auto run = three();
    RobustnessOptions o;
    o.runs = 300;
    o.weights_percent = Decimal::from_int(20);
    auto report = [&](const char* threads) {
        setenv("KCITY_THREADS", threads, 1);
        std::string json = render_robustness(run_robustness(run->call, o), Format::json, Lang::en);
        unsetenv("KCITY_THREADS");
        return json;
    };
    std::string one = report("1");
    CHECK(one == report("2"));
    CHECK(one == report("3"));
}

TEST_CASE("robustness: the classes follow the shares", "[robustness]") {
    // Many proposals close together, so that every class turns up: whatever the shares, a
    // proposal is secure exactly when its share is at least 95%, out at most 5%, and the
    // secure count and the borderline list are read from the classes.
    fixtures::TrackSpec t;
    t.panel = "{min_reviewers: 3, aggregate: mean}";
    t.selection = "{min: 3, max: 4, budget_krw: 4000000000}";
    std::vector<fixtures::ProposalSpec> ps;
    for (int i = 0; i < 12; ++i) {
        fixtures::ProposalSpec p;
        p.id = "P" + std::to_string(10 + i);
        // Two sure winners (secure), two sure losers (out), eight close ones between them.
        if (i < 2 || i >= 10) {
            std::string s = i < 2 ? "a: 99" : "a: 10";
            p.reviews = fixtures::reviews({s, s, s});
        } else {
            p.reviews = fixtures::reviews({"a: " + std::to_string(95 - 3 * i),
                                           "a: " + std::to_string(60 + (i * 7) % 20),
                                           "a: " + std::to_string(70 - i)});
        }
        ps.push_back(p);
    }
    auto run = fixtures::run(t, ps);
    RobustnessOptions o;
    o.runs = 97;
    o.seed = "classes";
    Robustness r = run_robustness(run->call, o);
    const RobustTrack& tr = r.tracks[0];
    int secure = 0, total = 0;
    std::vector<std::size_t> borderline;
    std::set<RobustClass> seen;
    for (std::size_t i = 0; i < tr.proposals.size(); ++i) {
        const auto& p = tr.proposals[i];
        total += static_cast<int>(p.selected_runs);
        seen.insert(p.cls);
        const RobustClass expected = p.selected_runs * 100 >= 95 * 97  ? RobustClass::secure
                                     : p.selected_runs * 100 <= 5 * 97 ? RobustClass::out
                                                                       : RobustClass::borderline;
        CHECK(p.cls == expected);
        CHECK(p.share_tenths == (2000 * p.selected_runs + 97) / (2 * 97));
        if (p.cls == RobustClass::secure && p.real->status == Status::selected) ++secure;
        if (p.cls == RobustClass::borderline) borderline.push_back(i);
        CHECK(p.rank_p5 <= p.rank_p50);
        CHECK(p.rank_p50 <= p.rank_p95);
    }
    CHECK(total == 4 * 97);  // four selected in every run
    CHECK(tr.secure == secure);
    CHECK(tr.borderline == borderline);
    CHECK(seen.size() == 3);
}

TEST_CASE("score --robustness: the share beside each status is the analysis's", "[robustness]") {
    auto run = three();
    RobustnessOptions o;
    o.runs = 8;
    o.weights_percent = Decimal::from_int(5);
    const Robustness analysis = run_robustness(run->call, o);
    const Result result = real_with_shares(analysis);
    REQUIRE(result.robustness);
    CHECK(result.robustness->runs == 8);
    CHECK(result.robustness->seed == "kcity");
    CHECK(result.robustness->resample);
    CHECK(result.robustness->weights_percent == Decimal::from_int(5));
    REQUIRE(result.tracks.size() == 1);
    const TrackResult& tr = result.tracks[0];
    const RobustTrack& t = analysis.tracks[0];
    REQUIRE(tr.shares.size() == t.proposals.size());
    for (const RobustProposal& p : t.proposals) {
        const ProposalResult* shown = nullptr;
        for (const auto& r : tr.proposals)
            if (r.proposal == p.real->proposal) shown = &r;
        REQUIRE(shown);
        CHECK(shown->status == p.real->status);
        const RunShare* share = tr.share(*shown);
        REQUIRE(share);
        CHECK(share->selected_runs == p.selected_runs);
        CHECK(share->share_tenths == p.share_tenths);
        CHECK(share->cls == p.cls);
    }
    // P1, selected in 7 of the 8 runs as worked by hand above when only reviewers are drawn;
    // the weights of a one-criterion track move every score alike, so the same here.
    const RunShare* p1 = tr.share(tr.proposals[0]);
    REQUIRE(p1);
    CHECK(tr.proposals[0].proposal->id == "P1");
    CHECK(p1->selected_runs == 7);
    CHECK(run_share_text(*p1, Lang::en) == "87.5% borderline");
    CHECK(run_share_text(*p1, Lang::ko) == "87.5% 경계");
    // Every format of the selection report shows it; without --robustness none does.
    CHECK(render_json(result).find("\"robustness\": {\"selected_runs\": 7, \"share\": 87.5, "
                                   "\"class\": \"borderline\"}") != std::string::npos);
    CHECK(render_text(result).find("87.5% borderline") != std::string::npos);
    CHECK(render_markdown(result).find("| 87.5% borderline |") != std::string::npos);
    CHECK(render_csv(result, Lang::en, false).find(",7,87.5,borderline\r\n") != std::string::npos);
    CHECK(render_html(result).find(">87.5% borderline</td>") != std::string::npos);
    for (Format f : {Format::text, Format::markdown, Format::json, Format::csv, Format::html})
        CHECK(render_report(run->result, f, Lang::en).find("87.5%") == std::string::npos);
}
