// The one interface to a device (ARCHITECTURE.md, transport/): send one CDB, get one
// Completion. OS code lives only in the implementations (linux_sg_io.cpp, windows_spti.cpp).
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "util/bytes.hpp"
#include "util/result.hpp"

namespace discrec {

// A command descriptor block: 6, 10, 12 or 16 bytes.
struct Cdb {
    std::array<std::byte, 16> bytes{};
    std::size_t size = 0;
    [[nodiscard]] ByteSpan span() const noexcept { return {bytes.data(), size}; }
    [[nodiscard]] std::uint8_t opcode() const noexcept {
        return static_cast<std::uint8_t>(bytes[0]);
    }
};

enum class Direction { none, from_device, to_device };

// The direction as `send --json` and recordings spell it: "in", "out" or "none".
constexpr const char* direction_key(Direction d) noexcept {
    switch (d) {
        case Direction::from_device:
            return "in";
        case Direction::to_device:
            return "out";
        case Direction::none:
            break;
    }
    return "none";
}

// An OS call's failure in a form that means the same on every OS: the raw code (errno on
// Linux, GetLastError() on Windows), which OS gave it, and what it means there, classified
// where it happened (the kind, and the OS's own words). A recording made on Windows keeps
// ERROR_ACCESS_DENIED (5) as "permission denied" when replayed on Linux, where 5 is EIO.
struct OsError {
    int code = 0;        // 0: the OS call worked
    std::string system;  // "linux" or "windows": whose code `code` is
    ErrorKind kind = ErrorKind::failure;
    std::string text;  // strerror() / FormatMessage() where it happened
    // This OS's error `code`, classified here (linux_os_error.cpp, windows_os_error.cpp).
    static OsError native(int code);
    explicit operator bool() const noexcept { return code != 0; }
};

// How one command ended, as the OS reported it. `classify()` says which of these matters.
struct Completion {
    std::uint8_t scsi_status = 0;     // SAM status: 0x00 GOOD, 0x02 CHECK CONDITION, 0x08 BUSY ...
    std::vector<std::byte> sense;     // sense bytes as returned (length as the OS reported)
    std::size_t transferred = 0;      // bytes actually moved (buffer size - residual)
    std::uint16_t host_status = 0;    // Linux: DID_* (0 = DID_OK); Windows: 0
    std::uint16_t driver_status = 0;  // Linux: DRIVER_*; Windows: 0
    OsError os_error;                 // set when the OS call itself failed
    bool timed_out = false;           // the command ran past its timeout
    std::chrono::microseconds duration{0};
};

enum class CompletionClass {
    good,       // status GOOD, no transport problem
    sense,      // CHECK CONDITION with sense data (sense may come with a host error: virtio-scsi)
    status,     // another non-GOOD status (BUSY, RESERVATION CONFLICT ...) without sense
    transport,  // host/driver error without sense (device gone, bus reset ...)
    timeout,    // ran past the timeout
    os,         // the OS call failed (errno / GetLastError)
};

// One function decides what a Completion means (sg3_utils sg_pt's categories). Sense data
// wins over a host_status error: QEMU's virtio-scsi returns DID_ERROR *and* valid sense for
// GET PERFORMANCE (shared/vm README), and the sense is the real answer.
CompletionClass classify(const Completion& c) noexcept;

class Transport {
public:
    virtual ~Transport() = default;
    // Sends `cdb`; for Direction::from_device fills `buffer`, for to_device sends it.
    virtual Completion execute(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                               std::chrono::milliseconds timeout) = 0;
    // The device node this transport talks to ("/dev/sr0", "\\.\D:").
    [[nodiscard]] virtual const std::string& path() const noexcept = 0;
};

// Timeouts: every command has one; nothing waits forever on a drive.
inline constexpr std::chrono::milliseconds k_default_timeout{10'000};
inline constexpr std::chrono::milliseconds k_quick_timeout{5'000};
inline constexpr std::chrono::milliseconds k_mechanical_timeout{60'000};

}  // namespace discrec
