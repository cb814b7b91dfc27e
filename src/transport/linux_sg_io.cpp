#include "transport/device.hpp"

#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "transport/os_error.hpp"

namespace discrec {
namespace {

// Owns one file descriptor (RAII): closed exactly once, on every path.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) noexcept : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const noexcept { return m_fd; }

private:
    int m_fd;
};

constexpr unsigned char k_max_sense = 64;

class SgIoTransport final : public Transport {
public:
    SgIoTransport(std::string path, int fd) : m_path(std::move(path)), m_fd(fd) {}

    Completion execute(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                       std::chrono::milliseconds timeout) override {
        Completion c;
        std::array<unsigned char, k_max_sense> sense{};
        sg_io_hdr_t hdr{};
        hdr.interface_id = 'S';
        hdr.cmd_len = static_cast<unsigned char>(cdb.size);
        // SG_IO takes a non-const pointer but only reads the CDB.
        hdr.cmdp =
            const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(cdb.bytes.data()));
        hdr.mx_sb_len = k_max_sense;
        hdr.sbp = sense.data();
        hdr.timeout = static_cast<unsigned>(timeout.count());
        hdr.dxfer_len = static_cast<unsigned>(buffer.size());
        hdr.dxferp = buffer.empty() ? nullptr : buffer.data();
        switch (direction) {
            case Direction::none:
                hdr.dxfer_direction = SG_DXFER_NONE;
                break;
            case Direction::from_device:
                hdr.dxfer_direction = SG_DXFER_FROM_DEV;
                break;
            case Direction::to_device:
                hdr.dxfer_direction = SG_DXFER_TO_DEV;
                break;
        }
        if (buffer.empty()) hdr.dxfer_direction = SG_DXFER_NONE;

        const auto start = std::chrono::steady_clock::now();
        const int rc = ::ioctl(m_fd.get(), SG_IO, &hdr);
        c.duration = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - start);
        if (rc < 0) {
            c.os_error = OsError::native(errno);
            return c;
        }
        c.scsi_status = hdr.status;
        c.host_status = hdr.host_status;
        c.driver_status = hdr.driver_status;
        const int resid = hdr.resid < 0 ? 0 : hdr.resid;
        c.transferred =
            buffer.size() - std::min<std::size_t>(buffer.size(), static_cast<std::size_t>(resid));
        const std::size_t sense_len = std::min<std::size_t>(hdr.sb_len_wr, sense.size());
        c.sense.assign(reinterpret_cast<const std::byte*>(sense.data()),
                       reinterpret_cast<const std::byte*>(sense.data()) + sense_len);
        // DID_TIME_OUT (0x03) or the sg driver's own timeout flag.
        constexpr std::uint16_t k_did_time_out = 0x03;
        constexpr std::uint16_t k_driver_timeout = 0x06;
        c.timed_out =
            hdr.host_status == k_did_time_out || (hdr.driver_status & 0x0f) == k_driver_timeout;
        return c;
    }

    [[nodiscard]] const std::string& path() const noexcept override { return m_path; }

private:
    std::string m_path;
    FileDescriptor m_fd;
};

// The parent of process `pid` (field 4 of /proc/PID/stat, after the parenthesised name).
std::optional<long> parent_of(long pid) {
    std::ifstream in(fmt::format("/proc/{}/stat", pid));
    std::string stat;
    std::getline(in, stat);
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream rest(stat.substr(close + 1));
    std::string state;
    long parent = 0;
    if (!(rest >> state >> parent)) return std::nullopt;
    return parent;
}

bool is_our_ancestor(long holder) {
    long pid = ::getpid();
    for (int depth = 0; depth < 64 && pid > 1; ++depth) {
        const auto parent = parent_of(pid);
        if (!parent) return false;
        if (*parent == holder) return true;
        pid = *parent;
    }
    return false;
}

}  // namespace

std::optional<std::intptr_t> os::inherited_hold(const std::string& path) {
    const char* value = std::getenv(k_hold_variable);
    if (value == nullptr) return std::nullopt;
    std::istringstream in(value);
    long holder = 0;
    int fd = -1;
    std::string device;
    if (!(in >> holder >> fd) || !std::getline(in >> std::ws, device) || fd < 0) {
        return std::nullopt;
    }
    // The same device node (by its numbers: /dev/sr0 and a by-id link are one drive), a
    // descriptor that is open on it, and a holder we run under.
    struct stat named {
    }, inherited{};
    if (::stat(path.c_str(), &named) != 0 || ::stat(device.c_str(), &inherited) != 0 ||
        named.st_rdev != inherited.st_rdev || named.st_mode != inherited.st_mode) {
        return std::nullopt;
    }
    struct stat held {};
    if (::fstat(fd, &held) != 0 || held.st_rdev != named.st_rdev ||
        (held.st_mode & S_IFMT) != (named.st_mode & S_IFMT)) {
        return std::nullopt;
    }
    if (!is_our_ancestor(holder)) return std::nullopt;
    return fd;
}

Result<std::unique_ptr<Transport>> os::open_device_transport(const std::string& path,
                                                             DeviceAccess access) {
    // Inside `lock --exclusive -- COMMAND`: the holder's descriptor, not a new open (which
    // O_EXCL would refuse while the holder has the drive).
    if (const auto held = inherited_hold(path)) {
        const int fd = ::fcntl(static_cast<int>(*held), F_DUPFD_CLOEXEC, 0);
        if (fd < 0) return os_open_error(path, errno);
        return std::unique_ptr<Transport>(std::make_unique<SgIoTransport>(path, fd));
    }
    // O_NONBLOCK: a blocking open of /dev/srN makes the cdrom layer close the tray, wait for
    // the disc to spin up and lock the door; a non-blocking open just gives us the fd.
    // O_RDONLY by default: the kernel's SG_IO command filter lets any opener send the
    // read-class commands (INQUIRY, GET CONFIGURATION, GESN, MODE SENSE ...); the ones that
    // move the tray need write access or CAP_SYS_RAWIO, and the tray code asks for it.
    int flags = (access.write ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC;
    if (access.exclusive) flags |= O_EXCL;
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) return os_open_error(path, errno);
    auto transport = std::make_unique<SgIoTransport>(path, fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))) {
        return make_error(ErrorKind::not_supported,
                          fmt::format("{}: not a device node, cannot send SCSI commands", path));
    }
    int version = 0;
    if (::ioctl(fd, SG_GET_VERSION_NUM, &version) < 0) {
        return make_error(ErrorKind::not_supported,
                          fmt::format("{}: not a SCSI device (SG_IO is not available: {})", path,
                                      std::strerror(errno)));
    }
    return std::unique_ptr<Transport>(std::move(transport));
}

}  // namespace discrec
