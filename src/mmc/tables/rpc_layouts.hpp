// The layout of REPORT KEY Key Format 08h, RPC State (MMC-6 §6.29.3.8): header, type code,
// vendor resets and user changes left, region mask with the regions it leaves playable, RPC
// scheme; walked by decode_fields() (mmc/fields.hpp) through mmc/rpc.hpp.
#pragma once

#include "mmc/fields.hpp"

namespace discrec::mmc {

const Layout& rpc_state_layout() noexcept;

}  // namespace discrec::mmc
