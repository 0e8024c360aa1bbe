// `kcity diff`'s because lines: values found by the diff stage in the two runs and the current
// run's trace, written by the report stage in English and Korean.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/diff/diff.hpp"
#include "kcity/report/diff.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;
using kcity::Because;
using kcity::Lang;

namespace {

// The same proposals under two tracks' rules, diffed as `kcity diff` does (diff_runs).
struct Compared {
    std::unique_ptr<fixtures::Run> old_call, new_call;
    kcity::Result new_result;
    kcity::DiffResult diff;

    const kcity::ProposalChange& change(const std::string& id) const {
        for (const auto& t : diff.tracks)
            for (const auto& c : t.changes)
                if (c.id == id) return c;
        FAIL("no change of " << id);
        throw std::logic_error("unreachable");
    }
    std::string because(const std::string& id, Lang lang = Lang::en) const {
        const auto& c = change(id);
        REQUIRE(c.because);
        return kcity::because_text(*c.because, lang);
    }
    bool traced(const std::string& id) const {
        for (const auto& t : new_result.tracks)
            for (const auto& p : t.proposals)
                if (p.proposal->id == id) return p.trace != nullptr;
        return false;
    }
};

std::unique_ptr<fixtures::Run> load(const TrackSpec& t, const std::vector<ProposalSpec>& ps) {
    fixtures::CallSpec spec;
    spec.tracks = {t.file()};
    spec.proposals = {fixtures::documents(ps)};
    auto run = fixtures::load(spec);
    INFO(run->errors());
    REQUIRE_FALSE(run->diags.has_errors());
    return run;
}

std::unique_ptr<Compared> compare(const TrackSpec& old_track, const TrackSpec& new_track,
                                  const std::vector<ProposalSpec>& ps) {
    auto c = std::make_unique<Compared>();
    c->old_call = load(old_track, ps);
    c->new_call = load(new_track, ps);
    c->diff = kcity::diff_runs(c->old_call->call, c->new_call->call, {}, c->new_result);
    return c;
}

TrackSpec with_selection(const std::string& selection,
                         const std::string& award = "{min_krw: 100000000, max_krw: 1000000000}") {
    TrackSpec t;
    t.award = award;
    t.selection = selection;
    return t;
}

}  // namespace

TEST_CASE("diff: an award capped at award.max_krw, as the trace's award check says", "[diff]") {
    auto c = compare(
        with_selection("{min: 0, max: 5, budget_krw: 4000000000}"),
        with_selection("{min: 0, max: 5, budget_krw: 4000000000}",
                       "{min_krw: 100000000, max_krw: 450000000}"),
        {fixtures::scored("P1", "90", "480000000"), fixtures::scored("P2", "80", "400000000")});
    CHECK(c->change("P1").because->kind == Because::Kind::award_capped);
    CHECK(c->because("P1") == "award: capped at award.max_krw KRW 450,000,000");
    CHECK(c->because("P1", Lang::ko) ==
          "지원액: 최대 지원액(award.max_krw) 4억 5,000만원으로 조정");
    // The base run's selected are traced, P1 among them.
    CHECK(c->traced("P1"));
}

TEST_CASE("diff: without the trace an award change says less, and asks for it", "[diff]") {
    auto old_run = load(with_selection("{min: 0, max: 5, budget_krw: 4000000000}"),
                        {fixtures::scored("P1", "90", "480000000")});
    auto new_run = load(with_selection("{min: 0, max: 5, budget_krw: 4000000000}",
                                       "{min_krw: 100000000, max_krw: 450000000}"),
                        {fixtures::scored("P1", "90", "480000000")});
    kcity::Result a = kcity::run_selection(old_run->call, {});
    kcity::Result b = kcity::run_selection(new_run->call, {});
    kcity::DiffResult d = kcity::diff_results(a, b);
    REQUIRE(d.tracks.size() == 1);
    REQUIRE(d.tracks[0].changes.size() == 1);
    const auto& change = d.tracks[0].changes[0];
    CHECK(change.reads_trace);
    CHECK(change.because->kind == Because::Kind::award_changed);
    CHECK(kcity::because_text(*change.because, Lang::en) ==
          "award: KRW 450,000,000 (requested KRW 480,000,000)");
    CHECK(kcity::ids_to_trace(d) == std::vector<std::string>{"P1"});
}

