#include "drive/command.hpp"

#include <doctest/doctest.h>

#include <cerrno>

#include "mmc/cdb.hpp"

using namespace discrec;

namespace {

// The OS's "not permitted" for a command the device was opened for: Linux EPERM from the
// SG_IO command filter, Windows ERROR_ACCESS_DENIED (5) from SPTI.
#if defined(_WIN32)
constexpr int k_not_permitted = 5;
constexpr const char* k_rule = "only to administrators";
#else
constexpr int k_not_permitted = EPERM;
constexpr const char* k_rule = "the kernel allows this command only to root";
#endif

}  // namespace

TEST_CASE("drive::command_error: a command the OS does not permit is exit 4 and says who may") {
    Completion refused;
    refused.os_error = OsError::native(k_not_permitted);
    const Error e = drive::command_error("sr0", mmc::test_unit_ready(), refused, std::nullopt);
    CHECK(e.kind == ErrorKind::permission_denied);
    CHECK(exit_code_for(e.kind) == ExitCode::permission_denied);
    CHECK(e.message.starts_with("sr0: TEST UNIT READY: not permitted: "));
    CHECK(e.message.find(k_rule) != std::string::npos);
}
