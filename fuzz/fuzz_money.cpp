// parse_money on arbitrary text: an accepted amount lies within 0..10^15 and reads back the
// same from its grouped form; a refusal always says why.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common.hpp"
#include "kcity/base/money.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    kcity::MoneyParse m = kcity::parse_money(text);
    if (!m.ok) {
        kcity_fuzz::require(!m.error.empty(), "a refused amount has a reason");
        return 0;
    }
    kcity_fuzz::require(m.error.empty(), "an accepted amount has no error");
    kcity_fuzz::require(m.value >= 0 && m.value <= kcity::max_krw, "0 <= amount <= 10^15");
    std::string grouped = kcity::format_grouped(m.value);
    kcity::MoneyParse again = kcity::parse_money(grouped);
    kcity_fuzz::require(again.ok && again.value == m.value, "format_grouped parses back");
    kcity::MoneyParse digits = kcity::parse_money(std::to_string(m.value));
    kcity_fuzz::require(digits.ok && digits.value == m.value, "plain digits parse back");
    return 0;
}
