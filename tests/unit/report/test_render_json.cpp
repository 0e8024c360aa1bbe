#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/report/render.hpp"

using fixtures::ProposalSpec;
using fixtures::TrackSpec;

TEST_CASE("render_json: a large report goes to the sink in pieces, with the same bytes") {
    std::vector<ProposalSpec> proposals;
    for (int i = 0; i < 3000; ++i) {
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
    // 3,000 proposals make more than a megabyte: several pieces, none of them the whole.
    CHECK(whole.size() > 3 * 256 * 1024);
    REQUIRE(pieces.size() >= 3);
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) CHECK(pieces[i].size() >= 256 * 1024);
    CHECK(pieces.back().ends_with("}\n"));
    // render_report streams every format the same way, in pieces of at least 256 KiB but the
    // last, with the bytes render_report returns whole.
    for (auto format : {kcity::Format::json, kcity::Format::text, kcity::Format::markdown,
                        kcity::Format::csv, kcity::Format::html}) {
        INFO(kcity::format_name(format));
        std::vector<std::size_t> sizes;
        std::string streamed;
        kcity::render_report(run->result, format, kcity::Lang::en, true, [&](std::string_view p) {
            sizes.push_back(p.size());
            streamed += p;
        });
        CHECK(streamed == kcity::render_report(run->result, format, kcity::Lang::en, true));
        // Never the whole report in one piece: each at most a piece and a row.
        CHECK(streamed.size() > 256 * 1024);
        REQUIRE(sizes.size() >= 2);
        for (std::size_t i = 0; i + 1 < sizes.size(); ++i) CHECK(sizes[i] >= 256 * 1024);
        for (std::size_t size : sizes) CHECK(size < 256 * 1024 + 16 * 1024);
    }
}
