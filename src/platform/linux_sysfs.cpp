// Shared Linux helpers: attribute files, dev numbers, symlink following within the roots, the
// bus table and mountinfo parsing.
#include "platform/linux_sysfs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <optional>

namespace discrec::platform::linux_detail {

namespace {

// Enough for any sysfs attribute we read (vendor 8, model 16, rev 4 chars); guards against a
// caller pointing a root at something large.
constexpr std::size_t k_max_attribute = 4096;
constexpr int k_max_links = 40;  // as the kernel's MAXSYMLINKS

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0'; }

std::optional<unsigned> parse_unsigned(std::string_view text) {
    unsigned value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::string trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

// open/read/close, not std::ifstream: `list` reads several attributes per drive, and a
// stream adds a locale, a buffer and two system calls to each.
std::string read_attribute(const fs::path& file) { return read_attribute(file.c_str()); }

std::string read_attribute(const char* file) {
    const int fd = ::open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    std::string text(k_max_attribute, '\0');
    ssize_t n = 0;
    do {
        n = ::read(fd, text.data(), text.size());
    } while (n < 0 && errno == EINTR);
    ::close(fd);
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return trim(text);
}

std::optional<dev_t> parse_dev_numbers(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto major_number = parse_unsigned(text.substr(0, colon));
    const auto minor_number = parse_unsigned(text.substr(colon + 1));
    if (!major_number || !minor_number) return std::nullopt;
    return makedev(*major_number, *minor_number);
}

fs::path to_root_path(const SystemRoots& roots, const fs::path& path) {
    const auto normal = path.lexically_normal();
    const auto relative = normal.lexically_relative("/dev");
    if (!path.is_absolute() || relative.empty() || *relative.begin() == "..") return path;
    return relative == "." ? roots.dev : roots.dev / relative;
}

std::string join_path(std::string_view dir, std::string_view name) {
    std::string out;
    out.reserve(dir.size() + 1 + name.size());
    out.append(dir);
    if (!out.empty() && out.back() != '/') out.push_back('/');
    out.append(name);
    return out;
}

std::string parent_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string{} : path.substr(0, slash);
}

std::optional<std::string> read_link(const std::string& path) {
    std::array<char, 4096> buffer{};
    const ssize_t n = ::readlink(path.c_str(), buffer.data(), buffer.size());
    if (n <= 0 || static_cast<std::size_t>(n) >= buffer.size()) return std::nullopt;
    return std::string(buffer.data(), static_cast<std::size_t>(n));
}

std::string lexical_join(std::string dir, std::string_view target) {
    while (!target.empty()) {
        const auto slash = target.find('/');
        const auto step = target.substr(0, slash);
        target = slash == std::string_view::npos ? std::string_view{} : target.substr(slash + 1);
        if (step.empty() || step == ".") continue;
        if (step == "..") {
            const auto up = dir.rfind('/');
            dir.resize(up == std::string::npos ? 0 : std::max<std::size_t>(up, 1));  // "/.." is "/"
        } else {
            dir = join_path(dir, step);
        }
    }
    return dir;
}

namespace {
std::string normal_root(const fs::path& root) {
    std::string text = root.lexically_normal().string();
    if (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}
}  // namespace

std::string dev_root(const SystemRoots& roots) { return normal_root(roots.dev); }
std::string sys_root(const SystemRoots& roots) { return normal_root(roots.sys); }

bool is_directory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::optional<std::string> sysfs_dir(const SystemRoots& roots, const std::string& path) {
    std::string resolved = path;
    if (const auto target = read_link(path)) {
        resolved = target->starts_with('/') ? to_root_path(roots, fs::path(*target)).string()
                                            : lexical_join(parent_of(path), *target);
    }
    if (!is_directory(resolved)) return std::nullopt;
    return resolved;
}

std::string_view last_component(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string follow_links(const std::string& dev, std::string path) {
    for (int i = 0; i < k_max_links; ++i) {
        const auto target = read_link(path);
        if (!target) break;
        if (target->starts_with("/dev/")) {
            path = lexical_join(dev, std::string_view(*target).substr(5));
        } else if (target->starts_with('/')) {
            path = lexical_join("/", *target);
        } else {
            path = lexical_join(parent_of(path), *target);
        }
    }
    return path;
}

fs::path follow_links(const SystemRoots& roots, const fs::path& path) {
    return fs::path(follow_links(dev_root(roots), path.lexically_normal().string()))
        .lexically_normal();
}

namespace {

// How a row of k_bus_rules matches.
enum class BusMatch {
    path_segment_number,  // a path segment is needle + digits: "ata1", "usb2", "virtio3"
    path_segment_prefix,  // a path segment starts with needle: "end_device-0:0"
    driver,               // host driver equals needle
    driver_prefix,        // host driver starts with needle: "pata_", "sata_"
};

struct BusRule {
    BusMatch match;
    std::string_view needle;
    std::string_view bus;
};

// First matching row wins; no row matching means "scsi" (a parallel/other SCSI HBA such as
// sym53c8xx, mptspi). The path rows come first: the device tree says what the link is, a
// driver name only hints (a USB bridge in front of an ATAPI drive is still "usb").
constexpr std::array k_bus_rules{
    BusRule{BusMatch::path_segment_number, "usb", "usb"},          // below a USB root hub
    BusRule{BusMatch::path_segment_prefix, "end_device-", "sas"},  // SAS transport class
    BusRule{BusMatch::path_segment_number, "ata", "ata"},          // libata port
    BusRule{BusMatch::path_segment_number, "virtio", "virtio"},
    BusRule{BusMatch::path_segment_number, "fw", "firewire"},
    BusRule{BusMatch::driver, "usb-storage", "usb"},
    BusRule{BusMatch::driver, "uas", "usb"},
    BusRule{BusMatch::driver, "ata_piix", "ata"},
    BusRule{BusMatch::driver, "ahci", "ata"},
    BusRule{BusMatch::driver_prefix, "pata_", "ata"},
    BusRule{BusMatch::driver_prefix, "sata_", "ata"},
    BusRule{BusMatch::driver, "virtio_scsi", "virtio"},
    BusRule{BusMatch::driver_prefix, "iscsi", "iscsi"},
};
constexpr std::string_view k_default_bus = "scsi";

bool segment_is_number_after(std::string_view segment, std::string_view prefix) {
    return segment.size() > prefix.size() && segment.starts_with(prefix) &&
           std::all_of(segment.begin() + static_cast<std::ptrdiff_t>(prefix.size()), segment.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

bool any_segment(std::string_view path, auto predicate) {
    while (!path.empty()) {
        const auto slash = path.find('/');
        if (predicate(path.substr(0, slash))) return true;
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return false;
}

bool rule_matches(const BusRule& rule, std::string_view path, std::string_view driver) {
    switch (rule.match) {
        case BusMatch::path_segment_number:
            return any_segment(path,
                               [&](auto s) { return segment_is_number_after(s, rule.needle); });
        case BusMatch::path_segment_prefix:
            return any_segment(path, [&](auto s) { return s.starts_with(rule.needle); });
        case BusMatch::driver:
            return driver == rule.needle;
        case BusMatch::driver_prefix:
            return driver.starts_with(rule.needle);
    }
    return false;
}

}  // namespace

std::string bus_for(std::string_view device_path, std::string_view host_driver) {
    for (const auto& rule : k_bus_rules) {
        if (rule_matches(rule, device_path, host_driver)) return std::string(rule.bus);
    }
    return std::string(k_default_bus);
}

std::string unescape_mount_field(std::string_view field) {
    // The kernel's mangle() (fs/proc_namespace.c) writes ' ', '\t', '\n' and '\\' as a
    // backslash and three octal digits; anything else is literal.
    const auto is_octal = [](char c) { return c >= '0' && c <= '7'; };
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size() && is_octal(field[i + 1]) &&
            is_octal(field[i + 2]) && is_octal(field[i + 3])) {
            const int value =
                (field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0');
            out.push_back(static_cast<char>(value));
            i += 3;
        } else {
            out.push_back(field[i]);
        }
    }
    return out;
}

std::vector<std::string> mount_points_for(std::string_view mountinfo,
                                          std::string_view dev_numbers) {
    // proc(5) mountinfo: "36 35 98:0 /mnt1 /mnt2 rw,noatime ...": fields 3 and 5 (major:minor,
    // mount point), separated by single spaces; spaces inside a field are octal escapes.
    std::vector<std::string> points;
    if (dev_numbers.empty()) return points;
    while (!mountinfo.empty()) {
        const auto end = mountinfo.find('\n');
        std::string_view line = mountinfo.substr(0, end);
        mountinfo = end == std::string_view::npos ? std::string_view{} : mountinfo.substr(end + 1);
        std::array<std::string_view, 5> fields{};
        std::size_t n = 0;
        while (n < fields.size() && !line.empty()) {
            const auto space = line.find(' ');
            fields[n] = line.substr(0, space);
            line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
            if (!fields[n].empty()) ++n;
        }
        if (n == fields.size() && fields[2] == dev_numbers) {
            points.push_back(unescape_mount_field(std::string(fields[4])));
        }
    }
    return points;
}

}  // namespace discrec::platform::linux_detail
