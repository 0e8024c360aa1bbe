#include <catch2/catch.hpp>
#include <set>

#include "../fixtures.hpp"
#include "kcity/base/text.hpp"
#include "kcity/report/i18n.hpp"

using namespace kcity;

namespace {

// The slots a template names ({budget}, {n|one|other}, {n?text}), inner ones too.
std::set<std::string> slots(std::string_view tmpl) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] != '{') continue;
        std::size_t end = tmpl.find_first_of("}|?", i);
        REQUIRE(end != std::string_view::npos);
        out.insert(std::string(tmpl.substr(i + 1, end - i - 1)));
    }
    return out;
}

// Every reason of a run, the track's and the proposals'.
std::vector<Reason> all_reasons(const fixtures::Run& run) {
    std::vector<Reason> out;
    for (const auto& tr : run.result.tracks) {
        out.insert(out.end(), tr.shortfall_reasons.begin(), tr.shortfall_reasons.end());
        for (const auto& p : tr.proposals)
            out.insert(out.end(), p.reasons.begin(), p.reasons.end());
    }
    return out;
}

fixtures::TrackSpec with_selection(const std::string& selection) {
    fixtures::TrackSpec t;
    t.award = "{min_krw: 100000000, max_krw: 1000000000}";
    t.selection = selection;
    return t;
}

}  // namespace

