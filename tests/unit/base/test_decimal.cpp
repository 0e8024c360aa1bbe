#include <catch2/catch.hpp>

#include "../fixtures.hpp"
#include "kcity/base/decimal.hpp"

using kcity::Decimal;
using kcity::format_decimal;
using kcity::format_decimal_short;
using kcity::parse_decimal;
using kcity::Rational;
using kcity::round_half_away;

namespace {

// Decimal from units of 10^-4.
Decimal units(std::int64_t u) {
    return Decimal{u};
}

Decimal parsed(std::string_view text, int places = 4) {
    kcity::DecimalParse d = parse_decimal(text, places);
    INFO("text: " << text << " error: " << d.error);
    REQUIRE(d.ok);
    CHECK(d.error.empty());
    return d.value;
}

std::string refused(std::string_view text, int places = 4) {
    kcity::DecimalParse d = parse_decimal(text, places);
    INFO("text: " << text << " units: " << d.value.units);
    REQUIRE_FALSE(d.ok);
    REQUIRE_FALSE(d.error.empty());
    return d.error;
}

// round_half_away(num/den, places), in units of 10^-4.
std::int64_t rounded(std::int64_t num, std::int64_t den, int places) {
    return round_half_away(Rational(num, den), places).units;
}

}  // namespace

TEST_CASE("parse_decimal: plain decimal numbers", "[decimal]") {
    CHECK(parsed("0") == units(0));
    CHECK(parsed("27") == Decimal::from_int(27));
    CHECK(parsed("24.5") == units(245000));
    CHECK(parsed("0.25") == units(2500));
    CHECK(parsed("-2.5") == units(-25000));
    CHECK(parsed("-0.0001") == units(-1));
    CHECK(parsed("1.2345") == units(12345));
    CHECK(parsed("35.00", 2) == Decimal::from_int(35));
    CHECK(parsed("999999999999") == Decimal::from_int(999999999999));
}

TEST_CASE("parse_decimal: a leading zero is refused as ambiguous", "[decimal]") {
    CHECK_THAT(refused("010"), Catch::Contains("leading zero"));
    CHECK_THAT(refused("00"), Catch::Contains("leading zero"));
    CHECK_THAT(refused("-07.5"), Catch::Contains("leading zero"));
    CHECK_THAT(refused("00.5"), Catch::Contains("leading zero"));
    // A single zero before the point is not a leading zero.
    CHECK(parsed("0.5") == units(5000));
}

TEST_CASE("parse_decimal: too many decimal places", "[decimal]") {
    CHECK_THAT(refused("24.555", 2), Catch::Contains("more than 2 decimal places"));
    CHECK_THAT(refused("1.5", 0), Catch::Contains("more than 0 decimal places"));
    CHECK_THAT(refused("0.00001", 4), Catch::Contains("more than 4 decimal places"));
    CHECK(parsed("24.55", 2) == units(245500));
    // Trailing zeros count as places: the number is written with too many.
    CHECK_THAT(refused("24.500", 2), Catch::Contains("decimal places"));
}

TEST_CASE("parse_decimal: other forms are refused", "[decimal]") {
    for (const char* text :
         {"",      "-",   "+1",  ".5", "5.", "1e5",  "4.5e8", "1E3", "nan", ".nan", "inf",
          "-.inf", "1,5", "1 5", " 1", "1 ", "0x1F", "1.2.3", "--1", "abc", "12a"}) {
        refused(text);
    }
    CHECK_THAT(refused("1000000000000"), Catch::Contains("too large"));
    CHECK_THAT(refused("-1000000000000.5"), Catch::Contains("too large"));
}

TEST_CASE("round_half_away: x.xx5 goes away from zero, both signs", "[decimal]") {
    // 2.345 -> 2.35, -2.345 -> -2.35
    CHECK(rounded(2345, 1000, 2) == 23500);
    CHECK(rounded(-2345, 1000, 2) == -23500);
    // 0.005 -> 0.01, -0.005 -> -0.01
    CHECK(rounded(5, 1000, 2) == 100);
    CHECK(rounded(-5, 1000, 2) == -100);
    // just below and above the half
    CHECK(rounded(23449999, 10000000, 2) == 23400);
    CHECK(rounded(-23449999, 10000000, 2) == -23400);
    CHECK(rounded(23450001, 10000000, 2) == 23500);
    // 11.995 -> 12.00 (a cut-off of 12 is met after rounding)
    CHECK(rounded(11995, 1000, 2) == 120000);
    CHECK(rounded(-11995, 1000, 2) == -120000);
}

