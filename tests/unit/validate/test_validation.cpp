// Validation across the loaders (issue 3): what a proposal file, a sheet and the rules refuse,
// each at its place, and that one mistake gives one error rather than a cascade.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/base/utf8.hpp"

using fixtures::has_error;

namespace {

std::unique_ptr<fixtures::Run> load_one(const fixtures::ProposalSpec& p,
                                        const std::vector<std::string>& sheets = {},
                                        const std::string& decisions = "") {
    fixtures::CallSpec spec;
    spec.tracks = {fixtures::TrackSpec{}.file()};
    spec.proposals = {fixtures::documents({p})};
    spec.sheets = sheets;
    spec.decisions = decisions;
    return fixtures::load(spec);
}

fixtures::ProposalSpec proposal(std::string id = "P1") {
    fixtures::ProposalSpec p;
    p.id = std::move(id);
    return p;
}

}  // namespace

TEST_CASE("validation: a required text that is empty is as missing as an absent one",
          "[validation]") {
    auto p = proposal();
    p.city = "\"\"";
    p.applicant_type = "\" \"";
    p.extra = "";
    auto run = load_one(p);
    INFO(run->errors());
    CHECK(has_error(run->diags, "`city` is empty", "proposals.yaml", 6));
    CHECK(has_error(run->diags, "`applicant.type` is empty", "proposals.yaml", 7));
    CHECK(run->diags.sorted().size() == 2);
}

TEST_CASE("validation: a reviewer twice is found even when a review has errors", "[validation]") {
    SECTION("inline, twice") {
        auto p = proposal();
        p.reviews = {{"R1", "a: 200"}, {"R1", "a: 20"}};
        auto run = load_one(p);
        INFO(run->errors());
        CHECK(has_error(run->diags, "must be from 0 to 100, not 200"));
        CHECK(has_error(run->diags, "reviewer `R1` already reviewed this proposal"));
    }
    SECTION("inline, in a long list (indexed rather than searched)") {
        auto p = proposal();
        for (int i = 1; i <= 40; ++i) p.reviews.push_back({"R" + std::to_string(i), "a: 20"});
        p.reviews.push_back({"R7", "a: 30"});
        auto run = load_one(p);
        INFO(run->errors());
        CHECK(has_error(run->diags, "reviewer `R7` already reviewed this proposal"));
        CHECK(run->diags.sorted().size() == 1);
    }
    SECTION("inline and in a sheet") {
        auto p = proposal();
        p.reviews = {{"R1", "a: 200"}};
        auto run = load_one(p, {"proposal,reviewer,a\nP1,R1,20\n"});
        INFO(run->errors());
        CHECK(has_error(run->diags, "reviewer `R1` already reviewed `P1` at proposals.yaml:",
                        "scores-0.csv", 2));
    }
    SECTION("with a track unknown: its reviewers are still counted") {
        auto p = proposal();
        p.track = "x";
        p.reviews = {{"R1", "a: 1"}, {"R1", "a: 2"}};
        auto run = load_one(p);
        INFO(run->errors());
        CHECK(has_error(run->diags, "`x` is not a track of this call"));
        CHECK(has_error(run->diags, "reviewer `R1` already reviewed this proposal"));
        CHECK(run->diags.sorted().size() == 2);
    }
}

TEST_CASE("validation: an award is not compared with a request that could not be read",
          "[validation]") {
    auto p = proposal();
    p.requested = "lots";
    auto run = load_one(p, {}, "awards: {P1: 200000000}\n");
    INFO(run->errors());
    CHECK(run->diags.sorted().size() == 1);
    CHECK(has_error(run->diags, "`requested_krw`", "proposals.yaml"));
}

