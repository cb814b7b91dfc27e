// Maps the user's spelling of a drive to one enumerated drive. Paths are compared three ways,
// none of which opens the node: lexically after following symlinks (works on captured trees),
// by canonical path, and by st_rdev (a node made elsewhere with mknod, a bind mount of /dev).
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "platform/linux_sysfs.hpp"
#include "platform/os.hpp"
#include "platform/platform.hpp"

namespace discrec::platform {

namespace {

using namespace linux_detail;

std::string drive_list(const std::vector<DriveLocation>& drives) {
    if (drives.empty()) return "no optical drives found";
    std::string list;
    for (const auto& drive : drives) {
        // "/dev/sr0" already says "sr0": the name only where the node does not end in it.
        const auto& node = drive.block_device.empty() ? drive.generic_device : drive.block_device;
        const bool named = fs::path(node).filename() == drive.name;
        list += fmt::format("{}{}", list.empty() ? "" : ", ",
                            named ? node : fmt::format("{} {}", drive.name, node));
    }
    return "drives: " + list;
}

Error unknown_drive(const std::vector<DriveLocation>& drives, std::string_view spelling) {
    return make_error(ErrorKind::no_such_drive,
                      fmt::format("no optical drive '{}' ({})", spelling, drive_list(drives)));
}

Error not_optical(std::string_view spelling) {
    return make_error(ErrorKind::no_such_drive,
                      fmt::format("'{}' is not an optical drive", spelling));
}

std::optional<int> as_index(std::string_view spelling) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(spelling.data(), spelling.data() + spelling.size(), value);
    if (ec != std::errc{} || ptr != spelling.data() + spelling.size()) return std::nullopt;
    return value;
}

std::string basename_of(const std::string& device) { return fs::path(device).filename().string(); }

const DriveLocation* find_drive(const std::vector<DriveLocation>& drives, auto predicate) {
    const auto it = std::find_if(drives.begin(), drives.end(), predicate);
    return it == drives.end() ? nullptr : &*it;
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    const auto ca = fs::canonical(a, ec);
    if (ec) return false;
    const auto cb = fs::canonical(b, ec);
    return !ec && ca == cb;
}

// Does `path` (already mapped into the roots) lead to this drive's block or sg node?
bool path_names_drive(const SystemRoots& roots, const fs::path& path, const DriveLocation& drive,
                      const struct stat* st) {
    const auto followed = follow_links(roots, path);
    const auto matches_node = [&](const std::string& node, const std::string& numbers, bool block) {
        if (node.empty()) return false;
        const auto node_path = to_root_path(roots, node).lexically_normal();
        if (followed == node_path || same_file(path, node_path)) return true;
        const auto rdev = parse_dev_numbers(numbers);
        return st && rdev && st->st_rdev == *rdev &&
               (block ? S_ISBLK(st->st_mode) : S_ISCHR(st->st_mode));
    };
    return matches_node(drive.block_device, drive.dev_numbers, true) ||
           matches_node(drive.generic_device, drive.generic_dev_numbers, false);
}

Result<DriveLocation> resolve_path(const std::vector<DriveLocation>& drives,
                                   std::string_view spelling, const fs::path& user_path,
                                   const SystemRoots& roots) {
    const auto path = to_root_path(roots, user_path);
    struct stat st {};
    const bool have_stat = ::stat(path.c_str(), &st) == 0;  // stat never opens the node
    const auto* drive = find_drive(drives, [&](const DriveLocation& d) {
        return path_names_drive(roots, path, d, have_stat ? &st : nullptr);
    });
    if (drive) return *drive;
    // Nothing there (or a dangling link such as a stale /dev/cdrom): an unknown drive; something
    // real that is not one of ours: say so.
    if (!have_stat) return unknown_drive(drives, spelling);
    return not_optical(spelling);
}

// A bare name: sr0, sg1, or a node or link directly under /dev ("cdrom").
Result<DriveLocation> resolve_name(const std::vector<DriveLocation>& drives,
                                   std::string_view spelling, const SystemRoots& roots) {
    const auto* drive = find_drive(drives, [&](const DriveLocation& d) {
        return d.name == spelling ||
               (!d.generic_device.empty() && basename_of(d.generic_device) == spelling) ||
               (!d.block_device.empty() && basename_of(d.block_device) == spelling);
    });
    if (drive) return *drive;
    std::error_code ec;
    if (spelling == "." || spelling == ".." ||
        !fs::exists(fs::symlink_status(roots.dev / spelling, ec))) {
        return unknown_drive(drives, spelling);
    }
    return resolve_path(drives, spelling, fs::path("/dev") / spelling, roots);
}

}  // namespace

Result<DriveLocation> os::resolve_drive(const std::vector<DriveLocation>& drives,
                                        std::string_view spelling, const SystemRoots& roots) {
    if (spelling.empty()) return unknown_drive(drives, spelling);
    if (const auto index = as_index(spelling)) {
        const auto* drive = find_drive(drives, [&](const auto& d) { return d.index == *index; });
        if (drive) return *drive;
        return unknown_drive(drives, spelling);
    }
    if (spelling.find('/') == std::string_view::npos) return resolve_name(drives, spelling, roots);
    const auto* drive = find_drive(drives, [&](const DriveLocation& d) {
        return d.block_device == spelling || d.generic_device == spelling;
    });
    if (drive) return *drive;
    return resolve_path(drives, spelling, fs::path(spelling), roots);
}

}  // namespace discrec::platform
