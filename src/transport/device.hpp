// Opening a device for SCSI pass-through: SG_IO on Linux (linux_sg_io.cpp), SPTI on
// Windows (windows_spti.cpp). The one OS-neutral entry point to a real device.
#pragma once

#include <memory>
#include <string>

#include "transport/transport.hpp"
#include "util/result.hpp"

namespace discrec {

// Opens `path` O_RDONLY | O_NONBLOCK (see the .cpp for why) and returns a transport over it.
// `exclusive` adds O_EXCL, which the kernel refuses while the drive is mounted or held.
Result<std::unique_ptr<Transport>> open_device_transport(const std::string& path,
                                                         bool exclusive = false);

} // namespace discrec