TEST_CASE("validation: check_text finds what is not UTF-8 text, at its line and column",
          "[validation]") {
    using kcity::check_text;
    using kcity::LineBreaks;
    CHECK_FALSE(check_text("", LineBreaks::yaml));
    CHECK_FALSE(check_text("a\tb\r\n한글 \xc2\x85 \xf0\x9f\x98\x80\n", LineBreaks::yaml));
    auto bad = check_text("ab\n한글\xe2\x82", LineBreaks::yaml);
    REQUIRE(bad);
    CHECK(bad->line == 2);
    CHECK(bad->column == 3);
    CHECK(bad->message == "the file is not valid UTF-8 here");
    for (const char* s : {"\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80",
                          "\xf8\x88\x80\x80\x80"}) {
        INFO(s);
        CHECK(check_text(s, LineBreaks::yaml));
    }
    auto control = check_text(std::string_view("x\x01", 2), LineBreaks::yaml);
    REQUIRE(control);
    CHECK(control->column == 2);
    CHECK_THAT(control->message, Catch::Contains("(U+0001)"));
    CHECK(check_text("\xef\xbf\xbe", LineBreaks::yaml));  // U+FFFE
    // Lines: as libyaml counts them in YAML (a lone CR, NEL, U+2028 and U+2029 end a line
    // too), and as the CSV reader counts them.
    CHECK(check_text("a\rb\x01", LineBreaks::yaml)->line == 2);
    CHECK(check_text("a\xc2\x85"
                     "b\xe2\x80\xa8"
                     "c\x01",
                     LineBreaks::yaml)
              ->line == 3);
    CHECK(check_text("a\rb\x01", LineBreaks::lf_or_cr)->line == 2);
    CHECK(check_text("a\r\nb\x01", LineBreaks::lf_or_cr)->line == 2);
}

TEST_CASE("validation: a message is one line whatever the input holds", "[validation]") {
    kcity::Diagnostics d;
    d.error({"f", 1, 1}, "unknown key `a\nb\r\tc\x1b`");
    CHECK(d.sorted().front().message == "unknown key `a\\nb\\r\\tc\\x1B`");
    auto p = proposal();
    p.country = "\"U\\nA\"";
    auto run = load_one(p);
    for (const auto& e : run->diags.sorted()) CHECK(e.message.find('\n') == std::string::npos);
    CHECK(has_error(run->diags, "`U\\nA` is not an ISO 3166-1 alpha-2 country code"));
}

TEST_CASE("validation: a repeated id gives the same errors whether the proposals are sorted or not",
          "[validation]") {
    fixtures::CallSpec spec;
    spec.tracks = {fixtures::TrackSpec{}.file()};
    spec.proposals = {fixtures::documents({proposal("P1"), proposal("P2")}),
                      fixtures::documents({proposal("P1")}),
                      fixtures::documents({proposal("P2"), proposal("P1")})};
    auto run = fixtures::load(spec);  // sorted by id and place, as load_call leaves them
    auto messages = [](const kcity::Diagnostics& diags) {
        std::vector<std::string> out;
        for (const auto& d : diags.sorted())
            if (d.message.find("is also used at") != std::string::npos)
                out.push_back(d.where.file.str() + ":" + std::to_string(d.where.line) + ": " +
                              d.message);
        return out;
    };
    std::vector<std::string> sorted = messages(run->diags);
    REQUIRE(sorted.size() == 3);  // P1 twice more, P2 once more, each naming the first place
    CHECK(sorted ==
          std::vector<std::string>{
              "proposals-1.yaml:2: proposal id `P1` is also used at proposals-0.yaml:2",
              "proposals-2.yaml:2: proposal id `P2` is also used at proposals-0.yaml:11",
              "proposals-2.yaml:11: proposal id `P1` is also used at proposals-0.yaml:2"});
    // In file order (not sorted by id) the table of ids finds the same repeats.
    std::sort(run->call.proposals.begin(), run->call.proposals.end(),
              [](const auto& a, const auto& b) { return a.where < b.where; });
    REQUIRE(run->call.proposals[0].id == "P1");
    REQUIRE(run->call.proposals[1].id == "P2");
    kcity::Diagnostics unsorted;
    kcity::check_call(run->call, unsorted);
    CHECK(messages(unsorted) == sorted);
}
