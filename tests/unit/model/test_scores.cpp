#include <catch2/catch.hpp>

#include "kcity/model/scores.hpp"

using kcity::Decimal;
using kcity::Scores;

namespace {

Scores of(std::size_t n) {
    Scores s;
    s.assign(n, Decimal{});
    for (std::size_t i = 0; i < n; ++i) s[i] = Decimal::from_int(static_cast<std::int64_t>(i + 1));
    return s;
}

}  // namespace

TEST_CASE("scores: held inline up to four, on the heap beyond, with value semantics") {
    for (std::size_t n : {0, 1, 3, 4, 5, 9}) {
        INFO("n = " << n);
        Scores a = of(n);
        REQUIRE(a.size() == n);
        CHECK(a.empty() == (n == 0));
        for (std::size_t i = 0; i < n; ++i)
            CHECK(a[i] == Decimal::from_int(static_cast<int>(i + 1)));
        Scores copy = a;
        CHECK(copy == a);
        if (n > 0) {
            copy[0] = Decimal::from_int(100);
            CHECK(a[0] == Decimal::from_int(1));  // a copy owns its scores
            CHECK_FALSE(copy == a);
        }
        Scores moved = std::move(copy);
        CHECK(moved.size() == n);
        CHECK(copy.empty());  // NOLINT: moved-from is empty by contract
        Scores other = of(7);
        other = a;  // heap or inline replaced by either
        CHECK(other == a);
        other = of(2);
        CHECK(other == of(2));
        other.assign(6, Decimal::from_int(5));
        CHECK(other.size() == 6);
        CHECK(other[5] == Decimal::from_int(5));
    }
    CHECK(Scores{Decimal::from_int(1), Decimal::from_int(2)} == of(2));
    CHECK_FALSE(of(2) == of(3));  // a prefix is not equal
}

TEST_CASE("scores: four scores inline fit in 40 bytes") {
    CHECK(sizeof(Scores) <= 40);
}
