// Windows device facts without administrator rights: drive letters (GetLogicalDriveStrings +
// GetDriveType), CD-ROM device interfaces (SetupAPI), query-only opens (desired access 0: no
// read or write, so no medium access and no spin-up) for IOCTLs that need no rights, and
// volume mount points.
#include <fmt/format.h>

#include <array>
#include <cstddef>

#include "platform/storage_descriptors.hpp"
#include "platform/windows_devices.hpp"
#include "transport/windows_detail.hpp"

#include <ntddscsi.h>
#include <setupapi.h>
#include <winioctl.h>

namespace discrec::platform::win32 {
namespace {

using discrec::windows_detail::narrow;
using discrec::windows_detail::open_device;
using discrec::windows_detail::UniqueHandle;
using discrec::windows_detail::widen;

static_assert(IOCTL_SCSI_GET_ADDRESS == 0x00041018);
static_assert(IOCTL_STORAGE_QUERY_PROPERTY == 0x002d1400);
static_assert(sizeof(SCSI_ADDRESS) == 8);

template <typename Out>
bool ioctl_out(HANDLE handle, DWORD code, const void* in, DWORD in_size, Out& out) {
    DWORD returned = 0;
    return ::DeviceIoControl(handle, code, const_cast<void*>(in), in_size, &out, sizeof(out),
                             &returned, nullptr) != 0;
}

void read_storage_descriptor(HANDLE handle, DeviceFacts& facts) {
    STORAGE_PROPERTY_QUERY query{};
    query.PropertyId = StorageDeviceProperty;
    query.QueryType = PropertyStandardQuery;
    std::array<std::byte, 1024> buffer{};
    DWORD returned = 0;
    if (!::DeviceIoControl(handle, IOCTL_STORAGE_QUERY_PROPERTY, &query, sizeof(query),
                           buffer.data(), static_cast<DWORD>(buffer.size()), &returned, nullptr) ||
        returned < sizeof(STORAGE_DEVICE_DESCRIPTOR)) {
        return;
    }
    const auto descriptor = decode_storage_device_descriptor(
        ByteSpan(buffer.data(), std::min<std::size_t>(returned, buffer.size())));
    if (!descriptor) return;
    facts.vendor = descriptor->vendor;
    facts.model = descriptor->product;
    facts.revision = descriptor->revision;
    facts.bus = bus_name(descriptor->bus_type.value_or(0));
    facts.peripheral_type = descriptor->device_type;
}

// SetupDiDestroyDeviceInfoList on every path.
struct DeviceInfoList {
    HDEVINFO set;
    ~DeviceInfoList() {
        if (set != INVALID_HANDLE_VALUE) ::SetupDiDestroyDeviceInfoList(set);
    }
};

std::string interface_path(HDEVINFO set, SP_DEVICE_INTERFACE_DATA& data) {
    DWORD needed = 0;
    ::SetupDiGetDeviceInterfaceDetailW(set, &data, nullptr, 0, &needed, nullptr);
    if (needed < sizeof(SP_DEVICE_INTERFACE_DETAIL_DATA_W)) return {};
    // The detail struct is variable-length: storage of `needed` bytes, suitably aligned.
    std::vector<DWORD> storage(needed / sizeof(DWORD) + 1);
    auto* detail = reinterpret_cast<SP_DEVICE_INTERFACE_DETAIL_DATA_W*>(storage.data());
    detail->cbSize = sizeof(SP_DEVICE_INTERFACE_DETAIL_DATA_W);
    if (!::SetupDiGetDeviceInterfaceDetailW(set, &data, detail, needed, nullptr, nullptr)) {
        return {};
    }
    return narrow(detail->DevicePath);
}

// The multi-string GetVolumePathNamesForVolumeNameW fills: "D:\\\0C:\\mnt\\cd\\\0\0".
std::vector<std::string> split_multi_string(const std::wstring& multi) {
    std::vector<std::string> items;
    for (std::size_t pos = 0; pos < multi.size() && multi[pos] != L'\0';) {
        const auto end = multi.find(L'\0', pos);
        items.push_back(narrow(std::wstring_view(multi).substr(pos, end - pos)));
        if (end == std::wstring::npos) break;
        pos = end + 1;
    }
    return items;
}

}  // namespace

DeviceFacts query_device(const std::string& path) {
    DeviceFacts facts;
    const auto handle = open_device(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE);
    if (!handle.valid()) return facts;
    facts.opened = true;
    STORAGE_DEVICE_NUMBER number{};
    if (ioctl_out(handle.get(), IOCTL_STORAGE_GET_DEVICE_NUMBER, nullptr, 0, number)) {
        facts.optical =
            number.DeviceType == FILE_DEVICE_CD_ROM || number.DeviceType == FILE_DEVICE_DVD;
        if (facts.optical) facts.number = number.DeviceNumber;
    }
    SCSI_ADDRESS address{};
    if (ioctl_out(handle.get(), IOCTL_SCSI_GET_ADDRESS, nullptr, 0, address)) {
        facts.scsi_address = fmt::format("{}:{}:{}:{}", address.PortNumber, address.PathId,
                                         address.TargetId, address.Lun);
    }
    read_storage_descriptor(handle.get(), facts);
    return facts;
}

std::vector<char> optical_letters() {
    std::vector<char> letters;
    const DWORD needed = ::GetLogicalDriveStringsW(0, nullptr);
    if (needed == 0) return letters;
    std::wstring roots(needed, L'\0');
    const DWORD length = ::GetLogicalDriveStringsW(needed, roots.data());
    roots.resize(std::min<DWORD>(length, needed));
    for (const auto& root : split_multi_string(roots)) {
        if (root.size() < 2 || root[1] != ':') continue;
        if (::GetDriveTypeW(widen(root).c_str()) == DRIVE_CDROM) {
            letters.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(root[0]))));
        }
    }
    return letters;
}

