#include "util/sha1.hpp"

#include <bit>

namespace discrec {
namespace {

constexpr std::size_t k_block = 64;

// FIPS 180-4 §6.1.2: one 512-bit block into the state.
void compress(std::array<std::uint32_t, 5>& h, const std::uint8_t* block) noexcept {
    std::array<std::uint32_t, 80> w{};
    for (std::size_t t = 0; t < 16; ++t) {
        w[t] = (std::uint32_t{block[4 * t]} << 24U) | (std::uint32_t{block[4 * t + 1]} << 16U) |
               (std::uint32_t{block[4 * t + 2]} << 8U) | std::uint32_t{block[4 * t + 3]};
    }
    for (std::size_t t = 16; t < 80; ++t)
        w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (std::size_t t = 0; t < 80; ++t) {
        std::uint32_t f = 0;
        std::uint32_t k = 0;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999U;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1U;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdcU;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6U;
        }
        const std::uint32_t temp = std::rotl(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = std::rotl(b, 30);
        b = a;
        a = temp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

}  // namespace

Sha1Digest sha1(ByteSpan data) noexcept {
    std::array<std::uint32_t, 5> h = {0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U,
                                      0xc3d2e1f0U};
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
    std::size_t done = 0;
    for (; data.size() - done >= k_block; done += k_block) compress(h, bytes + done);
    // §5.1.1 padding: a 1 bit, zeros, the message length in bits as 64 bits big-endian.
    std::array<std::uint8_t, 2 * k_block> tail{};
    const std::size_t rest = data.size() - done;
    for (std::size_t i = 0; i < rest; ++i) tail[i] = bytes[done + i];
    tail[rest] = 0x80;
    const std::size_t tail_size = rest + 1 + 8 <= k_block ? k_block : 2 * k_block;
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8U;
    for (std::size_t i = 0; i < 8; ++i)
        tail[tail_size - 1 - i] = static_cast<std::uint8_t>(bits >> (8U * i));
    for (std::size_t off = 0; off < tail_size; off += k_block) compress(h, tail.data() + off);
    Sha1Digest out{};
    for (std::size_t i = 0; i < 20; ++i)
        out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24U - 8U * (i % 4)));
    return out;
}

Sha1Digest sha1(std::string_view text) noexcept {
    return sha1(ByteSpan{reinterpret_cast<const std::byte*>(text.data()), text.size()});
}

}  // namespace discrec
