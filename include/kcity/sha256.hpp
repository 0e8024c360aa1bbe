// SHA-256 (FIPS 180-4), for the report's input hashes. Small enough to own rather than link
// a crypto library for one function.
#pragma once
#include <string>
#include <string_view>

namespace kcity {

// Lower-case hex digest of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace kcity
