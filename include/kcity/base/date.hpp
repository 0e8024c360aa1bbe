// Dates and date-times of SPEC §3, with the programme's time zone.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kcity {

struct DateTime {
    int year = 0, month = 0, day = 0;
    bool has_time = false;  // false: a plain date, which stands for its whole day
    int hour = 0, minute = 0, second = 0;
    bool has_offset = false;  // false: the programme's time zone applies
    int offset_minutes = 0;   // east of UTC, when has_offset
    bool operator==(const DateTime&) const = default;
};

struct DateParse {
    bool ok = false;
    DateTime value;
    std::string error;  // when !ok: "2023-02-30 is not a date", "expected YYYY-MM-DD..."
};

// "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM[:SS]" ('T' or one space) with an optional "Z" or "±HH:MM".
// Refuses dates that do not exist (2023-02-30), hours > 23, minutes/seconds > 59, offsets
// beyond ±18:00.
DateParse parse_datetime(std::string_view text);

// "+09:00", "-05:30", "Z" or "+00:00" -> minutes east of UTC. nullopt when malformed.
std::optional<int> parse_utc_offset(std::string_view text);

// SPEC §3 "Comparisons" (deadline, before, after): when either side is a plain date, the
// date-time's calendar date in the programme's time zone is compared with the date;
// otherwise both instants are compared. Returns <0, 0, >0.
int compare_dates(const DateTime& a, const DateTime& b, int tz_minutes);

// SPEC §3 "Ordering" (submitted_at tie-break): seconds since 1970-01-01T00:00Z, a plain date
// counting as 00:00 of its day in the programme's time zone.
std::int64_t order_key(const DateTime& d, int tz_minutes);

// Canonical text: "2023-05-10", "2023-05-09T16:20:00+09:00", "2023-05-10T15:30:00Z",
// "2023-05-09T16:20:00" (no offset given).
std::string format_datetime(const DateTime& d);

// The calendar date `days` days after the plain date `d` (SPEC §11: results_date + appeal_days,
// in calendar days, across month and year ends and 29 February). Its time, if any, is dropped.
DateTime add_days(const DateTime& d, int days);

// The weekday of a date, 0 = Monday .. 6 = Sunday (a Korean notice names it: 2023. 6. 30.(금)).
int weekday(const DateTime& d);

// The same instant as wall time in the programme's time zone (a plain date is unchanged).
DateTime in_zone(const DateTime& d, int tz_minutes);

}  // namespace kcity
