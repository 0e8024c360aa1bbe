// Exact arithmetic beyond 128 bits with GMP (docs/decisions.md): for the statistics whose exact
// value may outgrow an i128 (alpha, Spearman's r, a reviewer's mean deviation over thousands of
// proposals). A private header: GMP is a private dependency of the core library.
#pragma once
#include <gmpxx.h>

#include <cstdint>

#include "kcity/base/decimal.hpp"

namespace kcity {

__extension__ typedef unsigned __int128 u128;

inline mpz_class big(i128 v) {
    const bool negative = v < 0;
    u128 u = negative ? -static_cast<u128>(v) : static_cast<u128>(v);
    mpz_class out = static_cast<unsigned long>(u >> 64);
    out <<= 64;
    out += static_cast<unsigned long>(u & ~0UL);
    return negative ? mpz_class(-out) : out;
}

inline bool fits_i128(const mpz_class& v) {
    return mpz_sizeinbase(v.get_mpz_t(), 2) <= 126;
}

inline i128 small(const mpz_class& v) {
    mpz_class a = abs(v);
    mpz_class high = a >> 64;
    mpz_class low = a - (high << 64);
    i128 out = (static_cast<i128>(high.get_ui()) << 64) | static_cast<i128>(low.get_ui());
    return v < 0 ? -out : out;
}

// q rounded to `places` (0..4) decimals, half away from zero.
inline Decimal round_places(const mpq_class& q, int places) {
    mpz_class ten = 1;
    for (int i = 0; i < places; ++i) ten *= 10;
    mpz_class m = (abs(q.get_num()) * ten * 2 + q.get_den()) / (q.get_den() * 2);
    for (int i = places; i < 4; ++i) m *= 10;
    std::int64_t units = m.get_si();
    return Decimal{q < 0 ? -units : units};
}

}  // namespace kcity
