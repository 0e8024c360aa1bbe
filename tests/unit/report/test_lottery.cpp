// The `lottery` tie-break in the reports (SPEC §6): the groups it decided, their words, and the
// shell command that redraws them.
#include "../fixtures.hpp"
#include "kcity/evaluate/evaluate.hpp"
#include "kcity/report/lottery.hpp"

using namespace kcity;

namespace {

std::unique_ptr<fixtures::Run> lottery_call(const std::string& tie_break) {
    fixtures::CallSpec spec;
    spec.program = fixtures::program_yaml("[t]", "4000000000", 2023, "lottery_seed: \"seed 1\"\n");
    fixtures::TrackSpec t;
    t.extra = "tie_break: " + tie_break + "\n";
    spec.tracks = {t.file()};
    spec.proposals = {fixtures::documents(
        {fixtures::scored("L1", "90"), fixtures::scored("L2", "80"), fixtures::scored("L3", "80"),
         fixtures::scored("L4", "80"), fixtures::scored("L5", "70"),
         fixtures::scored("L6", "70", "300000000")})};
    return fixtures::run(spec);
}

std::vector<std::string> ids(const LotteryGroup& g) {
    std::vector<std::string> out;
    for (const auto* r : g.proposals) out.push_back(r->proposal->id);
    return out;
}

}  // namespace

TEST_CASE("lottery_groups: the ties the lottery ordered, in rank order", "[lottery]") {
    auto run = lottery_call("[lottery]");
    auto groups = lottery_groups(run->track(), 540);
    REQUIRE(groups.size() == 2);
    // printf 'seed 1\nL2' | sha256sum etc.: the ranks follow the hashes ascending.
    std::vector<std::string> tied = {"L2", "L3", "L4"};
    std::sort(tied.begin(), tied.end(), [](const std::string& a, const std::string& b) {
        return lottery_hash("seed 1", a) < lottery_hash("seed 1", b);
    });
    CHECK(ids(groups[0]) == tied);
    CHECK(groups[0].key->kind == TieKey::Kind::lottery);
    CHECK(groups[1].proposals.size() == 2);
    std::string line = lottery_line(groups[0], Lang::en);
    CHECK(line == "the lottery (seed \"seed 1\") ordered " + tied[0] + ", " + tied[1] + ", " +
                      tied[2] + ", tied at ranks 2, 3, 4");
    CHECK(lottery_lines(run->result, run->track(), Lang::ko).size() == 2);
}

TEST_CASE("lottery_groups: none when an earlier key decides every tie", "[lottery]") {
    // requested_krw separates L5 and L6; L2–L4 still go to the lottery.
    auto run = lottery_call("[requested_krw, lottery]");
    auto groups = lottery_groups(run->track(), 540);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].proposals.size() == 3);
    auto none = lottery_call("[id]");
    CHECK(lottery_groups(none->track(), 540).empty());
}

TEST_CASE("lottery_command: a one-line redraw for a POSIX shell", "[lottery]") {
    CHECK(lottery_command("K-City 2023", {"L3", "L4"}) ==
          "for id in L3 L4; do printf '%s\\n%s' 'K-City 2023' \"$id\" | sha256sum; done");
    CHECK(shell_quote("it's") == "'it'\\''s'");
    CHECK(shell_quote("PLN-2023.01") == "PLN-2023.01");
    CHECK(shell_quote("") == "''");
}
