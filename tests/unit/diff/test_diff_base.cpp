// `kcity diff --base`: the input changes between two states of a call, from values, and the
// because lines read from them and the two runs; shortfalls in both kinds of diff.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/diff/diff.hpp"
#include "kcity/diff/inputs.hpp"
#include "kcity/report/diff.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;
using kcity::InputChange;
using kcity::Lang;

namespace {

struct State {
    TrackSpec track;
    std::vector<ProposalSpec> proposals;
    std::string decisions = {};
    std::vector<std::string> sheets = {};
};

std::unique_ptr<fixtures::Run> load(const State& s) {
    fixtures::CallSpec spec;
    spec.tracks = {s.track.file()};
    spec.proposals = {fixtures::documents(s.proposals)};
    spec.decisions = s.decisions;
    spec.sheets = s.sheets;
    auto run = fixtures::load(spec);
    INFO(run->errors());
    REQUIRE_FALSE(run->diags.has_errors());
    return run;
}

struct Compared {
    std::unique_ptr<fixtures::Run> a, b;
    kcity::Result new_result;
    kcity::DiffResult diff;

    std::vector<std::string> inputs(Lang lang = Lang::en) const {
        std::vector<std::string> out;
        for (const auto& c : diff.inputs)
            out.push_back(std::string(kcity::input_change_code(c.kind)) + " " +
                          kcity::input_change_text(c, lang));
        return out;
    }
    std::vector<std::string> because(const std::string& id, Lang lang = Lang::en) const {
        for (const auto& t : diff.tracks)
            for (const auto& c : t.changes)
                if (c.id == id) return kcity::because_lines(diff, c, lang);
        FAIL("no change of " << id);
        return {};
    }
};

std::unique_ptr<Compared> compare(const State& old_state, const State& new_state) {
    auto c = std::make_unique<Compared>();
    c->a = load(old_state);
    c->b = load(new_state);
    auto inputs = kcity::decision_input_changes(c->a->call.rules, c->b->call.rules);
    for (auto& i : kcity::proposal_input_changes(c->a->call, c->b->call))
        inputs.push_back(std::move(i));
    c->diff = kcity::diff_base_runs(c->a->call, c->b->call, {}, std::move(inputs), c->new_result);
    return c;
}

ProposalSpec two_reviews(std::string id, std::string r1, std::string r2,
                         std::string requested = "400000000", std::string country = "VN") {
    ProposalSpec p = fixtures::scored(std::move(id), r1, std::move(requested), std::move(country));
    p.reviews = {{"R1", "a: " + r1}, {"R2", "a: " + r2}};
    return p;
}

TrackSpec one_place() {
    TrackSpec t;
    t.selection = "{min: 0, max: 1, budget_krw: 4000000000}";
    return t;
}

}  // namespace

TEST_CASE("diff --base: every kind of proposal input change, from values", "[diff]") {
    State old_state{TrackSpec{}, {two_reviews("P1", "80", "70"), two_reviews("P2", "60", "60")}};
    State new_state = old_state;
    new_state.proposals[0].reviews[1].second = "a: 75";  // a corrected score
    new_state.proposals[0].conflicts = "R3";
    new_state.proposals[1].requested = "300000000";
    new_state.proposals[1].reviews.pop_back();  // a review removed
    new_state.proposals.push_back(two_reviews("P3", "50", "55"));
    auto c = compare(old_state, new_state);
    CHECK(c->inputs() == std::vector<std::string>{
                             "conflict P1: R3's conflict of interest declared",
                             "review P1: R2's a 70 → 75",
                             "proposal P2: requested_krw 400,000,000 → 300,000,000",
                             "review-removed P2: review of R2 removed (a: 60)",
                             "proposal-added P3: added (t)",
                         });
    CHECK(c->inputs(Lang::ko)[1] == "review P1: R2 위원 a 70 → 75");
    // Each input change is there in the JSON with its kind.
    std::string json = kcity::render_diff_json(c->diff, Lang::en);
    CHECK(json.find(R"({"kind": "review", "file": "proposals.yaml", "id": "P1", "field": "a", )"
                    R"("reviewer": "R2", "old": "70", "new": "75"})") != std::string::npos);
}

