#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "transport/os_error.hpp"

namespace discrec {

const char* access_group_hint() {
    return "add the user to the 'cdrom' group (or log in at the seat: udev's uaccess), or run as "
           "root";
}

// drivers/scsi/scsi_ioctl.c scsi_cmd_allowed(): a command outside the filter's read list (and,
// for openers with write access, its write list) needs CAP_SYS_RAWIO. Which commands each
// list holds changes between kernels (seen in the guest: WRITE BUFFER passes a writable
// /dev/sgN, PERSISTENT RESERVE IN passes no open), so the message says no more than this.
const char* command_permission_hint() {
    return "the kernel allows this command only to root (CAP_SYS_RAWIO); some commands also to "
           "a program that opened the drive for writing";
}

const char* os_system_name() { return "linux"; }

std::string os_error_text(int os_error) { return std::strerror(os_error); }

OsError OsError::native(int code) {
    return {code, os_system_name(), os_error_kind(code), os_error_text(code)};
}

ErrorKind os_error_kind(int os_error) {
    switch (os_error) {
        case ENODEV:
        case ENXIO:
        case ENOENT:
            return ErrorKind::no_such_drive;
        case EPERM:
        case EACCES:
            return ErrorKind::permission_denied;
        case EBUSY:
            return ErrorKind::device_busy;
        case ETIMEDOUT:
            return ErrorKind::timeout;
        default:
            return ErrorKind::failure;
    }
}

Error os_open_error(const std::string& path, int os_error) {
    switch (os_error) {
        case EACCES:
        case EPERM:
            return make_error(ErrorKind::permission_denied,
                              fmt::format("{}: permission denied: {}", path, access_group_hint()));
        case ENOENT:
        case ENXIO:
        case ENODEV:
            return make_error(ErrorKind::no_such_drive, fmt::format("{}: no such device ({})", path,
                                                                    std::strerror(os_error)));
        case EBUSY:
            return make_error(ErrorKind::device_busy,
                              fmt::format("{}: device busy (held exclusively or mounted)", path));
        default:
            return make_error(ErrorKind::failure,
                              fmt::format("{}: cannot open: {}", path, std::strerror(os_error)));
    }
}

}  // namespace discrec
