// The transport descriptor on Windows: IOCTL_STORAGE_QUERY_PROPERTY's adapter descriptor
// (StorageAdapterProperty: MaximumTransferLength, MaximumPhysicalPages, AlignmentMask, the
// adapter's bus) and device descriptor (StorageDeviceProperty: the device's bus), through a
// query-only open (no rights needed, the medium is not touched), as IDiscRecorder2Ex's
// GetAdapterDescriptor and GetDeviceDescriptor read them. The bytes are decoded by the
// OS-neutral storage_descriptors.cpp. The PnP tree above the adapter (driver names, a USB
// bridge's ids) is not read here.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "platform/os.hpp"
#include "platform/storage_descriptors.hpp"
#include "transport/windows_detail.hpp"

#include <winioctl.h>

namespace discrec::platform {
namespace {

// The offsets storage_descriptors.cpp decodes, checked against the SDK's structs.
static_assert(sizeof(STORAGE_ADAPTER_DESCRIPTOR) == 32);
static_assert(offsetof(STORAGE_ADAPTER_DESCRIPTOR, MaximumTransferLength) == 8);
static_assert(offsetof(STORAGE_ADAPTER_DESCRIPTOR, MaximumPhysicalPages) == 12);
static_assert(offsetof(STORAGE_ADAPTER_DESCRIPTOR, AlignmentMask) == 16);
static_assert(offsetof(STORAGE_ADAPTER_DESCRIPTOR, BusType) == 24);
static_assert(offsetof(STORAGE_ADAPTER_DESCRIPTOR, BusMajorVersion) == 26);
static_assert(offsetof(STORAGE_DEVICE_DESCRIPTOR, VendorIdOffset) == 12);
static_assert(offsetof(STORAGE_DEVICE_DESCRIPTOR, SerialNumberOffset) == 24);
static_assert(offsetof(STORAGE_DEVICE_DESCRIPTOR, BusType) == 28);
static_assert(BusTypeUsb == 7 && BusTypeAtapi == 2 && BusTypeSata == 11);

// The answer to one StandardQuery of `property`, as the bytes the driver returned.
std::vector<std::byte> query_property(HANDLE handle, STORAGE_PROPERTY_ID property) {
    STORAGE_PROPERTY_QUERY query{};
    query.PropertyId = property;
    query.QueryType = PropertyStandardQuery;
    std::vector<std::byte> buffer(1024);
    DWORD returned = 0;
    if (!::DeviceIoControl(handle, IOCTL_STORAGE_QUERY_PROPERTY, &query, sizeof(query),
                           buffer.data(), static_cast<DWORD>(buffer.size()), &returned, nullptr)) {
        return {};
    }
    buffer.resize(std::min<std::size_t>(returned, buffer.size()));
    return buffer;
}

}  // namespace

TransportDescriptor os::transport_descriptor(const DriveLocation& drive,
                                             const SystemRoots& /*roots*/) {
    TransportDescriptor t;
    t.source = "storage_query";
    SYSTEM_INFO system{};
    ::GetSystemInfo(&system);
    if (system.dwPageSize > 0) t.page_size = system.dwPageSize;
    const auto handle =
        windows_detail::open_device(drive.block_device, 0, FILE_SHARE_READ | FILE_SHARE_WRITE);
    if (!handle.valid()) return t;
    // The device's own bus first (a USB bridge's drive says Usb); the adapter's otherwise.
    const auto device = query_property(handle.get(), StorageDeviceProperty);
    if (const auto d = decode_storage_device_descriptor(device); d && d->bus_type) {
        t.bus_type = *d->bus_type;
    }
    const auto adapter = query_property(handle.get(), StorageAdapterProperty);
    if (const auto a = decode_storage_adapter_descriptor(adapter)) apply_adapter_descriptor(*a, t);
    return t;
}

}  // namespace discrec::platform
