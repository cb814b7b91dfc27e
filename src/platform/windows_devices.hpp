// Windows platform internals shared by platform/windows_*.cpp and their unit tests: how a
// user's spelling of a drive parses, the names of bus and drive types, and what a query-only
// open of a CD/DVD device tells (no administrator rights needed, the medium is not touched).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
