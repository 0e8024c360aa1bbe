// The limits that keep a run's memory within about 5 times its input (docs/validation.md,
// "Memory"): each refuses at its place, names the limit, and lets what is within it be read.
#include <algorithm>
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/load/csv.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/yaml.hpp"

using fixtures::has_error;
using kcity::Diagnostics;

namespace {

// A track file of `bytes` bytes or a little more: a valid track padded with a comment.
kcity::SourceFile padded_track(const std::string& id, std::size_t bytes) {
    fixtures::TrackSpec t;
    t.id = id;
    std::string text = t.yaml() + "#";
    text.resize(std::max(bytes, text.size()), ' ');
    return {id + ".yaml", text + "\n"};
}

// A proposal document whose map of attributes has `count` entries, one to a line (line 10 on).
std::string proposal_with_attributes(const std::string& id, std::size_t count) {
    std::string s = "id: " + id +
                    "\ntrack: t\ntitle: T\ncountry: VN\ncity: Hanoi\n"
                    "applicant: {name: A, type: government}\nrequested_krw: 400000000\n"
                    "submitted_at: 2023-05-01\nattributes:\n";
    for (std::size_t i = 0; i < count; ++i) s += "  a" + std::to_string(i) + ": 1\n";
    return s;
}

}  // namespace

TEST_CASE("memory: the rules files of a run are read up to 12 MiB in all", "[rules][memory]") {
    const std::string program = fixtures::program_yaml("[t, u, v, w]", "16000000000");
    const std::size_t eight = 8'000'000;  // under max_rules_file_bytes, each
    Diagnostics d;
    kcity::Rules rules = kcity::parse_rules({{"program.yaml", program},
                                             padded_track("t", 0),
                                             padded_track("u", eight),
                                             padded_track("v", eight),
                                             padded_track("w", 0)},
                                            "rules", d);
    // program, t and u fit; v passes the limit and is the one error; w is not read either,
    // small as it is.
    CHECK(fixtures::errors_of(d) ==
          "v.yaml:1:1: error: the rules files add up to more than 12,582,912 bytes (12 MiB) with "
          "this one: kcity reads at most that much of rules in one run, to stay within its "
          "memory; this file and the rules files read after it are not read\n");
    REQUIRE(rules.tracks.size() == 4);
    CHECK_FALSE(rules.tracks[1].has_errors);
    CHECK(rules.tracks[1].criteria.size() == 1);
    // The tracks not read are known to have errors, so that no proposal is checked against them.
    CHECK(rules.tracks[2].has_errors);
    CHECK(rules.tracks[3].has_errors);
    CHECK(rules.tracks[3].criteria.empty());

    // Two tracks of 6 MB: within the limit.
    Diagnostics ok;
    kcity::parse_rules({{"program.yaml", fixtures::program_yaml("[t, u]", "8000000000")},
                        padded_track("t", 6'000'000),
                        padded_track("u", 6'000'000)},
                       "rules", ok);
    CHECK_FALSE(ok.has_errors());
}

TEST_CASE("memory: a rules file over 8 MiB is refused by its own size, not the run's",
          "[rules][memory]") {
    Diagnostics d;
    kcity::parse_rules({{"program.yaml", fixtures::program_yaml("[t, u]", "8000000000")},
                        padded_track("t", kcity::max_rules_file_bytes + 10),
                        padded_track("u", 8'000'000)},
                       "rules", d);
    // t is refused for its size and does not count: u still fits.
    CHECK(has_error(d, "more than the 8,388,608 bytes (8 MiB) kcity reads from a rules file",
                    "t.yaml", 1));
    CHECK_FALSE(has_error(d, "12 MiB"));
}

