// Errors are values: every layer below main.cpp returns Result<T>; main.cpp alone turns an
// Error into a one-line message and an exit code (see ExitCode).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace discrec {

// The documented exit codes (README "Exit codes", man page EXIT STATUS, --help).
enum class ExitCode : int {
    ok = 0,
    failure = 1,            // anything not listed below (internal error, I/O error)
    usage = 2,              // bad options or arguments
    no_such_drive = 3,      // the DRIVE spelling matches no optical drive
    permission_denied = 4,  // cannot open the device node (see the cdrom group)
    device_busy = 5,        // held exclusively, mounted, or removal prevented
    device_error = 6,       // the drive answered with CHECK CONDITION (sense decoded)
    timeout = 7,            // the drive did not answer within the command's timeout
    not_supported = 8,      // the drive or platform cannot do what was asked
    no_medium = 9,          // the operation needs a medium and there is none
    check_failed = 10,      // `discrec check`: an assertion does not hold
};

enum class ErrorKind {
    failure,
    usage,
    no_such_drive,
    permission_denied,
    device_busy,
    device_error,
    timeout,
    not_supported,
    no_medium,
};

constexpr ExitCode exit_code_for(ErrorKind kind) noexcept {
    switch (kind) {
        case ErrorKind::failure:
            return ExitCode::failure;
        case ErrorKind::usage:
            return ExitCode::usage;
        case ErrorKind::no_such_drive:
            return ExitCode::no_such_drive;
        case ErrorKind::permission_denied:
            return ExitCode::permission_denied;
        case ErrorKind::device_busy:
            return ExitCode::device_busy;
        case ErrorKind::device_error:
            return ExitCode::device_error;
        case ErrorKind::timeout:
            return ExitCode::timeout;
        case ErrorKind::not_supported:
            return ExitCode::not_supported;
        case ErrorKind::no_medium:
            return ExitCode::no_medium;
    }
    return ExitCode::failure;
}

// The snake_case name of a kind, as JSON documents and recordings spell it.
constexpr const char* error_kind_name(ErrorKind kind) noexcept {
    switch (kind) {
        case ErrorKind::failure:
            return "failure";
        case ErrorKind::usage:
            return "usage";
        case ErrorKind::no_such_drive:
            return "no_such_drive";
        case ErrorKind::permission_denied:
            return "permission_denied";
        case ErrorKind::device_busy:
            return "device_busy";
        case ErrorKind::device_error:
            return "device_error";
        case ErrorKind::timeout:
            return "timeout";
        case ErrorKind::not_supported:
            return "not_supported";
        case ErrorKind::no_medium:
            return "no_medium";
    }
    return "failure";
}
inline constexpr ErrorKind k_error_kinds[] = {
    ErrorKind::failure,           ErrorKind::usage,         ErrorKind::no_such_drive,
    ErrorKind::permission_denied, ErrorKind::device_busy,   ErrorKind::device_error,
    ErrorKind::timeout,           ErrorKind::not_supported, ErrorKind::no_medium,
};

// The sense code a drive answered with (SPC-4 §4.5): kept with the error so that code decides
// on these facts (mmc/sense.hpp says what they mean), never on the message's words.
struct SenseCode {
    std::uint8_t key = 0;
    std::uint8_t asc = 0;
    std::uint8_t ascq = 0;
};

struct Error {
    ErrorKind kind = ErrorKind::failure;
    std::string message;  // one line, no trailing newline: "sr0: TEST UNIT READY: ..."
    std::optional<SenseCode> sense = std::nullopt;  // the drive's answer, when it gave one
};

// A small expected<T, Error>: std::expected is C++23 and the project is C++20.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}      // NOLINT
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}  // NOLINT

    [[nodiscard]] bool has_value() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const& { return std::get<1>(m_state); }
    Error&& error() && { return std::get<1>(std::move(m_state)); }

private:
    std::variant<T, Error> m_state;
};

struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorKind kind, std::string message) {
    return Error{kind, std::move(message)};
}

}  // namespace discrec
