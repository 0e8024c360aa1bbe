#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/base/sha256.hpp"
#include "kcity/load/load.hpp"

using fixtures::has_error;
using kcity::Decimal;
using kcity::Diagnostics;
using kcity::Rules;
using kcity::SourceFile;

namespace {

const char* planning_yaml = R"(track: planning
name: {ko: 계획수립형, en: Planning}
deadline: 2023-05-10
award:
  min_krw: 300000000
  max_krw: "5억"
  above_max: reject
panel:
  min_reviewers: 5
  aggregate: trimmed-mean
  trim: 2
criteria:
  - id: importance
    name: {ko: 사업 중요도, en: Importance}
    max: 30
    cutoff: 12.5
  - id: viability
    name: Viability
    max: 30
  - id: feasibility
    name: {en: Feasibility}
    max: 40
    weight: 1.5
threshold: 70
rounding: 3
eligibility:
  - id: applicant-type
    name: {ko: 신청기관 자격, en: Applicant type}
    require: {field: applicant.type, in: [government, public-body]}
  - id: not-korea
    name: Abroad
    require: {not: {field: country, equals: KR}}
adjustments:
  - id: matching-fund
    name: Matching fund
    when: {field: attributes.matching_fund_krw, at_least: "1억"}
    points: 2
  - id: late
    name: Late documents
    when: {field: attributes.late, equals: true}
    points: -1.5
adjustment_caps: {bonus: 3, penalty: 1}
selection:
  min: 4
  max: 5
  budget_krw: 2000000000
  max_per_country: 1
  method: optimal
  budget_fit: reduce
  reserve: 2
tie_break: [feasibility, importance:asc, base:asc, requested_krw, submitted_at:desc, id:desc]
)";

const char* program_text = R"(program: K-City Network
year: 2023
timezone: "+08:00"
budget_krw: 4000000000
tracks: [planning]
)";

Rules parse(std::vector<SourceFile> files, Diagnostics& diags) {
    return kcity::parse_rules(files, "rules", diags);
}

// Diagnostics of track `t` built from `track` under the default program.
Diagnostics errors_of(const fixtures::TrackSpec& track,
                      const std::string& program = fixtures::program_yaml()) {
    Diagnostics diags;
    parse({{"program.yaml", program}, track.file()}, diags);
    return diags;
}

}  // namespace

