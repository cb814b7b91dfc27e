// The DVD region (RPC) state of a drive: REPORT KEY Key Format 08h (MMC-6 §6.29.3.8), decoded
// through its layout (tables/rpc_layouts.cpp). Read only: discrec never sends SEND KEY.
#pragma once

#include "mmc/fields.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

// Cut to 2 + the Report Key Data Length; a short answer decoded as far as it goes, with a note.
Record decode_rpc_state(ByteSpan data);

}  // namespace discrec::mmc
