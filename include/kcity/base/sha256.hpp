// SHA-256 (FIPS 180-4), for the report's input hashes, through OpenSSL's libcrypto: it uses
// the CPU's SHA instructions where there are any, so hashing every input costs next to
// nothing (and `robustness` hashes millions of draws).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of every file that hashes

namespace kcity {

// The digest of bytes given in pieces (a large file hashed part by part).
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    std::string hex();  // lower-case hex digest; call once, at the end

  private:
    evp_md_ctx_st* context_;
};

// Lower-case hex digest of the bytes.
std::string sha256_hex(std::string_view bytes);

// The first 8 bytes of the digest read as a big-endian unsigned integer: `kcity robustness`'s
// draws (SPEC §9), so that a draw costs one hash and no text.
std::uint64_t sha256_first64(std::string_view bytes);

}  // namespace kcity
