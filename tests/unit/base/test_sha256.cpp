#include <catch2/catch.hpp>
#include <string>

#include "kcity/base/sha256.hpp"

using kcity::sha256_hex;

// FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf" and the one-million-'a' message).
TEST_CASE("sha256: FIPS test vectors", "[sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1'000'000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: padding boundaries and non-ASCII bytes", "[sha256]") {
    // 55, 56 and 64 bytes: the length fits in the block, just does not, and a full block.
    CHECK(sha256_hex(std::string(55, 'a')) ==
          "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) ==
          "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) ==
          "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    CHECK(sha256_hex("우크라이나") ==
          "1279cbcff354d502d3f4f6e396c022e9743eb2b0bf56f66519196600e915e465");
    CHECK(sha256_hex(std::string("\0\xff", 2)) ==
          "06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8");
    CHECK(sha256_hex("abc") != sha256_hex("abd"));
}

TEST_CASE("sha256: bytes given in pieces hash as the whole", "[sha256]") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += static_cast<char>((i * 37) % 251);
    for (std::size_t piece : {1, 7, 63, 64, 65, 200, 999}) {
        INFO(piece);
        kcity::Sha256 h;
        for (std::size_t at = 0; at < text.size(); at += piece) h.update(text.substr(at, piece));
        CHECK(h.hex() == sha256_hex(text));
    }
    kcity::Sha256 empty;
    empty.update("");
    CHECK(empty.hex() == sha256_hex(""));
}
