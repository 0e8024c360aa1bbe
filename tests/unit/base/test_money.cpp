#include <catch2/catch.hpp>

#include "kcity/base/money.hpp"

using kcity::format_grouped;
using kcity::Krw;
using kcity::max_krw;
using kcity::parse_money;

namespace {

Krw value_of(std::string_view text) {
    kcity::MoneyParse parsed = parse_money(text);
    INFO("text: " << text << " error: " << parsed.error);
    REQUIRE(parsed.ok);
    CHECK(parsed.error.empty());
    return parsed.value;
}

std::string error_of(std::string_view text) {
    kcity::MoneyParse parsed = parse_money(text);
    INFO("text: " << text << " value: " << parsed.value);
    REQUIRE_FALSE(parsed.ok);
    REQUIRE_FALSE(parsed.error.empty());
    // Errors are one line, start lower-case (or with the offending text) and have no period.
    CHECK(parsed.error.find('\n') == std::string::npos);
    CHECK(parsed.error.back() != '.');
    return parsed.error;
}

}  // namespace

TEST_CASE("money: plain digits, with _ or , in groups of three", "[money]") {
    CHECK(value_of("450000000") == 450'000'000);
    CHECK(value_of("450_000_000") == 450'000'000);
    CHECK(value_of("450,000,000") == 450'000'000);
    CHECK(value_of("450,000,000원") == 450'000'000);
    CHECK(value_of("450000000원") == 450'000'000);
    CHECK(value_of("450,000,000 원") == 450'000'000);
    CHECK(value_of("1,500") == 1'500);
    CHECK(value_of("0") == 0);
    CHECK(value_of("0원") == 0);
    CHECK(value_of("7") == 7);
}

TEST_CASE("money: terms with Korean units", "[money]") {
    CHECK(value_of("4.5억") == 450'000'000);
    CHECK(value_of("4억 5천만원") == 450'000'000);
    CHECK(value_of("4억5천만원") == 450'000'000);
    CHECK(value_of("4억   5천만 원") == 450'000'000);
    CHECK(value_of("45000만원") == 450'000'000);
    CHECK(value_of("1,500만원") == 15'000'000);
    CHECK(value_of("1억 2,345만 6,789원") == 123'456'789);
    CHECK(value_of("3억") == 300'000'000);
    CHECK(value_of("5천만") == 50'000'000);
    CHECK(value_of("3백만") == 3'000'000);
    CHECK(value_of("1억 5천만 3백만 2만 1") == 153'020'001);
    CHECK(value_of("40억") == 4'000'000'000);
    CHECK(value_of("1억 9999") == 100'009'999);
    CHECK(value_of("0.5억") == 50'000'000);
    CHECK(value_of("1.23456789억") == 123'456'789);
    CHECK(value_of("4.50000000000억") == 450'000'000);  // trailing zeros are still whole won
    CHECK(value_of("1.5만") == 15'000);
}

TEST_CASE("money: surrounding spaces of a quoted scalar are ignored", "[money]") {
    CHECK(value_of("  4억 ") == 400'000'000);
}

TEST_CASE("money: the upper bound 10^15 is accepted, anything above is not", "[money]") {
    CHECK(value_of("1000000000000000") == max_krw);
    CHECK(value_of("10000000억") == max_krw);
    CHECK_THAT(error_of("1000000000000001"), Catch::Contains("more than 10^15"));
    CHECK_THAT(error_of("10000000억 1"), Catch::Contains("more than 10^15"));
    CHECK_THAT(error_of("100000000억"), Catch::Contains("more than 10^15"));
    CHECK_THAT(error_of("99999999999999999999999999999"), Catch::Contains("more than 10^15"));
    CHECK_THAT(error_of("99999999999999999999억"), Catch::Contains("more than 10^15"));
}

TEST_CASE("money: a fraction of a won is refused", "[money]") {
    CHECK_THAT(error_of("1.234567891억"), Catch::Contains("not a whole number of won"));
    CHECK_THAT(error_of("1.23456억 0.5"), Catch::Contains("not a whole number of won"));
    CHECK_THAT(error_of("4.5"), Catch::Contains("not a whole number of won"));
    CHECK_THAT(error_of("450000000.0"), Catch::Contains("without a decimal point"));
    CHECK_THAT(error_of("1억 5.0"), Catch::Contains("without a decimal point"));
    CHECK_THAT(error_of("1.00001만"), Catch::Contains("not a whole number of won"));
}

TEST_CASE("money: negative amounts are refused", "[money]") {
    CHECK_THAT(error_of("-5"), Catch::Contains("negative"));
    CHECK_THAT(error_of("-4억"), Catch::Contains("negative"));
}

TEST_CASE("money: float notation is refused with the exact alternatives", "[money]") {
    CHECK(error_of("4.5e8") == "4.5e8 is float notation; write 450000000 or 4.5억");
    CHECK(error_of("4.5E+8") == "4.5E+8 is float notation; write 450000000 or 4.5억");
    CHECK(error_of("5e7") == "5e7 is float notation; write 50000000 or 5000만");
    CHECK(error_of("1e2") == "1e2 is float notation; write 100");
    CHECK_THAT(error_of("1.5e-1"), Catch::Contains("float notation"));
    CHECK_THAT(error_of("1e30"), Catch::Contains("float notation"));
}

TEST_CASE("money: terms out of order are refused", "[money]") {
    CHECK_THAT(error_of("5천만 4억"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("1억 1억"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("4억 15천만"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("4억 15천만"), Catch::Contains("15천만 must be worth less than one 억"));
    CHECK_THAT(error_of("5만 3백만"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("1억 10000만"), Catch::Contains("out of order"));
}

TEST_CASE("money: a last term without a unit must be below 10,000", "[money]") {
    CHECK_THAT(error_of("1억 10000"), Catch::Contains("below 10,000"));
    CHECK_THAT(error_of("1억 10,000원"), Catch::Contains("below 10,000"));
    // Nothing may follow a term without a unit.
    CHECK_THAT(error_of("1억 5 3"), Catch::Contains("unexpected"));
}

TEST_CASE("money: separators must form groups of three", "[money]") {
    CHECK_THAT(error_of("4,50,000"), Catch::Contains("groups of three"));
    CHECK_THAT(error_of("4500,000"), Catch::Contains("groups of three"));
    CHECK_THAT(error_of("1,5000"), Catch::Contains("groups of three"));
    CHECK_THAT(error_of("1,000,"), Catch::Contains("groups of three"));
    CHECK_THAT(error_of("45_00"), Catch::Contains("groups of three"));
    CHECK_THAT(error_of("1,50만"), Catch::Contains("groups of three"));
    CHECK_THAT(error_of("1,000_000"), Catch::Contains("mixes"));
    CHECK_THAT(error_of("1_500만"), Catch::Contains("commas"));
}

TEST_CASE("money: leading zeros are refused as ambiguous", "[money]") {
    CHECK_THAT(error_of("0450"), Catch::Contains("leading zero"));
    CHECK_THAT(error_of("00"), Catch::Contains("leading zero"));
    CHECK_THAT(error_of("04억"), Catch::Contains("leading zero"));
    CHECK_THAT(error_of("0,450"), Catch::Contains("leading zero"));
}

TEST_CASE("money: empty and other text are refused", "[money]") {
    CHECK(error_of("") == "empty amount");
    CHECK(error_of("   ") == "empty amount");
    CHECK_THAT(error_of("about 4억"), Catch::Contains("unexpected \"about 4억\""));
    CHECK_THAT(error_of("4억 or so"), Catch::Contains("unexpected \"or so\""));
    CHECK_THAT(error_of("4억원 5천만"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("5천원"), Catch::Contains("no unit after 5천"));
    CHECK_THAT(error_of("4조"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("4.억"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of(".5억"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("+5"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("억"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("450000000 KRW"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("true"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of(".inf"), Catch::Contains("unexpected"));
}

TEST_CASE("money: ₩ or KRW in front", "[money]") {
    CHECK(value_of("₩450,000,000") == 450'000'000);
    CHECK(value_of("KRW 450,000,000") == 450'000'000);
    CHECK(value_of("KRW450000000") == 450'000'000);
    CHECK(value_of("₩ 4억 5천만원") == 450'000'000);
    CHECK(value_of("KRW 1억2천3백만") == 123'000'000);
    CHECK(error_of("₩") == "₩: no amount after ₩");
    CHECK(error_of("KRW  ") == "KRW: no amount after KRW");
    CHECK_THAT(error_of("₩-5"), Catch::Contains("negative"));
    CHECK_THAT(error_of("KRW 4.5e8"), Catch::Contains("float notation; write 450000000"));
    CHECK_THAT(error_of("₩₩5"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("krw 5"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("5 ₩"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("₩KRW 5"), Catch::Contains("unexpected"));
}

TEST_CASE("money: 천 and 백 inside the number before 억 or 만", "[money]") {
    CHECK(value_of("1억2천3백만원") == 123'000'000);
    CHECK(value_of("3천5백만원") == 35'000'000);
    CHECK(value_of("1억 2천 3백만원") == 123'000'000);
    CHECK(value_of("2천5백억") == 250'000'000'000);
    CHECK(value_of("5백만") == 5'000'000);  // still the unit 백만
    CHECK(value_of("2천50만") == 20'500'000);
    CHECK(value_of("1억 3백5만 20") == 103'050'020);
    CHECK(value_of("9천9백99만 9999원") == 99'999'999);
    CHECK(value_of("4억 5천만원") == 450'000'000);  // unchanged: the unit 천만
    CHECK_THAT(error_of("3백2천만"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("2천1500만"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("12천3백만"), Catch::Contains("single digit 1-9 before 천"));
    CHECK_THAT(error_of("1.5천3백만"), Catch::Contains("single digit"));
    CHECK_THAT(error_of("0천3백만"), Catch::Contains("single digit"));
    CHECK_THAT(error_of("1억 2천3백억"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("2천3백만 1억"), Catch::Contains("out of order"));
    CHECK_THAT(error_of("2천50 원 3"), Catch::Contains("unexpected"));
    CHECK_THAT(error_of("2천3백 abc"), Catch::Contains("unexpected \"abc\""));
}

TEST_CASE("money: 천 or 백 with no unit after it shows both readings", "[money]") {
    CHECK(error_of("4억 5천") ==
          "4억 5천 has no unit after 5천: write 4억 5천만 (450,000,000 won) or 4억 5000 "
          "(400,005,000 won)");
    CHECK(error_of("4억5천원") ==
          "4억5천원 has no unit after 5천: write 4억5천만 (450,000,000 won) or 4억5000 "
          "(400,005,000 won)");
    CHECK(error_of("3천5백") ==
          "3천5백 has no unit after 3천5백: write 3천5백만 (35,000,000 won) or 3500 (3,500 won)");
    // 5천만 is not less than 1만: only one reading is an amount.
    CHECK(error_of("1만 5천") == "1만 5천 has no unit after 5천: write 1만 5000 (15,000 won)");
    CHECK(error_of("KRW 2천50") ==
          "KRW 2천50 has no unit after 2천50: write KRW 2천50만 (20,500,000 won) or KRW 2050 "
          "(2,050 won)");
}

TEST_CASE("money: format_grouped", "[money]") {
    CHECK(format_grouped(450'000'000) == "450,000,000");
    CHECK(format_grouped(0) == "0");
    CHECK(format_grouped(7) == "7");
    CHECK(format_grouped(999) == "999");
    CHECK(format_grouped(1'000) == "1,000");
    CHECK(format_grouped(12'345) == "12,345");
    CHECK(format_grouped(-1'500'000) == "-1,500,000");
    CHECK(format_grouped(-12) == "-12");
    CHECK(format_grouped(max_krw) == "1,000,000,000,000,000");
    CHECK(format_grouped(INT64_MIN) == "-9,223,372,036,854,775,808");
}

TEST_CASE("money: format_grouped output parses back", "[money]") {
    for (Krw amount : {Krw{0}, Krw{1}, Krw{999}, Krw{1'000}, Krw{450'000'000}, max_krw}) {
        CHECK(value_of(format_grouped(amount)) == amount);
    }
}
