// Windows platform internals shared by platform/windows_*.cpp and their unit tests: how a
// user's spelling of a drive parses, the names of bus and drive types, and what a query-only
// open of a CD/DVD device tells (no administrator rights needed, the medium is not touched).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/watch.hpp"
#include "transport/windows_detail.hpp"

#include <cfgmgr32.h>

namespace discrec::platform::win32 {

// "D:", "d:", "D:\", "D:/", "\\.\D:", "\\?\D:" -> letter 'D'; "\\.\CdRom1", "CdRom1" -> cdrom 1;
// "0" -> index 0; anything else (a volume GUID path, a device interface path) -> other.
struct Spelling {
    enum class Kind { letter, cdrom_number, index, other };
    Kind kind = Kind::other;
    char letter = 0;      // upper case
    unsigned number = 0;  // N of CdRomN, or the index
};
Spelling parse_spelling(std::string_view text);

std::string letter_name(char letter);       // "D:"
std::string letter_device(char letter);     // "\\.\D:"
std::string cdrom_device(unsigned number);  // "\\.\CdRom0"

// STORAGE_BUS_TYPE -> the contract's bus names ("ata", "usb", "scsi", "sas" ...); "" unknown.
std::string bus_name(int bus_type);
// GetDriveType() result -> "fixed disk", "network drive" ...
std::string drive_type_name(unsigned drive_type);

// The command line CreateProcess gets for argv: each argument quoted so that the C runtime
// (and CommandLineToArgvW) splits it back into exactly argv.
std::wstring command_line(const std::vector<std::string>& argv);

// The caller name IOCTL_CDROM_EXCLUSIVE_ACCESS accepts for `client`: cdrom.sys
// (RequestHandleExclusiveAccessLockDevice) takes letters, digits, space and ".,:;-_" only, at
// most CDROM_EXCLUSIVE_CALLER_LENGTH - 1 = 63 bytes and not empty. Other bytes become '_';
// an empty name becomes "discrec".
std::string exclusive_caller_name(std::string_view client);

// Case-insensitive ASCII comparison (Windows device and volume names are case-insensitive).
bool iequals(std::string_view a, std::string_view b);

// What a query-only open of a device says about it; fields stay empty when an IOCTL fails
// (Wine 8 answers IOCTL_STORAGE_GET_DEVICE_NUMBER, and IOCTL_STORAGE_QUERY_PROPERTY with a bus
// type but no vendor/product strings; IOCTL_SCSI_GET_ADDRESS only for a real device).
struct DeviceFacts {
    bool opened = false;
    std::optional<unsigned> number;  // N of \Device\CdRomN (STORAGE_DEVICE_NUMBER)
    bool optical = false;            // FILE_DEVICE_CD_ROM or FILE_DEVICE_DVD
    std::string vendor, model, revision, bus;
    std::string scsi_address;  // "port:path:target:lun"
    int peripheral_type = 5;
};
DeviceFacts query_device(const std::string& path);

// Letters GetDriveType() calls DRIVE_CDROM, in order ('D', 'E' ...).
std::vector<char> optical_letters();
// GUID_DEVINTERFACE_CDROM {53f56308-b6bf-11d0-94f2-00a0c91efb8b} (winioctl.h). Spelled out
// here: the header's DEFINE_GUID needs <initguid.h> in exactly one translation unit.
inline constexpr GUID k_cdrom_interface = {
    0x53f56308, 0xb6bf, 0x11d0, {0x94, 0xf2, 0x00, 0xa0, 0xc9, 0x1e, 0xfb, 0x8b}};

// CM_Register_Notification / CM_Unregister_Notification (cfgmgr32.dll, Windows 8+). mingw-w64
// declares their types but not the functions, and Wine 8's cfgmgr32 does not export them, so
// they are looked up at run time (GetProcAddress); a unit test passes its own.
struct NotificationApi {
    CONFIGRET(WINAPI* register_notification)
    (PCM_NOTIFY_FILTER, PVOID, PCM_NOTIFY_CALLBACK, PHCMNOTIFICATION) = nullptr;
    CONFIGRET(WINAPI* unregister_notification)(HCMNOTIFICATION) = nullptr;
};
// The system's cfgmgr32.dll functions; both null when it lacks them (Wine 8, before Windows 8).
NotificationApi load_notification_api();
// Registers for arrival and removal of GUID_DEVINTERFACE_CDROM interfaces (a CD/DVD/BD drive
// plugged in or out, enabled or disabled): changed() then says whether one came since the
// last call. not_supported, saying why, when `api` lacks the functions or the call fails.
Result<std::unique_ptr<DriveListChanges>> watch_cdrom_interfaces(const NotificationApi& api);

// Device interface paths of GUID_DEVINTERFACE_CDROM (SetupAPI), present devices only.
std::vector<std::string> cdrom_interfaces();
// Does the volume at `root` ("D:\", "\\?\Volume{...}\") carry a file system Windows has
// mounted (GetVolumeInformation: no for an empty drive, a blank or unreadable disc)?
bool has_file_system(const std::string& root);
// "\\?\Volume{...}\" of a letter's volume, or "".
std::string volume_of_letter(char letter);
// "\\?\Volume{...}\" of the CD/DVD volume on \Device\CdRomN, or "" (drives without a letter).
std::string volume_of_cdrom(unsigned number);
// Every path the volume is reachable at: "D:\", "C:\mnt\cd\" (GetVolumePathNamesForVolumeName).
std::vector<std::string> volume_paths(const std::string& volume);

}  // namespace discrec::platform::win32
