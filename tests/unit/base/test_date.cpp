#include <catch2/catch.hpp>

#include "kcity/base/date.hpp"

using kcity::compare_dates;
using kcity::DateTime;
using kcity::format_datetime;
using kcity::order_key;
using kcity::parse_datetime;
using kcity::parse_utc_offset;

namespace {

constexpr int seoul = 9 * 60;

DateTime parsed(std::string_view text) {
    kcity::DateParse p = parse_datetime(text);
    INFO("text: " << text << " error: " << p.error);
    REQUIRE(p.ok);
    CHECK(p.error.empty());
    return p.value;
}

std::string error_of(std::string_view text) {
    kcity::DateParse p = parse_datetime(text);
    INFO("text: " << text);
    REQUIRE_FALSE(p.ok);
    REQUIRE_FALSE(p.error.empty());
    CHECK(p.error.find('\n') == std::string::npos);
    CHECK(p.error.back() != '.');
    return p.error;
}

int compare(std::string_view a, std::string_view b, int tz = seoul) {
    return compare_dates(parsed(a), parsed(b), tz);
}

}  // namespace

TEST_CASE("date: a plain date", "[date]") {
    DateTime d = parsed("2023-05-10");
    CHECK(d.year == 2023);
    CHECK(d.month == 5);
    CHECK(d.day == 10);
    CHECK_FALSE(d.has_time);
    CHECK_FALSE(d.has_offset);
    CHECK(format_datetime(d) == "2023-05-10");
}

TEST_CASE("date: the Korean official style with dots", "[date]") {
    const DateTime may9{2024, 5, 9};
    for (std::string_view text :
         {"2024.05.09", "2024.05.09.", "2024. 5. 9.", "2024. 5. 9", "2024.5.9", "2024. 05. 09."}) {
        CHECK(parsed(text) == may9);
    }
    CHECK(format_datetime(parsed("2024. 12. 31.")) == "2024-12-31");
    CHECK_THAT(error_of("2023.02.30"), Catch::Contains("2023.02.30 is not a date"));
    CHECK_THAT(error_of("2024.13.01"), Catch::Contains("is not a date"));
    CHECK_THAT(error_of("2024.0.1"), Catch::Contains("is not a date"));
    for (std::string_view text : {"2024.05", "2024.05.09..", "2024.  5. 9.", "2024.005.09",
                                  "2024.05.09 16:20", "2024.05-09", "2024. 5 .9", "24.05.09",
                                  "2024.05.09T16:20", "2024.", "2024.5.", "2024.5. 9 ."}) {
        CHECK_THAT(error_of(text), Catch::Contains("expected YYYY-MM-DD"));
    }
}

TEST_CASE("date: a date-time with an offset", "[date]") {
    DateTime d = parsed("2023-05-09T16:20:00+09:00");
    CHECK(d == DateTime{2023, 5, 9, true, 16, 20, 0, true, 540});
    CHECK(format_datetime(d) == "2023-05-09T16:20:00+09:00");

    DateTime west = parsed("2023-05-09T16:20:07-05:30");
    CHECK(west == DateTime{2023, 5, 9, true, 16, 20, 7, true, -330});
    CHECK(format_datetime(west) == "2023-05-09T16:20:07-05:30");
}

TEST_CASE("date: a space may replace T, seconds are optional", "[date]") {
    DateTime d = parsed("2023-05-09 16:20");
    CHECK(d == DateTime{2023, 5, 9, true, 16, 20, 0, false, 0});
    CHECK(format_datetime(d) == "2023-05-09T16:20:00");
    CHECK(parsed("2023-05-09T16:20") == d);
}

TEST_CASE("date: Z and +00:00 are UTC", "[date]") {
    DateTime z = parsed("2023-05-10T15:30:00Z");
    CHECK(z == DateTime{2023, 5, 10, true, 15, 30, 0, true, 0});
    CHECK(format_datetime(z) == "2023-05-10T15:30:00Z");
    CHECK(parsed("2023-05-10T15:30:00+00:00") == z);
}

TEST_CASE("date: dates that do not exist are refused", "[date]") {
    CHECK(error_of("2023-02-30") == "2023-02-30 is not a date");
    CHECK(error_of("2023-13-01") == "2023-13-01 is not a date");
    CHECK(error_of("2023-00-10") == "2023-00-10 is not a date");
    CHECK(error_of("2023-05-00") == "2023-05-00 is not a date");
    CHECK(error_of("2023-04-31") == "2023-04-31 is not a date");
    CHECK(error_of("2023-02-29") == "2023-02-29 is not a date");
    CHECK(error_of("1900-02-29") == "1900-02-29 is not a date");
    CHECK(error_of("2023-02-30T10:00:00+09:00") == "2023-02-30 is not a date");
    CHECK(parsed("2024-02-29").day == 29);
    CHECK(parsed("2000-02-29").day == 29);
    CHECK(parsed("2023-12-31").day == 31);
}

