#include "kcity/base/decimal.hpp"

#include <cstdint>
#include <cstdlib>
#include <utility>

namespace kcity {
namespace {

i128 abs128(i128 v) {
    return v < 0 ? -v : v;
}

// Stein's binary gcd: shifts and subtractions, no division. y != 0.
std::uint64_t binary_gcd(std::uint64_t x, std::uint64_t y) {
    if (x == 0) return y;
    const int shift = __builtin_ctzll(x | y);
    x >>= __builtin_ctzll(x);
    do {
        y >>= __builtin_ctzll(y);
        if (x > y) std::swap(x, y);
        y -= x;
    } while (y != 0);
    return x << shift;
}

i128 gcd128(i128 a, i128 b) {
    a = abs128(a);
    b = abs128(b);
    while (b != 0) {
        // A 128-bit remainder is a call (__modti3) many times slower than a 64-bit one, and
        // the values of scores and weights soon fit in 64 bits: go on there.
        if (a <= UINT64_MAX && b <= UINT64_MAX) {
            return static_cast<i128>(
                binary_gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b)));
        }
        i128 t = a % b;
        a = b;
        b = t;
    }
    return a == 0 ? 1 : a;
}

// num / den where den divides num exactly, in 64 bits when both fit (as above).
i128 exact_div(i128 num, i128 den) {
    if (num >= INT64_MIN && num <= INT64_MAX && den <= INT64_MAX)
        return static_cast<std::int64_t>(num) / static_cast<std::int64_t>(den);
    return num / den;
}

std::int64_t pow10(int places) {
    std::int64_t p = 1;
    for (int i = 0; i < places; ++i) p *= 10;
    return p;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

Rational::Rational(i128 num, i128 den) {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    i128 g = gcd128(num, den);
    num_ = g == 1 ? num : exact_div(num, g);
    den_ = g == 1 ? den : exact_div(den, g);
}

Rational Rational::operator+(const Rational& o) const {
    return Rational(num_ * o.den_ + o.num_ * den_, den_ * o.den_);
}

Rational Rational::operator*(const Rational& o) const {
    return Rational(num_ * o.num_, den_ * o.den_);
}

Rational Rational::operator/(std::int64_t n) const {
    return Rational(num_, den_ * n);
}

std::strong_ordering Rational::operator<=>(const Rational& o) const {
    i128 l = num_ * o.den_;
    i128 r = o.num_ * den_;
    if (l < r) return std::strong_ordering::less;
    if (l > r) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

Decimal round_half_away(const Rational& r, int places) {
    // Scale to units of 10^-places, round there, then express in units of 10^-4.
    i128 scaled_num = r.num() * pow10(places);
    i128 den = r.den();
    i128 q = abs128(scaled_num) / den;
    i128 rem = abs128(scaled_num) % den;
    if (rem * 2 >= den) ++q;
    if (scaled_num < 0) q = -q;
    return Decimal{static_cast<std::int64_t>(q * pow10(Decimal::max_places - places))};
}

DecimalParse parse_decimal(std::string_view text, int max_places) {
    DecimalParse out;
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    std::string_view whole = s, frac;
    if (auto dot = s.find('.'); dot != std::string_view::npos) {
        whole = s.substr(0, dot);
        frac = s.substr(dot + 1);
        if (!all_digits(frac)) {
            out.error = "'" + std::string(text) + "' is not a plain decimal number";
            return out;
        }
    }
    if (!all_digits(whole)) {
        out.error = "'" + std::string(text) + "' is not a plain decimal number";
        return out;
    }
    if (whole.size() > 1 && whole.front() == '0') {
        out.error = "'" + std::string(text) + "' has a leading zero, which is ambiguous";
        return out;
    }
    if (static_cast<int>(frac.size()) > max_places) {
        out.error = "'" + std::string(text) + "' has more than " + std::to_string(max_places) +
                    " decimal places";
        return out;
    }
    if (whole.size() > 12) {
        out.error = "'" + std::string(text) + "' is too large";
        return out;
    }
    std::int64_t units = std::stoll(std::string(whole)) * Decimal::scale;
    std::int64_t frac_units = 0;
    for (std::size_t i = 0; i < 4; ++i)
        frac_units = frac_units * 10 + (i < frac.size() ? frac[i] - '0' : 0);
    units += frac_units;
    out.ok = true;
    out.value = Decimal{negative ? -units : units};
    return out;
}

std::string format_decimal(Decimal d, int places) {
    Decimal r = round_half_away(Rational(d), places);
    std::int64_t a = std::llabs(r.units);
    std::string s = (r.units < 0 ? "-" : "") + std::to_string(a / Decimal::scale);
    if (places > 0) {
        std::string frac = std::to_string(a % Decimal::scale + Decimal::scale).substr(1);
        s += "." + frac.substr(0, places);
    }
    return s;
}

std::string format_decimal_short(Decimal d) {
    int places = 4;
    while (places > 0 && d.units % pow10(Decimal::max_places - places + 1) == 0) --places;
    return format_decimal(d, places);
}

}  // namespace kcity
