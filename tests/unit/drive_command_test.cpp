#include "drive/command.hpp"

#include <doctest/doctest.h>

#include <cerrno>

#include "mmc/cdb.hpp"

using namespace discrec;

TEST_CASE("drive::command_error: an EPERM from the OS is exit 4 and names the kernel's rule") {
    Completion refused;
    refused.os_error = EPERM;  // SG_IO's command filter (drivers/scsi/scsi_ioctl.c)
    const Error e = drive::command_error("sr0", mmc::test_unit_ready(), refused, std::nullopt);
    CHECK(e.kind == ErrorKind::permission_denied);
    CHECK(exit_code_for(e.kind) == ExitCode::permission_denied);
    CHECK(e.message.starts_with("sr0: TEST UNIT READY: not permitted: "));
    CHECK(e.message.find("only to root") != std::string::npos);
}
