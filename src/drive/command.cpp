#include "drive/command.hpp"

#include <cstring>

#include <fmt/format.h>

#include "mmc/tables/opcodes.hpp"
#include "transport/os_error.hpp"
#include "transport/tracing.hpp"
#include "util/subject.hpp"

namespace discrec::drive {
namespace {

// Which ErrorKind a sense answer means for the user (exit code): no medium and medium
// removal prevented get their own; everything else is the drive reporting an error.
ErrorKind kind_for_sense(const SenseCode& sense) {
    if (mmc::means_no_medium(sense)) return ErrorKind::no_medium;
    if (mmc::means_removal_prevented(sense)) return ErrorKind::device_busy;
    if (mmc::means_unsupported_command(sense)) return ErrorKind::not_supported;
    return ErrorKind::device_error;
}

// Linux DID_* host codes that mean the device is gone rather than that it failed a command.
bool device_gone(const Completion& c) {
    constexpr std::uint16_t k_did_no_connect = 0x01;
    constexpr std::uint16_t k_did_bad_target = 0x04;
    return c.host_status == k_did_no_connect || c.host_status == k_did_bad_target;
}

}  // namespace

Error command_error(const std::string& drive_name, const Cdb& cdb, const Completion& completion,
                    const std::optional<mmc::SenseData>& sense) {
    const std::string what =
        fmt::format("{} {}", message_subject(drive_name), mmc::command_label(cdb.opcode()));
    switch (classify(completion)) {
        case CompletionClass::good:
            return make_error(ErrorKind::failure, what + ": succeeded");
        case CompletionClass::sense:
            if (sense && sense->usable()) {
                Error e = make_error(kind_for_sense(sense->code()),
                                     fmt::format("{}: {}", what, mmc::describe_sense(*sense)));
                e.sense = sense->code();
                return e;
            }
            return make_error(ErrorKind::device_error,
                              what + ": check condition with unusable sense data");
        case CompletionClass::timeout:
            return make_error(ErrorKind::timeout, what + ": timed out (the drive did not answer)");
        case CompletionClass::os: {
            const ErrorKind kind = os_error_kind(completion.os_error);
            if (kind == ErrorKind::no_such_drive) {
                return make_error(kind, fmt::format("{}: the drive is gone ({})", what,
                                                    os_error_text(completion.os_error)));
            }
            if (kind == ErrorKind::permission_denied) {
                return make_error(
                    kind, fmt::format("{}: not permitted: {}", what, command_permission_hint()));
            }
            return make_error(kind,
                              fmt::format("{}: {}", what, describe_completion_status(completion)));
        }
        case CompletionClass::transport:
            if (device_gone(completion)) {
                return make_error(ErrorKind::no_such_drive,
                                  fmt::format("{}: the drive is gone ({})", what,
                                              describe_completion_status(completion)));
            }
            return make_error(ErrorKind::device_error,
                              fmt::format("{}: transport error ({})", what,
                                          describe_completion_status(completion)));
        case CompletionClass::status:
            return make_error(mmc::means_busy(completion.scsi_status) ? ErrorKind::device_busy
                                                                      : ErrorKind::device_error,
                              fmt::format("{}: {}", what, describe_completion_status(completion)));
    }
    return make_error(ErrorKind::failure, what + ": failed");
}

CommandOutcome CommandRunner::run(const Cdb& cdb, Direction direction, std::size_t allocation,
                                  std::chrono::milliseconds timeout, bool retry_unit_attention) {
    constexpr int k_max_attempts = 3;
    CommandOutcome out;
    for (int attempt = 1; attempt <= k_max_attempts; ++attempt) {
        out = CommandOutcome{};
        out.data.assign(allocation, std::byte{0});
        const Completion c = m_transport.execute(cdb, direction, out.data, timeout);
        if (classify(c) == CompletionClass::good) {
            out.data.resize(std::min(c.transferred, out.data.size()));
            return out;
        }
        std::optional<mmc::SenseData> sense;
        if (!c.sense.empty()) sense = mmc::decode_sense(c.sense);
        out.data.clear();
        out.failure = CommandFailure{c, sense};
        out.error = command_error(m_drive_name, cdb, c, sense);
        const bool unit_attention =
            sense && sense->usable() && sense->key == mmc::sense_key::unit_attention;
        if (!(retry_unit_attention && unit_attention)) break;
    }
    return out;
}

}  // namespace discrec::drive
