#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "kcity/base/pages.hpp"

using kcity::map_pages_now;
using kcity::reserve_mapped;

TEST_CASE("reserve_mapped gives room and no elements", "[pages]") {
    std::vector<std::uint64_t> v;
    reserve_mapped(v, std::size_t{1} << 20);  // 8 MiB: both requests are made
    CHECK(v.empty());
    CHECK(v.capacity() >= std::size_t{1} << 20);
    v.resize(std::size_t{1} << 20);
    CHECK(v[0] == 0);
    CHECK(v[123457] == 0);
    CHECK(v.back() == 0);
}

TEST_CASE("map_pages_now leaves every byte as it was, inside the range and around it", "[pages]") {
    // 3 MiB of a known pattern; the range starts and ends inside pages, as a vector's does.
    std::string buffer(std::size_t{3} << 20, '\0');
    for (std::size_t i = 0; i < buffer.size(); ++i) buffer[i] = static_cast<char>(i * 7 + 3);
    const std::string before = buffer;
    map_pages_now(buffer.data() + 13, buffer.size() - 29);
    CHECK(buffer == before);
}

TEST_CASE("map_pages_now does nothing with no buffer or a small one", "[pages]") {
    map_pages_now(nullptr, std::size_t{1} << 30);
    std::vector<char> small(100, 'x');
    map_pages_now(small.data(), small.size());
    CHECK(small == std::vector<char>(100, 'x'));
}

TEST_CASE("release_pages zeroes only the whole pages inside the range", "[pages]") {
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    // Page-aligned, so that the whole pages inside are known: [2 pages, 5 pages) of
    // [page + 100, 5 pages + 7).
    void* raw = nullptr;
    REQUIRE(posix_memalign(&raw, page, 8 * page) == 0);
    auto* bytes = static_cast<unsigned char*>(raw);
    for (std::size_t i = 0; i < 8 * page; ++i) bytes[i] = static_cast<unsigned char>(i % 251 + 1);
    kcity::release_pages(bytes + page + 100, 4 * page - 93);
    bool outside_kept = true, inside_zero = true;
    for (std::size_t i = 0; i < 8 * page; ++i) {
        if (i >= 2 * page && i < 5 * page)
            inside_zero = inside_zero && bytes[i] == 0;
        else
            outside_kept = outside_kept && bytes[i] == static_cast<unsigned char>(i % 251 + 1);
    }
    std::free(raw);
    CHECK(outside_kept);
    CHECK(inside_zero);
}

TEST_CASE("resize_mapped gives n default elements", "[pages]") {
    std::vector<std::uint64_t> v;
    kcity::resize_mapped(v, std::size_t{1} << 20);
    REQUIRE(v.size() == std::size_t{1} << 20);
    CHECK(v.front() == 0);
    CHECK(v.back() == 0);
}
