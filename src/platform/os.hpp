// The OS's own answers to the questions of platform.hpp and tray.hpp, implemented per OS
// (linux_*.cpp, windows_*.cpp). Everything else calls the functions of those headers
// (platform/facts.cpp), which take the answers from here, or from a recording (--replay),
// and write them to a recording (--record).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/platform.hpp"
#include "platform/tray.hpp"

namespace discrec::platform::os {

Result<std::vector<DriveLocation>> enumerate_drives(const SystemRoots& roots);
Result<DriveLocation> resolve_drive(const std::vector<DriveLocation>& drives,
                                    std::string_view spelling, const SystemRoots& roots);
std::vector<Holder> find_holders(const DriveLocation& drive, const SystemRoots& roots);
Status unmount_medium(const DriveLocation& drive);
Status set_persistent_lock(const DriveLocation& drive, bool locked);
MediaPolling media_polling(const DriveLocation& drive, const SystemRoots& roots);
Status set_media_polling(const DriveLocation& drive, long interval_ms, const SystemRoots& roots);
std::optional<ExclusiveOwner> exclusive_owner(const DriveLocation& drive);
Result<ExclusiveHold> acquire_exclusive(const DriveLocation& drive, const std::string& client);
TransportDescriptor transport_descriptor(const DriveLocation& drive, const SystemRoots& roots);
Result<int> run_command(const std::vector<std::string>& argv, const ExclusiveHold* hold);

}  // namespace discrec::platform::os
