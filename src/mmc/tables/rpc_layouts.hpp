// The layout of REPORT KEY Key Format 08h, RPC State (MMC-6 §6.29.3.8): header, type code,
// vendor resets and user changes left, region mask with the regions it leaves playable, RPC
// scheme; walked by decode_fields() (mmc/fields.hpp) through mmc/rpc.hpp.
#pragma once

#include "mmc/fields.hpp"

namespace discrec::mmc {

const Layout& rpc_state_layout() noexcept;

// A custom row's decoder (Field::decode): the regions a DVD Region Mask byte (a bit set: that
// region is NOT playable; bit 0 is region 1) leaves playable, "2", "1, 2, 4" or "none"; its
// number is the inverted mask. Shared by REPORT KEY 08h and READ DISC STRUCTURE 01h.
bool decode_playable_regions(const Field& field, ByteSpan span, std::size_t origin, Value& out,
                             std::vector<std::string>& notes);

}  // namespace discrec::mmc