TEST_CASE("rules: a good program and track", "[rules]") {
    Diagnostics diags;
    Rules rules = parse({{"program.yaml", program_text}, {"planning.yaml", planning_yaml}}, diags);
    INFO(fixtures::errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    CHECK(diags.size() == 0);

    CHECK(rules.program.name == "K-City Network");
    CHECK(rules.program.year == 2023);
    CHECK(rules.program.tz_minutes == 480);
    CHECK(rules.program.budget_krw == 4'000'000'000);
    CHECK(rules.program.tracks == std::vector<std::string>{"planning"});
    CHECK(rules.origin == "rules");
    CHECK(rules.sha256.size() == 64);
    REQUIRE(rules.tracks.size() == 1);
    REQUIRE(rules.track("planning") == &rules.tracks[0]);
    CHECK(rules.track("pilot") == nullptr);

    const kcity::TrackRules& t = rules.tracks[0];
    CHECK(t.id == "planning");
    CHECK(t.name.ko == "계획수립형");
    CHECK(t.name.get(false) == "Planning");
    CHECK(t.file == "planning.yaml");
    CHECK(t.deadline == kcity::parse_datetime("2023-05-10").value);
    CHECK(t.award_min == 300'000'000);
    CHECK(t.award_max == 500'000'000);
    CHECK(t.reject_above_max);
    CHECK(t.min_reviewers == 5);
    CHECK(t.aggregate == kcity::Aggregate::trimmed_mean);
    CHECK(t.trim == 2);
    REQUIRE(t.criteria.size() == 3);
    CHECK(t.criteria[0].id == "importance");
    CHECK(t.criteria[0].max == Decimal::from_int(30));
    REQUIRE(t.criteria[0].cutoff.has_value());
    CHECK(*t.criteria[0].cutoff == Decimal{125000});
    CHECK(t.criteria[0].weight == Decimal::from_int(1));
    CHECK_FALSE(t.criteria[1].cutoff.has_value());
    CHECK(t.criteria[1].name.get(true) == "Viability");
    CHECK(t.criteria[2].weight == Decimal{15000});
    CHECK(t.criterion_index("feasibility") == 2);
    CHECK(t.criterion_index("nope") == -1);
    REQUIRE(t.threshold.has_value());
    CHECK(*t.threshold == Decimal::from_int(70));
    CHECK(t.rounding == 3);
    REQUIRE(t.eligibility.size() == 2);
    CHECK(t.eligibility[0].id == "applicant-type");
    CHECK(t.eligibility[0].require.field == "applicant.type");
    CHECK(t.eligibility[0].require.op == kcity::Op::in);
    CHECK(t.eligibility[0].require.values.size() == 2);
    CHECK(t.eligibility[1].require.kind == kcity::Predicate::Kind::negate);
    REQUIRE(t.adjustments.size() == 2);
    CHECK(t.adjustments[0].points == Decimal::from_int(2));
    CHECK(t.adjustments[0].when.values.at(0).type == kcity::Value::Type::money);
    CHECK(t.adjustments[0].when.values.at(0).money == 100'000'000);
    CHECK(t.adjustments[1].points == Decimal{-15000});
    CHECK(t.adjustments[1].points_text == "-1.5");
    REQUIRE(t.cap_bonus.has_value());
    REQUIRE(t.cap_penalty.has_value());
    CHECK(*t.cap_bonus == Decimal::from_int(3));
    CHECK(*t.cap_penalty == Decimal::from_int(1));
    CHECK(t.selection.min == 4);
    CHECK(t.selection.max == 5);
    CHECK(t.selection.budget_krw == 2'000'000'000);
    CHECK(t.selection.max_per_country == 1);
    CHECK(t.selection.method == kcity::Method::optimal);
    CHECK(t.selection.budget_fit == kcity::BudgetFit::reduce);
    CHECK(t.selection.reserve == 2);

    using K = kcity::TieKey::Kind;
    REQUIRE(t.tie_break.size() == 6);
    CHECK(t.tie_break[0].kind == K::criterion);
    CHECK(t.tie_break[0].criterion == 2);
    CHECK(t.tie_break[0].descending);  // a criterion: higher first
    CHECK(t.tie_break[1].kind == K::criterion);
    CHECK(t.tie_break[1].criterion == 0);
    CHECK_FALSE(t.tie_break[1].descending);  // :asc
    CHECK(t.tie_break[2].kind == K::base);
    CHECK_FALSE(t.tie_break[2].descending);
    CHECK(t.tie_break[3].kind == K::requested_krw);
    CHECK_FALSE(t.tie_break[3].descending);  // lower first
    CHECK(t.tie_break[4].kind == K::submitted_at);
    CHECK(t.tie_break[4].descending);
    CHECK(t.tie_break[5].kind == K::id);
    CHECK(t.tie_break[5].descending);
    CHECK(t.tie_break[5].text == "id:desc");
}

TEST_CASE("rules: defaults where keys are left out", "[rules]") {
    fixtures::TrackSpec spec;
    spec.panel = "{min_reviewers: 3, aggregate: trimmed-mean}";
    Diagnostics diags;
    Rules rules = parse({{"program.yaml", fixtures::program_yaml()}, spec.file()}, diags);
    INFO(fixtures::errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    const kcity::TrackRules& t = rules.tracks.at(0);
    CHECK_FALSE(t.reject_above_max);
    CHECK(t.trim == 1);
    CHECK(t.rounding == 2);
    CHECK_FALSE(t.criteria[0].cutoff.has_value());
    CHECK_FALSE(t.threshold.has_value());
    CHECK(t.eligibility.empty());
    CHECK(t.adjustments.empty());
    CHECK_FALSE(t.cap_bonus.has_value());
    CHECK_FALSE(t.cap_penalty.has_value());
    CHECK_FALSE(t.selection.max_per_country.has_value());
    CHECK(t.selection.method == kcity::Method::merit);
    CHECK(t.selection.budget_fit == kcity::BudgetFit::skip);
    CHECK(t.selection.reserve == 0);
    CHECK(t.tie_break.empty());
    CHECK(rules.program.tz_minutes == 540);
    CHECK(rules.history.empty());
    CHECK(rules.decisions.withdrawn.empty());
}

TEST_CASE("rules: history and decisions", "[rules]") {
    fixtures::CallSpec spec;
    spec.tracks = {fixtures::TrackSpec{}.file()};
    spec.history =
        "- {year: 2022, track: t, country: KG, city: Issyk-Kul}\n- {year: 2021, track: t, country: "
        "ES}\n";
    spec.decisions = "withdrawn: [P3]\nawards: {P7: \"4억\"}\n";
    Diagnostics diags;
    Rules rules = fixtures::rules_from(spec, diags);
    INFO(fixtures::errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(rules.history.size() == 2);
    CHECK(rules.history[0].year == 2022);
    CHECK(rules.history[0].country == "KG");
    CHECK(rules.history[0].city == std::optional<std::string>("Issyk-Kul"));
    CHECK_FALSE(rules.history[1].city.has_value());
    CHECK(rules.decisions.withdrawn.count("P3") == 1);
    REQUIRE(rules.decisions.awards.count("P7") == 1);
    CHECK(rules.decisions.awards.at("P7").first == 400'000'000);
    CHECK(rules.decisions.awards.at("P7").second.file == "decisions.yaml");

    SECTION("mistakes in them") {
        spec.history = "- {year: 2022, track: t, country: kg, cty: X}\n";
        spec.decisions = "withdrawn: [P3, P3]\nawrds: {}\n";
        Diagnostics d;
        fixtures::rules_from(spec, d);
        CHECK(has_error(d, "not an ISO 3166-1 alpha-2 country code", "history.yaml", 1));
        CHECK(has_error(d, "unknown key `cty`", "history.yaml", 1));
        CHECK(has_error(d, "`P3` is listed twice", "decisions.yaml", 1));
        CHECK(has_error(d, "unknown key `awrds` in decisions.yaml (did you mean `awards`?)",
                        "decisions.yaml", 2));
    }
}

TEST_CASE("rules: trim too large for min_reviewers", "[rules]") {
    fixtures::TrackSpec t;
    t.panel = "{min_reviewers: 4, aggregate: trimmed-mean, trim: 2}";
    Diagnostics d = errors_of(t);
    CHECK(has_error(d, "`panel.trim` 2 drops more reviews than `min_reviewers` 4", "t.yaml", 5));
    // The default trim of 1 needs three reviewers.
    t.panel = "{min_reviewers: 2, aggregate: trimmed-mean}";
    CHECK(has_error(errors_of(t), "2 × trim + 1 must not exceed min_reviewers", "t.yaml", 5));
    // 2 × 1 + 1 = 3 is fine; and trim means nothing to mean and median.
    t.panel = "{min_reviewers: 3, aggregate: trimmed-mean, trim: 1}";
    CHECK_FALSE(errors_of(t).has_errors());
    t.panel = "{min_reviewers: 1, aggregate: median}";
    CHECK_FALSE(errors_of(t).has_errors());
}

TEST_CASE("rules: a cut-off above the criterion's max", "[rules]") {
    fixtures::TrackSpec t;
    t.criteria = "[{id: a, name: A, max: 30, cutoff: 30.5}]";
    Diagnostics d = errors_of(t);
    CHECK(has_error(d, "`cutoff` is more than the criterion's `max`", "t.yaml", 6));
    t.criteria = "[{id: a, name: A, max: 30, cutoff: 30}]";
    CHECK_FALSE(errors_of(t).has_errors());
}

TEST_CASE("rules: an unknown tie-break key, with a suggestion", "[rules]") {
    fixtures::TrackSpec t;
    t.criteria = "[{id: feasibility, name: F, max: 40}]";
    t.extra = "tie_break: [feasability, submited_at:desc, wobble]\n";
    Diagnostics d = errors_of(t);
    CHECK(has_error(d, "unknown tie-break key `feasability` (did you mean `feasibility`?)",
                    "t.yaml", 8));
    CHECK(has_error(d, "unknown tie-break key `submited_at` (did you mean `submitted_at`?)",
                    "t.yaml", 8));
    CHECK(has_error(d, "unknown tie-break key `wobble`", "t.yaml", 8));
    CHECK_FALSE(has_error(d, "`wobble` (did you mean"));
}

TEST_CASE("rules: selection min above max", "[rules]") {
    fixtures::TrackSpec t;
    t.selection = "{min: 6, max: 5, budget_krw: 4000000000}";
    CHECK(has_error(errors_of(t), "`selection.min` is more than `selection.max`", "t.yaml", 7));
}

TEST_CASE("rules: min × award.min_krw must fit the track budget", "[rules]") {
    fixtures::TrackSpec t;
    t.award = "{min_krw: 300000000, max_krw: 500000000}";
    t.selection = "{min: 4, max: 5, budget_krw: 1199999999}";
    Diagnostics d = errors_of(t);
    CHECK(
        has_error(d,
                  "`selection.budget_krw` KRW 1,199,999,999 cannot fund `min` 4 awards of at least "
                  "KRW 300,000,000",
                  "t.yaml", 7));
    t.selection = "{min: 4, max: 5, budget_krw: 1200000000}";
    CHECK_FALSE(errors_of(t).has_errors());
}

TEST_CASE("rules: the track budgets may not exceed the envelope", "[rules]") {
    fixtures::TrackSpec a, b;
    a.id = "a";
    b.id = "b";
    a.selection = "{min: 1, max: 5, budget_krw: 2500000000}";
    b.selection = "{min: 1, max: 5, budget_krw: \"15억\"}";
    Diagnostics d;
    parse({{"program.yaml", fixtures::program_yaml("[a, b]", "4000000000")}, a.file(), b.file()},
          d);
    CHECK_FALSE(d.has_errors());  // exactly the envelope is fine

    b.selection = "{min: 1, max: 5, budget_krw: 1500000001}";
    Diagnostics e;
    parse({{"program.yaml", fixtures::program_yaml("[a, b]", "4000000000")}, a.file(), b.file()},
          e);
    CHECK(has_error(e,
                    "the track budgets add up to KRW 4,000,000,001, more than the programme's "
                    "budget_krw KRW 4,000,000,000",
                    "program.yaml", 1));
}

TEST_CASE("rules: eligibility rule ids may not be the built-in checks", "[rules]") {
    fixtures::TrackSpec t;
    t.extra =
        "eligibility:\n"
        "  - id: deadline\n"
        "    name: Deadline\n"
        "    require: {field: country, equals: VN}\n"
        "  - id: award-range\n"
        "    name: Range\n"
        "    require: {field: requested_krw, at_most: 500000000}\n"
        "  - id: fine\n"
        "    name: Fine\n"
        "    require: {field: country, equals: VN}\n";
    Diagnostics d = errors_of(t);
    CHECK(has_error(d, "`deadline` is a built-in check; choose another rule id", "t.yaml", 9));
    CHECK(has_error(d, "`award-range` is a built-in check", "t.yaml", 12));
    CHECK(d.sorted().size() == 2);
}

TEST_CASE("rules: an unknown operator, with a suggestion", "[rules]") {
    fixtures::TrackSpec t;
    t.extra =
        "eligibility:\n"
        "  - id: country\n"
        "    name: Country\n"
        "    require: {field: country, equal: VN}\n";
    Diagnostics d = errors_of(t);
    CHECK(has_error(d, "unknown operator `equal` (did you mean `equals`?)", "t.yaml", 11));
    auto e = fixtures::find_error(d, "unknown operator");
    REQUIRE(e.has_value());
    CHECK(e->where.column == 31);

    SECTION("two operators in one test") {
        t.extra =
            "adjustments:\n"
            "  - id: x\n"
            "    name: X\n"
            "    when: {field: country, equals: VN, in: [TH]}\n"
            "    points: 1\n";
        CHECK(has_error(errors_of(t), "a test has exactly one operator", "t.yaml", 11));
    }
    SECTION("an unknown field, with a suggestion") {
        t.extra =
            "eligibility:\n"
            "  - id: partner\n"
            "    name: Partner\n"
            "    require: {field: partner.contry, exists: true}\n";
        CHECK(has_error(errors_of(t),
                        "unknown field `partner.contry` (did you mean `partner.country`?)",
                        "t.yaml", 11));
    }
}

TEST_CASE("rules: a misspelt operator, combinator or field is one error, with a suggestion",
          "[rules]") {
    fixtures::TrackSpec t;
    auto with_rule = [&](const std::string& require) {
        t.extra = "eligibility:\n  - id: r\n    name: R\n    require: " + require + "\n";
        return errors_of(t);
    };
    // Each misspelt key is the whole mistake: no second error about the operator or `field`
    // that the map then lacks.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{field: applicant.type, inn: [government]}",
         "unknown operator `inn` (did you mean `in`?)"},
        {"{field: country, equal: VN}", "unknown operator `equal` (did you mean `equals`?)"},
        {"{nott: {field: country, equals: KR}}", "unknown operator `nott` (did you mean `not`?)"},
        {"{Not: {field: country, equals: KR}}", "unknown operator `Not` (did you mean `not`?)"},
        {"{alll: [{field: country, equals: VN}]}", "unknown operator `alll` (did you mean `all`?)"},
        {"{anyy: [{field: country, equals: VN}]}", "unknown operator `anyy` (did you mean `any`?)"},
        {"{fieldd: country, equals: VN}", "unknown operator `fieldd` (did you mean `field`?)"},
        {"{field: country, xyzzy: VN}", "unknown operator `xyzzy`"},
    };
    for (const auto& [rule, message] : cases) {
        Diagnostics d = with_rule(rule);
        INFO(rule << "\n" << fixtures::errors_of(d));
        CHECK(has_error(d, message, "t.yaml", 11));
        CHECK(d.sorted().size() == 1);
    }
    // No suggestion for a word far from every key.
    CHECK_FALSE(has_error(with_rule("{field: country, xyzzy: VN}"), "did you mean"));

    SECTION("a missing `field` beside a misspelt operator is still reported") {
        Diagnostics d = with_rule("{inn: [VN]}");
        INFO(fixtures::errors_of(d));
        CHECK(has_error(d, "unknown operator `inn` (did you mean `in`?)", "t.yaml", 11));
        CHECK(has_error(d, "a test needs `field`, the path it tests", "t.yaml", 11));
        CHECK(d.sorted().size() == 2);
    }
    SECTION("and without any misspelling, the missing parts") {
        CHECK(has_error(with_rule("{equals: VN}"), "a test needs `field`, the path it tests",
                        "t.yaml", 11));
        CHECK(has_error(with_rule("{}"), "a test needs `field` and one operator", "t.yaml", 11));
        CHECK(has_error(with_rule("{field: country}"), "a test needs one operator", "t.yaml", 11));
    }
}

TEST_CASE("rules: operator values of the wrong type", "[rules]") {
    fixtures::TrackSpec t;
    auto with_rule = [&](const std::string& require) {
        t.extra = "eligibility:\n  - id: r\n    name: R\n    require: " + require + "\n";
        return errors_of(t);
    };
    CHECK(has_error(with_rule("{field: applicant.type, at_least: abc}"),
                    "`at_least` and `at_most` compare numbers or amounts, not text", "t.yaml", 11));
    CHECK(has_error(with_rule("{field: attributes.flag, at_most: true}"),
                    "compare numbers or amounts, not a boolean", "t.yaml", 11));
    CHECK(has_error(with_rule("{field: submitted_at, before: 2023-02-30}"), "a date is needed here",
                    "t.yaml", 11));
    CHECK(has_error(with_rule("{field: attributes.start, after: 12}"), "a date is needed here",
                    "t.yaml", 11));
    CHECK(has_error(with_rule("{field: requested_krw, at_most: 4.5e8}"),
                    "an amount compared with `requested_krw`", "t.yaml", 11));
    CHECK(has_error(with_rule("{field: country, exists: yes}"), "must be true or false", "t.yaml",
                    11));
    CHECK(has_error(with_rule("{field: country, in: VN}"), "take a list", "t.yaml", 11));
    CHECK(has_error(with_rule("{field: attributes.n, in: [1, two]}"), "all be of one type",
                    "t.yaml", 11));
    CHECK(has_error(with_rule("{field: attributes.n, equals: 010}"), "leading zero", "t.yaml", 11));
    CHECK(has_error(with_rule("{field: domain, in_history: true}"),
                    "`in_history` tests a `country` or `city` field", "t.yaml", 11));
    CHECK(has_error(with_rule("{all: []}"), "non-empty list", "t.yaml", 11));
    CHECK(has_error(with_rule("{field: country}"), "a test needs one operator", "t.yaml", 11));
    // and the same tests written correctly
    CHECK_FALSE(with_rule("{field: requested_krw, at_most: \"4억 5천만원\"}").has_errors());
    CHECK_FALSE(with_rule("{field: attributes.n, at_least: 1.5}").has_errors());
    CHECK_FALSE(with_rule("{field: submitted_at, before: 2023-05-10T12:00:00+09:00}").has_errors());
}

TEST_CASE("rules: a track file not listed in program.yaml", "[rules]") {
    fixtures::TrackSpec t, u;
    u.id = "u";
    Diagnostics d;
    parse({{"program.yaml", fixtures::program_yaml("[t]")}, t.file(), u.file()}, d);
    CHECK(has_error(d, "this track file is not listed in program.yaml `tracks`", "u.yaml", 1));
    CHECK(d.sorted().size() == 1);

    SECTION("and a listed track without its file") {
        Diagnostics e;
        parse({{"program.yaml", fixtures::program_yaml("[t, v]")}, t.file()}, e);
        CHECK(has_error(e, "track `v` has no rules file v.yaml", "program.yaml", 1));
    }
}

TEST_CASE("rules: other mistakes, each at its place", "[rules]") {
    SECTION("reserved track ids") {
        Diagnostics d;
        parse({{"program.yaml", fixtures::program_yaml("[t, history]")},
               fixtures::TrackSpec{}.file()},
              d);
        CHECK(has_error(d, "`history` is reserved", "program.yaml", 5));
    }
    SECTION("no program.yaml") {
        Diagnostics d;
        parse({fixtures::TrackSpec{}.file()}, d);
        CHECK(has_error(d, "has no program.yaml"));
    }
    SECTION("a quoted number where a number is required") {
        fixtures::TrackSpec t;
        t.criteria = "[{id: a, name: A, max: \"27\"}]";
        CHECK(has_error(errors_of(t), "`max` must be a number, not quoted text", "t.yaml", 6));
    }
    SECTION("a leading zero where a number is required") {
        fixtures::TrackSpec t;
        t.extra = "threshold: 070\n";
        CHECK(has_error(errors_of(t), "leading zero", "t.yaml", 8));
    }
    SECTION("an unknown key in a track, with a suggestion") {
        fixtures::TrackSpec t;
        t.extra = "tiebreak: [id]\n";
        CHECK(has_error(errors_of(t),
                        "unknown key `tiebreak` in the track rules (did you mean `tie_break`?)",
                        "t.yaml", 8));
    }
    SECTION("a track file that names another track") {
        fixtures::TrackSpec t;
        Diagnostics d;
        parse({{"program.yaml", fixtures::program_yaml("[t]")},
               {"t.yaml", "track: x\n" + t.yaml().substr(9)}},
              d);
        CHECK(has_error(d, "`track` is `x` but the file is named for `t`", "t.yaml", 1));
    }
    SECTION("a criterion defined twice and a criterion named like a tie-break key") {
        fixtures::TrackSpec t;
        t.criteria =
            "[{id: a, name: A, max: 10}, {id: a, name: B, max: 10}, {id: base, name: C, max: 10}]";
        Diagnostics d = errors_of(t);
        CHECK(has_error(d, "criterion `a` is defined twice", "t.yaml", 6));
        CHECK(has_error(d, "`base` is a tie-break key", "t.yaml", 6));
    }
    SECTION("a date that does not exist") {
        fixtures::TrackSpec t;
        t.deadline = "2023-02-30";
        CHECK(has_error(errors_of(t), "`deadline`", "t.yaml", 3));
    }
    SECTION("a threshold no proposal can reach") {
        fixtures::TrackSpec t;
        t.criteria = "[{id: a, name: A, max: 30, weight: 2}]";
        t.extra = "threshold: 60.01\n";
        CHECK(has_error(errors_of(t), "more than the highest possible base score", "t.yaml", 8));
        t.extra = "threshold: 60\n";
        CHECK_FALSE(errors_of(t).has_errors());
    }
    SECTION("rounding beyond four places") {
        fixtures::TrackSpec t;
        t.extra = "rounding: 5\n";
        CHECK(has_error(errors_of(t), "`rounding` must be from 0 to 4", "t.yaml", 8));
    }
    SECTION("a choice that is not one") {
        fixtures::TrackSpec t;
        t.selection = "{min: 0, max: 1, budget_krw: 1000000000, method: optimum}";
        CHECK(has_error(errors_of(t), "(did you mean `optimal`?)", "t.yaml", 7));
    }
    SECTION("a YAML `yes` is not a boolean") {
        fixtures::TrackSpec t;
        t.extra =
            "eligibility:\n  - {id: r, name: R, require: {field: partner.country, exists: yes}}\n";
        CHECK(has_error(errors_of(t), "must be true or false, not text (yes)", "t.yaml", 9));
    }
}

TEST_CASE("rules: 010, .nan and .inf are refused wherever a number is expected", "[rules]") {
    struct Case {
        const char* what;
        std::string criteria, extra, selection;
        const char* message;
    };
    const std::string criteria = "[{id: a, name: A, max: 100}]";
    const std::string selection = "{min: 0, max: 10, budget_krw: 4000000000}";
    const std::string rule = "eligibility:\n  - {id: r, name: R, require: ";
    for (const Case& c : {
             Case{"max .inf", "[{id: a, name: A, max: .inf}]", "", selection, "plain decimal"},
             Case{"max 010", "[{id: a, name: A, max: 010}]", "", selection, "leading zero"},
             Case{"cutoff .nan", "[{id: a, name: A, max: 100, cutoff: .NaN}]", "", selection,
                  "plain decimal"},
             Case{"weight -.inf", "[{id: a, name: A, max: 100, weight: -.inf}]", "", selection,
                  "plain decimal"},
             Case{"threshold .nan", criteria, "threshold: .nan\n", selection, "plain decimal"},
             Case{"points 010", criteria,
                  "adjustments:\n  - {id: x, name: X, when: {field: country, equals: VN}, "
                  "points: 010}\n",
                  selection, "leading zero"},
             Case{"cap .inf", criteria, "adjustment_caps: {bonus: .inf}\n", selection,
                  "plain decimal"},
             Case{"rounding 02", criteria, "rounding: 02\n", selection, "leading zero"},
             Case{"selection.max 010", criteria, "", "{min: 0, max: 010, budget_krw: 4억}",
                  "leading zero"},
             Case{"at_least .nan", criteria, rule + "{field: attributes.n, at_least: .nan}}\n",
                  selection, "plain decimal"},
             Case{"equals 010", criteria, rule + "{field: attributes.n, equals: 010}}\n", selection,
                  "leading zero"},
             Case{"money .inf", criteria, rule + "{field: attributes.fund_krw, at_least: .inf}}\n",
                  selection, "not an amount"},
             Case{"money 010", criteria, rule + "{field: requested_krw, at_most: 010}}\n",
                  selection, "leading zero"},
         }) {
        INFO(c.what);
        fixtures::TrackSpec t;
        t.criteria = c.criteria;
        t.extra = c.extra;
        t.selection = c.selection;
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(has_error(d, c.message, "t.yaml"));
        CHECK(d.sorted().size() == 1);  // and nothing else follows from it
    }
    SECTION("in program.yaml and history.yaml too") {
        Diagnostics d;
        std::string program = fixtures::program_yaml();
        program.replace(program.find("year: 2023"), 10, "year: 02023");
        parse({{"program.yaml", program},
               fixtures::TrackSpec{}.file(),
               {"history.yaml", "- {year: .inf, track: t, country: VN}\n"}},
              d);
        CHECK(has_error(d, "leading zero", "program.yaml", 2));
        CHECK(has_error(d, "plain decimal", "history.yaml", 1));
    }
}

TEST_CASE("rules: one mistake gives one error, not its consequences", "[rules]") {
    SECTION("a `max` that cannot be read: no cut-off or threshold error follows") {
        fixtures::TrackSpec t;
        t.criteria = "[{id: a, name: A, max: lots, cutoff: 10}]";
        t.extra = "threshold: 50\n";
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(d.sorted().size() == 1);
        CHECK(has_error(d, "`max` must be a number", "t.yaml", 6));
    }
    SECTION("a `max` of 0: reported once") {
        fixtures::TrackSpec t;
        t.criteria = "[{id: a, name: A, max: 0, cutoff: 10}]";
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(d.sorted().size() == 1);
        CHECK(has_error(d, "`max` must be more than 0"));
    }
    SECTION("a `min_reviewers` that cannot be read: no trim error follows") {
        fixtures::TrackSpec t;
        t.panel = "{min_reviewers: \"5\", aggregate: trimmed-mean, trim: 2}";
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(d.sorted().size() == 1);
    }
    SECTION("an award amount that cannot be read: no min-above-max error follows") {
        fixtures::TrackSpec t;
        t.award = "{min_krw: 1억, max_krw: 4.5e8}";
        Diagnostics d = errors_of(t);
        INFO(fixtures::errors_of(d));
        CHECK(d.sorted().size() == 1);
    }
    SECTION("program.yaml that cannot be read: its track files are not reported as unlisted") {
        Diagnostics d;
        parse({{"program.yaml", "program: [x\n"}, fixtures::TrackSpec{}.file()}, d);
        INFO(fixtures::errors_of(d));
        CHECK(d.sorted().size() == 1);
        CHECK(has_error(d, "YAML syntax", "program.yaml"));
    }
    SECTION("a negative cut-off") {
        fixtures::TrackSpec t;
        t.criteria = "[{id: a, name: A, max: 10, cutoff: -1}]";
        CHECK(has_error(errors_of(t), "`cutoff` must not be negative", "t.yaml", 6));
    }
}

TEST_CASE("rules: files with errors are marked, so proposals are not checked against them",
          "[rules]") {
    Diagnostics d;
    fixtures::TrackSpec good, bad;
    good.id = "g";
    bad.criteria = "[{id: a, name: A, max: lots}]";
    Rules rules =
        parse({{"program.yaml", fixtures::program_yaml("[t, g]")}, bad.file(), good.file()}, d);
    REQUIRE(rules.tracks.size() == 2);
    CHECK(rules.tracks[0].has_errors);
    CHECK_FALSE(rules.tracks[1].has_errors);
    CHECK_FALSE(rules.program.has_errors);

    SECTION("a track file that cannot be read still names its track") {
        Diagnostics e;
        Rules r = parse({{"program.yaml", fixtures::program_yaml("[t]")}, {"t.yaml", "a: [\n"}}, e);
        REQUIRE(r.tracks.size() == 1);
        CHECK(r.tracks[0].id == "t");
        CHECK(r.tracks[0].has_errors);
    }
    SECTION("program.yaml: a missing track file or an unlisted one") {
        Diagnostics e;
        Rules r = parse({{"program.yaml", fixtures::program_yaml("[t, v]")}, good.file()}, e);
        CHECK(r.program.has_errors);
        Diagnostics f;
        Rules s = parse({{"program.yaml", fixtures::program_yaml("[t]")},
                         fixtures::TrackSpec{}.file(),
                         good.file()},
                        f);
        CHECK(s.program.has_errors);
    }
    SECTION("proposals of a track with errors: one error in all") {
        fixtures::CallSpec spec;
        spec.tracks = {bad.file()};
        fixtures::ProposalSpec p;
        p.id = "P1";
        p.reviews = fixtures::reviews({"a: 200", "a: 300, b: 1"});
        p.attributes = "flag: yes";
        spec.proposals = {fixtures::documents({p})};
        auto run = fixtures::load(spec);
        INFO(run->errors());
        CHECK(run->diags.sorted().size() == 1);
    }
    SECTION("proposals naming a track, when program.yaml has errors") {
        fixtures::CallSpec spec;
        spec.program = fixtures::program_yaml("[t, missing]");
        spec.tracks = {fixtures::TrackSpec{}.file()};
        fixtures::ProposalSpec p;
        p.id = "P1";
        p.track = "missing";
        spec.proposals = {fixtures::documents({p})};
        auto run = fixtures::load(spec);
        INFO(run->errors());
        CHECK(run->diags.sorted().size() == 1);
        CHECK(has_error(run->diags, "track `missing` has no rules file", "program.yaml"));
    }
}

TEST_CASE("rules: a second document is reported where it starts", "[rules]") {
    Diagnostics d;
    parse({{"program.yaml", fixtures::program_yaml() + "---\nprogram: again\n"},
           fixtures::TrackSpec{}.file()},
          d);
    CHECK(has_error(d, "a rules file holds one YAML document; this is a second one", "program.yaml",
                    7));
    Diagnostics e;
    parse({{"program.yaml", fixtures::program_yaml()},
           fixtures::TrackSpec{}.file(),
           {"history.yaml", "# none yet\n"}},
          e);
    CHECK(has_error(e, "the file is empty", "history.yaml", 1));
}

TEST_CASE("rules: an unreadable file adds no error of its own and marks what depends on it",
          "[rules]") {
    // The reader reported "cannot read the file" already: parse_rules adds nothing, and the
    // program or track is marked, so that proposals are not checked against missing rules.
    Diagnostics diags;
    Rules no_program = parse({{"program.yaml", "", true}, {"planning.yaml", planning_yaml}}, diags);
    CHECK(diags.size() == 0);
    CHECK(no_program.program.has_errors);
    Rules no_track = parse({{"program.yaml", program_text}, {"planning.yaml", "", true}}, diags);
    INFO(fixtures::errors_of(diags));
    CHECK(diags.size() == 0);
    REQUIRE(no_track.tracks.size() == 1);
    CHECK(no_track.tracks[0].has_errors);
}

TEST_CASE("rules: a rules file in CP949 or UTF-16 is read, with a note for CP949", "[rules]") {
    Diagnostics diags;
    // program.yaml with a Korean comment, in CP949 ("# 사업" is 0xBB 0xE7 0xBE 0xF7).
    std::string program = std::string("# \xBB\xE7\xBE\xF7\n") + program_text;
    Rules rules = parse({{"program.yaml", program}, {"planning.yaml", planning_yaml}}, diags);
    INFO(fixtures::errors_of(diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(rules.program.year == 2023);
    REQUIRE(diags.notes().size() == 1);
    CHECK(diags.notes()[0].where.file.str() == "program.yaml");
}

// SPEC §5: results_date and appeal_days, which the letters turn into the last day to object.
TEST_CASE("rules: program.yaml's results_date and appeal_days", "[rules]") {
    fixtures::TrackSpec track;
    auto program = [](const std::string& extra) {
        return fixtures::program_yaml("[t]", "4000000000", 2023, extra);
    };
    Diagnostics diags;
    Rules rules = parse(
        {{"program.yaml", program("results_date: 2023.6.20\nappeal_days: 10\n")}, track.file()},
        diags);
    INFO(fixtures::errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(rules.program.results_date);
    CHECK(kcity::format_datetime(*rules.program.results_date) == "2023-06-20");
    CHECK(rules.program.appeal_days == 10);

    Diagnostics none;
    Rules without = parse({{"program.yaml", program("")}, track.file()}, none);
    CHECK_FALSE(without.program.results_date);
    CHECK_FALSE(without.program.appeal_days);

    CHECK(has_error(errors_of(track, program("results_date: 2023-02-29\n")),
                    "`results_date`: 2023-02-29 is not a date", "program.yaml", 6));
    CHECK(has_error(errors_of(track, program("results_date: 2023-06-20T10:00\n")),
                    "`results_date` must be a date (YYYY-MM-DD), not a date-time"));
    CHECK(has_error(errors_of(track, program("results_date: 20\n")),
                    "`results_date` must be a date"));
    CHECK(has_error(errors_of(track, program("appeal_days: 0\n")),
                    "`appeal_days` must be from 1 to 365, not 0"));
    CHECK(has_error(errors_of(track, program("appeal_days: 366\n")),
                    "`appeal_days` must be from 1 to 365, not 366"));
    CHECK(has_error(errors_of(track, program("appeal_days: 7.5\n")), "`appeal_days`"));
    CHECK(has_error(errors_of(track, program("appeal_day: 7\n")),
                    "unknown key `appeal_day` in program.yaml (did you mean `appeal_days`?)"));
    CHECK(has_error(errors_of(track, program("result_date: 2023-06-20\n")),
                    "(did you mean `results_date`?)"));
}

TEST_CASE("rules: program.yaml's committee, read and checked", "[rules]") {
    const std::string block =
        "committee:\n"
        "  name: {ko: 선정위원회, en: Selection Committee}\n"
        "  meeting_date: 2023-05-30\n"
        "  approval: [담당, {ko: 팀장, en: Team lead}]\n";
    Diagnostics diags;
    Rules rules = parse({{"program.yaml", fixtures::program_yaml("[t]", "4000000000", 2023, block)},
                         fixtures::TrackSpec{}.file()},
                        diags);
    INFO(fixtures::errors_of(diags));
    REQUIRE(diags.size() == 0);
    const kcity::Committee& c = rules.program.committee;
    CHECK(c.name.get(true) == "선정위원회");
    CHECK(c.name.get(false) == "Selection Committee");
    REQUIRE(c.meeting_date);
    CHECK(kcity::format_datetime(*c.meeting_date) == "2023-05-30");
    REQUIRE(c.approval.size() == 2);
    CHECK(c.approval[0].get(false) == "담당");
    CHECK(c.approval[1].get(true) == "팀장");
    CHECK(c.approval[1].get(false) == "Team lead");

    const std::string bad =
        "committee:\n"
        "  nmae: x\n"
        "  meeting_date: 2023-05-30T10:00\n"
        "  approval: []\n";
    Diagnostics errors;
    parse({{"program.yaml", fixtures::program_yaml("[t]", "4000000000", 2023, bad)},
           fixtures::TrackSpec{}.file()},
          errors);
    CHECK(has_error(errors, "unknown key `nmae` in `committee` (did you mean `name`?)",
                    "program.yaml", 7));
    CHECK(has_error(errors, "`committee.meeting_date` must be a date (YYYY-MM-DD), without a time",
                    "program.yaml", 8));
    CHECK(has_error(errors, "`committee.approval` must be a list of 1 to 8 titles", "program.yaml",
                    9));
    CHECK(errors.size() == 3);
}

// SPEC §5/§6: `lottery_seed` in program.yaml, needed by a track whose tie_break has `lottery`.
TEST_CASE("rules: lottery_seed and the lottery tie-break key", "[rules]") {
    fixtures::TrackSpec track;
    track.extra = "tie_break: [a, lottery]\n";
    auto program = [](const std::string& extra) {
        return fixtures::program_yaml("[t]", "4000000000", 2023, extra);
    };
    Diagnostics diags;
    Rules rules =
        parse({{"program.yaml", program("lottery_seed: \"K-City 2023\"\n")}, track.file()}, diags);
    INFO(fixtures::errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    CHECK(rules.program.lottery_seed == "K-City 2023");
    REQUIRE(rules.tracks.at(0).tie_break.size() == 2);
    CHECK(rules.tracks[0].tie_break[1].kind == kcity::TieKey::Kind::lottery);
    CHECK(rules.tracks[0].tie_break[1].seed == "K-City 2023");

    CHECK(has_error(errors_of(track, program("")),
                    "tie-break key `lottery` needs program.yaml's `lottery_seed`", "t.yaml", 8));
    CHECK(has_error(errors_of(track, program("lottery_seed: \"  \"\n")),
                    "`lottery_seed` must not be blank"));
    CHECK(
        has_error(errors_of(track, program("lotery_seed: x\n")), "(did you mean `lottery_seed`?)"));
    fixtures::TrackSpec named;
    named.criteria = "[{id: lottery, name: L, max: 100}]";
    CHECK(has_error(errors_of(named), "`lottery` is a tie-break key and cannot be a criterion id"));
}

TEST_CASE("hash_of_files is the digest of the sorted hashes, one per line", "[rules]") {
    const std::string a(64, 'a'), b(64, 'b'), c = "0" + std::string(63, 'f');
    CHECK(kcity::hash_of_files({b, c, a}) == kcity::sha256_hex(c + "\n" + a + "\n" + b + "\n"));
    CHECK(kcity::hash_of_files({}) == kcity::sha256_hex(""));
    // The empty list's digest, as sha256sum prints it for no bytes.
    CHECK(kcity::hash_of_files({}) ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