TEST_CASE("diff: an award reduced to the budget left", "[diff]") {
    auto c = compare(
        with_selection("{min: 0, max: 5, budget_krw: 1000000000, budget_fit: reduce}"),
        with_selection("{min: 0, max: 5, budget_krw: 700000000, budget_fit: reduce}"),
        {fixtures::scored("P1", "90", "400000000"), fixtures::scored("P2", "80", "400000000")});
    CHECK(c->because("P2") == "award: reduced to the budget left (budget_fit: reduce)");
    CHECK(c->because("P2", Lang::ko) == "지원액: 남은 예산에 맞춰 감액 (budget_fit: reduce)");
}

TEST_CASE("diff: a candidate dropped from the optimal set says why, with the numbers", "[diff]") {
    // Under merit, P1 takes 600,000,000 and leaves room for P4 only; the optimal set of two
    // is P2 and P3, whose total is higher.
    std::vector<ProposalSpec> ps = {
        fixtures::scored("P1", "90", "600000000"), fixtures::scored("P2", "80", "500000000"),
        fixtures::scored("P3", "79", "500000000"), fixtures::scored("P4", "5", "100000000")};
    auto c =
        compare(with_selection("{min: 0, max: 2, budget_krw: 1000000000}"),
                with_selection("{min: 0, max: 2, budget_krw: 1000000000, method: optimal}"), ps);
    CHECK(c->because("P1") ==
          "optimal: not part of the optimal set of selections; the best set with it: ranks 1, 4, "
          "total score 95.00, awards KRW 700,000,000 of KRW 1,000,000,000; its total is 64.00 "
          "points below the optimal set's 159.00; it would displace P2 (rank 2, score 80.00), P3 "
          "(rank 3, score 79.00); and would bring in P4 (rank 4, score 5.00)");
    CHECK(c->because("P1", Lang::ko) ==
          "최적 조합: 최적 선정 조합에 포함되지 않음; 이 제안을 포함하는 최선의 조합: 1, 4위, 총점 "
          "95.00점, 지원액 7억원 (예산 10억원); 총점이 최적 조합의 159.00점보다 64.00점 낮음; 이 "
          "제안을 선정하면 제외되는 제안: P2 (2위, 80.00점), P3 (3위, 79.00점); 대신 함께 선정되는 "
          "제안: P4 (4위, 5.00점)");
    // P4's best set is P1's: each would bring the other in.
    CHECK(c->because("P4") ==
          "optimal: not part of the optimal set of selections; the best set with it: ranks 1, 4, "
          "total score 95.00, awards KRW 700,000,000 of KRW 1,000,000,000; its total is 64.00 "
          "points below the optimal set's 159.00; it would displace P2 (rank 2, score 80.00), P3 "
          "(rank 3, score 79.00); and would bring in P1 (rank 1, score 90.00)");
    CHECK(c->because("P2") ==
          "selected now; it was not-selected (budget: its award of KRW "
          "500,000,000 exceeds the KRW 400,000,000 left)");
    CHECK(c->traced("P1"));
    CHECK(c->traced("P4"));
    CHECK_FALSE(c->traced("P2"));  // not selected in the base run: never traced
    CHECK_FALSE(c->traced("P3"));
    // Every change whose because line reads the trace found one.
    for (const auto& id : kcity::ids_to_trace(c->diff)) CHECK(c->traced(id));
}

TEST_CASE("diff: dropped with the current run's reasons, the reserve list", "[diff]") {
    TrackSpec strict = with_selection("{min: 0, max: 5, budget_krw: 4000000000, reserve: 1}");
    strict.extra = "threshold: 85\n";
    auto c = compare(
        with_selection("{min: 0, max: 1, budget_krw: 4000000000, reserve: 1}"), strict,
        {fixtures::scored("P1", "90"), fixtures::scored("P2", "80"), fixtures::scored("P3", "70")});
    // P2 was the reserve, P3 not selected; now both are below the threshold.
    CHECK(c->because("P2") == "threshold: base score 80.00 is below the threshold 85");
    CHECK(c->because("P2", Lang::ko) == "기준 점수: 기본 점수 80.00점, 최저 기준 85점 미만");
}

