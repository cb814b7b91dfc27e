// Helpers shared by the Linux platform files (linux_*.cpp). Pure string functions are here so
// the unit tests can reach them; nothing in this header opens a device node.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/platform.hpp"

namespace discrec::platform::linux_detail {

namespace fs = std::filesystem;

// A small sysfs/proc text file with surrounding whitespace (and the trailing newline) removed;
// "" when it cannot be read.
std::string read_attribute(const char* file);
std::string read_attribute(const fs::path& file);
std::string trim(std::string_view text);

// "11:0" -> makedev(11, 0); nullopt for anything else.
std::optional<dev_t> parse_dev_numbers(std::string_view text);

// Maps a /dev/... spelling into roots.dev (tests replay a captured /dev); other paths unchanged.
fs::path to_root_path(const SystemRoots& roots, const fs::path& path);

// Paths as strings, for enumeration's hot loops: an fs::path parses itself into components
// whenever one is made or joined (most of `discrec list`'s instructions, before).
// "a" + "b" -> "a/b".
std::string join_path(std::string_view dir, std::string_view name);
// "a/b/c" -> "a/b"; "" when there is no '/'.
std::string parent_of(const std::string& path);
// The text of the link at `path`; nullopt when it is no link (or cannot be read).
std::optional<std::string> read_link(const std::string& path);
// A relative link `target` read from a link in `dir`: "../" steps up from `dir` ("/.." is
// "/"), "." and empty steps are dropped, other steps go down.
std::string lexical_join(std::string dir, std::string_view target);
// roots.dev, lexically normal, without a trailing '/'.
std::string dev_root(const SystemRoots& roots);
// roots.sys, the same way.
std::string sys_root(const SystemRoots& roots);

// Follows symlinks by reading them (never opening the target), resolving relative targets
// lexically and absolute /dev/... targets into `dev` (dev_root(): tests replay a captured
// /dev). Stops after 40 links, as the kernel does.
std::string follow_links(const std::string& dev, std::string path);
// The same for an fs::path, the result lexically normal.
fs::path follow_links(const SystemRoots& roots, const fs::path& path);

bool is_directory(const std::string& path);
// A sysfs link (/sys/class/block/sr0, .../block/sr0/device) resolved to the directory under
// /sys/devices it names; nullopt when that is gone (hot unplug). sysfs links are relative and
// point at real directories, so one readlink and a lexical join resolve them: fs::canonical
// would readlink every component of the path (12 system calls for /sys/class/block/sr0,
// two thirds of `discrec list`'s system calls). A path that is no link is taken as it is.
// The directory that holds the link must be resolved already (its ".." is taken lexically).
std::optional<std::string> sysfs_dir(const SystemRoots& roots, const std::string& path);
// The last path component: "a/b/c" -> "c".
std::string_view last_component(std::string_view path);

// The bus a SCSI device sits on, from its sysfs device path (relative to /sys, e.g.
// "devices/pci0000:00/0000:00:01.1/ata1/host0/target0:0:0/0:0:0:0") and its host driver.
std::string bus_for(std::string_view device_path, std::string_view host_driver);

// mountinfo fields escape space, tab, newline and backslash as \ooo (octal): undo that.
std::string unescape_mount_field(std::string_view field);

// Mount points of the device major:minor `dev_numbers` in proc/self/mountinfo text
// (fields: mount_id parent_id major:minor root mount_point ...), in file order.
std::vector<std::string> mount_points_for(std::string_view mountinfo, std::string_view dev_numbers);

}  // namespace discrec::platform::linux_detail
