// What `discrec send` checks before a CDB may reach a drive: the CDB as the user typed it
// (hex bytes), and the gate that lets read-only commands through and refuses every other
// class unless the user allowed it. Pure: nothing here opens or sends anything.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "mmc/tables/opcodes.hpp"
#include "transport/transport.hpp"
#include "util/result.hpp"

namespace discrec::mmc {

// A CDB from command-line words: each word one or more hex bytes ("12", "0x12", "120000",
// "12:00", "12,00"), 6 to 16 bytes in all. The length must be the one the opcode's group
// code gives (SPC-4 §4.2.5.1: group 0 six bytes, 1 and 2 ten, 4 sixteen, 5 twelve), so that a
// dropped or doubled byte is caught before it is sent; groups 3, 6 and 7 (reserved, vendor
// specific) take any length from 6 to 16. Errors are usage errors.
Result<Cdb> parse_cdb(std::span<const std::string> words);

struct GateOptions {
    bool data_out = false;        // the command sends data to the drive (--out)
    bool allow_write = false;     // --allow-write: every class but firmware
    bool allow_firmware = false;  // --allow-firmware: firmware too (with --allow-write)
};

struct GateVerdict {
    OpcodeClass command_class = OpcodeClass::unknown;
    std::optional<Error> refusal;  // set (a usage error naming opcode, class and option) when
                                   // the command must not be sent
};

// Read-only commands pass; data-out with a read-only command, and every other class, need
// --allow-write; firmware commands need --allow-firmware as well.
GateVerdict gate_command(const Cdb& cdb, const GateOptions& options);

}  // namespace discrec::mmc
