#include <catch2/catch.hpp>

#include "kcity/i18n.hpp"
#include "kcity/text_util.hpp"

using namespace kcity;

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
    Reason r = make_reason("budget", "budget", {arg_krw(450'000'000), arg_krw(100'000'000)});
    CHECK(r.code == "budget");
    CHECK(r.message == "its award of KRW 450,000,000 exceeds the KRW 100,000,000 left");
    CHECK(reason_text(r, Lang::ko) == "지원액 4억 5,000만원이(가) 남은 예산 1억원을(를) 초과");
    Reason plain{"x", "an English message"};
    CHECK(reason_text(plain, Lang::ko) == "an English message");
    LocalText name{"사업 중요도", "Importance"};
    Reason cut =
        make_reason("cutoff:importance", "cutoff", {arg_text(name), arg("11.50"), arg("12")});
    CHECK(cut.message == "Importance 11.50 is below its cut-off 12");
    CHECK(reason_text(cut, Lang::ko) == "사업 중요도 11.50점: 과락 기준 12점 미만");
    CHECK(arg_country("UA").ko == "우크라이나(UA)");
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
