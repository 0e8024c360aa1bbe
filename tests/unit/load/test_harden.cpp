// Hostile and odd inputs (issue 20): values that would silently never match, overflow, control
// characters, blank text in disguise, and one error per mistake.
#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/base/utf8.hpp"
#include "kcity/load/load.hpp"

using fixtures::has_error;
using kcity::Diagnostics;

namespace {

Diagnostics errors_of(const fixtures::TrackSpec& track,
                      const std::string& program = fixtures::program_yaml()) {
    Diagnostics diags;
    kcity::parse_rules({{"program.yaml", program}, track.file()}, "rules", diags);
    return diags;
}

fixtures::TrackSpec with_rule(const std::string& require, const std::string& id = "r") {
    fixtures::TrackSpec t;
    t.extra = "eligibility:\n  - id: " + id + "\n    name: R\n    require: " + require + "\n";
    return t;
}

std::size_t error_count(const Diagnostics& d) {
    std::size_t n = 0;
    for (const auto& x : d.sorted())
        if (x.severity == kcity::Severity::error) ++n;
    return n;
}

}  // namespace

TEST_CASE("harden: countries in rules are ISO codes, with the proposals' suggestion",
          "[rules][harden]") {
    Diagnostics lower = errors_of(with_rule("{field: country, equals: kr}"));
    CHECK(has_error(lower, "`kr` is not an ISO 3166-1 alpha-2 country code (did you mean `KR`?)",
                    "t.yaml", 11));
    Diagnostics list = errors_of(with_rule("{field: partner.country, not_in: [ua, RUS, XX, VN]}"));
    INFO(fixtures::errors_of(list));
    CHECK(has_error(list, "`ua` is not an ISO", "t.yaml", 11));
    CHECK(has_error(list, "`RUS` is not an ISO 3166-1 alpha-2 country code (did you mean `RU`?)"));
    CHECK(has_error(list, "`XX` is not an ISO"));
    CHECK(error_count(list) == 3);
    CHECK(has_error(errors_of(with_rule("{field: applicant.country, equals: 82}")),
                    "`applicant.country` is a country code"));
    // A free attribute named country is free.
    CHECK_FALSE(errors_of(with_rule("{field: attributes.country, equals: kr}")).has_errors());
    CHECK_FALSE(errors_of(with_rule("{field: country, in: [KR, UA]}")).has_errors());
}

TEST_CASE("harden: eligibility rule ids may not be any built-in reason code", "[rules][harden]") {
    for (std::string_view code : kcity::builtin_reason_codes) {
        if (code == "deadline" || code == "award-range") continue;  // said otherwise
        Diagnostics d = errors_of(with_rule("{field: country, equals: VN}", std::string(code)));
        INFO(code);
        CHECK(has_error(d, "is the code of one of kcity's own reasons", "t.yaml", 9));
    }
    CHECK_FALSE(errors_of(with_rule("{field: country, equals: VN}", "quota-2")).has_errors());
}

TEST_CASE("harden: a criterion may not be named as a score sheet column", "[rules][harden]") {
    for (std::string criteria :
         {"[{id: total, name: T, max: 10}]", "[{id: a, name: Comment, max: 10}]",
          "[{id: a, name: {ko: 합계, en: Sum}, max: 10}]",
          "[{id: a, name: \"Total (30)\", max: 10}]", "[{id: conflict, name: C, max: 10}]",
          "[{id: reviewer, name: C, max: 10}]", "[{id: a, name: {ko: 비고}, max: 10}]",
          "[{id: proposal, name: P, max: 10}]"}) {
        fixtures::TrackSpec t;
        t.criteria = criteria;
        Diagnostics d = errors_of(t);
        INFO(criteria << "\n" << fixtures::errors_of(d));
        CHECK(has_error(d, "is a score sheet column", "t.yaml", 6));
        CHECK(error_count(d) == 1);
    }
}

