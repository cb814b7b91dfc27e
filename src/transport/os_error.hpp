// Turns an OS error from opening a device into an Error with the right kind and a message
// that says what to do about it.
#pragma once

#include <string>

#include "transport/transport.hpp"
#include "util/result.hpp"

namespace discrec {

// errno (Linux) or GetLastError() (Windows) from opening `path`.
Error os_open_error(const std::string& path, int os_error);

// The text of an OS error code (errno on Linux, GetLastError() on Windows).
std::string os_error_text(int os_error);

// What an OS error from a command (not an open) means: the device went away, access was
// refused, or something else.
ErrorKind os_error_kind(int os_error);

// The same for an error that may come from another OS (a replayed recording): classified
// where it happened, so these only read what OsError carries.
inline ErrorKind os_error_kind(const OsError& e) { return e.kind; }
inline std::string os_error_text(const OsError& e) { return e.text; }

// The OS whose error codes this build reads: "linux" or "windows" (OsError::system).
const char* os_system_name();

// Why a command the device node was opened for was refused with EPERM/EACCES (Linux: the
// kernel's SG_IO command filter, which lets only CAP_SYS_RAWIO send commands outside its
// lists; Windows: SPTI needs administrator rights), for the message of exit 4.
const char* command_permission_hint();

// The group that grants access to optical drives on this system (Linux: "cdrom").
const char* access_group_hint();

}  // namespace discrec