TEST_CASE("diff: every because line in English and Korean", "[diff]") {
    auto text = [](const Because& b, Lang lang) { return kcity::because_text(b, lang); };
    Because gone{Because::Kind::track_gone};
    CHECK(text(gone, Lang::en) == "the track is gone from the rules");
    CHECK(text(gone, Lang::ko) == "변경된 규칙에 없는 분야");
    Because added{Because::Kind::track_new};
    CHECK(text(added, Lang::en) == "the track is new in the rules");
    CHECK(text(added, Lang::ko) == "변경된 규칙에 새로 생긴 분야");

    Because moved{Because::Kind::reserve_moved};
    moved.reserve = 2;
    moved.old_rank = 8;
    moved.new_rank = 7;
    CHECK(text(moved, Lang::en) ==
          "reserve list: it takes the first 2 unselected candidates in "
          "rank order, and this one moved from rank 8 to 7");
    CHECK(text(moved, Lang::ko) ==
          "예비 목록: 미선정 후보 중 순위가 높은 2건, 이 신청서의 순위가 8위에서 7위로 바뀜");
    moved.reserve = 1;
    CHECK(text(moved, Lang::en) ==
          "reserve list: it takes the first unselected candidate in "
          "rank order, and this one moved from rank 8 to 7");

    Because above{Because::Kind::reserve_above};
    above.reserve = 2;
    CHECK(text(above, Lang::en) ==
          "reserve list: it takes the first 2 unselected candidates in "
          "rank order; unselected above it now: none");
    above.above = {"A-1", "A-2"};
    CHECK(text(above, Lang::ko) ==
          "예비 목록: 미선정 후보 중 순위가 높은 2건; 현재 이 신청서보다 "
          "순위가 높은 미선정 후보: A-1, A-2");

    Because now{Because::Kind::selected_now};
    now.was = kcity::Status::below_threshold;
    CHECK(text(now, Lang::en) == "selected now; it was below-threshold");
    now.reasons = {{"quota", kcity::Msg::quota, {{"max", kcity::Count{3}}}}};
    CHECK(text(now, Lang::en) ==
          "selected now; it was below-threshold (quota: the quota of 3 selections was already "
          "filled)");
    CHECK(text(now, Lang::ko) ==
          "새로 선정; 이전 상태 기준 미달 (선정 한도: 선정 한도 3건이 이미 채워짐)");

    Because ineligible{Because::Kind::ineligible};
    ineligible.reasons = {{"panel-size",
                           kcity::Msg::panel_size,
                           {{"valid", kcity::Count{0}}, {"needed", kcity::Count{5}}}}};
    CHECK(text(ineligible, Lang::en) ==
          "eligibility rule panel-size: valid reviews: 0 of the 5 "
          "needed");
    CHECK(text(ineligible, Lang::ko) ==
          "자격 요건 미충족: 평가위원 수: 유효 심사 0건 (최소 5건 필요)");

    Because changed{Because::Kind::award_changed};
    changed.amount = 420'000'000;
    changed.requested = 500'000'000;
    CHECK(text(changed, Lang::en) == "award: KRW 420,000,000 (requested KRW 500,000,000)");
    CHECK(text(changed, Lang::ko) == "지원액: 4억 2,000만원 (신청액 5억원)");
}

TEST_CASE("diff: the summary in English and Korean", "[diff]") {
    kcity::DiffResult d;
    CHECK(kcity::diff_summary(d, Lang::en) == "no tracks");
    kcity::TrackDiff t;
    t.track = "planning";
    t.newly_selected = 2;
    t.dropped = 1;
    t.other_changes = 1;
    t.award_changes = 2;
    t.rank_changes = 1;
    d.tracks.push_back(t);
    kcity::TrackDiff pilot;
    pilot.track = "pilot";
    d.tracks.push_back(pilot);
    CHECK(kcity::diff_summary(d, Lang::en) ==
          "planning: 2 newly selected, 1 dropped, 1 other status change, 2 award changes, 1 rank "
          "change; pilot: no change");
    CHECK(kcity::diff_summary(d, Lang::ko) ==
          "planning: 신규 선정 2건, 선정 제외 1건, 기타 상태 변경 1건, 지원액 변경 2건, 순위 변경 "
          "1건; pilot: 변경 없음");
}