std::vector<std::string> cdrom_interfaces() {
    std::vector<std::string> paths;
    DeviceInfoList list{::SetupDiGetClassDevsW(&k_cdrom_interface, nullptr, nullptr,
                                               DIGCF_PRESENT | DIGCF_DEVICEINTERFACE)};
    if (list.set == INVALID_HANDLE_VALUE) return paths;
    for (DWORD i = 0;; ++i) {
        SP_DEVICE_INTERFACE_DATA data{};
        data.cbSize = sizeof(data);
        if (!::SetupDiEnumDeviceInterfaces(list.set, nullptr, &k_cdrom_interface, i, &data)) break;
        auto path = interface_path(list.set, data);
        if (!path.empty()) paths.push_back(std::move(path));
    }
    return paths;
}

bool has_file_system(const std::string& root) {
    if (root.empty()) return false;
    std::array<wchar_t, MAX_PATH + 1> file_system{};
    return ::GetVolumeInformationW(widen(root).c_str(), nullptr, 0, nullptr, nullptr, nullptr,
                                   file_system.data(), static_cast<DWORD>(file_system.size())) != 0;
}

std::string volume_of_letter(char letter) {
    const auto root = widen(fmt::format("{}:\\", letter));
    std::array<wchar_t, MAX_PATH + 1> volume{};
    if (!::GetVolumeNameForVolumeMountPointW(root.c_str(), volume.data(),
                                             static_cast<DWORD>(volume.size()))) {
        return {};
    }
    return narrow(volume.data());
}

std::string volume_of_cdrom(unsigned number) {
    std::array<wchar_t, MAX_PATH + 1> volume{};
    const HANDLE search = ::FindFirstVolumeW(volume.data(), static_cast<DWORD>(volume.size()));
    if (search == INVALID_HANDLE_VALUE) return {};
    std::string found;
    do {
        std::wstring name(volume.data());
        if (::GetDriveTypeW(name.c_str()) != DRIVE_CDROM) continue;
        // CreateFile wants the volume without its trailing backslash (the device, not its root).
        if (!name.empty() && name.back() == L'\\') name.pop_back();
        const auto facts = query_device(narrow(name));
        if (facts.number == number) found = narrow(volume.data());
    } while (found.empty() &&
             ::FindNextVolumeW(search, volume.data(), static_cast<DWORD>(volume.size())));
    ::FindVolumeClose(search);
    return found;
}

std::vector<std::string> volume_paths(const std::string& volume) {
    if (volume.empty()) return {};
    const auto name = widen(volume);
    DWORD needed = 0;
    ::GetVolumePathNamesForVolumeNameW(name.c_str(), nullptr, 0, &needed);
    if (needed == 0) return {};
    std::wstring multi(needed, L'\0');
    if (!::GetVolumePathNamesForVolumeNameW(name.c_str(), multi.data(), needed, &needed)) return {};
    return split_multi_string(multi);
}

}  // namespace discrec::platform::win32
