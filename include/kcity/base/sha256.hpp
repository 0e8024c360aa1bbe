// SHA-256 (FIPS 180-4), for the report's input hashes. Small enough to own rather than link
// a crypto library for one function.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kcity {

// The digest of bytes given in pieces (a large file hashed part by part).
class Sha256 {
  public:
    Sha256();
    void update(std::string_view bytes);
    std::string hex();  // lower-case hex digest; call once, at the end

  private:
    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> block_{};
    std::size_t used_ = 0;      // bytes waiting in block_
    std::uint64_t length_ = 0;  // bytes so far
};

// Lower-case hex digest of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace kcity
