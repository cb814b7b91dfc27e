// Windows enumeration: CD/DVD drives with a letter (GetDriveType == DRIVE_CDROM) and without
// (SetupAPI GUID_DEVINTERFACE_CDROM, opened as \\.\CdRomN), joined by their device number.
// SystemRoots is a Linux notion (sysfs/dev/proc trees) and is ignored here.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "platform/os.hpp"
#include "platform/platform.hpp"
#include "platform/windows_devices.hpp"

namespace discrec::platform {
namespace {

using namespace win32;

struct Found {
    char letter = 0;             // 0: no drive letter
    std::string interface_path;  // SetupAPI device interface, "" when not known
    DeviceFacts facts;
};

std::vector<Found> collect() {
    std::vector<Found> found;
    for (const char letter : optical_letters()) {
        found.push_back({letter, {}, query_device(letter_device(letter))});
    }
    for (auto& path : cdrom_interfaces()) {
        auto facts = query_device(path);
        auto same = std::find_if(found.begin(), found.end(), [&](const Found& f) {
            return facts.number && f.facts.number == facts.number;
        });
        if (same != found.end()) {
            same->interface_path = std::move(path);
        } else if (facts.opened) {
            found.push_back({0, std::move(path), std::move(facts)});
        }
    }
    // \Device\CdRomN order, as Windows numbers them; drives whose number is unknown (Wine
    // does not always say) after, by letter.
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return std::tuple(!a.facts.number, a.facts.number.value_or(0), a.letter) <
               std::tuple(!b.facts.number, b.facts.number.value_or(0), b.letter);
    });
    return found;
}

DriveLocation to_location(const Found& f, int index) {
    DriveLocation d;
    d.index = index;
    const auto cdrom = f.facts.number ? cdrom_device(*f.facts.number) : std::string();
    if (f.letter != 0) {
        d.name = letter_name(f.letter);
        d.block_device = letter_device(f.letter);
        d.generic_device = cdrom;
    } else {
        d.name = f.facts.number ? fmt::format("CdRom{}", *f.facts.number) : f.interface_path;
        d.block_device = cdrom.empty() ? f.interface_path : cdrom;
    }
    d.vendor = f.facts.vendor;
    d.model = f.facts.model;
    d.revision = f.facts.revision;
    d.bus = f.facts.bus;
    d.scsi_address = f.facts.scsi_address;
    d.peripheral_type = f.facts.peripheral_type;
    const auto volume = f.letter != 0    ? volume_of_letter(f.letter)
                        : f.facts.number ? volume_of_cdrom(*f.facts.number)
                                         : std::string();
    if (!f.interface_path.empty()) d.stable_names.push_back(f.interface_path);
    if (!volume.empty()) d.stable_names.push_back(volume);
    // Windows mounts a medium's file system on first access (Explorer makes one at once), so
    // "mounted" here is "carries a file system": the volume's paths then, else none, so that an
    // empty drive or a blank disc is not "mounted on D:\" (eject would refuse it).
    const auto root = f.letter != 0 ? fmt::format("{}:\\", f.letter) : volume;
    if (has_file_system(root)) {
        d.mount_points = volume_paths(volume);
        // A letter without a volume name (Wine's directory-backed letters) is still a path.
        if (d.mount_points.empty() && f.letter != 0) d.mount_points.push_back(root);
    }
    return d;
}

}  // namespace

Result<std::vector<DriveLocation>> os::enumerate_drives(const SystemRoots& /*roots*/) {
    std::vector<DriveLocation> drives;
    const auto found = collect();
    for (std::size_t i = 0; i < found.size(); ++i) {
        drives.push_back(to_location(found[i], static_cast<int>(i)));
    }
    return drives;
}

// Windows keeps no cheap per-device list of openers (the Restart Manager answers for files,
// not for \\.\D:); an empty list means "not known", as for unreadable processes on Linux.
std::vector<Holder> os::find_holders(const DriveLocation& /*drive*/, const SystemRoots& /*roots*/) {
    return {};
}

}  // namespace discrec::platform