TEST_CASE("date: times out of range are refused", "[date]") {
    CHECK_THAT(error_of("2023-05-10T24:00"), Catch::Contains("not a time of day"));
    CHECK_THAT(error_of("2023-05-10T23:60"), Catch::Contains("not a time of day"));
    CHECK_THAT(error_of("2023-05-10T23:59:60"), Catch::Contains("not a time of day"));
    CHECK(parsed("2023-05-10T23:59:59").second == 59);
    CHECK(parsed("2023-05-10T00:00").hour == 0);
}

TEST_CASE("date: malformed text is refused", "[date]") {
    for (std::string_view text :
         {"", "2023", "2023-5-10", "2023/05/10", "10-05-2023", "2023-05-10x", "2023-05-10T",
          "2023-05-10T9:00", "2023-05-10T09", "2023-05-10T09:00:0", "2023-05-10T09:00:00.5",
          "2023-05-10t09:00", "2023-05-10  09:00", "2023-05-10 09:00 +09:00", " 2023-05-10",
          "2023-05-10 ", "20230510", "２０２３-05-10"}) {
        CHECK_THAT(error_of(text), Catch::Contains("expected YYYY-MM-DD"));
    }
}

TEST_CASE("date: bad offsets are refused", "[date]") {
    for (std::string_view text :
         {"2023-05-10T09:00+09", "2023-05-10T09:00+0900", "2023-05-10T09:00+19:00",
          "2023-05-10T09:00+18:01", "2023-05-10T09:00+09:60", "2023-05-10T09:00z",
          "2023-05-10T09:00ZZ", "2023-05-10T09:00+09:00Z"}) {
        INFO(text);
        kcity::DateParse p = parse_datetime(text);
        CHECK_FALSE(p.ok);
        CHECK_FALSE(p.error.empty());
    }
    CHECK_THAT(error_of("2023-05-10T09:00+19:00"), Catch::Contains("offset +19:00"));
    CHECK(parsed("2023-05-10T09:00+18:00").offset_minutes == 18 * 60);
    CHECK(parsed("2023-05-10T09:00-18:00").offset_minutes == -18 * 60);
}

TEST_CASE("date: parse_utc_offset", "[date]") {
    CHECK(parse_utc_offset("+09:00") == 540);
    CHECK(parse_utc_offset("-05:30") == -330);
    CHECK(parse_utc_offset("Z") == 0);
    CHECK(parse_utc_offset("+00:00") == 0);
    CHECK(parse_utc_offset("-00:00") == 0);
    CHECK(parse_utc_offset("+18:00") == 1080);
    CHECK_FALSE(parse_utc_offset("+18:01"));
    CHECK_FALSE(parse_utc_offset("+19:00"));
    CHECK_FALSE(parse_utc_offset("+09:60"));
    CHECK_FALSE(parse_utc_offset("09:00"));
    CHECK_FALSE(parse_utc_offset("+0900"));
    CHECK_FALSE(parse_utc_offset("+9:00"));
    CHECK_FALSE(parse_utc_offset("z"));
    CHECK_FALSE(parse_utc_offset(""));
    CHECK_FALSE(parse_utc_offset("UTC"));
}

TEST_CASE("date: deadline comparisons with a plain date use the programme's zone", "[date]") {
    // SPEC §3: not after the deadline 2023-05-10 ...
    CHECK(compare("2023-05-10T23:59:00+09:00", "2023-05-10") == 0);
    CHECK(compare("2023-05-10T00:00:00+09:00", "2023-05-10") == 0);
    // ... but this one is: it is 00:30 on 11 May in Korea.
    CHECK(compare("2023-05-10T15:30:00Z", "2023-05-10") > 0);
    CHECK(compare("2023-05-10", "2023-05-10T15:30:00Z") < 0);
    // 14:59 UTC is still 23:59 on 10 May in Korea.
    CHECK(compare("2023-05-10T14:59:00Z", "2023-05-10") == 0);
    // 23:00 on 9 May in New York is 12:00 on 10 May in Korea.
    CHECK(compare("2023-05-09T23:00:00-04:00", "2023-05-10") == 0);
    CHECK(compare("2023-05-09T23:59:00+09:00", "2023-05-10") < 0);
    // Without an offset, a date-time is already in the programme's zone.
    CHECK(compare("2023-05-10 23:59", "2023-05-10") == 0);
    CHECK(compare("2023-05-11 00:00", "2023-05-10") > 0);
    // The same instant falls on another day in another programme zone.
    CHECK(compare("2023-05-10T15:30:00Z", "2023-05-10", 0) == 0);
    CHECK(compare("2023-05-10T02:00:00+09:00", "2023-05-10", -5 * 60) < 0);
}

