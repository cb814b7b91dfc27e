// Optical drive enumeration from sysfs alone: /sys/class/block/sr* plus any SCSI device of
// peripheral type 4/5 that only has an sg node. No device node is opened (an open of /dev/srN
// can spin up the drive or wait for it); only attribute files, symlinks and mountinfo are read.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <utility>

#include "platform/linux_sysfs.hpp"
#include "platform/platform.hpp"

namespace discrec::platform {

namespace {

using namespace linux_detail;

// Peripheral device types the sr driver binds (SPC-4 §6.4.2 Table 141: 04h write-once,
// 05h CD/DVD device).
constexpr int k_type_write_once = 4;
constexpr int k_type_cd_dvd = 5;

struct Candidate {
    std::string name;      // "sr0", or "sg3" when no sr driver is bound
    unsigned number = 0;   // N of srN / sgN, the sort key
    bool sg_only = false;  // sorted after every srN
    fs::path block_dir;    // /sys/devices/.../block/srN ("" when sg_only)
    fs::path scsi_dir;     // /sys/devices/.../H:C:T:L
};

std::optional<unsigned> number_after(std::string_view name, std::string_view prefix) {
    if (!name.starts_with(prefix) || name.size() == prefix.size()) return std::nullopt;
    name.remove_prefix(prefix.size());
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), value);
    if (ec != std::errc{} || ptr != name.data() + name.size()) return std::nullopt;
    return value;
}

std::vector<fs::path> list_dir(const fs::path& dir) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        entries.push_back(it->path());
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

