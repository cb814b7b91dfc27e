#include "mmc/capacity.hpp"

#include "mmc/fields.hpp"

namespace discrec::mmc {

Capacity decode_read_capacity(ByteSpan data) {
    constexpr std::size_t k_size = 8;
    Capacity out;
    out.usable = bytes_arrived(data, k_size, "READ CAPACITY data", out.warnings);
    if (!out.usable) return out;
    out.last_lba = be32_at(data, 0);
    out.block_length = be32_at(data, 4);
    // FFFFFFFFh means "too large, use READ CAPACITY(16)" (SBC-3); no optical medium gets there.
    if (out.last_lba == 0xffffffffU) {
        out.warnings.push_back("last LBA FFFFFFFFh: capacity needs READ CAPACITY(16)");
    }
    if (out.block_length == 0) out.warnings.push_back("block length is 0");
    return out;
}

}  // namespace discrec::mmc