TEST_CASE("harden: rule values are bounded so that no score can overflow", "[rules][harden]") {
    SECTION("the issue's rules: 10 criteria, max 10^10, weight 9999.9999 are refused") {
        std::string criteria = "[";
        for (int i = 0; i < 10; ++i)
            criteria += std::string(i ? ", " : "") + "{id: c" + std::to_string(i) +
                        ", name: C, max: 10000000000, weight: 9999.9999}";
        fixtures::TrackSpec t;
        t.criteria = criteria + "]";
        Diagnostics d = errors_of(t);
        CHECK(has_error(d, "`max` must be at most 10,000, not 10000000000"));
        CHECK(has_error(d, "`weight` must be at most 1,000, not 9999.9999"));
        CHECK(error_count(d) == 20);
    }
    SECTION("too many criteria") {
        std::string criteria = "[";
        for (int i = 0; i < 101; ++i)
            criteria +=
                std::string(i ? ", " : "") + "{id: c" + std::to_string(i) + ", name: C, max: 1}";
        fixtures::TrackSpec t;
        t.criteria = criteria + "]";
        CHECK(has_error(errors_of(t), "`criteria` lists 101 criteria; at most 100"));
    }
    SECTION("points and caps") {
        fixtures::TrackSpec t;
        t.extra =
            "adjustments:\n  - {id: x, name: X, when: {field: country, equals: VN}, points: "
            "-10000.01}\nadjustment_caps: {bonus: 100000000.01}\n";
        Diagnostics d = errors_of(t);
        CHECK(has_error(d, "`points` must be at most 10,000 in size, not -10000.01"));
        CHECK(has_error(d, "`adjustment_caps.bonus` must be at most 100,000,000"));
    }
    SECTION("selection.min × award.max_krw") {
        fixtures::TrackSpec t;
        t.award = "{min_krw: 0, max_krw: 1000000000000000}";
        t.selection = "{min: 1001, max: 2000, budget_krw: 1000000000000000}";
        CHECK(has_error(errors_of(t, fixtures::program_yaml("[t]", "1000000000000000")),
                        "is more than 10^18 won"));
    }
    SECTION("at the bounds the base is exact and positive") {
        // 100 criteria of max 10,000 and weight 1,000, each scored 10,000: base 10^9.
        std::string criteria = "[", scores;
        for (int i = 0; i < 100; ++i) {
            criteria += std::string(i ? ", " : "") + "{id: c" + std::to_string(i) +
                        ", name: C, max: 10000, weight: 1000}";
            scores += std::string(i ? ", " : "") + "c" + std::to_string(i) + ": 10000";
        }
        fixtures::TrackSpec t;
        t.criteria = criteria + "]";
        t.extra =
            "threshold: 999999999.99\nadjustments:\n  - {id: x, name: X, when: {field: "
            "country, equals: VN}, points: 10000}\n";
        fixtures::ProposalSpec p;
        p.id = "P1";
        p.reviews = {{"R1", scores}};
        auto run = fixtures::run(t, {p});
        const auto& r = run->get("P1");
        REQUIRE(r.base);
        REQUIRE(r.score);
        CHECK(*r.base == kcity::Decimal::from_int(1'000'000'000));
        CHECK(*r.score == kcity::Decimal::from_int(1'000'010'000));
        CHECK(run->status("P1") == "selected");
    }
}

TEST_CASE("harden: one mistake, one error", "[rules][harden]") {
    SECTION("a budget over 10^15 does not also fail to fund min awards") {
        fixtures::TrackSpec t;
        t.selection = "{min: 4, max: 5, budget_krw: 10000000000000000}";
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(has_error(d, "more than 10^15"));
        CHECK(error_count(d) == 1);
    }
    SECTION("max: 5.5 does not also make min more than max") {
        fixtures::TrackSpec t;
        t.selection = "{min: 4, max: 5.5, budget_krw: 4000000000}";
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(error_count(d) == 1);
    }
    SECTION("weight: 0 does not also put the threshold above the highest base") {
        fixtures::TrackSpec t;
        t.criteria = "[{id: a, name: A, max: 100, weight: 0}]";
        t.extra = "threshold: 50\n";
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(has_error(d, "`weight` must be more than 0"));
        CHECK(error_count(d) == 1);
    }
}

TEST_CASE("harden: odd values are errors or warnings at their line", "[rules][harden]") {
    fixtures::TrackSpec t;
    t.extra = "threshold: -1\n";
    CHECK(has_error(errors_of(t), "`threshold` must not be negative", "t.yaml", 8));

    fixtures::TrackSpec median;
    median.panel = "{min_reviewers: 1, aggregate: median, trim: 1}";
    Diagnostics d = errors_of(median);
    CHECK_FALSE(d.has_errors());
    CHECK(has_error(d, "`panel.trim` has no effect", "t.yaml", 5));

    fixtures::TrackSpec ties;
    ties.extra = "tie_break: [a, id, submitted_at, a:asc]\n";
    Diagnostics td = errors_of(ties);
    CHECK(has_error(td, "tie-break key `a` is listed twice"));
    CHECK(has_error(td, "tie-break key `submitted_at` never decides"));

    CHECK(has_error(errors_of(fixtures::TrackSpec{},
                              "program: P\nyear: 2023\ntimezone: Z\nbudget_krw: 4000000000\n"
                              "tracks: [t]\n"),
                    "write \"+00:00\" for UTC", "program.yaml", 3));

    // A warning does not mark the track as having errors (its reviews would be left unread).
    fixtures::TrackSpec warned;
    warned.extra = "tie_break: [id, submitted_at]\n";
    auto run = fixtures::run(warned, {fixtures::scored("P1", "50")});
    REQUIRE(run->get("P1").score);
    CHECK(*run->get("P1").score == kcity::Decimal::from_int(50));

    fixtures::TrackSpec zero;
    zero.award = "{min_krw: 0, max_krw: 0}";
    CHECK(has_error(errors_of(zero), "`award.max_krw` must be more than 0"));
}

TEST_CASE("harden: YAML that people type, said plainly", "[yaml][harden]") {
    auto errors = [](const std::string& text) {
        Diagnostics d;
        kcity::read_yaml_stream(text, "x.yaml", d, [](kcity::YamlNode&&) {});
        return d;
    };
    CHECK(
        has_error(errors("a: 1\n<<: {b: 2}\n"), "merge keys (<<) are not supported", "x.yaml", 2));
    CHECK(has_error(errors("%YAML 1.1\n---\na: yes\n"), "`%YAML` directive other than 1.2",
                    "x.yaml", 1));
    CHECK_FALSE(errors("%YAML 1.2\n---\na: yes\n").has_errors());
    Diagnostics tabs = errors("a:\n  b: 1\n\tc: 2\n");
    INFO(fixtures::errors_of(tabs));
    CHECK(has_error(tabs, "YAML does not allow tabs for indentation", "x.yaml", 3));
    CHECK(has_error(errors("a: ! 27\n"), "a `!` before a value is a YAML tag that makes it text",
                    "x.yaml", 1));
    CHECK_FALSE(errors("a: \"27\"\nb: >-\n  x\nc: '1'\n").has_errors());
}

TEST_CASE("harden: control characters and bidirectional controls are refused in every value",
          "[yaml][harden]") {
    auto first_error = [](const std::string& text) {
        Diagnostics d;
        kcity::read_yaml_stream(text, "x.yaml", d, [](kcity::YamlNode&&) {});
        auto all = d.sorted();
        REQUIRE_FALSE(all.empty());
        return kcity::format_diagnostic(all.front());
    };
    CHECK(first_error("title: \"Uman\\r\\nselected\"\n") ==
          "x.yaml:1:8: error: the text holds a carriage return (U+000D) at character 5; remove it");
    CHECK(first_error("city: \"\\e[2J\"\n") ==
          "x.yaml:1:7: error: the text holds an escape character (U+001B) at character 1; remove "
          "it");
    CHECK(first_error("city: \"Uman\\u202Eabc\"\n") ==
          "x.yaml:1:7: error: the text holds a bidirectional control (U+202E) at character 5; "
          "remove it: it can reorder what a report shows");
    CHECK(first_error("city: \"\\x85\"\n").find("U+0085") != std::string::npos);
    CHECK(first_error("city: \"a\\u2066b\"\n").find("U+2066") != std::string::npos);
    CHECK(first_error("title: |\n  two\n  lines\n")
              .find("a line break (U+000A) at character 4; "
                    "a value is one line") != std::string::npos);
    CHECK(first_error("title: \"a\\tb\"\n").find("a tab (U+0009)") != std::string::npos);
    // Folded into one line, and Korean text, are fine.
    Diagnostics d;
    kcity::read_yaml_stream("title: >-\n  one\n  line\ncity: 우만\n", "x.yaml", d,
                            [](kcity::YamlNode&&) {});
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("harden: blank text in disguise is blank", "[utf8][harden]") {
    CHECK(kcity::is_blank_text(""));
    CHECK(kcity::is_blank_text(" \t"));
    CHECK(kcity::is_blank_text("\u200B"));
    CHECK(kcity::is_blank_text("\u3000\u3000"));
    CHECK(kcity::is_blank_text("\u00A0\uFEFF\u2060"));
    CHECK_FALSE(kcity::is_blank_text("우만"));
    CHECK_FALSE(kcity::is_blank_text("\u200Ba"));

    fixtures::ProposalSpec p;
    p.id = "P1";
    p.city = "\"\u3000\"";
    fixtures::CallSpec spec;
    spec.tracks = {fixtures::TrackSpec{}.file()};
    std::string text = p.yaml();
    text.replace(text.find("title: Proposal P1"), 18, "title: {ko: \"\", en: \"\u200B\"}");
    spec.proposals = {text};
    auto run = fixtures::load(spec);
    INFO(run->errors());
    CHECK(has_error(run->diags, "`city` is empty"));
    CHECK(has_error(run->diags, "`title` (ko) is empty"));
    CHECK(has_error(run->diags, "`title` (en) is empty"));
}

TEST_CASE("harden: a long value is cut in its message", "[diagnostics][harden]") {
    Diagnostics d;
    d.error({"x.yaml", 1, 1}, "unknown key `" + std::string(200'000, 'k') + "` here");
    const std::string m = d.sorted().front().message;
    CHECK(m.size() < 200);
    CHECK(m.starts_with("unknown key `kkk"));
    CHECK(m.ends_with("k…` here"));
    // Short values stay whole.
    Diagnostics s;
    s.error({"x.yaml", 1, 1}, "unknown key `name` here");
    CHECK(s.sorted().front().message == "unknown key `name` here");
}

TEST_CASE("harden: a free attribute keeps its text whatever its precision", "[harden]") {
    fixtures::ProposalSpec p = fixtures::scored("P1", "50");
    p.attributes = "site_lat: 37.566535";
    fixtures::TrackSpec t;
    auto run = fixtures::run(t, {p});
    const kcity::Value* v = run->get("P1").proposal->attribute("site_lat");
    REQUIRE(v);
    CHECK(v->text == "37.566535");

    // A rule that compares it says why it cannot.
    fixtures::TrackSpec tested = with_rule("{field: attributes.site_lat, at_least: 37.5}");
    fixtures::CallSpec spec;
    spec.tracks = {tested.file()};
    spec.proposals = {fixtures::documents({p})};
    auto loaded = fixtures::load(spec);
    CHECK(has_error(loaded->diags,
                    "`attributes.site_lat` is 37.566535, a number with more than 4 "
                    "decimal places"));
}

TEST_CASE("harden: a rules file over 8 MiB is refused before it is parsed", "[rules][harden]") {
    // A history of 8 MiB + 1 byte: comments only, so that a parse would find nothing wrong.
    std::string history(kcity::max_rules_file_bytes + 1, '\n');
    history.replace(0, 8, "# big \n\n");
    Diagnostics d;
    auto rules = kcity::parse_rules({{"program.yaml", fixtures::program_yaml()},
                                     fixtures::TrackSpec{}.file(),
                                     {"history.yaml", history}},
                                    "rules", d);
    CHECK(fixtures::errors_of(d) ==
          "history.yaml:1:1: error: the rules file is 8,388,609 bytes, more than the 8,388,608 "
          "bytes (8 MiB) kcity reads from a rules file\n");
    CHECK(rules.history.empty());
    // At the limit, it is read.
    history.pop_back();
    Diagnostics ok;
    kcity::parse_rules({{"program.yaml", fixtures::program_yaml()},
                        fixtures::TrackSpec{}.file(),
                        {"history.yaml", history}},
                       "rules", ok);
    CHECK(fixtures::errors_of(ok).find("8 MiB") == std::string::npos);
}
