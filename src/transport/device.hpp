// Opening a device for SCSI pass-through: SG_IO on Linux (linux_sg_io.cpp), SPTI on
// Windows (windows_spti.cpp). The one OS-neutral entry point to a real device.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "transport/transport.hpp"
#include "util/result.hpp"

namespace discrec {

struct DeviceAccess {
    // Write access: the kernel's SG_IO filter lets read-only openers send only read-class
    // commands; START STOP UNIT and PREVENT ALLOW MEDIUM REMOVAL need a writable open (or
    // CAP_SYS_RAWIO / administrator rights).
    bool write = false;
    // Linux O_EXCL on the block node: refused while the medium is mounted or another process
    // holds the drive exclusively (EBUSY). Windows: no sharing with other openers.
    bool exclusive = false;
};

// Opens `path` non-blocking (never closes the tray, spins up or locks the door) and returns a
// transport over it. With --record the open and every command through the transport are
// written to the recording; with --replay both come from it (transport/run_log.hpp).
Result<std::unique_ptr<Transport>> open_device_transport(const std::string& path,
                                                         DeviceAccess access = {});

// Inside `lock --exclusive DRIVE -- COMMAND` the holder hands its hold to COMMAND (IMAPI2
// lets the client that holds exclusive access use the drive): COMMAND inherits a descriptor
// (Linux fd, Windows HANDLE) open on the held device, and this environment variable, set to
// "HOLDER_PID DESCRIPTOR DEVICE_PATH", names it. Opening that device then goes through the
// inherited descriptor. An unrelated process has neither, and stays refused.
inline constexpr const char* k_hold_variable = "DISCREC_EXCLUSIVE_HOLD";

namespace os {
// The OS's own open (linux_sg_io.cpp, windows_spti.cpp), below the run log (device.cpp).
Result<std::unique_ptr<Transport>> open_device_transport(const std::string& path,
                                                         DeviceAccess access);
// The descriptor a holder handed us for `path` (k_hold_variable), when it is really ours: the
// variable names this device, the descriptor is open on it, and (Linux) the holder is an
// ancestor of this process.
std::optional<std::intptr_t> inherited_hold(const std::string& path);
}  // namespace os

}  // namespace discrec
