// Windows' storage descriptors (winioctl.h STORAGE_ADAPTER_DESCRIPTOR and
// STORAGE_DEVICE_DESCRIPTOR, the answers of IOCTL_STORAGE_QUERY_PROPERTY), decoded from the
// bytes the driver returned. Pure and OS-neutral, so the Linux unit tests reach it; the
// driver's Size and string offsets are untrusted: a field past the bytes that arrived is
// absent, a string offset outside them is no string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "platform/platform.hpp"
#include "util/bytes.hpp"

namespace discrec::platform {

// STORAGE_ADAPTER_DESCRIPTOR (32 bytes, little-endian): the host adapter's limits.
struct StorageAdapterDescriptor {
    std::optional<std::uint32_t> max_transfer_length;  // bytes, offset 8
    std::optional<std::uint32_t> max_physical_pages;   // offset 12
    std::optional<std::uint32_t> alignment_mask;       // offset 16
    std::optional<int> bus_type;                       // STORAGE_BUS_TYPE, byte 24
    std::optional<std::uint16_t> bus_major_version;    // offset 26
    std::optional<std::uint16_t> bus_minor_version;    // offset 28
};
// nullopt: fewer than its 8-byte Version/Size header arrived.
std::optional<StorageAdapterDescriptor> decode_storage_adapter_descriptor(ByteSpan bytes);

// STORAGE_DEVICE_DESCRIPTOR (36 bytes + strings): the device's identity and bus.
struct StorageDeviceDescriptor {
    int device_type = 0;  // SCSI peripheral device type, byte 8
    bool removable_media = false;
    std::string vendor, product, revision, serial;  // NUL-terminated strings at their offsets
    std::optional<int> bus_type;                    // STORAGE_BUS_TYPE, offset 28
};
std::optional<StorageDeviceDescriptor> decode_storage_device_descriptor(ByteSpan bytes);

// STORAGE_BUS_TYPE (winioctl.h) as Windows spells it: 7 -> "Usb", 2 -> "Atapi"; "" unknown.
std::string storage_bus_type_name(int bus_type);

// The adapter's limits in a transport descriptor (page_size: the system's page).
void apply_adapter_descriptor(const StorageAdapterDescriptor& adapter, TransportDescriptor& out);

}  // namespace discrec::platform