TEST_CASE("date: comparisons between plain dates and between instants", "[date]") {
    CHECK(compare("2023-05-10", "2023-05-30") < 0);
    CHECK(compare("2023-05-30", "2023-05-10") > 0);
    CHECK(compare("2023-05-10", "2023-05-10") == 0);
    CHECK(compare("2024-01-01", "2023-12-31") > 0);
    CHECK(compare("2023-05-10T15:30:00Z", "2023-05-11T00:30:00+09:00") == 0);
    CHECK(compare("2023-05-10T15:30:00Z", "2023-05-11T00:30:01+09:00") < 0);
    CHECK(compare("2023-05-10T15:30:00Z", "2023-05-11 00:29") > 0);
}

TEST_CASE("date: order_key", "[date]") {
    CHECK(order_key(parsed("1970-01-01T00:00:00Z"), seoul) == 0);
    CHECK(order_key(parsed("1970-01-01T09:00:00+09:00"), seoul) == 0);
    CHECK(order_key(parsed("2023-05-10T15:30:00Z"), seoul) == 1'683'732'600);
    // A plain date counts as 00:00 of its day in the programme's zone.
    CHECK(order_key(parsed("2023-05-10"), seoul) == order_key(parsed("2023-05-10T00:00+09:00"), 0));
    CHECK(order_key(parsed("2023-05-10"), 0) == order_key(parsed("2023-05-10T00:00Z"), seoul));
    CHECK(order_key(parsed("2023-05-10 16:20"), seoul) ==
          order_key(parsed("2023-05-10T07:20:00Z"), seoul));
    CHECK(order_key(parsed("1969-12-31T23:59:59Z"), seoul) == -1);
    CHECK(order_key(parsed("2023-05-09T16:20:01+09:00"), seoul) >
          order_key(parsed("2023-05-09T16:20:00+09:00"), seoul));
}

TEST_CASE("date: format_datetime of parsed text gives canonical text back", "[date]") {
    for (std::string_view text : {"2023-05-10", "2023-05-09T16:20:00+09:00", "2023-05-10T15:30:00Z",
                                  "2023-05-09T16:20:00", "0001-01-01"}) {
        CHECK(format_datetime(parsed(text)) == text);
    }
}

// SPEC §11: the last day to object is results_date + appeal_days calendar days.
TEST_CASE("date: add_days across month ends, year ends and leap years", "[date]") {
    auto plus = [](std::string_view d, int n) { return format_datetime(add_days(parsed(d), n)); };
    CHECK(plus("2023-06-20", 10) == "2023-06-30");
    CHECK(plus("2023-06-21", 10) == "2023-07-01");
    CHECK(plus("2023-01-31", 1) == "2023-02-01");
    CHECK(plus("2023-12-25", 7) == "2024-01-01");
    CHECK(plus("2023-12-31", 365) == "2024-12-30");  // 2024 has 366 days
    CHECK(plus("2024-02-28", 1) == "2024-02-29");
    CHECK(plus("2024-02-20", 10) == "2024-03-01");
    CHECK(plus("2023-02-28", 1) == "2023-03-01");
    CHECK(plus("2100-02-28", 1) == "2100-03-01");  // not a leap year
    CHECK(plus("2000-02-28", 1) == "2000-02-29");  // a leap year
    CHECK(plus("2023-06-20", 0) == "2023-06-20");
    // A date-time gives its calendar date, without the time.
    CHECK(plus("2023-06-20T18:00:00+09:00", 1) == "2023-06-21");
}

TEST_CASE("date: weekday", "[date]") {
    CHECK(weekday(parsed("1970-01-01")) == 3);  // Thursday
    CHECK(weekday(parsed("2023-06-30")) == 4);  // Friday
    CHECK(weekday(parsed("2024-02-29")) == 3);  // Thursday
    CHECK(weekday(parsed("1969-12-31")) == 2);  // Wednesday
    CHECK(weekday(parsed("2023-07-02")) == 6);  // Sunday
}
