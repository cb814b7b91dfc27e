// SHA-1 against the test vectors of FIPS 180 (NIST's "SHA-1 examples": one block "abc", two
// blocks "abcdbcdecdef...", one million 'a'), and the empty message.
#include "util/sha1.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace discrec;

namespace {
std::string hex_of(const Sha1Digest& d) {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string out;
    for (const auto b : d) {
        out += k_digits[b >> 4U];
        out += k_digits[b & 0xfU];
    }
    return out;
}
}  // namespace

TEST_CASE("sha1: FIPS 180 test vectors") {
    CHECK(hex_of(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex_of(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(hex_of(sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    CHECK(hex_of(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    // Lengths at the padding boundary (55, 56 and 64 bytes: the length fits in the last block,
    // needs a block of its own, whole blocks); digests from Python's hashlib.
    CHECK(hex_of(sha1(std::string(55, 'a'))) == "c1c8bbdc22796e28c0e15163d20899b65621d65a");
    CHECK(hex_of(sha1(std::string(56, 'a'))) == "c2db330f6083854c99d4b5bfb6e8f29f201be699");
    CHECK(hex_of(sha1(std::string(64, 'a'))) == "0098ba824b5c16427bd7a1122a5a442a25ec644d");
}
