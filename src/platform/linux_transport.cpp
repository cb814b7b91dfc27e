// The transport descriptor from sysfs alone (no device node opened, no command): the drive's
// block queue limits and the devices above its SCSI host, the way udev's path_id walks them.
#include <unistd.h>

#include <charconv>

#include "platform/linux_sysfs.hpp"
#include "platform/os.hpp"
#include "platform/platform.hpp"

namespace discrec::platform {
namespace {

using namespace linux_detail;

std::optional<std::uint64_t> number_attribute(const std::string& file) {
    const auto text = read_attribute(file.c_str());
    std::uint64_t value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

std::optional<std::uint64_t> kib_attribute(const std::string& file) {
    const auto kib = number_attribute(file);
    if (!kib || *kib > (std::uint64_t{1} << 40)) return std::nullopt;
    return *kib * 1024;
}

// PCI ids read "0x8086": the four hex digits.
std::string hex_id(std::string text) {
    if (text.starts_with("0x") || text.starts_with("0X")) text.erase(0, 2);
    return text;
}

// The name of what a sysfs link (driver, subsystem) points at; "" when there is no link.
std::string link_name(const std::string& link) {
    const auto target = read_link(link);
    return target ? std::string(last_component(*target)) : std::string{};
}

TransportNode node_at(const std::string& dir) {
    TransportNode node{std::string(last_component(dir)),
                       link_name(join_path(dir, "subsystem")),
                       link_name(join_path(dir, "driver")),
                       {},
                       {}};
    if (node.subsystem == "pci") {
        node.vendor_id = hex_id(read_attribute(join_path(dir, "vendor").c_str()));
        node.device_id = hex_id(read_attribute(join_path(dir, "device").c_str()));
    }
    return node;
}

UsbBridge usb_at(const std::string& dir) {
    const auto attribute = [&](const char* name) {
        return read_attribute(join_path(dir, name).c_str());
    };
    UsbBridge usb{attribute("idVendor"), attribute("idProduct"), attribute("manufacturer"),
                  attribute("product"),  std::nullopt,           attribute("version")};
    // "480", "5000"; a full-speed link reads "12", a low-speed one "1.5" (no whole number).
    if (const auto speed = number_attribute(join_path(dir, "speed")); speed && *speed < 1'000'000) {
        usb.speed_mbps = static_cast<std::uint32_t>(*speed);
    }
    return usb;
}

// From the SCSI host up to /sys/devices: the first device a driver is bound to is the host
// adapter (libata's ataN and the SCSI host itself have none); the first PCI function above a
// non-PCI adapter (virtio, a USB interface) is its controller; the first device with a USB
// device descriptor (idVendor) is the bridge.
void walk_up(const std::string& sys, const std::string& host_dir, TransportDescriptor& t) {
    const auto top = join_path(sys, "devices");
    for (auto dir = parent_of(host_dir); dir.size() > top.size() && dir.starts_with(top + "/");
         dir = parent_of(dir)) {
        if (!t.usb && !read_attribute(join_path(dir, "idVendor").c_str()).empty()) {
            t.usb = usb_at(dir);
        }
        if (!read_link(join_path(dir, "driver"))) continue;
        auto node = node_at(dir);
        if (!t.adapter) {
            t.adapter = std::move(node);
        } else if (!t.controller && t.adapter->subsystem != "pci" && node.subsystem == "pci") {
            t.controller = std::move(node);
        }
    }
}

void read_queue(const std::string& queue, TransportDescriptor& t) {
    t.max_transfer_bytes = kib_attribute(join_path(queue, "max_hw_sectors_kb"));
    t.max_request_bytes = kib_attribute(join_path(queue, "max_sectors_kb"));
    t.max_segments = number_attribute(join_path(queue, "max_segments"));
    t.max_segment_bytes = number_attribute(join_path(queue, "max_segment_size"));
    t.alignment_mask = number_attribute(join_path(queue, "dma_alignment"));
}

}  // namespace

TransportDescriptor os::transport_descriptor(const DriveLocation& drive, const SystemRoots& roots) {
    TransportDescriptor t;
    t.source = "sysfs";
    if (const long page = ::sysconf(_SC_PAGESIZE); page > 0) {
        t.page_size = static_cast<std::uint32_t>(page);
    }
    const auto sys = sys_root(roots);
    // An sg-only drive (no sr driver) has no block queue in sysfs: no limits then.
    if (!drive.block_device.empty()) {
        if (const auto block = sysfs_dir(roots, join_path(sys, "class/block/" + drive.name))) {
            read_queue(join_path(*block, "queue"), t);
        }
    }
    const auto colon = drive.scsi_address.find(':');
    if (colon == std::string::npos) return t;
    const auto host_class = sysfs_dir(
        roots, join_path(sys, "class/scsi_host/host" + drive.scsi_address.substr(0, colon)));
    const auto host_dir =
        host_class ? sysfs_dir(roots, join_path(*host_class, "device")) : std::nullopt;
    if (host_dir) walk_up(sys, *host_dir, t);
    return t;
}

}  // namespace discrec::platform