TEST_CASE("round_half_away: places 0 to 4", "[decimal]") {
    // 2.5 and -2.5 at 0 places: away from zero, not to even
    CHECK(rounded(5, 2, 0) == 30000);
    CHECK(rounded(-5, 2, 0) == -30000);
    CHECK(rounded(7, 2, 0) == 40000);  // 3.5 -> 4
    CHECK(rounded(249, 100, 0) == 20000);
    // 0.25 at 1 place -> 0.3; -0.25 -> -0.3; 0.35 -> 0.4
    CHECK(rounded(1, 4, 1) == 3000);
    CHECK(rounded(-1, 4, 1) == -3000);
    CHECK(rounded(35, 100, 1) == 4000);
    // 1.0005 at 3 places -> 1.001
    CHECK(rounded(10005, 10000, 3) == 10010);
    CHECK(rounded(-10005, 10000, 3) == -10010);
    // 0.00005 at 4 places -> 0.0001
    CHECK(rounded(5, 100000, 4) == 1);
    CHECK(rounded(-5, 100000, 4) == -1);
    CHECK(rounded(4, 100000, 4) == 0);
    // whole numbers are unchanged at every precision
    for (int places = 0; places <= 4; ++places) CHECK(rounded(85, 1, places) == 850000);
}

TEST_CASE("round_half_away: exact thirds", "[decimal]") {
    CHECK(rounded(1, 3, 0) == 0);
    CHECK(rounded(1, 3, 2) == 3300);
    CHECK(rounded(1, 3, 4) == 3333);
    CHECK(rounded(2, 3, 0) == 10000);
    CHECK(rounded(2, 3, 1) == 7000);
    CHECK(rounded(2, 3, 2) == 6700);
    CHECK(rounded(2, 3, 4) == 6667);
    CHECK(rounded(-2, 3, 2) == -6700);
    CHECK(rounded(-1, 3, 4) == -3333);
    // 256/3 = 85.333..., 257/3 = 85.666...
    CHECK(rounded(256, 3, 2) == 853300);
    CHECK(rounded(257, 3, 2) == 856700);
    // A mean of three Decimals: (24 + 24.5 + 25.25) / 3 = 24.5833...
    Rational mean =
        (Rational(Decimal::from_int(24)) + Rational(units(245000)) + Rational(units(252500))) / 3;
    CHECK(round_half_away(mean, 2) == units(245800));
    CHECK(round_half_away(mean, 3) == units(245830));
}

TEST_CASE("format_decimal writes exactly `places` decimals", "[decimal]") {
    CHECK(format_decimal(Decimal::from_int(85), 2) == "85.00");
    CHECK(format_decimal(Decimal::from_int(85), 0) == "85");
    CHECK(format_decimal(units(-25000), 1) == "-2.5");
    CHECK(format_decimal(units(863300), 2) == "86.33");
    CHECK(format_decimal(units(863300), 4) == "86.3300");
    CHECK(format_decimal(units(5), 4) == "0.0005");
    CHECK(format_decimal(units(-5), 4) == "-0.0005");
    CHECK(format_decimal(units(500), 3) == "0.050");
    CHECK(format_decimal(units(0), 2) == "0.00");
    // digits beyond `places` are rounded half away from zero
    CHECK(format_decimal(units(23450), 2) == "2.35");
    CHECK(format_decimal(units(-23450), 2) == "-2.35");
    CHECK(format_decimal(units(50), 2) == "0.01");
    CHECK(format_decimal(units(-50), 2) == "-0.01");
    // a value that rounds to zero has no minus sign
    CHECK(format_decimal(units(-40), 2) == "0.00");
    CHECK(format_decimal(units(-4999), 0) == "0");
}

TEST_CASE("format_decimal_short writes the shortest exact text", "[decimal]") {
    CHECK(format_decimal_short(Decimal::from_int(2)) == "2");
    CHECK(format_decimal_short(units(15000)) == "1.5");
    CHECK(format_decimal_short(units(-2500)) == "-0.25");
    CHECK(format_decimal_short(units(1)) == "0.0001");
    CHECK(format_decimal_short(units(0)) == "0");
    CHECK(format_decimal_short(Decimal::from_int(-3)) == "-3");
    CHECK(format_decimal_short(units(120300)) == "12.03");
}

