// A review's scores: one Decimal per criterion of its track, in the rules' order.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "kcity/base/decimal.hpp"

namespace kcity {

// Up to four scores are held inside the value, more on the heap. A call of 100,000 proposals
// has 700,000 reviews, and a std::vector's own allocation for three scores cost more memory
// than the scores themselves (issue 7: 100,000 proposals in 300 MB).
class Scores {
  public:
    static constexpr std::size_t inline_capacity = 4;

    Scores() = default;
    Scores(std::initializer_list<Decimal> values);
    Scores(const Scores& other);
    Scores(Scores&& other) noexcept;
    Scores& operator=(Scores other) noexcept;  // by value: copy and move alike
    ~Scores();

    // n copies of `value`, replacing what was held.
    void assign(std::size_t n, Decimal value);

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Decimal* data() { return on_heap() ? store_.heap : store_.local; }
    const Decimal* data() const { return on_heap() ? store_.heap : store_.local; }
    Decimal& operator[](std::size_t i) { return data()[i]; }
    const Decimal& operator[](std::size_t i) const { return data()[i]; }
    const Decimal* begin() const { return data(); }
    const Decimal* end() const { return data() + size_; }
    bool operator==(const Scores& other) const;

  private:
    bool on_heap() const { return size_ > inline_capacity; }
    void swap(Scores& other) noexcept;

    std::uint32_t size_ = 0;
    union Store {
        Store() : local{} {}
        Decimal local[inline_capacity];
        Decimal* heap;  // when size_ > inline_capacity
    } store_;
};

}  // namespace kcity
