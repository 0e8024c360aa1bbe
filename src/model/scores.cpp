#include "kcity/model/scores.hpp"

#include <algorithm>
#include <utility>

namespace kcity {

Scores::Scores(std::initializer_list<Decimal> values) {
    assign(values.size(), Decimal{});
    std::copy(values.begin(), values.end(), data());
}

Scores::Scores(const Scores& other) {
    assign(other.size_, Decimal{});
    std::copy(other.begin(), other.end(), data());
}

Scores::Scores(Scores&& other) noexcept : size_(other.size_), store_(other.store_) {
    other.size_ = 0;  // the heap block, if any, is ours now
}

Scores& Scores::operator=(Scores other) noexcept {
    swap(other);
    return *this;
}

Scores::~Scores() {
    if (on_heap()) delete[] store_.heap;
}

void Scores::assign(std::size_t n, Decimal value) {
    if (on_heap()) delete[] store_.heap;
    size_ = 0;  // holds nothing of its own until the new block is there
    if (n > inline_capacity) store_.heap = new Decimal[n];
    size_ = static_cast<std::uint32_t>(n);
    std::fill(data(), data() + n, value);
}

bool Scores::operator==(const Scores& other) const {
    return std::equal(begin(), end(), other.begin(), other.end());
}

void Scores::swap(Scores& other) noexcept {
    std::swap(size_, other.size_);
    std::swap(store_, other.store_);  // a union of trivially copyable members: its bytes
}

}  // namespace kcity
