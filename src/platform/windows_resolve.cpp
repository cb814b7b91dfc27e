// Maps a user's spelling of a drive to one enumerated drive on Windows: a letter ("D:", "d:",
// "D:\", "\\.\D:"), a class device ("\\.\CdRom0", "CdRom0"), an index from 'list', or any
// name the drive is known by (volume GUID path, device interface path, mount folder).
#include <fmt/format.h>

#include <algorithm>

#include "platform/os.hpp"
#include "platform/platform.hpp"
#include "platform/windows_devices.hpp"
#include "transport/windows_detail.hpp"

namespace discrec::platform {
namespace {

using namespace win32;

std::string drive_list(const std::vector<DriveLocation>& drives) {
    if (drives.empty()) return "no optical drives found";
    std::string list;
    for (const auto& drive : drives) {
        // "\\.\D:" already says "D:": the name only where the node does not end in it.
        const auto& node = drive.block_device;
        const bool named = node.size() >= drive.name.size() &&
                           iequals(node.substr(node.size() - drive.name.size()), drive.name);
        list += fmt::format("{}{}", list.empty() ? "" : ", ",
                            named ? node : fmt::format("{} {}", drive.name, node));
    }
    return "drives: " + list;
}

Error unknown_drive(const std::vector<DriveLocation>& drives, std::string_view spelling) {
    return make_error(ErrorKind::no_such_drive,
                      fmt::format("no optical drive '{}' ({})", spelling, drive_list(drives)));
}

const DriveLocation* find_drive(const std::vector<DriveLocation>& drives, auto predicate) {
    const auto it = std::find_if(drives.begin(), drives.end(), predicate);
    return it == drives.end() ? nullptr : &*it;
}

// A letter that is not among the optical drives: say what it is, when it is anything.
Error letter_not_optical(const std::vector<DriveLocation>& drives, std::string_view spelling,
                         char letter) {
    const auto root = discrec::windows_detail::widen(fmt::format("{}:\\", letter));
    const UINT type = ::GetDriveTypeW(root.c_str());
    if (type == DRIVE_NO_ROOT_DIR) return unknown_drive(drives, spelling);
    return make_error(ErrorKind::no_such_drive,
                      fmt::format("'{}' is {}, not an optical drive ({})", spelling,
                                  drive_type_name(type), drive_list(drives)));
}

bool known_as(const DriveLocation& d, std::string_view spelling) {
    const auto matches = [&](const std::string& name) { return iequals(name, spelling); };
    return matches(d.name) || matches(d.block_device) || matches(d.generic_device) ||
           std::any_of(d.stable_names.begin(), d.stable_names.end(), matches) ||
           std::any_of(d.mount_points.begin(), d.mount_points.end(), matches);
}

}  // namespace

Result<DriveLocation> os::resolve_drive(const std::vector<DriveLocation>& drives,
                                        std::string_view spelling, const SystemRoots& /*roots*/) {
    if (spelling.empty()) return unknown_drive(drives, spelling);
    const auto parsed = parse_spelling(spelling);
    const DriveLocation* drive = nullptr;
    switch (parsed.kind) {
        case Spelling::Kind::index:
            drive = find_drive(
                drives, [&](const auto& d) { return d.index == static_cast<int>(parsed.number); });
            break;
        case Spelling::Kind::letter:
            drive = find_drive(drives,
                               [&](const auto& d) { return d.name == letter_name(parsed.letter); });
            if (!drive) return letter_not_optical(drives, spelling, parsed.letter);
            break;
        case Spelling::Kind::cdrom_number: {
            const auto device = cdrom_device(parsed.number);
            drive = find_drive(drives, [&](const auto& d) {
                return iequals(d.block_device, device) || iequals(d.generic_device, device);
            });
            break;
        }
        case Spelling::Kind::other:
            drive = find_drive(drives, [&](const auto& d) { return known_as(d, spelling); });
            break;
    }
    if (drive) return *drive;
    return unknown_drive(drives, spelling);
}

}  // namespace discrec::platform
