// OS facts about optical drives: which drives exist, how a user's spelling of a drive maps to
// one of them, where a drive is mounted and which processes hold it open. Nothing here opens
// a device node or sends a command; the Linux implementation reads sysfs, /dev symlinks and
// /proc only (linux_*.cpp), so it works unprivileged and returns at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
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

// A device on the way from the drive to the CPU, as the OS names it: the host adapter (the
// first device above the SCSI host that a driver is bound to) or the PCI function it sits on.
struct TransportNode {
    std::string name;       // "0000:00:1f.2" (PCI), "virtio1", "2-1:1.0" (a USB interface)
    std::string subsystem;  // "pci", "virtio", "usb"
    std::string driver;     // the kernel driver bound to it: "ahci", "virtio_scsi", "uas"
    std::string vendor_id;  // PCI vendor and device id, 4 hex digits ("8086", "2922"); "" else
    std::string device_id;
};

// The USB device a drive sits behind (a USB-ATAPI/SATA bridge, or the drive's own USB
// interface): its device descriptor as the OS read it.
struct UsbBridge {
    std::string vendor_id;                    // idVendor, 4 hex digits
    std::string product_id;                   // idProduct
    std::string manufacturer, product;        // the descriptor's strings ("" when it has none)
    std::optional<std::uint32_t> speed_mbps;  // the link's speed: 12, 480, 5000 ...
    std::string version;                      // bcdUSB, "2.00"
};

// How commands reach the drive (IDiscRecorder2Ex GetAdapterDescriptor, GetDeviceDescriptor,
// GetByteAlignmentMask, GetMaximum{Page,NonPage}AlignedTransferSize). Linux: sysfs only
// (the drive's queue limits and the devices above its SCSI host); Windows:
// IOCTL_STORAGE_QUERY_PROPERTY's adapter and device descriptors. A field the OS does not
// offer stays empty.
struct TransportDescriptor {
    std::string source;                       // "sysfs", "storage_query"
    std::optional<int> bus_type;              // Windows STORAGE_BUS_TYPE
    std::optional<TransportNode> adapter;     // the host adapter and its driver
    std::optional<TransportNode> controller;  // the PCI function below a non-PCI adapter
    std::optional<UsbBridge> usb;
    // The longest transfer one command may move: Linux queue/max_hw_sectors_kb (SG_IO refuses
    // more: drivers/scsi/scsi_ioctl.c sg_io()), Windows MaximumTransferLength.
    std::optional<std::uint64_t> max_transfer_bytes;
    // Linux queue/max_sectors_kb: the block layer's own limit for file system requests.
    std::optional<std::uint64_t> max_request_bytes;
    // Scatter-gather entries per command: Linux queue/max_segments, Windows
    // MaximumPhysicalPages; and the largest one (Linux queue/max_segment_size).
    std::optional<std::uint64_t> max_segments;
    std::optional<std::uint64_t> max_segment_bytes;
    // A buffer's address must have these bits clear: Linux queue/dma_alignment, Windows
    // AlignmentMask (IDiscRecorder2Ex GetByteAlignmentMask).
    std::optional<std::uint64_t> alignment_mask;
    std::uint32_t page_size = 4096;  // the OS's memory page, for the limits below
};

// IDiscRecorder2Ex's GetMaximumPageAlignedTransferSize and ..NonPageAlignedTransferSize: a
// buffer of whole pages takes one segment per page, a buffer that starts inside a page one
// more; both at most max_transfer_bytes. nullopt when the descriptor lacks what they need.
std::optional<std::uint64_t> max_page_aligned_transfer(const TransportDescriptor& t);
std::optional<std::uint64_t> max_unaligned_transfer(const TransportDescriptor& t);

// The drive's transport descriptor, read without a command. nullopt only when replaying a
// recording made before discrec recorded it (info then leaves it out).
std::optional<TransportDescriptor> transport_descriptor(const DriveLocation& drive,
                                                        const SystemRoots& roots = {});

}  // namespace discrec::platform
