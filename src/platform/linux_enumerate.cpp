// Optical drive enumeration from sysfs alone: /sys/class/block/sr* plus any SCSI device of
// peripheral type 4/5 that only has an sg node. No device node is opened (an open of /dev/srN
// can spin up the drive or wait for it); only attribute files, symlinks and mountinfo are read.
#include <fmt/format.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <set>
#include <utility>

#include "platform/linux_sysfs.hpp"
#include "platform/os.hpp"
#include "platform/platform.hpp"
#include "util/file.hpp"

namespace discrec::platform {

namespace {

using namespace linux_detail;

// Peripheral device types the sr driver binds (SPC-4 §6.4.2 Table 141: 04h write-once,
// 05h CD/DVD device).
constexpr int k_type_write_once = 4;
constexpr int k_type_cd_dvd = 5;

// sysfs and /dev paths are kept as strings here (linux_sysfs.hpp: join_path, lexical_join):
// an fs::path parses itself into components whenever one is made or joined, and with a few
// dozen deep sysfs paths per drive that was most of `discrec list`'s instructions.

struct Candidate {
    std::string name;       // "sr0", or "sg3" when no sr driver is bound
    unsigned number = 0;    // N of srN / sgN, the sort key
    bool sg_only = false;   // sorted after every srN
    std::string block_dir;  // <sys>/devices/.../block/srN ("" when sg_only)
    std::string scsi_dir;   // <sys>/devices/.../H:C:T:L
};

std::optional<unsigned> number_after(std::string_view name, std::string_view prefix) {
    if (!name.starts_with(prefix) || name.size() == prefix.size()) return std::nullopt;
    name.remove_prefix(prefix.size());
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), value);
    if (ec != std::errc{} || ptr != name.data() + name.size()) return std::nullopt;
    return value;
}

// A directory entry as readdir gives it: its name and type (d_type), no fs::path.
struct DirEntry {
    std::string name;
    bool is_link = false;
    bool is_dir = false;
};