TEST_CASE("Rational is exact and totally ordered", "[decimal]") {
    CHECK(Rational(2, 4) == Rational(1, 2));
    CHECK(Rational(1, -2) == Rational(-1, 2));
    CHECK(Rational(1, -2).den() == 2);
    CHECK(Rational(1, -2).num() == -1);
    CHECK(Rational(6, 4).num() == 3);
    CHECK(Rational(6, 4).den() == 2);
    CHECK(Rational(0, 5) == Rational());
    CHECK(Rational(0, 5).den() == 1);

    // 1/3 lies strictly between 0.3333 and 0.3334.
    CHECK(Rational(1, 3) > Rational(units(3333)));
    CHECK(Rational(1, 3) < Rational(units(3334)));
    CHECK(Rational(-1, 3) < Rational(units(-3333)));
    CHECK(Rational(-1, 3) > Rational(units(-3334)));
    CHECK((Rational(1, 3) <=> Rational(2, 6)) == std::strong_ordering::equal);
    CHECK((Rational(2, 3) <=> Rational(1, 2)) == std::strong_ordering::greater);
    CHECK((Rational(-2, 3) <=> Rational(-1, 2)) == std::strong_ordering::less);

    CHECK(Rational(1, 3) + Rational(1, 6) == Rational(1, 2));
    CHECK(Rational(2, 3) * Rational(3, 4) == Rational(1, 2));
    CHECK(Rational(1, 2) / 3 == Rational(1, 6));
    CHECK(Rational(units(15000)) == Rational(3, 2));
    // Three thirds are exactly one: no binary floating point on the way.
    CHECK(Rational(1, 3) + Rational(1, 3) + Rational(1, 3) == Rational(1, 1));
    CHECK(Rational(units(1000)) + Rational(units(2000)) == Rational(units(3000)));  // 0.1 + 0.2
}

TEST_CASE("Decimal ordering and arithmetic", "[decimal]") {
    CHECK(Decimal::from_int(3) == units(30000));
    CHECK(units(-1) < Decimal{});
    CHECK(units(20000) + units(5000) == units(25000));
    CHECK(units(20000) - units(25000) == units(-5000));
    CHECK(-units(5) == units(-5));
    CHECK(units(863300) > units(863299));
}

TEST_CASE("Rational reduces exactly in 64 and in 128 bits, whatever the signs") {
    // The gcd goes on in 64 bits (binary) once both values fit there; these cross the line.
    CHECK(Rational(-6, 4).num() == -3);
    CHECK(Rational(-6, 4).den() == 2);
    CHECK(Rational(6, -4) == Rational(-3, 2));
    CHECK(Rational(0, 7).num() == 0);
    CHECK(Rational(0, 7).den() == 1);
    using kcity::i128;
    const i128 big = static_cast<i128>(1) << 70;  // beyond 64 bits
    CHECK(Rational(big * 3, big * 5) == Rational(3, 5));
    CHECK(Rational(big, 8).num() == (static_cast<i128>(1) << 67));
    CHECK(Rational(big, 8).den() == 1);
    // gcd(2^70 + 4, 6) = 2: 2^68 + 1 is not a multiple of 3.
    CHECK(Rational(-big - 4, 6).num() == -(big + 4) / 2);
    CHECK(Rational(-big - 4, 6).den() == 3);
    CHECK(Rational(12, 18) == Rational(2, 3));
    CHECK(Rational(1 << 20, 3 << 20).den() == 3);
    CHECK(Rational(1000000007LL * 999999937LL, 999999937LL).num() == 1000000007LL);
}

TEST_CASE("parse_decimal: each refusal's whole message", "[decimal]") {
    CHECK(refused("1.2x") == "'1.2x' is not a plain decimal number");
    CHECK(refused("abc") == "'abc' is not a plain decimal number");
    CHECK(refused("010") == "'010' has a leading zero, which is ambiguous");
    CHECK(refused("1.23456") == "'1.23456' has more than 4 decimal places");
    CHECK(refused("1.234", 2) == "'1.234' has more than 2 decimal places");
    CHECK(refused("1234567890123") == "'1234567890123' is too large");
}
