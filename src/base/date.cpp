// Dates and date-times (SPEC §3). Pure integer civil-date arithmetic: the programme's time zone
// is a fixed offset, so neither <ctime> nor a time-zone database has any say in a result.
#include "kcity/base/date.hpp"

namespace kcity {
namespace {

constexpr int max_offset_minutes = 18 * 60;
constexpr std::int64_t minutes_per_day = 24 * 60;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(int year, int month, int day) {
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

// The inverse (H. Hinnant's civil_from_days).
constexpr void civil_from_days(std::int64_t z, int& year, int& month, int& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The number written with exactly `count` digits at `pos`, or -1.
int fixed_digits(std::string_view s, std::size_t pos, std::size_t count) {
    if (pos + count > s.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(s[i])) return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

std::string pad(int value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return digits;
}

std::string format_offset(int minutes) {
    if (minutes == 0) return "Z";
    const int magnitude = minutes < 0 ? -minutes : minutes;
    return std::string(minutes < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" +
           pad(magnitude % 60, 2);
}

DateParse fail(std::string error) {
    return DateParse{false, {}, std::move(error)};
}

std::string shape_error(std::string_view text) {
    return std::string(text) +
           " is not a date: expected YYYY-MM-DD (or YYYY.MM.DD) or YYYY-MM-DDTHH:MM[:SS], with an "
           "optional Z or ±HH:MM";
}

// Minutes since 1970-01-01T00:00 on the wall clock of the date-time's own zone.
std::int64_t wall_minutes(const DateTime& d) {
    return days_from_civil(d.year, d.month, d.day) * minutes_per_day + d.hour * 60 + d.minute;
}

int offset_of(const DateTime& d, int tz_minutes) {
    return d.has_offset ? d.offset_minutes : tz_minutes;
}

// The calendar day (days since 1970-01-01) on which `d` falls in the programme's time zone.
std::int64_t local_day(const DateTime& d, int tz_minutes) {
    if (!d.has_time) return days_from_civil(d.year, d.month, d.day);
    const std::int64_t utc_minutes = wall_minutes(d) - offset_of(d, tz_minutes);
    return floor_div(utc_minutes + tz_minutes, minutes_per_day);
}

template <typename T>
int sign(T a, T b) {
    return a < b ? -1 : (a > b ? 1 : 0);
}

// Parses "HH:MM[:SS][Z|±HH:MM]" into `d`; the empty string when it is fine, else the error.
std::string parse_time_part(std::string_view text, std::string_view time, DateTime& d) {
    d.hour = fixed_digits(time, 0, 2);
    d.minute = fixed_digits(time, 3, 2);
    if (d.hour < 0 || d.minute < 0 || time[2] != ':') return shape_error(text);
    std::size_t pos = 5;
    if (pos < time.size() && time[pos] == ':') {
        d.second = fixed_digits(time, pos + 1, 2);
        if (d.second < 0) return shape_error(text);
        pos += 3;
    }
    if (d.hour > 23 || d.minute > 59 || d.second > 59) {
        return std::string(text) + ": " + std::string(time.substr(0, pos)) +
               " is not a time of day (hours 00-23, minutes and seconds 00-59)";
    }
    if (pos == time.size()) return {};
    std::string_view offset_text = time.substr(pos);
    if (offset_text[0] != 'Z' && offset_text[0] != '+' && offset_text[0] != '-') {
        return shape_error(text);  // fractional seconds, a space before the offset, ...
    }
    std::optional<int> offset = parse_utc_offset(offset_text);
    if (!offset) {
        return std::string(text) + ": offset " + std::string(offset_text) +
               " is not Z or ±HH:MM within ±18:00";
    }
    d.has_offset = true;
    d.offset_minutes = *offset;
    return {};
}

// One or two digits at `pos` (a month or a day of the Korean dotted style), advancing `pos`.
int short_digits(std::string_view s, std::size_t& pos) {
    int value = 0;
    std::size_t start = pos;
    while (pos < s.size() && pos - start < 2 && is_digit(s[pos]))
        value = value * 10 + (s[pos++] - '0');
    if (pos == start || (pos < s.size() && is_digit(s[pos]))) return -1;
    return value;
}

// After a dot of the dotted style: at most one space ("2024. 5. 9.").
void skip_one_space(std::string_view s, std::size_t& pos) {
    if (pos < s.size() && s[pos] == ' ') ++pos;
}

// The Korean official style (SPEC §3): "2024.05.09", "2024. 5. 9.", with or without the final
// dot. A plain date only: offices write the time of day apart, and "2024.05.09 16:20" would be
// one more shape to get wrong.
DateParse parse_dotted_date(std::string_view text) {
    DateTime d;
    d.year = fixed_digits(text, 0, 4);
    std::size_t pos = 5;
    skip_one_space(text, pos);
    d.month = short_digits(text, pos);
    if (d.year < 0 || d.month < 0 || pos >= text.size() || text[pos] != '.') {
        return fail(shape_error(text));
    }
    ++pos;
    skip_one_space(text, pos);
    d.day = short_digits(text, pos);
    if (d.day < 0) return fail(shape_error(text));
    if (pos < text.size() && text[pos] == '.') ++pos;
    if (pos != text.size()) return fail(shape_error(text));
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) {
        return fail(std::string(text) + " is not a date");
    }
    return DateParse{true, d, {}};
}

}  // namespace

DateParse parse_datetime(std::string_view text) {
    if (text.size() > 4 && text[4] == '.') return parse_dotted_date(text);
    if (text.size() < 10) return fail(shape_error(text));
    DateTime d;
    d.year = fixed_digits(text, 0, 4);
    d.month = fixed_digits(text, 5, 2);
    d.day = fixed_digits(text, 8, 2);
    if (d.year < 0 || d.month < 0 || d.day < 0 || text[4] != '-' || text[7] != '-') {
        return fail(shape_error(text));
    }
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) {
        return fail(std::string(text.substr(0, 10)) + " is not a date");
    }
    if (text.size() == 10) return DateParse{true, d, {}};
    // YAML timestamps also allow 't' and runs of spaces; the spec allows 'T' or one space.
    if (text[10] != 'T' && text[10] != ' ') return fail(shape_error(text));
    std::string_view time = text.substr(11);
    if (time.size() < 5) return fail(shape_error(text));
    d.has_time = true;
    if (std::string error = parse_time_part(text, time, d); !error.empty()) return fail(error);
    return DateParse{true, d, {}};
}

std::optional<int> parse_utc_offset(std::string_view text) {
    if (text == "Z") return 0;
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
        return std::nullopt;
    }
    const int hours = fixed_digits(text, 1, 2);
    const int minutes = fixed_digits(text, 4, 2);
    if (hours < 0 || minutes < 0 || minutes > 59) return std::nullopt;
    const int total = hours * 60 + minutes;
    if (total > max_offset_minutes) return std::nullopt;
    return text[0] == '-' ? -total : total;
}

int compare_dates(const DateTime& a, const DateTime& b, int tz_minutes) {
    // A plain date stands for its whole day: compare calendar days in the programme's zone.
    if (!a.has_time || !b.has_time) return sign(local_day(a, tz_minutes), local_day(b, tz_minutes));
    return sign(order_key(a, tz_minutes), order_key(b, tz_minutes));
}

std::int64_t order_key(const DateTime& d, int tz_minutes) {
    const std::int64_t utc_minutes = wall_minutes(d) - offset_of(d, tz_minutes);
    return utc_minutes * 60 + d.second;
}

std::string format_datetime(const DateTime& d) {
    std::string out = pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2);
    if (!d.has_time) return out;
    out += "T" + pad(d.hour, 2) + ":" + pad(d.minute, 2) + ":" + pad(d.second, 2);
    if (d.has_offset) out += format_offset(d.offset_minutes);
    return out;
}

DateTime in_zone(const DateTime& d, int tz_minutes) {
    if (!d.has_time) return d;
    std::int64_t seconds = order_key(d, tz_minutes) + std::int64_t{tz_minutes} * 60;
    std::int64_t days = floor_div(seconds, 86400);
    std::int64_t rest = seconds - days * 86400;
    DateTime out;
    civil_from_days(days, out.year, out.month, out.day);
    out.has_time = true;
    out.hour = static_cast<int>(rest / 3600);
    out.minute = static_cast<int>(rest / 60 % 60);
    out.second = static_cast<int>(rest % 60);
    out.has_offset = true;
    out.offset_minutes = tz_minutes;
    return out;
}

DateTime add_days(const DateTime& d, int days) {
    DateTime out;
    civil_from_days(days_from_civil(d.year, d.month, d.day) + days, out.year, out.month, out.day);
    return out;
}

int weekday(const DateTime& d) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    std::int64_t n = days_from_civil(d.year, d.month, d.day) + 3;
    return static_cast<int>(((n % 7) + 7) % 7);
}

}  // namespace kcity
