// Who has a drive open: every proc/<pid>/fd/<n> symlink is read (and stat'ed, which follows the
// link to the open file without opening anything), as fuser and lsof do.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <tuple>

#include "platform/linux_sysfs.hpp"
#include "platform/os.hpp"
#include "platform/platform.hpp"

namespace discrec::platform {

namespace {

using namespace linux_detail;

struct Node {
    std::string device;         // "/dev/sr0"
    std::optional<dev_t> rdev;  // from sysfs dev, for fds opened under another path
    bool block = true;
};

std::optional<int> pid_of(const fs::path& entry) {
    const auto name = entry.filename().string();
    int pid = 0;
    auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), pid);
    if (ec != std::errc{} || ptr != name.data() + name.size() || pid <= 0) return std::nullopt;
    return pid;
}

std::vector<Node> nodes_of(const DriveLocation& drive) {
    std::vector<Node> nodes;
    if (!drive.block_device.empty()) {
        nodes.push_back({drive.block_device, parse_dev_numbers(drive.dev_numbers), true});
    }
    if (!drive.generic_device.empty()) {
        nodes.push_back(
            {drive.generic_device, parse_dev_numbers(drive.generic_dev_numbers), false});
    }
    return nodes;
}

const Node* node_for_fd(const fs::path& fd, const std::vector<Node>& nodes) {
    std::error_code ec;
    const auto target = fs::read_symlink(fd, ec);
    if (ec) return nullptr;
    for (const auto& node : nodes) {
        if (target == node.device) return &node;
    }
    struct stat st {};
    if (::stat(fd.c_str(), &st) != 0) return nullptr;
    for (const auto& node : nodes) {
        const bool type_ok = node.block ? S_ISBLK(st.st_mode) : S_ISCHR(st.st_mode);
        if (node.rdev && type_ok && st.st_rdev == *node.rdev) return &node;
    }
    return nullptr;
}

void scan_process(const fs::path& process, int pid, const std::vector<Node>& nodes,
                  std::vector<Holder>& holders) {
    std::error_code ec;
    std::vector<std::string> held;
    for (fs::directory_iterator it(process / "fd", ec), end; !ec && it != end; it.increment(ec)) {
        const auto* node = node_for_fd(it->path(), nodes);
        if (node && std::find(held.begin(), held.end(), node->device) == held.end()) {
            held.push_back(node->device);
        }
    }
    if (held.empty()) return;
    const auto command = read_attribute(process / "comm");
    for (auto& device : held) holders.push_back({pid, command, std::move(device)});
}

}  // namespace

std::vector<Holder> os::find_holders(const DriveLocation& drive, const SystemRoots& roots) {
    const auto nodes = nodes_of(drive);
    std::vector<Holder> holders;
    if (nodes.empty()) return holders;
    const int self = static_cast<int>(::getpid());
    std::error_code ec;
    for (fs::directory_iterator it(roots.proc, ec), end; !ec && it != end; it.increment(ec)) {
        const auto pid = pid_of(it->path());
        if (pid && *pid != self) scan_process(it->path(), *pid, nodes, holders);
    }
    std::sort(holders.begin(), holders.end(), [](const Holder& a, const Holder& b) {
        return std::tie(a.pid, a.device) < std::tie(b.pid, b.device);
    });
    return holders;
}

}  // namespace discrec::platform
