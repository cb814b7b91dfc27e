// OS facts and OS-held state around the tray: mounts to release before an eject, the door
// lock the OS keeps for us after we exit, the OS's media change polling (IMAPI2's
// DisableMcn/EnableMcn), exclusive access with an owner record, and running a command while
// a drive is held.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/platform.hpp"
#include "transport/transport.hpp"
#include "util/result.hpp"

namespace discrec::platform {

// Unmounts every mount point of the drive's medium (innermost first).
Status unmount_medium(const DriveLocation& drive);

// A door lock that outlives this process and survives other programs opening and closing
// the drive. Linux: the cdrom layer's CDROM_LOCKDOOR ioctl sends PREVENT and sets its
// `keeplocked` flag; without that flag the kernel sends ALLOW whenever the last opener of
// /dev/srN closes (shared/vm README, Gotchas), so a PREVENT sent through SG_IO alone is
// undone by the next udev probe, blkid or mount.
Status set_persistent_lock(const DriveLocation& drive, bool locked);

// The OS's media change polling of the drive.
struct MediaPolling {
    std::optional<long> interval_ms;  // this drive's setting: 0 = off, -1 = system default
    std::optional<long> default_ms;   // the system default (Linux: block.events_dfl_poll_msecs)
    std::string source;               // where it was read
};
MediaPolling media_polling(const DriveLocation& drive, const SystemRoots& roots = {});
Status set_media_polling(const DriveLocation& drive, long interval_ms,
                         const SystemRoots& roots = {});

// Who holds a drive through `discrec lock --exclusive` (IMAPI2's ExclusiveAccessOwner).
struct ExclusiveOwner {
    int pid = 0;         // 0: unknown (Windows names only the client of an exclusive hold)
    std::string client;  // --client NAME, default the command's name
};
std::optional<ExclusiveOwner> exclusive_owner(const DriveLocation& drive);

// An exclusive hold on a drive: the device node opened exclusively (Linux O_EXCL on the block
// node: refused while mounted or held) and an owner record that names us. Released (record
// removed, node closed) by the destructor, on every path.
class ExclusiveHold {
public:
    // `handoff`: a second descriptor open on the held device that the command run under the
    // hold inherits (transport/device.hpp, k_hold_variable); -1: none (a replay).
    ExclusiveHold(std::unique_ptr<Transport> transport, std::string record_path,
                  std::intptr_t handoff = -1, std::string device = {});
    ExclusiveHold(ExclusiveHold&&) noexcept;
    ExclusiveHold& operator=(ExclusiveHold&&) = delete;
    ExclusiveHold(const ExclusiveHold&) = delete;
    ExclusiveHold& operator=(const ExclusiveHold&) = delete;
    ~ExclusiveHold();
    [[nodiscard]] Transport& transport() noexcept { return *m_transport; }
    std::unique_ptr<Transport> release_transport() noexcept { return std::move(m_transport); }
    // --record wraps the hold's transport where the OS opened it itself (Windows).
    void replace_transport(std::unique_ptr<Transport> transport) noexcept {
        m_transport = std::move(transport);
    }

    [[nodiscard]] std::intptr_t handoff() const noexcept { return m_handoff; }
    [[nodiscard]] const std::string& device() const noexcept { return m_device; }

private:
    std::unique_ptr<Transport> m_transport;
    std::string m_record_path;
    std::intptr_t m_handoff = -1;
    std::string m_device;
};
Result<ExclusiveHold> acquire_exclusive(const DriveLocation& drive, const std::string& client);

// Whether this process runs under `lock --exclusive DRIVE -- COMMAND` for this drive, as
// COMMAND or one of its children: it acts as the holder (IMAPI2's exclusive access client).
bool inside_exclusive_hold(const DriveLocation& drive);

// Runs argv[0] (searched in PATH) with argv, waits for it and returns its exit status (128+N
// when killed by signal N). SIGINT, SIGTERM and SIGHUP sent to us are passed on to it, so the
// caller always gets control back to clean up. With `hold`, the command inherits the hold
// (transport/device.hpp, k_hold_variable).
Result<int> run_command(const std::vector<std::string>& argv, const ExclusiveHold* hold = nullptr);

}  // namespace discrec::platform
