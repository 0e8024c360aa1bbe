#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/evaluate/predicate.hpp"
#include "kcity/load/predicate.hpp"

using fixtures::ProposalSpec;
using kcity::Diagnostics;
using kcity::HistoryEntry;
using kcity::Predicate;
using kcity::PredicateContext;
using kcity::Proposal;

namespace {

const std::string rule_file = "rule.yaml";

const kcity::Rules& test_rules() {
    static const kcity::Rules rules = [] {
        fixtures::CallSpec spec;
        spec.tracks = {fixtures::TrackSpec{}.file()};
        Diagnostics diags;
        kcity::Rules r = fixtures::rules_from(spec, diags);
        if (diags.has_errors()) throw std::runtime_error(fixtures::errors_of(diags));
        return r;
    }();
    return rules;
}

Proposal proposal(const ProposalSpec& spec) {
    Diagnostics diags;
    std::vector<Proposal> out;
    kcity::parse_proposals({"p.yaml", spec.yaml()}, test_rules(), out, diags);
    INFO(fixtures::errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(out.size() == 1);
    return out[0];
}

ProposalSpec base() {
    ProposalSpec p;
    p.id = "P1";
    return p;
}

Predicate pred(const std::string& yaml) {
    kcity::YamlNode node = fixtures::parse_yaml(yaml);
    Diagnostics diags;
    kcity::YamlReader r(rule_file, diags);
    Predicate p = kcity::parse_predicate(r, node);
    INFO(yaml << "\n" << fixtures::errors_of(diags));
    REQUIRE_FALSE(diags.has_errors());
    return p;
}

const std::vector<HistoryEntry>& history() {
    static const std::vector<HistoryEntry> h = {
        {2022, "t", "KG", std::string("Issyk-Kul")},
        {2023, "t", "TH", std::string("Mukdahan")},
        {2021, "other", "ES", std::nullopt},
        {2020, "t", "VN", std::string("Hue")},
    };
    return h;
}

bool holds(const std::string& rule, const ProposalSpec& spec, int year = 2023, int tz = 540) {
    PredicateContext ctx{&history(), year, tz};
    INFO("rule: " << rule);
    return kcity::evaluate(pred(rule), proposal(spec), ctx);
}

ProposalSpec with_attributes(std::string attributes) {
    ProposalSpec p = base();
    p.attributes = std::move(attributes);
    return p;
}

ProposalSpec submitted(std::string when) {
    ProposalSpec p = base();
    p.submitted = std::move(when);
    return p;
}

}  // namespace

TEST_CASE("predicate: equals and not_equals compare by type", "[predicate]") {
    ProposalSpec vn = base();
    CHECK(holds("{field: country, equals: VN}", vn));
    CHECK_FALSE(holds("{field: country, equals: TH}", vn));
    CHECK_FALSE(holds("{field: applicant.type, equals: Government}", vn));  // strings as strings
    CHECK(holds("{field: country, not_equals: TH}", vn));
    CHECK_FALSE(holds("{field: country, not_equals: VN}", vn));
    CHECK(holds("{field: applicant.type, equals: government}", vn));
    CHECK(holds("{field: id, equals: P1}", vn));
    CHECK(holds("{field: track, equals: t}", vn));
    CHECK(holds("{field: city, equals: Hanoi}", vn));

    // numbers by value: 1 equals 1.0
    CHECK(holds("{field: attributes.n, equals: 1.0}", with_attributes("n: 1")));
    CHECK(holds("{field: attributes.n, equals: 1}", with_attributes("n: 1.00")));
    CHECK_FALSE(holds("{field: attributes.n, equals: 1}", with_attributes("n: 1.5")));
    CHECK(holds("{field: attributes.n, not_equals: 1}", with_attributes("n: 1.5")));
    // booleans only with booleans
    CHECK(holds("{field: attributes.flag, equals: true}", with_attributes("flag: true")));
    CHECK_FALSE(holds("{field: attributes.flag, equals: true}", with_attributes("flag: false")));
    CHECK(holds("{field: attributes.flag, not_equals: true}", with_attributes("flag: false")));
    // a text value does not equal a boolean rule (check_types reports it; see below)
    CHECK_FALSE(holds("{field: attributes.flag, equals: true}", with_attributes("flag: yes")));
    CHECK_FALSE(holds("{field: attributes.n, equals: 5}", with_attributes("n: \"5\"")));
    // quoted text equals quoted or plain text
    CHECK(holds("{field: attributes.s, equals: \"27\"}", with_attributes("s: \"27\"")));
    CHECK(holds("{field: attributes.s, equals: yes}", with_attributes("s: yes")));
}

TEST_CASE("predicate: in and not_in", "[predicate]") {
    ProposalSpec p = base();
    CHECK(holds("{field: applicant.type, in: [government, public-body]}", p));
    CHECK_FALSE(holds("{field: applicant.type, in: [university, public-body]}", p));
    CHECK(holds("{field: applicant.type, not_in: [university, company]}", p));
    CHECK_FALSE(holds("{field: applicant.type, not_in: [government]}", p));
    CHECK(holds("{field: country, in: [TH, VN]}", p));
    CHECK(holds("{field: attributes.n, in: [1, 2.5]}", with_attributes("n: 2.50")));
    CHECK_FALSE(holds("{field: attributes.n, in: [1, 2.5]}", with_attributes("n: 2")));
    CHECK(holds("{field: attributes.n, not_in: [1, 2.5]}", with_attributes("n: 2")));
    CHECK(holds("{field: requested_krw, in: [\"4억\", 450000000]}", p));
    CHECK(holds("{field: submitted_at, in: [2023-05-01, 2023-05-02]}", p));
}

TEST_CASE("predicate: at_least and at_most", "[predicate]") {
    CHECK(holds("{field: attributes.n, at_least: 3}", with_attributes("n: 3")));
    CHECK(holds("{field: attributes.n, at_least: 3}", with_attributes("n: 3.01")));
    CHECK_FALSE(holds("{field: attributes.n, at_least: 3}", with_attributes("n: 2.99")));
    CHECK(holds("{field: attributes.n, at_most: 3}", with_attributes("n: 3.0")));
    CHECK_FALSE(holds("{field: attributes.n, at_most: 3}", with_attributes("n: 3.0001")));
    CHECK(holds("{field: attributes.n, at_least: -1.5}", with_attributes("n: -1")));
    CHECK(holds("{field: requested_krw, at_most: 400000000}", base()));
    CHECK_FALSE(holds("{field: requested_krw, at_most: 399999999}", base()));
}

TEST_CASE("predicate: money paths compare as money", "[predicate]") {
    // "1억" in the rule against a plain integer in the proposal, and the other way round
    auto fund = [](std::string v) { return with_attributes("matching_fund_krw: " + v); };
    CHECK(holds("{field: attributes.matching_fund_krw, at_least: \"1억\"}", fund("100000000")));
    CHECK(holds("{field: attributes.matching_fund_krw, equals: \"1억\"}", fund("100000000")));
    CHECK(holds("{field: attributes.matching_fund_krw, equals: 100000000}", fund("\"1억\"")));
    CHECK(holds("{field: attributes.matching_fund_krw, equals: \"100,000,000원\"}", fund("1억")));
    CHECK_FALSE(
        holds("{field: attributes.matching_fund_krw, at_least: \"1억\"}", fund("\"99,999,999\"")));
    CHECK(holds("{field: attributes.matching_fund_krw, at_most: \"1억\"}",
                fund("\"9,999만 9,999원\"")));
    ProposalSpec p = base();
    p.requested = "\"4억 5천만원\"";
    CHECK(holds("{field: requested_krw, equals: 450000000}", p));
    CHECK(holds("{field: requested_krw, at_least: \"4.5억\"}", p));
    CHECK_FALSE(holds("{field: requested_krw, at_least: \"4억 5천만 1원\"}", p));
    CHECK(holds("{field: requested_krw, not_equals: \"4억\"}", p));
}

TEST_CASE("predicate: dates compare as in SPEC §3", "[predicate]") {
    // A date-time is compared with a plain date by its calendar date in the programme's zone.
    CHECK(holds("{field: submitted_at, after: 2023-05-10}", submitted("2023-05-10T15:30:00Z")));
    CHECK_FALSE(holds("{field: submitted_at, after: 2023-05-10}", submitted("2023-05-10T15:30:00Z"),
                      2023, 0));  // in UTC it is still 10 May
    CHECK_FALSE(
        holds("{field: submitted_at, after: 2023-05-10}", submitted("2023-05-10T23:59:00+09:00")));
    CHECK(
        holds("{field: submitted_at, before: 2023-05-11}", submitted("2023-05-10T23:59:00+09:00")));
    CHECK_FALSE(
        holds("{field: submitted_at, before: 2023-05-10}", submitted("2023-05-10T00:00:00+09:00")));
    CHECK(holds("{field: submitted_at, before: 2023-05-10}", submitted("2023-05-09T14:59:00Z")));
    CHECK_FALSE(
        holds("{field: submitted_at, before: 2023-05-10}", submitted("2023-05-09T15:00:00Z")));
    CHECK(holds("{field: submitted_at, equals: 2023-05-11}", submitted("2023-05-10T15:30:00Z")));
    // Two date-times compare as instants.
    CHECK(holds("{field: submitted_at, before: 2023-05-10T10:00:00+09:00}",
                submitted("2023-05-10T00:30:00Z")));
    CHECK_FALSE(holds("{field: submitted_at, before: 2023-05-10T10:00:00+09:00}",
                      submitted("2023-05-10T01:30:00Z")));
    // A date-time without an offset is in the programme's zone.
    CHECK(holds("{field: submitted_at, after: \"2023-05-10 09:59\"}",
                submitted("2023-05-10T01:00:00Z")));
    CHECK_FALSE(holds("{field: submitted_at, after: \"2023-05-10 10:00\"}",
                      submitted("2023-05-10T01:00:00Z")));
    // Plain dates on both sides.
    CHECK(holds("{field: submitted_at, after: 2023-04-30}", submitted("2023-05-01")));
    CHECK_FALSE(holds("{field: submitted_at, after: 2023-05-01}", submitted("2023-05-01")));
    // A text attribute holding a date compares as a date.
    CHECK(holds("{field: attributes.start, after: 2023-05-31}",
                with_attributes("start: 2023-06-01")));
    CHECK_FALSE(holds("{field: attributes.start, before: 2023-06-01}",
                      with_attributes("start: 2023-06-01T08:00:00+09:00")));
}

TEST_CASE("predicate: exists", "[predicate]") {
    ProposalSpec with_partner = base();
    with_partner.partner = "name: Uni, type: university, country: VN";
    ProposalSpec partner_no_country = base();
    partner_no_country.partner = "name: Uni, type: university";
    CHECK(holds("{field: partner.country, exists: true}", with_partner));
    CHECK_FALSE(holds("{field: partner.country, exists: false}", with_partner));
    CHECK_FALSE(holds("{field: partner.country, exists: true}", partner_no_country));
    CHECK(holds("{field: partner.type, exists: true}", partner_no_country));
    CHECK_FALSE(holds("{field: partner.type, exists: true}", base()));
    CHECK(holds("{field: partner.type, exists: false}", base()));
    CHECK(holds("{field: attributes.x, exists: true}", with_attributes("x: 0")));
    CHECK(holds("{field: attributes.x, exists: true}", with_attributes("x: false")));
    CHECK(holds("{field: attributes.x, exists: false}", with_attributes("y: 1")));
    // null counts as absent
    CHECK(holds("{field: attributes.x, exists: false}", with_attributes("x: ~")));
    CHECK(holds("{field: attributes.x, exists: false}", with_attributes("x: null")));
    CHECK(holds("{field: domain, exists: false}", base()));
    CHECK(holds("{field: applicant.country, exists: false}", base()));
}

TEST_CASE("predicate: in_history", "[predicate]") {
    auto in = [](std::string country, std::string city = "Somewhere") {
        ProposalSpec p = base();
        p.country = std::move(country);
        p.city = std::move(city);
        return p;
    };
    // a country supported in an earlier year, in any track
    CHECK(holds("{field: country, in_history: true}", in("KG")));
    CHECK(holds("{field: country, in_history: true}", in("ES")));
    CHECK(holds("{field: country, in_history: false}", in("PH")));
    CHECK_FALSE(holds("{field: country, in_history: true}", in("PH")));
    // only years before the programme's year count
    CHECK_FALSE(holds("{field: country, in_history: true}", in("TH")));
    CHECK(holds("{field: country, in_history: false}", in("TH")));
    CHECK(holds("{field: country, in_history: true}", in("TH"), 2024));
    CHECK_FALSE(holds("{field: country, in_history: true}", in("KG"), 2022));
    CHECK(holds("{field: country, in_history: true}", in("KG"), 2023));
    // a city matches only with its own country
    CHECK(holds("{field: city, in_history: true}", in("KG", "Issyk-Kul")));
    CHECK_FALSE(holds("{field: city, in_history: true}", in("KZ", "Issyk-Kul")));
    CHECK_FALSE(holds("{field: city, in_history: true}", in("TH", "Mukdahan")));  // same year
    CHECK(holds("{field: city, in_history: true}", in("TH", "Mukdahan"), 2024));
    CHECK_FALSE(holds("{field: city, in_history: true}", in("KG", "Bishkek")));
    CHECK(holds("{field: city, in_history: false}", in("KG", "Bishkek")));
    // an entry without a city matches no city
    CHECK_FALSE(holds("{field: city, in_history: true}", in("ES", "Madrid")));
    // the partner's country
    ProposalSpec p = base();
    p.partner = "name: Uni, type: university, country: KG";
    CHECK(holds("{field: partner.country, in_history: true}", p));
    p.partner = "name: Uni, type: university, country: PH";
    CHECK_FALSE(holds("{field: partner.country, in_history: true}", p));
    CHECK(holds("{field: applicant.country, in_history: false}", [] {
        ProposalSpec q = base();
        q.applicant_country = "PH";
        return q;
    }()));
    // without any history nothing is in it
    PredicateContext none{nullptr, 2023, 540};
    CHECK_FALSE(
        kcity::evaluate(pred("{field: country, in_history: true}"), proposal(in("KG")), none));
}

TEST_CASE("predicate: all, any and not", "[predicate]") {
    ProposalSpec p = base();
    p.partner = "name: Uni, type: university, country: VN";
    p.attributes = "n: 5, flag: true";
    CHECK(holds("{all: [{field: country, equals: VN}, {field: attributes.n, at_least: 5}]}", p));
    CHECK_FALSE(
        holds("{all: [{field: country, equals: VN}, {field: attributes.n, at_least: 6}]}", p));
    CHECK(holds("{any: [{field: country, equals: TH}, {field: attributes.n, at_least: 5}]}", p));
    CHECK_FALSE(
        holds("{any: [{field: country, equals: TH}, {field: attributes.n, at_least: 6}]}", p));
    CHECK(holds("{not: {field: country, equals: TH}}", p));
    CHECK_FALSE(holds("{not: {field: country, equals: VN}}", p));
    CHECK(holds("{not: {not: {field: country, equals: VN}}}", p));
    // the pilot track's partner rule
    std::string partner_rule =
        "{all: [{field: partner.type, in: [government, public-body, university]},"
        " {field: partner.country, exists: true}, {not: {field: partner.country, equals: KR}}]}";
    CHECK(holds(partner_rule, p));
    p.partner = "name: Uni, type: university, country: KR";
    CHECK_FALSE(holds(partner_rule, p));
    p.partner = "name: Uni, type: university";
    CHECK_FALSE(holds(partner_rule, p));
    CHECK_FALSE(holds(partner_rule, base()));
    // nested
    CHECK(
        holds("{any: [{all: [{field: country, equals: TH}]}, {not: {any: [{field: attributes.flag, "
              "equals: false}]}}]}",
              p));
}

TEST_CASE("predicate: an absent or null path makes every operator but exists false",
          "[predicate]") {
    std::vector<std::string> tests = {
        "{field: attributes.missing, equals: x}",
        "{field: attributes.missing, not_equals: x}",
        "{field: attributes.missing, in: [x, y]}",
        "{field: attributes.missing, not_in: [x, y]}",
        "{field: attributes.missing, at_least: 0}",
        "{field: attributes.missing, at_most: 0}",
        "{field: attributes.missing, before: 2100-01-01}",
        "{field: attributes.missing, after: 1900-01-01}",
        "{field: attributes.missing, equals: true}",
        "{field: attributes.missing, not_equals: true}",
        "{field: attributes.missing_krw, at_least: 0}",
        "{field: attributes.missing_krw, not_in: [1, 2]}",
        "{field: partner.country, in_history: true}",
        "{field: partner.country, in_history: false}",
        "{field: partner.country, not_equals: KR}",
        "{field: partner.type, not_equals: university}",
        "{field: partner.name, not_in: [x]}",
        "{field: domain, not_equals: transport}",
        "{field: applicant.country, not_equals: KR}",
    };
    ProposalSpec absent = base();
    ProposalSpec null_values = base();
    null_values.attributes = "missing: ~, missing_krw: null";
    for (const auto& t : tests) {
        CHECK_FALSE(holds(t, absent));
        CHECK_FALSE(holds(t, null_values));
        // ... and `not` turns that into true
        CHECK(holds("{not: " + t + "}", absent));
    }
    CHECK(holds("{field: attributes.missing, exists: false}", absent));
    CHECK(holds("{field: attributes.missing, exists: false}", null_values));
    CHECK_FALSE(holds("{field: attributes.missing, exists: true}", null_values));
}

TEST_CASE("predicate: lookup_field", "[predicate]") {
    ProposalSpec s = base();
    s.requested = "\"4.5억\"";
    s.partner = "name: Uni, type: university, country: UA";
    s.attributes = "n: 2.5, t: text, b: true, fund_krw: \"1억\"";
    Proposal p = proposal(s);
    using T = kcity::Value::Type;
    CHECK(kcity::lookup_field(p, "requested_krw").type == T::money);
    CHECK(kcity::lookup_field(p, "requested_krw").money == 450000000);
    CHECK(kcity::lookup_field(p, "submitted_at").type == T::date);
    CHECK(kcity::lookup_field(p, "partner.country").text == "UA");
    CHECK(kcity::lookup_field(p, "attributes.n").type == T::number);
    CHECK(kcity::lookup_field(p, "attributes.n").number == kcity::Decimal{25000});
    CHECK(kcity::lookup_field(p, "attributes.t").type == T::string);
    CHECK(kcity::lookup_field(p, "attributes.b").type == T::boolean);
    CHECK(kcity::lookup_field(p, "attributes.fund_krw").type == T::money);
    CHECK(kcity::lookup_field(p, "attributes.fund_krw").money == 100000000);
    CHECK(kcity::lookup_field(p, "attributes.none").type == T::null);
    CHECK(kcity::lookup_field(p, "applicant.country").type == T::null);
    CHECK(kcity::lookup_field(p, "nonsense").type == T::null);
}

TEST_CASE("predicate: check_types reports proposal values of the wrong type", "[predicate]") {
    auto check = [](const std::string& rule, const ProposalSpec& spec) {
        Diagnostics diags;
        kcity::check_types(pred(rule), proposal(spec), "the-rule", diags);
        return diags;
    };
    // `yes` where a boolean is expected: an error at the proposal's value, naming the rule
    Diagnostics d = check("{field: attributes.flag, equals: true}", with_attributes("flag: yes"));
    REQUIRE(d.sorted().size() == 1);
    kcity::Diagnostic e = d.sorted()[0];
    CHECK(e.where.file == "p.yaml");
    CHECK(e.where.line == 9);
    CHECK(e.where.column == 20);
    CHECK_THAT(e.message, Catch::Contains("`attributes.flag` is text (yes)"));
    CHECK_THAT(e.message, Catch::Contains("rule `the-rule` (rule.yaml:1)"));
    CHECK_THAT(e.message, Catch::Contains("a boolean"));

    // found whatever evaluation would short-circuit
    CHECK(check("{any: [{field: country, equals: VN}, {field: attributes.flag, equals: true}]}",
                with_attributes("flag: yes"))
              .has_errors());
    CHECK(
        check(
            "{all: [{field: country, equals: TH}, {not: {field: attributes.flag, equals: false}}]}",
            with_attributes("flag: no"))
            .has_errors());
    // other mismatches
    CHECK(fixtures::has_error(
        check("{field: attributes.n, at_least: 3}", with_attributes("n: \"5\"")), "is text (5)"));
    CHECK(fixtures::has_error(check("{field: attributes.n, in: [a, b]}", with_attributes("n: 5")),
                              "is a number (5)"));
    CHECK(fixtures::has_error(
        check("{field: attributes.start, after: 2023-01-01}", with_attributes("start: soon")),
        "compares it with a date"));
    CHECK(fixtures::has_error(check("{field: attributes.b, equals: x}", with_attributes("b: true")),
                              "is a boolean"));
    // matching types, absent values and `exists` are fine
    CHECK_FALSE(check("{field: attributes.flag, equals: true}", with_attributes("flag: false"))
                    .has_errors());
    CHECK_FALSE(check("{field: attributes.flag, equals: true}", base()).has_errors());
    CHECK_FALSE(
        check("{field: attributes.flag, equals: true}", with_attributes("flag: ~")).has_errors());
    CHECK_FALSE(
        check("{field: attributes.flag, exists: true}", with_attributes("flag: yes")).has_errors());
    CHECK_FALSE(
        check("{field: attributes.start, after: 2023-01-01}", with_attributes("start: 2023-02-01"))
            .has_errors());
    CHECK_FALSE(check("{field: country, in_history: true}", base()).has_errors());
    CHECK_FALSE(check("{field: attributes.x_krw, at_least: 1}", with_attributes("x_krw: \"1억\""))
                    .has_errors());
}

TEST_CASE("predicate: check_call finds wrong types in every proposal and every rule",
          "[predicate]") {
    fixtures::TrackSpec t;
    t.extra =
        "eligibility:\n"
        "  - id: cofunded\n"
        "    name: Co-funded\n"
        "    require: {any: [{field: country, equals: VN}, {field: attributes.cofunded, equals: "
        "true}]}\n"
        "adjustments:\n"
        "  - id: big\n"
        "    name: Big\n"
        "    when: {field: attributes.size, at_least: 10}\n"
        "    points: 1\n";
    ProposalSpec a = base();
    a.attributes = "cofunded: yes, size: \"12\"";
    ProposalSpec b = base();
    b.id = "P2";
    b.attributes = "cofunded: true, size: 12";
    fixtures::CallSpec spec;
    spec.tracks = {t.file()};
    spec.proposals = {fixtures::documents({a, b})};
    auto run = fixtures::load(spec);
    INFO(run->errors());
    CHECK(run->diags.sorted().size() == 2);
    CHECK(fixtures::has_error(run->diags, "rule `cofunded` (t.yaml:11)", "proposals.yaml", 10));
    CHECK(fixtures::has_error(run->diags, "rule `big` (t.yaml:15)", "proposals.yaml", 10));
}

namespace {

Diagnostics parse_errors(const std::string& yaml) {
    kcity::YamlNode node = fixtures::parse_yaml(yaml);
    Diagnostics diags;
    kcity::YamlReader r(rule_file, diags);
    kcity::parse_predicate(r, node);
    return diags;
}

}  // namespace

TEST_CASE("predicate: an empty list for in or not_in is an error in the rules", "[predicate]") {
    // It ended kcity with std::out_of_range (exit 134) in check and score.
    for (const char* op : {"in", "not_in"}) {
        Diagnostics d = parse_errors(std::string("{field: country, ") + op + ": []}");
        INFO(op << "\n" << fixtures::errors_of(d));
        REQUIRE(d.sorted().size() == 1);
        CHECK(d.sorted()[0].message == "`in` and `not_in` take a non-empty list of values");
        CHECK(d.sorted()[0].where.line == 1);
        CHECK(d.sorted()[0].where.column == 20 + static_cast<int>(std::string(op).size()));
    }
    // Even so, a test without operands evaluates to false rather than ending the program.
    PredicateContext ctx{&history(), 2023, 540};
    Predicate empty;
    empty.field = "country";
    empty.path = kcity::resolve_field("country");
    for (kcity::Op op : {kcity::Op::in, kcity::Op::not_in, kcity::Op::exists, kcity::Op::equals,
                         kcity::Op::in_history}) {
        empty.op = op;
        CHECK_NOTHROW(kcity::evaluate(empty, proposal(base()), ctx));
        CHECK_FALSE(kcity::evaluate(empty, proposal(base()), ctx));
        Diagnostics diags;
        CHECK_NOTHROW(kcity::check_types(empty, proposal(base()), "r", diags));
    }
}

TEST_CASE("predicate: field paths are resolved when the rules are read", "[predicate]") {
    using kcity::Field;
    CHECK(pred("{field: applicant.type, equals: x}").path.field == Field::applicant_type);
    CHECK(pred("{field: partner.country, exists: true}").path.field == Field::partner_country);
    CHECK(pred("{field: submitted_at, after: 2023-01-01}").path.field == Field::submitted_at);
    Predicate a = pred("{field: attributes.matching_fund_krw, at_least: 1}");
    CHECK(a.path.field == Field::attribute);
    CHECK(a.path.attribute == "matching_fund_krw");
    CHECK(a.operand_type == kcity::Value::Type::money);
    CHECK(pred("{field: city, in_history: true}").history_city);
    CHECK_FALSE(pred("{field: partner.country, in_history: true}").history_city);
    CHECK(pred("{field: city, in_history: true}").operand_type == kcity::Value::Type::string);
    CHECK(kcity::resolve_field("nonsense").field == Field::none);
    CHECK(kcity::resolve_field("applicant").field == Field::none);
    CHECK(kcity::resolve_field("attributes.a.b").attribute == "a.b");
    // every known path resolves to a field of its own
    std::vector<Field> seen;
    for (const auto& path : kcity::known_fields()) {
        Field f = kcity::resolve_field(path).field;
        CHECK(f != Field::none);
        CHECK(std::find(seen.begin(), seen.end(), f) == seen.end());
        seen.push_back(f);
    }
}

TEST_CASE("predicate: a text attribute's date is read once, with the proposal", "[predicate]") {
    Proposal p = proposal(with_attributes("start: 2023-06-01, word: soon, odd: 2023-02-30"));
    const kcity::Value* start = p.attribute("start");
    REQUIRE(start);
    CHECK(start->type == kcity::Value::Type::string);
    CHECK(start->text_is_date);
    CHECK(start->date.month == 6);
    CHECK_FALSE(p.attribute("word")->text_is_date);
    CHECK_FALSE(p.attribute("odd")->text_is_date);  // shaped like a date, but none
    // Evaluation compares the date read then: the text is not parsed again.
    PredicateContext ctx{&history(), 2023, 540};
    Predicate after = pred("{field: attributes.start, after: 2023-05-31}");
    CHECK(kcity::evaluate(after, p, ctx));
    const_cast<kcity::Value*>(start)->date.month = 5;
    REQUIRE(p.attribute("start")->date.month == 5);
    CHECK_FALSE(kcity::evaluate(after, p, ctx));
    // A fixed text field compared with a date still compares as one (SPEC §5).
    ProposalSpec dated = base();
    dated.city = "\"2023-06-01\"";
    CHECK(holds("{field: city, after: 2023-05-31}", dated));
    CHECK_FALSE(holds("{field: city, after: 2023-05-31}", base()));
    CHECK(fixtures::has_error(
        [] {
            Diagnostics d;
            kcity::check_types(pred("{field: city, after: 2023-05-31}"), proposal(base()), "r", d);
            return d;
        }(),
        "`city` is text (Hanoi)"));
}

TEST_CASE("predicate: lookup_field by a test's resolved field", "[predicate]") {
    ProposalSpec s = base();
    s.partner = "name: Uni, type: university, country: UA";
    s.attributes = "n: 2.5";
    Proposal p = proposal(s);
    CHECK(kcity::lookup_field(p, pred("{field: partner.country, equals: UA}")).text == "UA");
    CHECK(kcity::lookup_field(p, pred("{field: requested_krw, at_least: 1}")).text ==
          "400,000,000");
    CHECK(kcity::lookup_field(p, pred("{field: submitted_at, after: 2023-01-01}")).text ==
          "2023-05-01");
    CHECK(kcity::lookup_field(p, pred("{field: attributes.n, at_least: 1}")).number ==
          kcity::Decimal{25000});
    CHECK(kcity::lookup_field(p, pred("{field: domain, exists: true}")).type ==
          kcity::Value::Type::null);
}