TEST_CASE("diff --base: Korean names a review's criteria as the rules do", "[diff]") {
    TrackSpec t;
    t.criteria = "[{id: a, name: {ko: 사업 중요도, en: Importance}, max: 100}]";
    State old_state{t, {two_reviews("P1", "70", "80"), two_reviews("P2", "60", "65")}};
    State new_state = old_state;
    new_state.proposals[0].reviews[1] = {"R2", "a: 75"};
    new_state.proposals[1].reviews.pop_back();
    auto c = compare(old_state, new_state);
    CHECK(c->inputs(Lang::ko) == std::vector<std::string>{
                                     "review P1: R2 위원 사업 중요도 80 → 75",
                                     "review-removed P2: R2 위원 평가 삭제 (사업 중요도: 65)",
                                 });
    // English keeps the ids, as reason codes do; JSON keeps them in every language.
    CHECK(c->inputs()[0] == "review P1: R2's a 80 → 75");
    CHECK(kcity::render_diff_json(c->diff, Lang::ko).find(R"("field": "a")") != std::string::npos);
}

TEST_CASE("diff --base: a score sheet's row and the committee's decisions", "[diff]") {
    State old_state{TrackSpec{}, {fixtures::scored("P1", "80"), fixtures::scored("P2", "70")}};
    old_state.decisions = "awards: {P1: 300000000}\n";
    State new_state = old_state;
    new_state.decisions = "withdrawn: [P2]\nawards: {P1: 350000000}\n";
    new_state.sheets = {"proposal,reviewer,a\nP1,R9,90\n"};
    auto c = compare(old_state, new_state);
    CHECK(c->inputs() == std::vector<std::string>{
                             "decision P1: committee award 300,000,000 → 350,000,000",
                             "decision P2 withdrew",
                             "review-added P1: review of R9 added (a: 90)",
                         });
    CHECK(c->diff.inputs[2].file == "scores-0.csv");
}

TEST_CASE("diff --base: own changes first, else the others' that moved it", "[diff]") {
    State old_state{one_place(),
                    {two_reviews("P1", "90", "90"), two_reviews("P2", "80", "80"),
                     two_reviews("P3", "70", "70")}};
    SECTION("a corrected score: its own change") {
        State new_state = old_state;
        new_state.proposals[1].reviews = {{"R1", "a: 100"}, {"R2", "a: 96"}};
        auto c = compare(old_state, new_state);
        CHECK(c->because("P2") == std::vector<std::string>{"R1's a 80 → 100", "R2's a 80 → 96"});
        CHECK(c->because("P2", Lang::ko)[0] == "R1 위원 a 80 → 100");
        // P1 moved because P2's new score put it above: read from the two runs' ranks.
        CHECK(c->because("P1")[0] == "P2 now ranks above it (score 80.00 → 98.00)");
    }
    SECTION("a withdrawal moves the next one in") {
        State new_state = old_state;
        new_state.decisions = "withdrawn: [P1]\n";
        auto c = compare(old_state, new_state);
        CHECK(c->because("P1") == std::vector<std::string>{"withdrew"});
        CHECK(c->because("P2").front() == "P1 withdrew");
        CHECK(c->because("P2", Lang::ko).front() == "P1 신청 철회");
    }
}

TEST_CASE("diff --base: the budget left and the country cap name who moved them", "[diff]") {
    TrackSpec t;
    t.selection = "{min: 0, max: 5, budget_krw: 900000000, max_per_country: 1}";
    State old_state{t,
                    {two_reviews("P1", "90", "90", "500000000", "ID"),
                     two_reviews("P2", "80", "80", "400000000", "ID"),
                     two_reviews("P3", "70", "70", "450000000", "VN")}};
    // P1 (ID) selected, P2 (ID) kept out by the cap, P3 by the budget (400,000,000 left).
    State new_state = old_state;
    new_state.decisions = "awards: {P1: 450000000}\n";
    auto c = compare(old_state, new_state);
    CHECK(c->because("P3").front() ==
          "the budget left at rank 3 changed: P1's award 500,000,000 → 450,000,000");
    State capped = old_state;
    capped.decisions = "withdrawn: [P1]\n";
    auto d = compare(old_state, capped);
    CHECK(d->because("P2").front() == "country cap: P1 of ID is no longer selected");
}

