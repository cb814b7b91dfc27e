// One CDB through a Transport, with the outcome turned into a value: the returned bytes, or
// an Error whose message names the drive, the command and the decoded sense.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "mmc/sense.hpp"
#include "transport/transport.hpp"
#include "util/bytes.hpp"
#include "util/result.hpp"

namespace discrec::drive {

struct CommandFailure {
    Completion completion;
    std::optional<mmc::SenseData> sense;  // set when the drive answered with sense data
};

// The result of one command: data (for data-in commands: exactly the bytes transferred),
// or the failure with its error message prepared.
struct CommandOutcome {
    Bytes data;
    std::optional<CommandFailure> failure;
    Error error;  // meaningful only when failure is set
    [[nodiscard]] bool ok() const noexcept { return !failure.has_value(); }
};

class CommandRunner {
public:
    CommandRunner(Transport& transport, std::string drive_name)
        : m_transport(transport), m_drive_name(std::move(drive_name)) {}

    // Sends cdb; for data-in commands `allocation` bytes are offered. A unit attention
    // (media changed, power on: 6/28, 6/29) is reported once by the drive and then cleared,
    // so read-only commands are retried after one (at most twice).
    CommandOutcome run(const Cdb& cdb, Direction direction, std::size_t allocation,
                       std::chrono::milliseconds timeout = k_default_timeout,
                       bool retry_unit_attention = true);

    [[nodiscard]] const std::string& drive_name() const noexcept { return m_drive_name; }
    [[nodiscard]] Transport& transport() noexcept { return m_transport; }

private:
    Transport& m_transport;
    std::string m_drive_name;
};

// "sr0: TEST UNIT READY: not ready, medium not present - tray open (sense 2/3a/02)", and the
// ErrorKind that goes with it (no medium, removal prevented = busy, timeout, device error ...).
Error command_error(const std::string& drive_name, const Cdb& cdb, const Completion& completion,
                    const std::optional<mmc::SenseData>& sense);

}  // namespace discrec::drive
