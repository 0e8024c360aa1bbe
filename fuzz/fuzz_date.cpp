// parse_datetime and parse_utc_offset on arbitrary text: an accepted date exists, reads back
// the same from its canonical form, and compares and orders consistently.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common.hpp"
#include "kcity/base/date.hpp"

namespace {

bool exists(const kcity::DateTime& d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.month < 1 || d.month > 12 || d.day < 1) return false;
    bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    int most = days[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
    return d.day <= most && d.hour >= 0 && d.hour <= 23 && d.minute >= 0 && d.minute <= 59 &&
           d.second >= 0 && d.second <= 59;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto offset = kcity::parse_utc_offset(text))
        kcity_fuzz::require(*offset >= -18 * 60 && *offset <= 18 * 60, "offset within ±18:00");
    kcity::DateParse d = kcity::parse_datetime(text);
    if (!d.ok) {
        kcity_fuzz::require(!d.error.empty(), "a refused date has a reason");
        return 0;
    }
    const kcity::DateTime& v = d.value;
    kcity_fuzz::require(exists(v), "an accepted date exists");
    kcity::DateParse again = kcity::parse_datetime(kcity::format_datetime(v));
    kcity_fuzz::require(again.ok && again.value == v, "format_datetime parses back");
    for (int tz : {-12 * 60, 0, 9 * 60, 14 * 60}) {
        kcity_fuzz::require(kcity::compare_dates(v, v, tz) == 0, "a date equals itself");
        kcity::DateTime local = kcity::in_zone(v, tz);
        kcity_fuzz::require(exists(local), "the same instant in a zone is a date");
        kcity_fuzz::require(kcity::compare_dates(v, local, tz) == 0 || !v.has_time,
                            "in_zone keeps the instant");
        (void)kcity::order_key(v, tz);
    }
    return 0;
}