TEST_CASE("diff: the base run reduced and its proposals freed diffs as the whole run does",
          "[diff]") {
    std::vector<ProposalSpec> ps = {fixtures::scored("P1", "90", "400000000", "ID"),
                                    fixtures::scored("P2", "80", "400000000", "VN")};
    auto old_run = load(with_selection("{min: 0, max: 5, budget_krw: 1000000000}"), ps);
    auto new_run = load(with_selection("{min: 0, max: 5, budget_krw: 500000000}"), ps);
    kcity::BaseRun base = kcity::run_base(old_run->call, {});
    REQUIRE(base.tracks.size() == 1);
    REQUIRE(base.tracks[0].proposals.size() == 2);
    const kcity::BaseProposal& p1 = base.tracks[0].proposals[0];
    CHECK(p1.id == "P1");
    CHECK(p1.country == "ID");
    CHECK(p1.status == kcity::Status::selected);
    CHECK(p1.rank == 1);
    CHECK(p1.is_candidate);
    CHECK(base.tracks[0].proposals[1].reasons.empty());
    kcity::release_proposals(old_run->call);
    CHECK(old_run->call.proposals.empty());
    kcity::Result new_result;
    kcity::DiffResult d = kcity::diff_runs(base, new_run->call, {}, new_result);
    REQUIRE(d.tracks.size() == 1);
    REQUIRE(d.tracks[0].changes.size() == 1);
    const auto& change = d.tracks[0].changes[0];
    CHECK(change.id == "P2");
    REQUIRE(change.old_side);
    CHECK(change.old_side->status == kcity::Status::selected);
    REQUIRE(change.because);
    CHECK(kcity::because_text(*change.because, Lang::en) ==
          "budget: its award of KRW 400,000,000 exceeds the KRW 100,000,000 left");
    CHECK(d.old_sha256 == old_run->call.rules.sha256);
}

TEST_CASE("diff: reason lists are interned, equal lists once and different ones apart", "[diff]") {
    using kcity::Arg;
    using kcity::Msg;
    using kcity::Reason;
    auto budget = [](kcity::Krw award, kcity::Krw left) {
        return Reason{"budget",
                      Msg::budget,
                      {Arg{"award", kcity::Money{award}}, Arg{"left", kcity::Money{left}}}};
    };
    Reason quota{"quota", Msg::quota, {Arg{"max", kcity::Count(5)}}};
    kcity::ReasonLists lists;
    CHECK(lists.intern({}).empty());
    auto a = lists.intern({budget(300, 100)});
    auto b = lists.intern({budget(300, 100)});
    auto c = lists.intern({budget(300, 200)});  // another value
    auto d = lists.intern({budget(300, 100), quota});
    auto e = lists.intern({quota, budget(300, 100)});  // the same reasons in another order
    Reason renamed = budget(300, 100);
    renamed.args[1].slot = "budget";  // another slot, the same value
    auto f = lists.intern({renamed});
    Reason as_count{"quota", Msg::quota, {Arg{"max", kcity::Decimal::from_int(5)}}};
    auto g = lists.intern({as_count});  // the same number as another type
    CHECK(lists.size() == 6);
    CHECK(a.data() == b.data());
    for (auto other : {c, d, e, f, g}) CHECK(other.data() != a.data());
    REQUIRE(d.size() == 2);
    CHECK(d[0].code == "budget");
    CHECK(d[1].message() == quota.message());
    CHECK(a[0].message() == budget(300, 100).message());
    CHECK(c[0].message() == budget(300, 200).message());
    lists.seal();  // what was handed out stays
    CHECK(a[0].message() == budget(300, 100).message());
}

TEST_CASE("diff: the base run keeps what the diff reads, its views valid after a move", "[diff]") {
    std::vector<ProposalSpec> ps = {fixtures::scored("P1", "90", "400000000", "ID"),
                                    fixtures::scored("P2", "80", "400000000", "VN"),
                                    fixtures::scored("P3", "70", "400000000", "TH")};
    auto run = load(with_selection("{min: 0, max: 5, budget_krw: 500000000}"), ps);
    kcity::Result result = kcity::run_selection(run->call, {});
    kcity::BaseRun moved = kcity::summarize_run(result);
    kcity::BaseRun base = std::move(moved);
    kcity::BaseRun copy = base;
    REQUIRE(base.tracks.size() == 1);
    const auto& track = result.tracks[0];
    REQUIRE(base.tracks[0].proposals.size() == track.proposals.size());
    for (const auto* b : {&base, &copy})
        for (std::size_t i = 0; i < track.proposals.size(); ++i) {
            const kcity::ProposalResult& r = track.proposals[i];
            const kcity::BaseProposal& p = b->tracks[0].proposals[i];
            CHECK(p.id == r.proposal->id);
            CHECK(p.country == r.proposal->country);
            CHECK(p.status == r.status);
            CHECK(p.rank == r.rank);
            CHECK(p.score == r.score);
            CHECK(p.award_krw == r.award_krw);
            CHECK(p.is_candidate == r.is_candidate);
            REQUIRE(p.reasons.size() == r.reasons.size());
            for (std::size_t k = 0; k < r.reasons.size(); ++k)
                CHECK(p.reasons[k].message() == r.reasons[k].message());
        }
    // P2 and P3 both do not fit in the 100,000,000 left: the same reason, kept once.
    const auto& p2 = base.tracks[0].proposals[1];
    const auto& p3 = base.tracks[0].proposals[2];
    REQUIRE(p2.reasons.size() == 1);
    CHECK(p2.reasons[0].code == "budget");
    CHECK(p2.reasons.data() == p3.reasons.data());  // the same award, the same budget left
}

