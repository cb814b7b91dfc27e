// READ CAPACITY(10) response (SBC-3, as MMC-6 uses it): last logical block address and
// block length, 8 bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/bytes.hpp"

namespace discrec::mmc {

struct Capacity {
    bool usable = false;  // all 8 bytes arrived
    std::uint32_t last_lba = 0;
    std::uint32_t block_length = 0;  // 2048 for CD/DVD data media
    std::vector<std::string> warnings;

    [[nodiscard]] std::uint64_t blocks() const noexcept {
        return usable ? std::uint64_t{last_lba} + 1 : 0;
    }
    [[nodiscard]] std::uint64_t bytes() const noexcept { return blocks() * block_length; }
};

Capacity decode_read_capacity(ByteSpan data);

}  // namespace discrec::mmc