std::optional<fs::path> canonical_of(const fs::path& path) {
    std::error_code ec;
    auto result = fs::canonical(path, ec);
    if (ec) return std::nullopt;
    return result;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The first sgN below the SCSI device ("" when the sg driver is not loaded).
std::string generic_name(const fs::path& scsi_dir) {
    for (const auto& entry : list_dir(scsi_dir / "scsi_generic")) {
        const auto name = entry.filename().string();
        if (number_after(name, "sg")) return name;
    }
    return {};
}

std::vector<Candidate> sr_candidates(const SystemRoots& roots) {
    std::vector<Candidate> found;
    for (const auto& entry : list_dir(roots.sys / "class" / "block")) {
        const auto name = entry.filename().string();
        const auto number = number_after(name, "sr");
        if (!number) continue;
        const auto block_dir = canonical_of(entry);
        const auto scsi_dir = block_dir ? canonical_of(*block_dir / "device") : std::nullopt;
        if (!scsi_dir) continue;  // vanished while we looked (hot unplug)
        found.push_back({name, *number, false, *block_dir, *scsi_dir});
    }
    return found;
}

int peripheral_type(const fs::path& scsi_dir) {
    const auto text = read_attribute(scsi_dir / "type");
    int value = -1;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// CD/DVD devices that sr did not claim (sr_mod not loaded) but sg did: still usable by SG_IO.
std::vector<Candidate> sg_only_candidates(const SystemRoots& roots,
                                          const std::vector<Candidate>& known) {
    std::set<fs::path> seen;
    for (const auto& candidate : known) seen.insert(candidate.scsi_dir);
    std::vector<Candidate> found;
    for (const auto& entry : list_dir(roots.sys / "class" / "scsi_device")) {
        const auto scsi_dir = canonical_of(entry / "device");
        if (!scsi_dir || seen.contains(*scsi_dir)) continue;
        const int type = peripheral_type(*scsi_dir);
        if (type != k_type_cd_dvd && type != k_type_write_once) continue;
        const auto sg = generic_name(*scsi_dir);
        if (sg.empty()) continue;  // no node at all: nothing could talk to it
        found.push_back({sg, number_after(sg, "sg").value_or(0), true, {}, *scsi_dir});
    }
    return found;
}

std::string host_driver(const SystemRoots& roots, std::string_view scsi_address) {
    const auto host = roots.sys / "class" / "scsi_host" /
                      ("host" + std::string(scsi_address.substr(0, scsi_address.find(':'))));
    auto name = read_attribute(host / "proc_name");
    if (!name.empty() && name != "(null)") return name;
    // uas registers its SCSI host without a proc_name (sysfs shows "(null)"); the driver of the
    // USB interface above the host says what it is.
    const auto host_device = canonical_of(host / "device");
    if (!host_device) return {};
    std::error_code ec;
    const auto driver = fs::read_symlink(host_device->parent_path() / "driver", ec);
    return ec ? std::string{} : driver.filename().string();
}

// A /dev symlink, already followed to the node it names.
struct DevLink {
    fs::path target;       // inside roots.dev, lexically normal
    std::string reported;  // "/dev/disk/by-id/..."
};

void add_links(const SystemRoots& roots, const fs::path& dir, const std::string& prefix,
               std::vector<DevLink>& links) {
    for (const auto& entry : list_dir(dir)) {
        std::error_code ec;
        if (!fs::is_symlink(entry, ec)) continue;
        links.push_back({follow_links(roots, entry), prefix + entry.filename().string()});
    }
}

// udev's names: /dev/cdrom, /dev/dvd, ... and /dev/disk/by-{id,path,label,uuid,...}/*.
// (/dev/block and /dev/char only repeat major:minor, so they are not stable names.)
std::vector<DevLink> collect_dev_links(const SystemRoots& roots) {
    std::vector<DevLink> links;
    add_links(roots, roots.dev, "/dev/", links);
    for (const auto& dir : list_dir(roots.dev / "disk")) {
        std::error_code ec;
        if (fs::is_symlink(dir, ec) || !fs::is_directory(dir, ec)) continue;
        add_links(roots, dir, "/dev/disk/" + dir.filename().string() + "/", links);
    }
    return links;
}

void fill_stable_names(const SystemRoots& roots, const std::vector<DevLink>& links,
                       DriveLocation& drive) {
    std::vector<fs::path> nodes;
    for (const auto& node : {drive.block_device, drive.generic_device}) {
        if (!node.empty()) nodes.push_back(to_root_path(roots, node).lexically_normal());
    }
    for (const auto& link : links) {
        if (std::find(nodes.begin(), nodes.end(), link.target) != nodes.end()) {
            drive.stable_names.push_back(link.reported);
        }
    }
    std::sort(drive.stable_names.begin(), drive.stable_names.end());
    const auto by_path = std::find_if(
        drive.stable_names.begin(), drive.stable_names.end(),
        [](const std::string& name) { return name.starts_with("/dev/disk/by-path/"); });
    if (by_path != drive.stable_names.end()) drive.by_path = *by_path;
}

std::string sysfs_relative(const SystemRoots& roots, const fs::path& path) {
    const auto sys = canonical_of(roots.sys).value_or(roots.sys);
    return path.lexically_relative(sys).generic_string();
}

DriveLocation make_drive(const SystemRoots& roots, const Candidate& candidate) {
    DriveLocation drive;
    drive.name = candidate.name;
    drive.scsi_address = candidate.scsi_dir.filename().string();
    if (!candidate.sg_only) {
        drive.block_device = "/dev/" + candidate.name;
        drive.dev_numbers = read_attribute(candidate.block_dir / "dev");
    }
    if (const auto sg = generic_name(candidate.scsi_dir); !sg.empty()) {
        drive.generic_device = "/dev/" + sg;
        drive.generic_dev_numbers =
            read_attribute(candidate.scsi_dir / "scsi_generic" / sg / "dev");
    }
    drive.vendor = read_attribute(candidate.scsi_dir / "vendor");
    drive.model = read_attribute(candidate.scsi_dir / "model");
    drive.revision = read_attribute(candidate.scsi_dir / "rev");
    if (const int type = peripheral_type(candidate.scsi_dir); type >= 0) {
        drive.peripheral_type = type;
    }
    drive.host_driver = host_driver(roots, drive.scsi_address);
    drive.bus = bus_for(sysfs_relative(roots, candidate.scsi_dir), drive.host_driver);
    return drive;
}

}  // namespace

Result<std::vector<DriveLocation>> enumerate_drives(const SystemRoots& roots) {
    const auto block_class = roots.sys / "class" / "block";
    std::error_code ec;
    if (!fs::is_directory(block_class, ec)) {
        return make_error(ErrorKind::failure,
                          fmt::format("cannot read {} (is sysfs mounted?)", block_class.string()));
    }
    auto candidates = sr_candidates(roots);
    auto sg_only = sg_only_candidates(roots, candidates);
    candidates.insert(candidates.end(), sg_only.begin(), sg_only.end());
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return std::pair(a.sg_only, a.number) < std::pair(b.sg_only, b.number);
    });

    const auto links = collect_dev_links(roots);
    const auto mountinfo = read_file(roots.proc / "self" / "mountinfo");
    std::vector<DriveLocation> drives;
    for (const auto& candidate : candidates) {
        auto drive = make_drive(roots, candidate);
        drive.index = static_cast<int>(drives.size());
        fill_stable_names(roots, links, drive);
        drive.mount_points = mount_points_for(mountinfo, drive.dev_numbers);
        drives.push_back(std::move(drive));
    }
    return drives;
}

}  // namespace discrec::platform
