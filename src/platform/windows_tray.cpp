// Windows side of platform/tray.hpp. Not yet implemented (a later step of the Windows port:
// FSCTL_LOCK_VOLUME/FSCTL_DISMOUNT_VOLUME, IOCTL_STORAGE_MEDIA_REMOVAL, IOCTL_CDROM_EXCLUSIVE_ACCESS
// with an owner string, CreateProcess): every operation says so with ErrorKind::not_supported,
// and the read-only questions answer "not known".
#include <fmt/format.h>

#include "platform/tray.hpp"

namespace discrec::platform {
namespace {

Error not_yet(std::string_view what, const DriveLocation* drive) {
    return make_error(ErrorKind::not_supported,
                      fmt::format("{}{}{} is not supported on Windows yet", drive ? drive->name : "",
                                  drive ? ": " : "", what));
}

}  // namespace

Status unmount_medium(const DriveLocation& drive) {
    if (drive.mount_points.empty()) return Ok{};
    return not_yet("dismounting the medium", &drive);
}

Status set_persistent_lock(const DriveLocation& drive, bool /*locked*/) {
    return not_yet("a door lock that outlives discrec", &drive);
}

MediaPolling media_polling(const DriveLocation& /*drive*/, const SystemRoots& /*roots*/) {
    return MediaPolling{std::nullopt, std::nullopt, "not available on Windows yet"};
}

Status set_media_polling(const DriveLocation& drive, long /*interval_ms*/,
                         const SystemRoots& /*roots*/) {
    return not_yet("changing media change notification", &drive);
}

std::optional<ExclusiveOwner> exclusive_owner(const DriveLocation& /*drive*/) {
    return std::nullopt;
}

ExclusiveHold::ExclusiveHold(std::unique_ptr<Transport> transport, std::string record_path)
    : m_transport(std::move(transport)), m_record_path(std::move(record_path)) {}

ExclusiveHold::ExclusiveHold(ExclusiveHold&& other) noexcept
    : m_transport(std::move(other.m_transport)), m_record_path(std::move(other.m_record_path)) {}

ExclusiveHold::~ExclusiveHold() = default;

Result<ExclusiveHold> acquire_exclusive(const DriveLocation& drive, const std::string& /*client*/) {
    return not_yet("exclusive access", &drive);
}

Result<int> run_command(const std::vector<std::string>& /*argv*/) {
    return not_yet("running a command while holding a drive", nullptr);
}

}  // namespace discrec::platform
