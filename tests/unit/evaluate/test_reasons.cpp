// Evaluation and selection give their reasons as values (a Msg and typed, named slots), never
// as words: these tests read the values, without the message catalogue.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/model/result.hpp"

using namespace kcity;
using fixtures::scored;

namespace {

// The value of a reason's slot, of the type it must have.
template <class T>
const T& slot(const Reason& r, std::string_view name) {
    for (const Arg& a : r.args)
        if (a.slot == name) {
            REQUIRE(std::holds_alternative<T>(a.value));
            return std::get<T>(a.value);
        }
    FAIL("no slot " << name << " in reason " << r.code);
    throw std::logic_error("unreachable");
}

bool has_slot(const Reason& r, std::string_view name) {
    return std::any_of(r.args.begin(), r.args.end(), [&](const Arg& a) { return a.slot == name; });
}

}  // namespace

TEST_CASE("reasons: eligibility gives dates and amounts as values", "[evaluate][reasons]") {
    fixtures::ProposalSpec late = scored("LATE", "80");
    late.submitted = "2023-05-10T15:30:00Z";  // 00:30 on the 11th in the programme's +09:00
    fixtures::ProposalSpec low = scored("LOW", "80", "50000000");
    fixtures::ProposalSpec same_zone = scored("ZONE", "80");
    same_zone.submitted = "2023-05-11T00:30:00+09:00";
    auto run = fixtures::run(fixtures::TrackSpec{}, {late, low, same_zone});

    const Reason& deadline = run->get("LATE").reasons.at(0);
    CHECK(deadline.code == "deadline");
    CHECK(deadline.msg == Msg::deadline);
    CHECK(slot<DateTime>(deadline, "submitted") == DateTime{2023, 5, 10, true, 15, 30, 0, true, 0});
    CHECK(slot<DateTime>(deadline, "submitted_local") ==
          DateTime{2023, 5, 11, true, 0, 30, 0, true, 540});
    CHECK(slot<DateTime>(deadline, "deadline") == DateTime{2023, 5, 10});
    // In the programme's zone already: no second time to show.
    CHECK_FALSE(has_slot(run->get("ZONE").reasons.at(0), "submitted_local"));

    const Reason& award = run->get("LOW").reasons.at(0);
    CHECK(award.code == "award-range");
    CHECK(award.msg == Msg::award_below);
    CHECK(slot<Money>(award, "requested").krw == 50'000'000);
    CHECK(slot<Money>(award, "min").krw == 100'000'000);
}

TEST_CASE("reasons: scores keep their rounding, cut-offs their written value",
          "[evaluate][reasons]") {
    fixtures::TrackSpec t;
    t.criteria = "[{id: a, name: {ko: 알파, en: Alpha}, max: 50, cutoff: 20.5}]";
    t.extra = "threshold: 30\n";
    auto run = fixtures::run(t, {scored("P1", "15")});
    const auto& reasons = run->get("P1").reasons;
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0].msg == Msg::cutoff);
    CHECK(slot<const LocalText*>(reasons[0], "criterion")->ko == "알파");
    CHECK(slot<Score>(reasons[0], "score").value == Decimal::from_int(15));
    CHECK(slot<Score>(reasons[0], "score").places == 2);
    CHECK(slot<Decimal>(reasons[0], "cutoff") == Decimal{205'000});
    CHECK(reasons[1].msg == Msg::threshold);
    CHECK(slot<Decimal>(reasons[1], "threshold") == Decimal::from_int(30));
}

TEST_CASE("reasons: selection gives counts, not singular or plural keys", "[select][reasons]") {
    fixtures::TrackSpec t;
    t.selection = "{min: 0, max: 1, budget_krw: 4000000000}";
    auto run = fixtures::run(t, {scored("P1", "90"), scored("P2", "80", "400000000", "TH")});
    const Reason& quota = run->get("P2").reasons.at(0);
    CHECK(quota.code == "quota");
    CHECK(quota.msg == Msg::quota);  // the same Msg for a quota of one: the catalogue chooses
    CHECK(slot<Count>(quota, "max").n == 1);

    fixtures::TrackSpec capped;
    capped.selection = "{min: 3, max: 5, budget_krw: 4000000000, max_per_country: 1}";
    auto short_run = fixtures::run(
        capped, {scored("P1", "90"), scored("P2", "80"), scored("P3", "70", "400000000", "TH")});
    const auto& tr = short_run->track();
    REQUIRE(tr.shortfall_reasons.size() == 1);
    const Reason& cap = tr.shortfall_reasons[0];
    CHECK(cap.msg == Msg::shortfall_country_cap);
    CHECK(slot<Count>(cap, "countries").n == 2);
    CHECK(slot<Count>(cap, "possible").n == 2);
    CHECK(slot<CountryCounts>(cap, "capped").counts ==
          std::vector<std::pair<std::string, int>>{{"VN", 2}});
    REQUIRE(short_run->result.warnings.size() == 1);
    const Warning& w = short_run->result.warnings[0];
    CHECK(w.msg == Msg::shortfall);
    CHECK(std::get<Count>(w.args.at(0).value).n == 2);
}
