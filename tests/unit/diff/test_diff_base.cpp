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
    std::string decisions;
    std::vector<std::string> sheets;
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
                             "proposal P1: conflicts declared? no",
                         });
}
