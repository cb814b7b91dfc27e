// libFuzzer target: READ CAPACITY(10) responses (mmc/capacity.hpp). Seeds: corpus/capacity/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "mmc/capacity.hpp"

namespace {

using namespace discrec;

ByteSpan as_span(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const std::byte*>(data), size};
}

// A broken promise of capacity.hpp is a finding like a crash: abort so libFuzzer keeps the input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_capacity: invariant failed: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const mmc::Capacity c = mmc::decode_read_capacity(as_span(data, size));
    require(c.usable == (size >= 8), "usable does not match the 8-byte response");
    require(c.usable || !c.warnings.empty(), "unusable response without a warning");
    const std::uint64_t blocks = c.usable ? std::uint64_t{c.last_lba} + 1 : 0;
    require(c.blocks() == blocks, "blocks() is not last LBA + 1");
    // At most 2^32 blocks of at most 2^32-1 bytes: the product fits in 64 bits.
    require(c.bytes() == blocks * c.block_length, "bytes() is not blocks * block length");
    return 0;
}
