#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/report/render.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;

TEST_CASE("render_json: a large report goes to the sink in pieces, with the same bytes") {
    std::vector<ProposalSpec> proposals;
    for (int i = 0; i < 2000; ++i) {
        std::string n = std::to_string(i);
        proposals.push_back(fixtures::scored("P" + n, std::to_string(i % 90 + 5)));
    }
    auto run = fixtures::run(TrackSpec{}, proposals);
    std::string whole = kcity::render_json(run->result, kcity::Lang::en);
    std::vector<std::string> pieces;
    kcity::render_json(run->result, kcity::Lang::en,
                       [&](std::string_view piece) { pieces.emplace_back(piece); });
    std::string joined;
    for (const auto& p : pieces) joined += p;
    CHECK(joined == whole);
    // 2,000 proposals make close to a megabyte: several pieces, none of them the whole.
    CHECK(whole.size() > 3 * 256 * 1024);
    REQUIRE(pieces.size() >= 3);
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) CHECK(pieces[i].size() >= 256 * 1024);
    CHECK(pieces.back().ends_with("}\n"));
    // render_report streams JSON the same way and hands other formats over whole.
    std::size_t count = 0;
    kcity::render_report(run->result, kcity::Format::json, kcity::Lang::en, true,
                         [&](std::string_view) { ++count; });
    CHECK(count == pieces.size());
    count = 0;
    kcity::render_report(run->result, kcity::Format::csv, kcity::Lang::en, true,
                         [&](std::string_view) { ++count; });
    CHECK(count == 1);
}
