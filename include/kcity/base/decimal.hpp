// Exact numbers for scores. Every value that can decide a rank, a tie or a cut-off is either a
// Decimal (a fixed-point number with four decimal places, enough for `rounding` 0..4) or an
// exact Rational on the way to being rounded. Binary floating point is never used.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kcity {

// GCC and Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 i128;

// value = units / 10^4
struct Decimal {
    static constexpr std::int64_t scale = 10000;
    static constexpr int max_places = 4;
    std::int64_t units = 0;

    static constexpr Decimal from_int(std::int64_t n) { return Decimal{n * scale}; }
    auto operator<=>(const Decimal&) const = default;
    Decimal operator+(Decimal o) const { return Decimal{units + o.units}; }
    Decimal operator-(Decimal o) const { return Decimal{units - o.units}; }
    Decimal operator-() const { return Decimal{-units}; }
};

// An exact fraction num/den with den > 0, kept reduced.
class Rational {
  public:
    Rational() = default;
    Rational(i128 num, i128 den);
    explicit Rational(Decimal d) : Rational(d.units, Decimal::scale) {}

    Rational operator+(const Rational& o) const;
    Rational operator*(const Rational& o) const;
    Rational operator/(std::int64_t n) const;
    std::strong_ordering operator<=>(const Rational& o) const;
    bool operator==(const Rational& o) const = default;

    i128 num() const { return num_; }
    i128 den() const { return den_; }

  private:
    i128 num_ = 0;
    i128 den_ = 1;
};

// Rounds half away from zero to `places` decimals (0..4): 2.345 -> 2.35, -2.345 -> -2.35.
Decimal round_half_away(const Rational& r, int places);

struct DecimalParse {
    bool ok = false;
    Decimal value;
    std::string error;
};

// Parses a plain decimal number: optional '-', digits, optional '.' and at most `max_places`
// digits. Refuses leading zeros ("010"), exponents, '+', ".5", "5.", nan/inf, and magnitudes
// beyond 10^12.
DecimalParse parse_decimal(std::string_view text, int max_places);

// Exactly `places` decimals ("85.00", "-2.5" at 1). Digits beyond `places` are rounded half
// away from zero (callers normally pass values already rounded to `places`).
std::string format_decimal(Decimal d, int places);

// The shortest exact text ("2", "1.5", "-0.25"), for values shown as the rules wrote them.
std::string format_decimal_short(Decimal d);

}  // namespace kcity