namespace {

TrackSpec calibrating(const std::string& calibrate) {
    TrackSpec t;
    t.panel = "{min_reviewers: 1, aggregate: mean, calibrate: " + calibrate + "}";
    return t;
}

// Offsets (one criterion, weight 1): R1 (15 + 20) / 2 = +17.5 (P1, P2); R2 (−15 − 20 + 10) / 3
// = −25/3 (P1, P2, P3); R3 (0 − 10) / 2 = −5; R4 and R5 review alone: 0. Raw means: P2 80, P5
// 75, P1 70, P6 60; calibrated: P2 75.42, P1 68.61, P6 60, P5 57.5 (R1's 75 − 17.5).
std::vector<ProposalSpec> offset_call() {
    using fixtures::reviewed;
    return {reviewed("P1", {{"R1", "a: 80"}, {"R2", "a: 60"}, {"R3", "a: 70"}}),
            reviewed("P2", {{"R1", "a: 90"}, {"R2", "a: 70"}}),
            reviewed("P3", {{"R1", "a: 100"}, {"R2", "a: 50"}, {"R3", "a: 40"}}, "R1"),
            reviewed("P4", {{"R4", "a: 30"}}),
            reviewed("P5", {{"R1", "a: 75"}}),
            reviewed("P6", {{"R5", "a: 60"}})};
}

std::string line_of(const Compared& c, const std::string& id, Lang lang = Lang::en) {
    auto lines = kcity::because_lines(c.diff, c.change(id), lang);
    REQUIRE_FALSE(lines.empty());
    return lines.front();
}

}  // namespace

TEST_CASE("diff: calibration switched on names the offsets of each moved proposal's reviewers",
          "[diff][calibration]") {
    auto c = compare(calibrating("none"), calibrating("offset"), offset_call());
    const auto& p5 = c->change("P5");
    REQUIRE(p5.calibration);
    CHECK(p5.calibration->on);
    REQUIRE(p5.calibration->offsets.size() == 1);
    CHECK(p5.calibration->offsets[0].reviewer == "R1");
    CHECK(p5.calibration->offsets[0].total == kcity::Rational(35, 2));
    CHECK(line_of(*c, "P5") ==
          "calibration switched on: its reviewers' total offsets R1 +17.50 come off their reviews");
    // R1's conflict keeps it off P3; P1's three reviewers by id, R3's offset exact at −5.
    CHECK(line_of(*c, "P1") ==
          "calibration switched on: its reviewers' total offsets R1 +17.50, "
          "R2 -8.33, R3 -5.00 come off their reviews");
    // P6's only reviewer has no offset: the others' offsets moved it.
    CHECK(line_of(*c, "P6") ==
          "calibration switched on: none of its reviewers has an offset "
          "(others' offsets moved it)");
    CHECK(line_of(*c, "P5", Lang::ko) ==
          "점수 보정 적용: 각 평가에서 평가위원별 합계 편차를 뺌 (R1 +17.50)");
    // P2 and P4 keep their ranks: no change, no line.
    for (const auto& t : c->diff.tracks)
        for (const auto& ch : t.changes) CHECK((ch.id != "P2" && ch.id != "P4"));
}

TEST_CASE("diff: calibration switched off reads the base run's offsets", "[diff][calibration]") {
    auto c = compare(calibrating("offset"), calibrating("none"), offset_call());
    const auto& p1 = c->change("P1");
    REQUIRE(p1.calibration);
    CHECK_FALSE(p1.calibration->on);
    CHECK(line_of(*c, "P1") ==
          "calibration switched off: its reviewers' total offsets R1 +17.50, "
          "R2 -8.33, R3 -5.00 no longer come off their reviews");
}

TEST_CASE("diff: the same calibration on both sides says nothing of it", "[diff][calibration]") {
    TrackSpec old_track = calibrating("offset"), new_track = calibrating("offset");
    new_track.extra = "threshold: 65\n";
    auto c = compare(old_track, new_track, offset_call());
    for (const auto& t : c->diff.tracks)
        for (const auto& ch : t.changes) CHECK_FALSE(ch.calibration);
}