TEST_CASE("memory: a proposal of more than 100,000 keys and values is refused at the one past",
          "[yaml][memory]") {
    // 21 values before the attributes (keys, values and the applicant's map), then two per
    // attribute: value 100,001 is the value of attribute a49989, on line 11 + 49,989.
    const std::string big = proposal_with_attributes("P1", 50'000);
    const std::string fits = proposal_with_attributes("P2", 49'000);
    Diagnostics d;
    std::vector<kcity::Proposal> out;
    kcity::Rules rules = [] {
        Diagnostics rd;
        return kcity::parse_rules(
            {{"program.yaml", fixtures::program_yaml()}, fixtures::TrackSpec{}.file()}, "rules",
            rd);
    }();
    kcity::parse_proposals({"p.yaml", "---\n" + big + "---\n" + fits}, rules, out, d);
    CHECK(fixtures::errors_of(d) ==
          "p.yaml:50000:11: error: more than 100,000 keys and values in one document: kcity "
          "reads at most 100,000 in a proposal, to stay within its memory; this is value "
          "100,001, and the proposal is not read\n");
    // The document past the limit is not handed on; the next one is read whole.
    REQUIRE(out.size() == 1);
    CHECK(out[0].id == "P2");
    CHECK(out[0].attributes.size() == 49'000);
}

TEST_CASE("memory: the values limit is the caller's, rules documents are not limited",
          "[yaml][memory]") {
    std::string text = "[";
    for (int i = 0; i < 20; ++i) text += "1, ";
    text += "1]\n";
    Diagnostics d;
    int documents = 0;
    kcity::read_yaml_stream(
        text, "x.yaml", d, [&](kcity::YamlNode&&) { ++documents; }, 1, 21);
    // 21 scalars, then the list itself: value 22, at the list's start.
    CHECK(fixtures::errors_of(d) ==
          "x.yaml:1:1: error: more than 21 keys and values in one document: kcity reads at most "
          "21 in a proposal, to stay within its memory; this is value 22, and the proposal is "
          "not read\n");
    CHECK(documents == 0);
    Diagnostics unlimited;
    kcity::read_yaml_stream(text, "x.yaml", unlimited, [&](kcity::YamlNode&&) { ++documents; });
    CHECK_FALSE(unlimited.has_errors());
    CHECK(documents == 1);
}

TEST_CASE("memory: a CSV sheet's cells are read up to the limit", "[csv][memory]") {
    kcity::CsvTable t = kcity::parse_csv("a,b\nc,d\ne,f\n", ',', 5);
    REQUIRE(t.errors.size() == 1);
    CHECK(t.errors[0].line == 3);
    CHECK(t.errors[0].column == 3);
    CHECK(t.errors[0].message ==
          "more than 5 cells in this score sheet: kcity reads at most that many in one sheet, to "
          "stay within its memory; the rest of the file is not read");
    // The rows before it are kept; the one it is in cannot be trusted.
    REQUIRE(t.rows.size() == 3);
    CHECK_FALSE(t.rows[1].bad);
    CHECK(t.rows[2].bad);
    // At the limit, nothing is said.
    CHECK(kcity::parse_csv("a,b\nc,d\ne,f\n", ',', 6).errors.empty());
    CHECK(kcity::max_csv_cells == 1'048'576);
}

TEST_CASE("memory: a score sheet's reviews are read while the run holds fewer than the limit",
          "[sheets][memory]") {
    Diagnostics rd;
    kcity::Rules rules = kcity::parse_rules(
        {{"program.yaml", fixtures::program_yaml()}, fixtures::TrackSpec{}.file()}, "rules", rd);
    REQUIRE_FALSE(rd.has_errors());
    fixtures::ProposalSpec p1 = fixtures::scored("P1", "50");  // one review of its own: R1
    fixtures::ProposalSpec p2;
    p2.id = "P2";
    Diagnostics d;
    std::vector<kcity::Proposal> proposals;
    kcity::parse_proposals({"p.yaml", fixtures::documents({p1, p2})}, rules, proposals, d);
    const std::string sheet = "proposal,reviewer,a\nP1,R2,60\nP2,R1,70\nP2,R2,80\n";
    // A limit of 3: the proposals' review and the sheet's first two rows; the third is refused.
    kcity::apply_score_sheet({"s.csv", sheet}, rules, proposals, d, 3);
    CHECK(fixtures::errors_of(d) ==
          "s.csv:4:1: error: the run holds 3 reviews already: kcity reads at most 3 in one run, "
          "to stay within its memory; this row and the rest of the sheet are not read\n");
    REQUIRE(proposals.size() == 2);
    CHECK(proposals[0].reviews.size() == 2);
    CHECK(proposals[1].reviews.size() == 1);
    // Another sheet once the run is full: refused at its first review.
    Diagnostics again;
    kcity::apply_score_sheet({"t.csv", "proposal,reviewer,a\nP2,R3,10\n"}, rules, proposals, again,
                             3);
    CHECK(fixtures::has_error(again, "the run holds 3 reviews already", "t.csv", 2));
    // At the limit, nothing is said.
    Diagnostics ok;
    std::vector<kcity::Proposal> fresh;
    kcity::parse_proposals({"p.yaml", fixtures::documents({p1, p2})}, rules, fresh, ok);
    kcity::apply_score_sheet({"s.csv", sheet}, rules, fresh, ok, 4);
    CHECK_FALSE(ok.has_errors());
    CHECK(kcity::max_reviews == 1'000'000);
}
