// Korean won amounts: every written form of SPEC §3, parsed exactly, and formatted.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kcity {

using Krw = std::int64_t;

// Upper bound of any amount kcity accepts (SPEC §3: "more than 10^15" is an error).
inline constexpr Krw max_krw = 1'000'000'000'000'000;

struct MoneyParse {
    bool ok = false;
    Krw value = 0;
    std::string error;  // why the text is not an amount, when !ok (English, one line)
};

// Parses the text of a YAML scalar (plain or quoted) as a whole number of won:
//   "450000000", "450_000_000", "450,000,000", "450,000,000원",
//   "4.5억", "4억 5천만원", "45000만원", "1,500만원", "1억 2,345만 6,789원", "1억2천3백만원",
//   with "₩" or "KRW" in front or not.
// Refuses fractions of a won, negatives, > 10^15, float notation (4.5e8), terms out of order,
// leading zeros ("0450"), 천 or 백 with no unit after it ("4억 5천", with both readings), and
// any other text, with a reason in `error`.
MoneyParse parse_money(std::string_view text);

// "450,000,000" (digits grouped by three with commas).
std::string format_grouped(Krw amount);

// "KRW 450,000,000": an amount in a diagnostic or another English-only text. Reports write
// amounts in their language (report/i18n.hpp, format_krw).
std::string format_krw_en(Krw amount);

}  // namespace kcity
