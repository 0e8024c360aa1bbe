// Shared helpers of the unit tests: calls built from YAML strings (no files on disk).
//
//   auto run = fixtures::run(track, {p1, p2});   // parse_rules + parse_proposals + run_selection
//   CHECK(run->get("P1").status == kcity::Status::selected);
//
// A Run owns its Call, so the Result's pointers into the rules and proposals stay valid as long
// as the Run lives; it is handed out behind a unique_ptr and never moved.
#pragma once
#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "kcity/base/decimal.hpp"
#include "kcity/base/diagnostics.hpp"
#include "kcity/load/load.hpp"
#include "kcity/load/yaml.hpp"
#include "kcity/model/call.hpp"
#include "kcity/model/result.hpp"
#include "kcity/select/pipeline.hpp"

// Catch prints Decimals as numbers ("10.67") in failed checks.
namespace Catch {
template <>
struct StringMaker<kcity::Decimal> {
    static std::string convert(const kcity::Decimal& d) { return kcity::format_decimal_short(d); }
};
}  // namespace Catch

namespace fixtures {

inline std::string program_yaml(const std::string& tracks = "[t]",
                                const std::string& budget = "4000000000", int year = 2023,
                                const std::string& extra = "") {
    return "program: Test programme\n"
           "year: " +
           std::to_string(year) +
           "\n"
           "timezone: \"+09:00\"\n"
           "budget_krw: " +
           budget + "\ntracks: " + tracks + "\n" + extra;
}

// One track file. Every member is the YAML text of that key's value (flow style), so a test
// changes only what it is about. `extra` holds further top-level lines (threshold, rounding,
// eligibility, adjustments, adjustment_caps, tie_break, ...).
struct TrackSpec {
    std::string id = "t";
    std::string deadline = "2023-05-10";
    std::string award = "{min_krw: 100000000, max_krw: 500000000}";
    std::string panel = "{min_reviewers: 1, aggregate: mean}";
    std::string criteria = "[{id: a, name: A, max: 100}]";
    std::string selection = "{min: 0, max: 10, budget_krw: 4000000000}";
    std::string extra;

    std::string yaml() const {
        return "track: " + id + "\nname: {ko: 시험, en: Test " + id + "}\ndeadline: " + deadline +
               "\naward: " + award + "\npanel: " + panel + "\ncriteria: " + criteria +
               "\nselection: " + selection + "\n" + extra;
    }
    kcity::SourceFile file() const { return {id + ".yaml", yaml()}; }
};

// One proposal document. `reviews` pairs a reviewer with the body of its scores map
// ("a: 10, b: 20"); `attributes` and `partner` are flow-map bodies, `conflicts` a list body.
struct ProposalSpec {
    std::string id;
    std::string track = "t";
    std::string country = "VN";
    std::string city = "Hanoi";
    std::string applicant_type = "government";
    std::string applicant_country;  // empty: not given
    std::string partner;            // empty: no partner
    std::string requested = "400000000";
    std::string submitted = "2023-05-01";
    std::string attributes;
    std::string conflicts;
    std::vector<std::pair<std::string, std::string>> reviews;
    std::string extra;

    std::string yaml() const {
        std::string s = "id: " + id + "\ntrack: " + track + "\ntitle: Proposal " + id +
                        "\ncountry: " + country + "\ncity: " + city +
                        "\napplicant: {name: Applicant of " + id + ", type: " + applicant_type;
        if (!applicant_country.empty()) s += ", country: " + applicant_country;
        s += "}\n";
        if (!partner.empty()) s += "partner: {" + partner + "}\n";
        s += "requested_krw: " + requested + "\nsubmitted_at: " + submitted + "\n";
        if (!attributes.empty()) s += "attributes: {" + attributes + "}\n";
        if (!conflicts.empty()) s += "conflicts: [" + conflicts + "]\n";
        if (!reviews.empty()) {
            s += "reviews:\n";
            for (const auto& [reviewer, scores] : reviews)
                s += "  - {reviewer: " + reviewer + ", scores: {" + scores + "}}\n";
        }
        return s + extra;
    }
};

// A proposal of track `t` with one review giving criterion `a` the score `score`.
inline ProposalSpec scored(std::string id, std::string score, std::string requested = "400000000",
                           std::string country = "VN") {
    ProposalSpec p;
    p.id = std::move(id);
    p.requested = std::move(requested);
    p.country = std::move(country);
    p.reviews = {{"R1", "a: " + score}};
    return p;
}

// A Decimal from its text ("10.67").
inline kcity::Decimal decimal(std::string_view text) {
    auto p = kcity::parse_decimal(text, 4);
    REQUIRE(p.ok);
    return p.value;
}

// A proposal of track `t` with these reviews (reviewer, score-map body) and conflicts.
inline ProposalSpec reviewed(std::string id, std::vector<std::pair<std::string, std::string>> rv,
                             std::string conflicts = "") {
    ProposalSpec p;
    p.id = std::move(id);
    p.reviews = std::move(rv);
    p.conflicts = std::move(conflicts);
    return p;
}

// Reviews R1, R2, ... with the given score-map bodies.
inline std::vector<std::pair<std::string, std::string>> reviews(
    const std::vector<std::string>& scores) {
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < scores.size(); ++i)
        out.emplace_back("R" + std::to_string(i + 1), scores[i]);
    return out;
}

inline std::string documents(const std::vector<ProposalSpec>& proposals) {
    std::string s;
    for (const auto& p : proposals) s += "---\n" + p.yaml();
    return s;
}

inline std::string errors_of(const kcity::Diagnostics& diags) {
    std::string s;
    for (const auto& d : diags.sorted()) s += kcity::format_diagnostic(d) + "\n";
    return s;
}

