// ISO 3166-1 alpha-2 country codes with English and Korean names.
#pragma once
#include <span>
#include <string_view>

namespace kcity {

struct Country {
    std::string_view code;  // "UA"
    std::string_view en;    // "Ukraine"
    std::string_view ko;    // "우크라이나"
};

// All officially assigned alpha-2 codes, sorted by code.
std::span<const Country> all_countries();

// nullptr when `code` is not an assigned upper-case alpha-2 code.
const Country* find_country(std::string_view code);

// For a mistyped code: an alpha-3 code ("UKR" -> "UA") or a lower-case one ("ua" -> "UA").
// Empty when nothing fits.
std::string_view suggest_country(std::string_view text);

}  // namespace kcity
