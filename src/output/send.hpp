// Output of `discrec send`: one command, how it ended (status, sense decoded, residual, time)
// and its data, as text with a hex+ASCII dump or as one JSON document (hex and base64).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "mmc/sense.hpp"
#include "mmc/tables/opcodes.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"
#include "transport/transport.hpp"
#include "util/bytes.hpp"
#include "util/result.hpp"

namespace discrec::output {

struct SendReport {
    platform::DriveLocation drive;
    std::string device;  // the node the command went through
    Cdb cdb;
    mmc::OpcodeClass command_class = mmc::OpcodeClass::unknown;
    Direction direction = Direction::none;
    std::size_t length = 0;  // bytes offered (data in) or sent (data out)
    std::chrono::milliseconds timeout{0};
    Completion completion;
    std::optional<mmc::SenseData> sense;
    Bytes data;                  // data in: the bytes transferred, only when status is GOOD
    std::optional<Error> error;  // how the command failed, when it did
};

void print_send(const OutputOptions& options, const SendReport& report, ExitCode code);

// "0000  12 00 00 00 24 00 00 00  51 45 4d 55 20 20 20 20  |....$...QEMU    |": 16 bytes a
// line, offsets in hex, non-printable bytes as '.'.
std::string hex_dump(ByteSpan data);
// RFC 4648 base64 with padding.
std::string base64(ByteSpan data);

}  // namespace discrec::output
