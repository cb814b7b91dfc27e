// The DVD region (RPC) state of a drive: REPORT KEY Key Format 08h (MMC-6 §6.29.3.8), decoded
// through its layout (tables/rpc_layouts.cpp). Read only: discrec never sends SEND KEY.
#pragma once

#include <string>

#include "mmc/configuration.hpp"
#include "mmc/fields.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

// Cut to 2 + the Report Key Data Length; a short answer decoded as far as it goes, with a note.
Record decode_rpc_state(ByteSpan data);

// Whether the drive must answer REPORT KEY Key Format 08h: it lists the DVD CSS Feature
// (Feature 0106h, MMC-6 §5.3), whose command table makes REPORT KEY mandatory with the CSS key
// formats, RPC State among them (§6.29.2). Current or not: the feature is current
// only with CSS content loaded, the drive's region is there without it. A drive without the
// feature (QEMU's on every bus) is not asked: virtio-scsi ends REPORT KEY in a transport
// error, the other buses refuse it.
bool reports_rpc_state(const Configuration& configuration) noexcept;

// The RPC state in one line for people: "2 (drive region is set; RPC Phase II ...; 4 user
// changes, 4 vendor resets left)"; what arrived when it is cut short.
std::string rpc_state_summary(const Record& rpc_state);

}  // namespace discrec::mmc
