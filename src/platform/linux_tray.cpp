#include <fcntl.h>
#include <linux/cdrom.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "platform/linux_sysfs.hpp"
#include "platform/os.hpp"
#include "platform/tray.hpp"
#include "transport/device.hpp"
#include "transport/os_error.hpp"

namespace discrec::platform {
namespace {

// Owner records live where every user may write and every user may read: /run/lock is a
// sticky, world-writable tmpfs on Debian (and the VM test guests create it).
constexpr const char* k_owner_dir = "/run/lock";

std::string owner_record_path(const DriveLocation& drive) {
    return fmt::format("{}/discrec-{}.owner", k_owner_dir, drive.name);
}

bool process_alive(int pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

// Closes the fd on every path.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

Status os::unmount_medium(const DriveLocation& drive) {
    // Innermost (last mounted) first, so a mount stacked on another comes off before it.
    for (auto it = drive.mount_points.rbegin(); it != drive.mount_points.rend(); ++it) {
        if (::umount2(it->c_str(), 0) != 0) {
            const int err = errno;
            const ErrorKind kind = err == EPERM   ? ErrorKind::permission_denied
                                   : err == EBUSY ? ErrorKind::device_busy
                                                  : ErrorKind::failure;
            return make_error(kind, fmt::format("{}: cannot unmount {}: {}", drive.name, *it,
                                                std::strerror(err)));
        }
    }
    return Ok{};
}

Status os::set_persistent_lock(const DriveLocation& drive, bool locked) {
    if (drive.block_device.empty()) {
        return make_error(ErrorKind::not_supported,
                          fmt::format("{}: no block device (sr module not loaded): the kernel "
                                      "cannot keep a lock for it",
                                      drive.name));
    }
    Fd fd(::open(drive.block_device.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.fd < 0) return os_open_error(drive.block_device, errno);
    if (::ioctl(fd.fd, CDROM_LOCKDOOR, locked ? 1 : 0) == 0) return Ok{};
    const int err = errno;
    if (err == EOPNOTSUPP || err == ENOSYS) {
        return make_error(ErrorKind::not_supported,
                          fmt::format("{}: the drive cannot lock its tray", drive.name));
    }
    if (err == EBUSY) {
        // cdrom_ioctl_lock_door: unlocking while others have the drive open needs CAP_SYS_ADMIN.
        return make_error(ErrorKind::device_busy,
                          fmt::format("{}: other programs have the drive open; only root may "
                                      "unlock it now",
                                      drive.name));
    }
    return make_error(ErrorKind::device_error,
                      fmt::format("{}: {} the tray failed: {}", drive.name,
                                  locked ? "locking" : "unlocking", std::strerror(err)));
}

MediaPolling os::media_polling(const DriveLocation& drive, const SystemRoots& roots) {
    MediaPolling p;
    const auto attr = roots.sys / "block" / drive.name / "events_poll_msecs";
    p.source = "/sys/block/" + drive.name + "/events_poll_msecs";
    if (auto v = linux_detail::read_attribute(attr); !v.empty()) {
        try {
            p.interval_ms = std::stol(v);
        } catch (const std::exception&) {
        }
    }
    const auto dfl = roots.sys / "module" / "block" / "parameters" / "events_dfl_poll_msecs";
    if (auto v = linux_detail::read_attribute(dfl); !v.empty()) {
        try {
            p.default_ms = std::stol(v);
        } catch (const std::exception&) {
        }
    }
    return p;
}

Status os::set_media_polling(const DriveLocation& drive, long interval_ms,
                             const SystemRoots& roots) {
    const auto attr = roots.sys / "block" / drive.name / "events_poll_msecs";
    std::ofstream out(attr);
    out << interval_ms << '\n';
    out.flush();
    if (!out) {
        const int err = errno;
        return make_error(
            err == EACCES || err == EPERM ? ErrorKind::permission_denied : ErrorKind::not_supported,
            fmt::format("{}: cannot set media polling ({}): {}", drive.name, attr.string(),
                        std::strerror(err)));
    }
    return Ok{};
}

std::optional<ExclusiveOwner> os::exclusive_owner(const DriveLocation& drive) {
    std::ifstream in(owner_record_path(drive));
    ExclusiveOwner owner;
    if (!(in >> owner.pid)) return std::nullopt;
    std::getline(in >> std::ws, owner.client);
    if (!process_alive(owner.pid)) return std::nullopt;  // stale: its holder died
    return owner;
}

// The constructors are OS-neutral (facts.cpp); releasing the hold is not.
ExclusiveHold::~ExclusiveHold() {
    if (!m_record_path.empty()) ::unlink(m_record_path.c_str());
    if (m_handoff >= 0) ::close(static_cast<int>(m_handoff));
}

Result<ExclusiveHold> os::acquire_exclusive(const DriveLocation& drive, const std::string& client) {
    if (auto owner = os::exclusive_owner(drive)) {
        return make_error(ErrorKind::device_busy,
                          fmt::format("{}: held by {} {}", drive.name, owner->pid, owner->client));
    }
    if (drive.block_device.empty()) {
        return make_error(ErrorKind::not_supported,
                          drive.name + ": no block device to hold exclusively");
    }
    auto transport = open_device_transport(drive.block_device, {.write = true, .exclusive = true});
    if (!transport) {
        if (transport.error().kind != ErrorKind::device_busy) return transport.error();
        if (!drive.mount_points.empty()) {
            return make_error(ErrorKind::device_busy,
                              fmt::format("{}: cannot take exclusive access: the medium is "
                                          "mounted on {} (--force unmounts it)",
                                          drive.name, drive.mount_points.front()));
        }
        return make_error(ErrorKind::device_busy,
                          fmt::format("{}: cannot take exclusive access: another program holds "
                                      "it exclusively",
                                      drive.name));
    }
    const std::string record = owner_record_path(drive);
    {
        std::ofstream out(record, std::ios::trunc);
        out << ::getpid() << ' ' << client << '\n';
    }
    // The descriptor COMMAND inherits: a plain open beside our O_EXCL one (which refuses only
    // other exclusive opens and mounts), so the hold itself stays ours alone.
    const int handoff = ::open(drive.block_device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    return ExclusiveHold(std::move(transport).value(), record, handoff, drive.block_device);
}

namespace {

volatile std::sig_atomic_t g_child_pid = 0;

extern "C" void forward_signal(int sig) {
    if (g_child_pid > 0) ::kill(static_cast<pid_t>(g_child_pid), sig);
}

}  // namespace

Result<int> os::run_command(const std::vector<std::string>& argv, const ExclusiveHold* hold) {
    if (argv.empty()) return make_error(ErrorKind::usage, "no command to run");
    const bool hand_off = hold != nullptr && hold->handoff() >= 0;
    const std::string handoff_value =
        hand_off ? fmt::format("{} {} {}", ::getpid(), hold->handoff(), hold->device())
                 : std::string{};
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        return make_error(ErrorKind::failure, fmt::format("pipe: {}", std::strerror(errno)));
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    struct sigaction forward {};
    forward.sa_handler = forward_signal;
    sigemptyset(&forward.sa_mask);
    struct sigaction old_int {
    }, old_term{}, old_hup{};
    ::sigaction(SIGINT, &forward, &old_int);
    ::sigaction(SIGTERM, &forward, &old_term);
    ::sigaction(SIGHUP, &forward, &old_hup);

    const pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGHUP, SIG_DFL);
        ::signal(SIGPIPE, SIG_DFL);
        if (hand_off) {  // the hold passes on to the command (transport/device.hpp)
            ::fcntl(static_cast<int>(hold->handoff()), F_SETFD, 0);
            ::setenv(k_hold_variable, handoff_value.c_str(), 1);
        }
        ::execvp(args[0], args.data());
        const int err = errno;
        (void)!::write(pipe_fds[1], &err, sizeof err);
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    Result<int> result = make_error(ErrorKind::failure, "fork failed");
    if (pid > 0) {
        g_child_pid = pid;
        int exec_errno = 0;
        const bool exec_failed = ::read(pipe_fds[0], &exec_errno, sizeof exec_errno) ==
                                 static_cast<ssize_t>(sizeof exec_errno);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        g_child_pid = 0;
        if (exec_failed) {
            result =
                make_error(exec_errno == ENOENT ? ErrorKind::usage : ErrorKind::failure,
                           fmt::format("cannot run '{}': {}", argv[0], std::strerror(exec_errno)));
        } else {
            result = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
    } else {
        result = make_error(ErrorKind::failure, fmt::format("fork: {}", std::strerror(errno)));
    }
    ::close(pipe_fds[0]);
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGTERM, &old_term, nullptr);
    ::sigaction(SIGHUP, &old_hup, nullptr);
    return result;
}

}  // namespace discrec::platform
