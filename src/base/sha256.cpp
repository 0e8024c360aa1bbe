// SHA-256 through OpenSSL's EVP interface (the low-level SHA256_* calls are deprecated in
// OpenSSL 3).
#include "kcity/base/sha256.hpp"

#include <openssl/evp.h>

#include <new>
#include <stdexcept>

namespace kcity {
namespace {

// Fetched once: EVP_sha256() would look the algorithm up again at every initialisation.
const EVP_MD* sha256_algorithm() {
    static EVP_MD* md = [] {
        EVP_MD* m = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        if (!m) throw std::runtime_error("OpenSSL has no SHA-256");
        return m;
    }();
    return md;
}

std::string to_hex(const unsigned char* digest, unsigned int size) {
    static const char digits[] = "0123456789abcdef";
    std::string out(2 * size, '0');
    for (unsigned int i = 0; i < size; ++i) {
        out[2 * i] = digits[digest[i] >> 4];
        out[2 * i + 1] = digits[digest[i] & 0xF];
    }
    return out;
}

void check(int ok) {
    if (!ok) throw std::runtime_error("OpenSSL's SHA-256 failed");
}

}  // namespace

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
    if (!context_) throw std::bad_alloc();
    if (!EVP_DigestInit_ex(context_, sha256_algorithm(), nullptr)) {
        EVP_MD_CTX_free(context_);
        throw std::runtime_error("OpenSSL's SHA-256 failed");
    }
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(context_);
}

void Sha256::update(std::string_view bytes) {
    check(EVP_DigestUpdate(context_, bytes.data(), bytes.size()));
}

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    check(EVP_DigestFinal_ex(context_, digest, &size));
    return to_hex(digest, size);
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    check(EVP_Digest(bytes.data(), bytes.size(), digest, &size, sha256_algorithm(), nullptr));
    return to_hex(digest, size);
}

std::uint64_t sha256_first64(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    check(EVP_Digest(bytes.data(), bytes.size(), digest, &size, sha256_algorithm(), nullptr));
    std::uint64_t u = 0;
    for (int i = 0; i < 8; ++i) u = (u << 8) | digest[i];
    return u;
}

}  // namespace kcity
