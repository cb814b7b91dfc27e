// OS facts about optical drives: which drives exist, how a user's spelling of a drive maps to
// one of them, where a drive is mounted and which processes hold it open. Nothing here opens
// a device node or sends a command; the Linux implementation reads sysfs, /dev symlinks and
// /proc only (linux_*.cpp), so it works unprivileged and returns at once.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace discrec::platform {

// Every OS path is taken from here, so tests can replay a captured tree
// (tests/fixtures/sysfs/<name>/{sys,dev,proc}).
struct SystemRoots {
    std::filesystem::path sys = "/sys";
    std::filesystem::path dev = "/dev";
    std::filesystem::path proc = "/proc";
};

struct DriveLocation {
    int index = 0;               // 0.. in order of srN number (sg-only drives last)
    std::string name;            // "sr0"; "sg3" for a CD/DVD device with no sr driver bound
    std::string block_device;    // "/dev/sr0" (always spelled /dev/..., whatever roots.dev is)
    std::string generic_device;  // "/dev/sg0", or "" when sg is not loaded
    std::string vendor, model, revision;  // sysfs device/{vendor,model,rev}, trimmed
    std::string bus;                  // "ata", "usb", "virtio", "scsi", "sas", ... (see bus_for)
    std::string host_driver;          // scsi_host proc_name, or the USB interface driver ("uas")
    std::string scsi_address;         // "h:c:t:l"
    std::string dev_numbers;          // "11:0": the block node's major:minor ("" if none)
    std::string generic_dev_numbers;  // "21:0": the sg node's major:minor ("" if none)
    int peripheral_type = 5;          // sysfs device/type: 5 CD/DVD, 4 write-once
    std::vector<std::string> stable_names;  // /dev symlinks to the block or sg node, sorted
    std::string by_path;                    // first /dev/disk/by-path/... name, or ""
    std::vector<std::string> mount_points;  // from proc/self/mountinfo, in mount order
};

// All optical drives, without opening any of them. No drives is an empty vector, not an error;
// an error only when the sysfs root itself cannot be read.
Result<std::vector<DriveLocation>> enumerate_drives(const SystemRoots& roots = {});

// Maps a spelling to one drive: "/dev/sr0", "sr0", "/dev/sg1", "sg1", "0" (index), "cdrom"
// (a name under /dev), or any path or symlink (e.g. /dev/disk/by-id/...) that leads to the
// drive's block or sg node. Unknown spellings and paths that are not optical drives give
// ErrorKind::no_such_drive with a message that lists the drives.
Result<DriveLocation> resolve_drive(const std::vector<DriveLocation>& drives,
                                    std::string_view spelling, const SystemRoots& roots = {});

struct Holder {
    int pid = 0;
    std::string command;  // proc/<pid>/comm
    std::string device;   // "/dev/sr0" or "/dev/sg0": which of the drive's nodes is open
};

// Processes other than this one with the drive's block or sg node open (one entry per pid and
// node, sorted by pid). Processes whose fds cannot be read (other users', when not root) are
// skipped silently.
std::vector<Holder> find_holders(const DriveLocation& drive, const SystemRoots& roots = {});

}  // namespace discrec::platform