// A directory's entries but "." and "..", sorted by name; empty when it cannot be read.
std::vector<DirEntry> read_dir(const std::string& dir) {
    std::vector<DirEntry> entries;
    DIR* handle = ::opendir(dir.c_str());
    if (handle == nullptr) return entries;
    while (const dirent* e = ::readdir(handle)) {
        const std::string_view name = e->d_name;
        if (name == "." || name == "..") continue;
        DirEntry entry{std::string(name), e->d_type == DT_LNK, e->d_type == DT_DIR};
        if (e->d_type == DT_UNKNOWN) {  // file systems without d_type: ask lstat
            struct stat st {};
            if (::lstat(join_path(dir, name).c_str(), &st) == 0) {
                entry.is_link = S_ISLNK(st.st_mode);
                entry.is_dir = S_ISDIR(st.st_mode);
            }
        }
        entries.push_back(std::move(entry));
    }
    ::closedir(handle);
    std::sort(entries.begin(), entries.end(),
              [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    return entries;
}

// The first sgN below the SCSI device ("" when the sg driver is not loaded).
std::string generic_name(const std::string& scsi_dir) {
    for (const auto& entry : read_dir(join_path(scsi_dir, "scsi_generic"))) {
        if (number_after(entry.name, "sg")) return entry.name;
    }
    return {};
}

std::vector<Candidate> sr_candidates(const SystemRoots& roots, const std::string& sys) {
    std::vector<Candidate> found;
    const auto block_class = join_path(sys, "class/block");
    for (const auto& entry : read_dir(block_class)) {
        const auto& name = entry.name;
        const auto number = number_after(name, "sr");
        if (!number) continue;
        const auto block_dir = sysfs_dir(roots, join_path(block_class, name));
        const auto scsi_dir =
            block_dir ? sysfs_dir(roots, join_path(*block_dir, "device")) : std::nullopt;
        if (!scsi_dir) continue;  // vanished while we looked (hot unplug)
        found.push_back({name, *number, false, *block_dir, *scsi_dir});
    }
    return found;
}

int peripheral_type(const std::string& scsi_dir) {
    const auto text = read_attribute(join_path(scsi_dir, "type").c_str());
    int value = -1;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// CD/DVD devices that sr did not claim (sr_mod not loaded) but sg did: still usable by SG_IO.
std::vector<Candidate> sg_only_candidates(const SystemRoots& roots, const std::string& sys,
                                          const std::vector<Candidate>& known) {
    std::set<std::string> seen;
    for (const auto& candidate : known) seen.insert(candidate.scsi_dir);
    std::vector<Candidate> found;
    const auto device_class = join_path(sys, "class/scsi_device");
    for (const auto& entry : read_dir(device_class)) {
        // The class link first: the "device" link inside it is relative to where it points.
        const auto class_dir = sysfs_dir(roots, join_path(device_class, entry.name));
        const auto scsi_dir =
            class_dir ? sysfs_dir(roots, join_path(*class_dir, "device")) : std::nullopt;
        if (!scsi_dir || seen.contains(*scsi_dir)) continue;
        const int type = peripheral_type(*scsi_dir);
        if (type != k_type_cd_dvd && type != k_type_write_once) continue;
        const auto sg = generic_name(*scsi_dir);
        if (sg.empty()) continue;  // no node at all: nothing could talk to it
        found.push_back({sg, number_after(sg, "sg").value_or(0), true, {}, *scsi_dir});
    }
    return found;
}

std::string host_driver(const SystemRoots& roots, const std::string& sys,
                        std::string_view scsi_address) {
    const auto host = join_path(
        sys, "class/scsi_host/host" + std::string(scsi_address.substr(0, scsi_address.find(':'))));
    auto name = read_attribute(join_path(host, "proc_name").c_str());
    if (!name.empty() && name != "(null)") return name;
    // uas registers its SCSI host without a proc_name (sysfs shows "(null)"); the driver of the
    // USB interface above the host says what it is.
    const auto host_dir = sysfs_dir(roots, host);
    const auto host_device =
        host_dir ? sysfs_dir(roots, join_path(*host_dir, "device")) : std::nullopt;
    if (!host_device) return {};
    const auto driver = read_link(join_path(parent_of(*host_device), "driver"));
    return driver ? std::string(last_component(*driver)) : std::string{};
}

// A /dev symlink, already followed to the node it names.
struct DevLink {
    std::string target;    // inside roots.dev, lexically normal
    std::string reported;  // "/dev/disk/by-id/..."
};

void add_links(const std::string& dev, const std::string& dir, const std::string& prefix,
               std::vector<DevLink>& links) {
    for (const auto& entry : read_dir(dir)) {
        if (!entry.is_link) continue;  // d_type: /dev has a hundred nodes to skip
        links.push_back({follow_links(dev, join_path(dir, entry.name)), prefix + entry.name});
    }
}

// udev's names: /dev/cdrom, /dev/dvd, ... and /dev/disk/by-{id,path,label,uuid,...}/*.
// (/dev/block and /dev/char only repeat major:minor, so they are not stable names.)
std::vector<DevLink> collect_dev_links(const std::string& dev) {
    std::vector<DevLink> links;
    add_links(dev, dev, "/dev/", links);
    const auto disk = join_path(dev, "disk");
    for (const auto& dir : read_dir(disk)) {
        if (!dir.is_dir) continue;  // by-id, by-path, ...; a link is not followed
        add_links(dev, join_path(disk, dir.name), "/dev/disk/" + dir.name + "/", links);
    }
    return links;
}

void fill_stable_names(const std::string& dev, const std::vector<DevLink>& links,
                       DriveLocation& drive) {
    std::vector<std::string> nodes;  // "/dev/sr0" as follow_links() spells it
    for (const auto& node : {drive.block_device, drive.generic_device}) {
        if (node.starts_with("/dev/")) nodes.push_back(lexical_join(dev, node.substr(5)));
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

// Paths from sysfs_dir() are lexical joins below `sys`: the part after it ("devices/...").
std::string sysfs_relative(const std::string& sys, const std::string& path) {
    if (!path.starts_with(sys)) return path;
    auto rest = std::string_view(path).substr(sys.size());
    while (rest.starts_with('/')) rest.remove_prefix(1);
    return std::string(rest);
}

DriveLocation make_drive(const SystemRoots& roots, const std::string& sys,
                         const Candidate& candidate) {
    DriveLocation drive;
    drive.name = candidate.name;
    drive.scsi_address = std::string(last_component(candidate.scsi_dir));
    if (!candidate.sg_only) {
        drive.block_device = "/dev/" + candidate.name;
        drive.dev_numbers = read_attribute(join_path(candidate.block_dir, "dev").c_str());
    }
    if (const auto sg = generic_name(candidate.scsi_dir); !sg.empty()) {
        drive.generic_device = "/dev/" + sg;
        drive.generic_dev_numbers =
            read_attribute(join_path(candidate.scsi_dir, "scsi_generic/" + sg + "/dev").c_str());
    }
    drive.vendor = read_attribute(join_path(candidate.scsi_dir, "vendor").c_str());
    drive.model = read_attribute(join_path(candidate.scsi_dir, "model").c_str());
    drive.revision = read_attribute(join_path(candidate.scsi_dir, "rev").c_str());
    if (const int type = peripheral_type(candidate.scsi_dir); type >= 0) {
        drive.peripheral_type = type;
    }
    drive.host_driver = host_driver(roots, sys, drive.scsi_address);
    drive.bus = bus_for(sysfs_relative(sys, candidate.scsi_dir), drive.host_driver);
    return drive;
}

}  // namespace

Result<std::vector<DriveLocation>> os::enumerate_drives(const SystemRoots& roots) {
    const auto block_class = roots.sys / "class" / "block";
    std::error_code ec;
    if (!fs::is_directory(block_class, ec)) {
        return make_error(ErrorKind::failure,
                          fmt::format("cannot read {} (is sysfs mounted?)", block_class.string()));
    }
    const std::string sys = sys_root(roots);
    auto candidates = sr_candidates(roots, sys);
    auto sg_only = sg_only_candidates(roots, sys, candidates);
    candidates.insert(candidates.end(), sg_only.begin(), sg_only.end());
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return std::pair(a.sg_only, a.number) < std::pair(b.sg_only, b.number);
    });

    const auto dev = dev_root(roots);
    const auto links = collect_dev_links(dev);
    // Unreadable mountinfo (a captured tree without it): no mount points, not an error.
    constexpr std::size_t k_max_mountinfo = std::size_t{64} * 1024 * 1024;
    auto read = read_whole_file((roots.proc / "self" / "mountinfo").string(), k_max_mountinfo);
    const std::string mountinfo = read ? std::move(*read) : std::string{};
    std::vector<DriveLocation> drives;
    for (const auto& candidate : candidates) {
        auto drive = make_drive(roots, sys, candidate);
        drive.index = static_cast<int>(drives.size());
        fill_stable_names(dev, links, drive);
        drive.mount_points = mount_points_for(mountinfo, drive.dev_numbers);
        drives.push_back(std::move(drive));
    }
    return drives;
}

}  // namespace discrec::platform
