// Stop requests by signal, and the kernel's uevents through netlink (Linux).
#include <linux/netlink.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include "platform/watch.hpp"

namespace discrec::platform {
namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int) { g_stop = 1; }

class NetlinkUevents final : public UeventSource {
public:
    explicit NetlinkUevents(int fd) : m_fd(fd) {}
    NetlinkUevents(const NetlinkUevents&) = delete;
    NetlinkUevents& operator=(const NetlinkUevents&) = delete;
    ~NetlinkUevents() override { ::close(m_fd); }

    std::vector<DriveUevent> wait(std::chrono::milliseconds timeout) override {
        // Until an event about an optical drive, the timeout or a stop request: the kernel's
        // other uevents (USB, network, ...) wake poll() but do not end the wait, so that a
        // busy bus costs no extra turn of the watch (and no command to its drives).
        std::vector<DriveUevent> out;
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (out.empty() && !stop_requested()) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                end - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            pollfd p{m_fd, POLLIN, 0};
            // A signal interrupts poll() (the handler is installed without SA_RESTART).
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
            receive(out);
        }
        return out;
    }

private:
    void receive(std::vector<DriveUevent>& out) {
        std::array<char, 8192> buf{};
        while (true) {
            const ssize_t n = ::recv(m_fd, buf.data(), buf.size(), MSG_DONTWAIT);
            if (n < 0 && errno == ENOBUFS) {
                // The socket's buffer overflowed: events were lost, the drives must be
                // enumerated again.
                DriveUevent lost;
                lost.action = "overflow";
                out.push_back(std::move(lost));
                continue;
            }
            if (n <= 0) break;
            auto e = parse_drive_uevent(std::string_view(buf.data(), static_cast<std::size_t>(n)));
            if (!e.name.empty()) out.push_back(std::move(e));
        }
    }

    int m_fd;
};

}  // namespace

void catch_stop_requests() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a wait in poll() ends at once
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

bool stop_requested() { return g_stop != 0; }

Result<std::unique_ptr<UeventSource>> open_uevent_source() {
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT);
    if (fd < 0)
        return make_error(ErrorKind::not_supported,
                          std::string("kernel uevents: socket: ") + std::strerror(errno));
    sockaddr_nl addr{};
    addr.nl_family = AF_NETLINK;
    addr.nl_groups = 1;  // the kernel's own events (udev re-sends on group 2)
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        const int err = errno;
        ::close(fd);
        return make_error(ErrorKind::not_supported,
                          std::string("kernel uevents: bind: ") + std::strerror(err));
    }
    return std::unique_ptr<UeventSource>(std::make_unique<NetlinkUevents>(fd));
}

Result<std::unique_ptr<DriveListChanges>> open_drive_list_changes() {
    return make_error(ErrorKind::not_supported,
                      "drives added or removed: sysfs, read again when a uevent says one came "
                      "or went (every interval where no uevents arrive; no command)");
}

}  // namespace discrec::platform