TEST_CASE("i18n: amounts in Korean units and in English") {
    CHECK(format_krw_korean(450'000'000) == "4억 5,000만원");
    CHECK(format_krw_korean(300'000'000) == "3억원");
    CHECK(format_krw_korean(4'000'000'000) == "40억원");
    CHECK(format_krw_korean(123'456'789) == "1억 2,345만 6,789원");
    CHECK(format_krw_korean(1'000'000'000'000'000) == "10,000,000억원");
    CHECK(format_krw_korean(50'000) == "5만원");
    CHECK(format_krw_korean(9'999) == "9,999원");
    CHECK(format_krw_korean(100'000'001) == "1억 1원");
    CHECK(format_krw_korean(0) == "0원");
    CHECK(format_krw(450'000'000, Lang::en) == "KRW 450,000,000");
    CHECK(format_krw(450'000'000, Lang::ko) == "4억 5,000만원");
}

TEST_CASE("i18n: the language from the locale") {
    CHECK(lang_from_locale("ko_KR.UTF-8") == Lang::ko);
    CHECK(lang_from_locale("ko") == Lang::ko);
    CHECK(lang_from_locale("en_US.UTF-8") == Lang::en);
    CHECK(lang_from_locale("C.UTF-8") == Lang::en);
    CHECK(lang_from_locale(nullptr) == Lang::en);
}

TEST_CASE("i18n: labels, statuses and reasons in both languages") {
    CHECK(label("label.selected", Lang::en) == "Selected");
    CHECK(label("label.selected", Lang::ko) == "선정");
    CHECK(label("no.such.key", Lang::ko) == "no.such.key");
    CHECK(status_label(Status::below_threshold, Lang::ko) == "기준 미달");
    CHECK(status_label(Status::not_selected, Lang::en) == "not selected");
    // A reason is values; the catalogue writes it. (A message that does not exist cannot be
    // named: Msg is an enum, and every Msg's entry is checked at compile time.)
    Reason r{"budget", Msg::budget, {{"award", Money{450'000'000}}, {"left", Money{100'000'000}}}};
    CHECK(r.code == "budget");
    CHECK(message_key(r.msg) == "budget");
    CHECK(r.message() == "its award of KRW 450,000,000 exceeds the KRW 100,000,000 left");
    CHECK(reason_text(r, Lang::ko) == "지원액 4억 5,000만원이 남은 예산 1억원을 초과");
    LocalText name{"사업 중요도", "Importance"};
    Reason cut{"cutoff:importance",
               Msg::cutoff,
               {{"criterion", &name},
                {"score", Score{Decimal{115'000}, 2}},
                {"cutoff", Decimal::from_int(12)}}};
    CHECK(cut.message() == "Importance 11.50 is below its cut-off 12");
    CHECK(reason_text(cut, Lang::ko) == "사업 중요도 11.50점, 과락 기준 12점 미만");
    CHECK(country_label("UA", Lang::ko) == "우크라이나(UA)");
    CHECK(country_label("UA", Lang::en) == "UA");
    CHECK(country_label("XX", Lang::ko) == "XX");
}

TEST_CASE("i18n: each kind of value in each language") {
    CHECK(value_text(Count{3}, Lang::ko) == "3");
    CHECK(value_text(Money{450'000'000}, Lang::en) == "KRW 450,000,000");
    CHECK(value_text(Money{450'000'000}, Lang::ko) == "4억 5,000만원");
    CHECK(value_text(Score{Decimal::from_int(80), 2}, Lang::en) == "80.00");
    CHECK(value_text(Decimal{15'000}, Lang::en) == "1.5");
    CHECK(value_text(DateTime{2023, 5, 10}, Lang::ko) == "2023-05-10");
    CHECK(value_text(CountryCode{"VN"}, Lang::en) == "VN");
    CHECK(value_text(CountryCode{"VN"}, Lang::ko) == "베트남(VN)");
    CountryCounts counts{{{"TH", 2}, {"VN", 3}}};
    CHECK(value_text(counts, Lang::en) == "TH 2, VN 3");
    CHECK(value_text(counts, Lang::ko) == "태국(TH) 2건, 베트남(VN) 3건");
    CHECK(value_text(Ranks{{1, 2, 4}}, Lang::en) == "1, 2, 4");
    CHECK(value_text(std::string("P-01"), Lang::ko) == "P-01");
    LocalText name{"", "Only English"};
    CHECK(value_text(&name, Lang::ko) == "Only English");
}

TEST_CASE("i18n: the catalogue chooses singular or plural, and optional parts") {
    auto quota = [](int n) { return Reason{"quota", Msg::quota, {{"max", Count{n}}}}.message(); };
    CHECK(quota(1) == "the quota of 1 selection was already filled");
    CHECK(quota(0) == "the quota of 0 selections was already filled");
    CHECK(quota(3) == "the quota of 3 selections was already filled");
    auto panel = [](int excluded) {
        return Reason{"panel-size",
                      Msg::panel_size,
                      {{"valid", Count{1}}, {"needed", Count{3}}, {"excluded", Count{excluded}}}};
    };
    CHECK(panel(0).message() == "valid reviews: 1 of the 3 needed");
    CHECK(reason_text(panel(0), Lang::ko) == "유효 심사 1건 (최소 3건 필요)");
    CHECK(panel(2).message() ==
          "valid reviews: 1 of the 3 needed (2 excluded for conflicts of interest)");
    CHECK(reason_text(panel(2), Lang::ko) == "유효 심사 1건 (최소 3건 필요, 이해충돌 제외 2건)");
    // A form may hold slots; the singular may say less.
    auto budget = [](int n) {
        return Reason{
            "budget",
            Msg::shortfall_budget,
            {{"count", Count{n}}, {"need", Money{500'000'000}}, {"available", Money{300'000'000}}}};
    };
    CHECK(budget(1).message() ==
          "the cheapest candidate needs KRW 500,000,000; KRW 300,000,000 is available");
    CHECK(reason_text(budget(1), Lang::ko) ==
          "지원액이 가장 적은 후보에도 5억원 필요, 가용 예산 3억원");
    CHECK(budget(2).message() ==
          "the 2 cheapest candidates need KRW 500,000,000; KRW 300,000,000 is available");
    CHECK(reason_text(budget(2), Lang::ko) ==
          "지원액이 가장 적은 후보 2건에도 5억원 필요, 가용 예산 3억원");
    // A slot that is not given: its optional part is left out.
    DateTime late{2023, 5, 10, true, 15, 30, 0, true, 0};
    DateTime deadline{2023, 5, 10};
    Reason in_zone{"deadline", Msg::deadline, {{"submitted", late}, {"deadline", deadline}}};
    CHECK(in_zone.message() == "submitted 2023-05-10T15:30:00Z, after the deadline 2023-05-10");
    in_zone.args.push_back({"submitted_local", DateTime{2023, 5, 11, true, 0, 30, 0, true, 540}});
    CHECK(in_zone.message() ==
          "submitted 2023-05-10T15:30:00Z (2023-05-11T00:30:00+09:00), after the deadline "
          "2023-05-10");
    CHECK(reason_text(in_zone, Lang::ko) ==
          "2023-05-10T15:30:00Z (2023-05-11T00:30:00+09:00) 제출, 마감(2023-05-10) 이후");
}

TEST_CASE("i18n: every message has English and Korean text with the same slots") {
    std::span<const Message> table = message_table();
    REQUIRE(table.size() > 100);
    // Texts that are the same in both languages on purpose: only slots and punctuation, or a
    // word both languages write so.
    const std::set<std::string_view> same = {"explain.header", "explain.rule", "explain.tested",
                                             "label.id"};
    for (const auto& m : table) {
        INFO("key " << m.key);
        CHECK(!m.en.empty());
        CHECK(!m.ko.empty());
        CHECK(slots(m.en) == slots(m.ko));
        if (!same.count(m.key)) CHECK(m.en != m.ko);
        CHECK(has_message(m.key));
    }
    for (std::size_t i = 1; i < table.size(); ++i) CHECK(table[i - 1].key < table[i].key);
    CHECK_FALSE(has_message("no.such.key"));
}

TEST_CASE("i18n: format_message fills named slots in the report's language") {
    CHECK(format_message("label.shortfall-line", Lang::en,
                         {{"selected", Count{2}}, {"min", Count{4}}}) ==
          "2 selected, at least 4 required");
    CHECK(format_message("label.shortfall-line", Lang::ko,
                         {{"min", std::string("4")}, {"selected", std::string("2")}}) ==
          "2건 선정, 최소 4건 필요");
    CHECK(format_message("label.selected", Lang::ko, {}) == "선정");
    CHECK(format_message("no.such.key", Lang::en, {}) == "no.such.key");
    CHECK(message_slots("label.shortfall-line") ==
          std::vector<std::string_view>{"selected", "min"});
    CHECK(message_slots("shortfall-budget") ==
          std::vector<std::string_view>{"count", "need", "available"});
    // The messages of `kcity explain` still number their slots.
    CHECK(format_label("explain.valid-reviews", Lang::en, {"2", "3"}) ==
          "valid reviews 2, at least 3 needed");
    CHECK(format_label("no.such.key", Lang::en, {"x"}) == "no.such.key");
}

// select.cpp writes its reasons (selection and shortfall) through the table: every kind it can
// give is produced here, and each must name an entry with both texts, its English message
// must be the entry's English text, and its Korean text must be filled.
TEST_CASE("i18n: every reason select.cpp gives is in the message table") {
    using fixtures::scored;
    std::vector<std::unique_ptr<fixtures::Run>> runs;
    // quota, country-cap (one and several), budget, budget_fit: stop.
    runs.push_back(fixtures::run(
        with_selection("{min: 0, max: 3, budget_krw: 1000000000, max_per_country: 1}"),
        {scored("P1", "90", "400000000", "VN"), scored("P2", "85", "400000000", "VN"),
         scored("P3", "80", "500000000", "TH"), scored("P4", "75", "400000000", "ID"),
         scored("P5", "70", "100000000", "PH"), scored("P6", "65", "100000000", "KH")}));
    runs.push_back(fixtures::run(
        with_selection("{min: 0, max: 5, budget_krw: 4000000000, max_per_country: 2}"),
        {scored("P1", "90", "100000000", "VN"), scored("P2", "85", "100000000", "VN"),
         scored("P3", "80", "100000000", "VN")}));
    // quota of one.
    runs.push_back(fixtures::run(with_selection("{min: 0, max: 1, budget_krw: 4000000000}"),
                                 {scored("P1", "90"), scored("P2", "80", "400000000", "TH")}));
    runs.push_back(
        fixtures::run(with_selection("{min: 0, max: 5, budget_krw: 500000000, budget_fit: stop}"),
                      {scored("P1", "90", "400000000", "VN"), scored("P2", "80", "400000000", "TH"),
                       scored("P3", "70", "100000000", "ID")}));
    // optimal; shortfall: merit-order.
    kcity::RunOptions optimal;
    optimal.method = kcity::Method::optimal;
    std::vector<fixtures::ProposalSpec> order = {scored("P1", "90", "700000000", "VN"),
                                                 scored("P2", "80", "400000000", "TH"),
                                                 scored("P3", "70", "400000000", "ID")};
    runs.push_back(fixtures::run(with_selection("{min: 2, max: 5, budget_krw: 1000000000}"), order,
                                 "", optimal));
    runs.push_back(
        fixtures::run(with_selection("{min: 2, max: 5, budget_krw: 1000000000}"), order));
    // shortfall: candidates (one and several), budget, country-cap, and no set within the
    // budget and the country cap. (`shortfall-combined`, the same without a cap, cannot be
    // reached: when the cheapest `min` fit the budget, some set of `min` does.)
    runs.push_back(fixtures::run(with_selection("{min: 2, max: 5, budget_krw: 4000000000}"),
                                 {scored("P1", "90")}));
    runs.push_back(fixtures::run(with_selection("{min: 4, max: 5, budget_krw: 4000000000}"),
                                 {scored("P1", "90"), scored("P2", "80", "400000000", "TH")}));
    runs.push_back(fixtures::run(
        with_selection("{min: 3, max: 5, budget_krw: 1000000000, max_per_country: 1}"),
        {scored("P1", "90", "400000000", "VN"), scored("P2", "80", "400000000", "TH"),
         scored("P3", "70", "400000000", "VN"), scored("P4", "60", "400000000", "TH")}));
    runs.push_back(fixtures::run(
        with_selection("{min: 2, max: 5, budget_krw: 1000000000, max_per_country: 1}"),
        {scored("P1", "90", "500000000", "VN"), scored("P2", "80", "800000000", "TH"),
         scored("P3", "70", "300000000", "VN")}));
    // shortfall: budget with fewer candidates than `min` (one, and several).
    runs.push_back(fixtures::run(with_selection("{min: 3, max: 5, budget_krw: 300000000}"),
                                 {scored("P1", "90")}));
    runs.push_back(fixtures::run(with_selection("{min: 3, max: 5, budget_krw: 700000000}"),
                                 {scored("P1", "90"), scored("P2", "80", "400000000", "TH")}));
    // shortfall: budget, with one selection needed.
    runs.push_back(fixtures::run(with_selection("{min: 1, max: 5, budget_krw: 300000000}"),
                                 {scored("P1", "90"), scored("P2", "80", "400000000", "TH")}));
    // shortfall: candidates with withdrawals (one and several candidates left).
    runs.push_back(fixtures::run(with_selection("{min: 4, max: 5, budget_krw: 4000000000}"),
                                 {scored("P1", "90"), scored("P2", "80", "400000000", "TH")},
                                 "withdrawn: [P2]\n"));
    runs.push_back(fixtures::run(with_selection("{min: 4, max: 5, budget_krw: 4000000000}"),
                                 {scored("P1", "90"), scored("P2", "80", "400000000", "TH"),
                                  scored("P3", "70", "400000000", "ID")},
                                 "withdrawn: [P1]\n"));
    // shortfall: country-cap with one country (several selections, and one).
    runs.push_back(fixtures::run(
        with_selection("{min: 3, max: 5, budget_krw: 4000000000, max_per_country: 2}"),
        {scored("P1", "90", "100000000", "VN"), scored("P2", "80", "100000000", "VN"),
         scored("P3", "70", "100000000", "VN")}));
    runs.push_back(fixtures::run(
        with_selection("{min: 2, max: 5, budget_krw: 4000000000, max_per_country: 1}"),
        {scored("P1", "90", "100000000", "VN"), scored("P2", "80", "100000000", "VN")}));

    // Slots a message may go without: its optional parts.
    const std::set<std::string_view> optional = {"submitted_local"};
    std::set<Msg> msgs;
    std::string english;  // every message, one a line
    for (const auto& run : runs) {
        REQUIRE(run->errors().empty());
        for (const Reason& r : all_reasons(*run)) {
            INFO("reason " << r.code << ": " << r.message());
            const std::vector<std::string_view> named = message_slots(message_key(r.msg));
            for (const Arg& a : r.args) {
                INFO("slot " << a.slot);
                CHECK(std::find(named.begin(), named.end(), a.slot) != named.end());
            }
            for (std::string_view n : named) {
                INFO("slot " << n);
                bool given = std::any_of(r.args.begin(), r.args.end(),
                                         [&](const Arg& a) { return a.slot == n; });
                CHECK((given || optional.count(n)));
            }
            CHECK(r.message() == reason_text(r, Lang::en));
            std::string ko = reason_text(r, Lang::ko);
            CHECK(ko != r.message());
            CHECK(ko.find('{') == std::string::npos);
            msgs.insert(r.msg);
            english += r.message() + "\n";
        }
    }
    const std::set<Msg> from_select = {Msg::budget,
                                       Msg::budget_stop,
                                       Msg::country_cap,
                                       Msg::optimal,
                                       Msg::quota,
                                       Msg::shortfall_budget,
                                       Msg::shortfall_budget_all,
                                       Msg::shortfall_candidates,
                                       Msg::shortfall_combined,
                                       Msg::shortfall_country_cap,
                                       Msg::shortfall_merit_order,
                                       Msg::withdrawn};  // evaluation's, with withdrawals
    CHECK(msgs == from_select);
    // Each singular and plural form, and each optional part, was written.
    for (const char* form :
         {"the quota of 1 selection was", "the quota of 3 selections was",
          "VN already has 1 selection (max_per_country 1)",
          "VN already has 2 selections (max_per_country 2)", "the cheapest candidate needs",
          "the 3 cheapest candidates need", "the only candidate needs",
          "the 2 candidates together need", "only 1 candidate, at least 2 needed",
          "only 2 candidates, at least 4 needed", "threshold, 1 withdrawn",
          "come from 1 country, at most 1 each: at most 1 selection (",
          "come from 1 country, at most 2 each: at most 2 selections (",
          "come from 2 countries, at most 1 each: at most 2 selections (",
          "fits the budget of KRW 1,000,000,000 within the country cap"}) {
        INFO(form << " in\n" << english);
        CHECK(english.find(form) != std::string::npos);
    }
}

TEST_CASE("i18n: the selection's reasons in Korean") {
    using fixtures::scored;
    auto run = fixtures::run(
        with_selection("{min: 3, max: 5, budget_krw: 1000000000, max_per_country: 1}"),
        {scored("P1", "90", "400000000", "VN"), scored("P2", "80", "400000000", "TH"),
         scored("P3", "70", "400000000", "VN"), scored("P4", "60", "400000000", "TH")});
    const auto& tr = run->track();
    REQUIRE(tr.shortfall_reasons.size() == 2);
    CHECK(reason_text(tr.shortfall_reasons[0], Lang::ko) ==
          "지원액이 가장 적은 후보 3건에도 12억원 필요, 가용 예산 10억원");
    CHECK(reason_text(tr.shortfall_reasons[1], Lang::en) ==
          "the candidates come from 2 countries, at most 1 each: at most 2 selections (capped: TH "
          "2, VN 2)");
    CHECK(reason_text(tr.shortfall_reasons[1], Lang::ko) ==
          "후보 국가 2개국, 국가별 최대 1건: 최대 2건 선정 가능 (초과: 태국(TH) 2건, 베트남(VN) "
          "2건)");
    CHECK(reason_text(run->get("P3").reasons.at(0), Lang::ko) ==
          "베트남(VN)에서 이미 1건 선정 (국가별 최대 1건)");
    REQUIRE(run->result.warnings.size() == 1);
    const Warning& w = run->result.warnings[0];
    CHECK(w.msg == Msg::shortfall);
    CHECK(w.message() == "2 selected, at least 3 required");
    CHECK(warning_text(w, Lang::en) == w.message());
    CHECK(warning_text(w, Lang::ko) == "2건 선정, 최소 3건 필요");
}

TEST_CASE("i18n: the candidates shortfall gives the numbers of each step, withdrawals too") {
    using fixtures::scored;
    fixtures::TrackSpec t = with_selection("{min: 4, max: 5, budget_krw: 4000000000}");
    t.extra = "threshold: 60\n";
    fixtures::ProposalSpec late = scored("P4", "90", "400000000", "ID");
    late.submitted = "2023-06-01";
    fixtures::ProposalSpec unscored = scored("P5", "90", "400000000", "PH");
    unscored.reviews.clear();
    std::vector<fixtures::ProposalSpec> ps = {
        scored("P1", "90"), scored("P2", "80", "400000000", "TH"),
        scored("P3", "50", "400000000", "KH"), late, unscored};
    SECTION("without withdrawals") {
        auto run = fixtures::run(t, ps);
        const auto& tr = run->track();
        REQUIRE(tr.shortfall_reasons.size() == 1);
        const Reason& r = tr.shortfall_reasons[0];
        CHECK(r.code == "candidates");
        CHECK(r.message() ==
              "only 2 candidates, at least 4 needed: 5 received, 4 eligible, 3 scored, 2 passed "
              "the cut-offs and threshold");
        CHECK(reason_text(r, Lang::ko) ==
              "후보 2건 (최소 4건 필요): 접수 5건, 자격 충족 4건, 평가 완료 3건, 과락·최저 기준 "
              "통과 2건");
    }
    SECTION("with a withdrawal: counted and named, so that the numbers add up") {
        auto run = fixtures::run(t, ps, "withdrawn: [P2]\n");
        const auto& tr = run->track();
        CHECK(tr.withdrawn == 1);
        CHECK(tr.candidates == 1);
        REQUIRE(tr.shortfall_reasons.size() == 1);
        const Reason& r = tr.shortfall_reasons[0];
        CHECK(r.message() ==
              "only 1 candidate, at least 4 needed: 5 received, 4 eligible, 3 scored, 2 passed "
              "the cut-offs and threshold, 1 withdrawn");
        CHECK(reason_text(r, Lang::ko) ==
              "후보 1건 (최소 4건 필요): 접수 5건, 자격 충족 4건, 평가 완료 3건, 과락·최저 기준 "
              "통과 2건, 철회 1건");
    }
}

TEST_CASE("i18n: the country-cap shortfall in the singular") {
    using fixtures::scored;
    auto one = fixtures::run(
        with_selection("{min: 2, max: 5, budget_krw: 4000000000, max_per_country: 1}"),
        {scored("P1", "90", "100000000", "VN"), scored("P2", "80", "100000000", "VN")});
    REQUIRE(one->track().shortfall_reasons.size() == 1);
    CHECK(one->track().shortfall_reasons[0].message() ==
          "the candidates come from 1 country, at most 1 each: at most 1 selection (capped: VN 2)");
    auto two = fixtures::run(
        with_selection("{min: 3, max: 5, budget_krw: 4000000000, max_per_country: 2}"),
        {scored("P1", "90", "100000000", "VN"), scored("P2", "80", "100000000", "VN"),
         scored("P3", "70", "100000000", "VN")});
    REQUIRE(two->track().shortfall_reasons.size() == 1);
    CHECK(two->track().shortfall_reasons[0].message() ==
          "the candidates come from 1 country, at most 2 each: at most 2 selections (capped: VN "
          "3)");
    CHECK(reason_text(two->track().shortfall_reasons[0], Lang::ko) ==
          "후보 국가 1개국, 국가별 최대 2건: 최대 2건 선정 가능 (초과: 베트남(VN) 3건)");
}

TEST_CASE("text: display width counts Hangul as two columns") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("한글") == 4);
    CHECK(display_width("Uman 우만") == 9);
    CHECK(display_width("Hải Phòng") == 9);  // precomposed Latin letters are one column
    CHECK(pad("한글", 6, Align::left) == "한글  ");
    CHECK(pad("한글", 6, Align::right) == "  한글");
}

TEST_CASE("text: titles shortened by width, never inside a character") {
    CHECK(truncate_width("short", 10) == "short");
    CHECK(truncate_width("abcdefghij", 5) == "abcd…");
    // 4 columns left for text before the ellipsis: two Hangul syllables.
    CHECK(truncate_width("스마트시티 계획", 5) == "스마…");
    // 5 columns for text: a third syllable would need 6, so it is left out whole.
    CHECK(truncate_width("스마트시티 계획", 6) == "스마…");
    CHECK(display_width(truncate_width("스마트시티 계획", 6)) <= 6);
    CHECK(truncate_width("Smart 스마트", 8) == "Smart …");
    CHECK(truncate_width("x", 0) == "");
}