TEST_CASE("diff: a shortfall that appears is a change, one on both sides is shown", "[diff]") {
    TrackSpec wide;
    wide.selection = "{min: 2, max: 5, budget_krw: 4000000000}";
    State old_state{wide, {fixtures::scored("P1", "90"), fixtures::scored("P2", "80")}};
    State new_state = old_state;
    new_state.decisions = "withdrawn: [P2]\n";
    auto c = compare(old_state, new_state);
    REQUIRE(c->diff.tracks.size() == 1);
    const auto& t = c->diff.tracks[0];
    CHECK_FALSE(t.old_shortfall);
    REQUIRE(t.new_shortfall);
    CHECK(t.new_shortfall->selected == 1);
    CHECK(t.shortfall_changed);
    CHECK(c->diff.decisive);
    CHECK(kcity::diff_summary(c->diff, Lang::en) == "t: 1 dropped, now falls short");
    CHECK(kcity::render_diff_text(c->diff, Lang::en)
              .find("!! Shortfall: (none) → 1 selected, at least 2 required") != std::string::npos);
    CHECK(kcity::render_diff_json(c->diff, Lang::en)
              .find(R"("shortfall": {"old": null, "new": {"selected": 1, "min": 2, )") !=
          std::string::npos);
    // The same shortfall on both sides: shown, but not a change.
    auto same = compare(new_state, new_state);
    CHECK(same->diff.tracks[0].old_shortfall);
    CHECK_FALSE(same->diff.tracks[0].shortfall_changed);
    CHECK_FALSE(same->diff.decisive);
    CHECK(kcity::diff_summary(same->diff, Lang::ko) == "t: 변경 없음");
}

TEST_CASE("diff --base: the base's packed inputs compare by criterion id, not by order", "[diff]") {
    State old_state{TrackSpec{}, {two_reviews("P1", "80", "70"), two_reviews("P2", "60", "60")}};
    old_state.track.criteria = "[{id: a, name: A, max: 100}, {id: b, name: B, max: 100}]";
    old_state.proposals[0].reviews = {{"R1", "a: 80, b: 10"}, {"R2", "a: 70, b: 20"}};
    old_state.proposals[1].reviews = {{"R1", "a: 60, b: 30"}, {"R2", "a: 60, b: 40"}};
    State new_state = old_state;
    // The same scores under the criteria in the other order: nothing changed.
    new_state.track.criteria = "[{id: b, name: B, max: 100}, {id: a, name: A, max: 100}]";
    auto a = load(old_state), b = load(new_state);
    CHECK(kcity::proposal_input_changes(a->call, b->call).empty());
    // One score changed: only it is said, with the base's value read back from its packed form.
    new_state.proposals[1].reviews[0].second = "a: 60, b: 35";
    auto c = load(new_state);
    kcity::ProposalInputs packed(a->call);
    auto changes = kcity::proposal_input_changes(packed, a->call.rules, c->call);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].id == "P2");
    CHECK(changes[0].field == "b");
    CHECK(changes[0].old_value == "30");
    CHECK(changes[0].new_value == "35");
    // An unchanged proposal packs as its entry did, under the same rules.
    std::string p1;
    REQUIRE(packed.pack(a->call.proposals[0], a->call.rules, p1));
    CHECK(p1 == packed.entries()[0].packed);
    CHECK_FALSE(packed.find("R9").has_value());
}

TEST_CASE("diff --base: packed inputs read back exact scores, and stay valid once moved",
          "[diff]") {
    State old_state{TrackSpec{},
                    {two_reviews("P1", "35.44", "0.5"), two_reviews("P2", "60", "60")}};
    State new_state = old_state;
    new_state.proposals[0].reviews[0].second = "a: 35.45";
    new_state.proposals[0].reviews[1].second = "a: 0.50";  // the same score, written otherwise
    new_state.proposals[1].requested = "300000000";
    auto a = load(old_state), b = load(new_state);
    kcity::ProposalInputs built(a->call);
    const char* id_before = built.entries()[0].id.data();
    kcity::ProposalInputs packed = std::move(built);
    REQUIRE(packed.entries().size() == 2);
    CHECK(packed.entries()[0].id.data() == id_before);
    CHECK(packed.entries()[0].id == "P1");
    CHECK(packed.entries()[1].id == "P2");
    a->call.proposals.clear();  // the packed form stands alone
    auto changes = kcity::proposal_input_changes(packed, a->call.rules, b->call);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].id == "P1");
    CHECK(changes[0].reviewer == "R1");
    CHECK(changes[0].old_value == "35.44");
    CHECK(changes[0].new_value == "35.45");
    CHECK(changes[1].id == "P2");
    CHECK(changes[1].field == "requested_krw");
    CHECK(changes[1].old_value == "400,000,000");
}