// True when some diagnostic is at file:line (line 0: any line) and contains `text`.
inline bool has_error(const kcity::Diagnostics& diags, std::string_view text,
                      std::string_view file = "", int line = 0) {
    for (const auto& d : diags.sorted())
        if (d.message.find(text) != std::string::npos && (file.empty() || d.where.file == file) &&
            (line == 0 || d.where.line == line))
            return true;
    return false;
}

// The first diagnostic (sorted) that contains `text`.
inline std::optional<kcity::Diagnostic> find_error(const kcity::Diagnostics& diags,
                                                   std::string_view text) {
    for (const auto& d : diags.sorted())
        if (d.message.find(text) != std::string::npos) return d;
    return std::nullopt;
}

struct CallSpec {
    std::string program = program_yaml();
    std::vector<kcity::SourceFile> tracks;  // {"t.yaml", ...}
    std::string history;                    // history.yaml, when not empty
    std::string decisions;                  // decisions.yaml, when not empty
    std::string panel;                      // panel.yaml, when not empty
    std::vector<std::string> proposals;     // the text of each proposal file
    std::vector<std::string> sheets;        // the text of each CSV score sheet
    kcity::RunOptions options;
};

struct Run {
    kcity::Call call;
    kcity::Diagnostics diags;
    kcity::Result result;

    std::string errors() const { return errors_of(diags); }

    const kcity::TrackResult& track(std::string_view id = "t") const {
        for (const auto& t : result.tracks)
            if (t.rules->id == id) return t;
        FAIL("no track " << id << " in the result");
        throw std::logic_error("unreachable");
    }
    const kcity::ProposalResult& get(std::string_view id) const {
        for (const auto& t : result.tracks)
            for (const auto& p : t.proposals)
                if (p.proposal->id == id) return p;
        FAIL("no proposal " << id << " in the result");
        throw std::logic_error("unreachable");
    }
    // Proposal ids in the order the track lists them (by rank, then the unranked by id).
    std::vector<std::string> order(std::string_view track_id = "t") const {
        std::vector<std::string> ids;
        for (const auto& p : track(track_id).proposals) ids.push_back(p.proposal->id);
        return ids;
    }
    std::string status(std::string_view id) const { return kcity::status_code(get(id).status); }
    std::vector<std::string> reasons(std::string_view id) const {
        std::vector<std::string> codes;
        for (const auto& r : get(id).reasons) codes.push_back(r.code);
        return codes;
    }
    std::string message(std::string_view id, std::size_t i = 0) const {
        const auto& r = get(id).reasons;
        REQUIRE(i < r.size());
        return r[i].message();
    }
};

// Rules from YAML strings: program.yaml, the track files, optional history and decisions.
inline kcity::Rules rules_from(const CallSpec& spec, kcity::Diagnostics& diags) {
    std::vector<kcity::SourceFile> files = {{"program.yaml", spec.program}};
    files.insert(files.end(), spec.tracks.begin(), spec.tracks.end());
    if (!spec.history.empty()) files.push_back({"history.yaml", spec.history});
    if (!spec.decisions.empty()) files.push_back({"decisions.yaml", spec.decisions});
    if (!spec.panel.empty()) files.push_back({"panel.yaml", spec.panel});
    return kcity::parse_rules(files, "rules", diags);
}

// Loads a call as load_call does (proposals sorted by id, sheets, check_call), without running.
inline std::unique_ptr<Run> load(const CallSpec& spec) {
    auto run = std::make_unique<Run>();
    run->call.rules = rules_from(spec, run->diags);
    for (std::size_t i = 0; i < spec.proposals.size(); ++i) {
        std::string name = spec.proposals.size() == 1 ? "proposals.yaml"
                                                      : "proposals-" + std::to_string(i) + ".yaml";
        kcity::parse_proposals({name, spec.proposals[i]}, run->call.rules, run->call.proposals,
                               run->diags);
    }
    std::sort(run->call.proposals.begin(), run->call.proposals.end(),
              [](const kcity::Proposal& a, const kcity::Proposal& b) {
                  return std::tie(a.id, a.where) < std::tie(b.id, b.where);
              });
    for (std::size_t i = 0; i < spec.sheets.size(); ++i)
        kcity::apply_score_sheet({"scores-" + std::to_string(i) + ".csv", spec.sheets[i]},
                                 run->call.rules, run->call.proposals, run->diags);
    kcity::check_call(run->call, run->diags);
    return run;
}

// Loads and runs a call that must be free of errors.
inline std::unique_ptr<Run> run(const CallSpec& spec) {
    auto r = load(spec);
    INFO(r->errors());
    REQUIRE_FALSE(r->diags.has_errors());
    r->result = kcity::run_selection(r->call, spec.options);
    return r;
}

// One track `t` and one proposal file.
inline std::unique_ptr<Run> run(const TrackSpec& track, const std::vector<ProposalSpec>& proposals,
                                const std::string& decisions = "", kcity::RunOptions options = {}) {
    CallSpec spec;
    spec.tracks = {track.file()};
    spec.proposals = {documents(proposals)};
    spec.decisions = decisions;
    spec.options = std::move(options);
    return run(spec);
}

// The root of the first document of `text`; REQUIREs that it was read without errors.
inline kcity::YamlNode parse_yaml(const std::string& text) {
    kcity::Diagnostics diags;
    kcity::YamlNode root;
    int count = 0;
    kcity::read_yaml_stream(text, "test.yaml", diags, [&](kcity::YamlNode&& doc) {
        if (count++ == 0) root = std::move(doc);
    });
    INFO(errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(count >= 1);
    return root;
}

}  // namespace fixtures
