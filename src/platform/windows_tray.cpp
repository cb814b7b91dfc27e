// Windows side of platform/tray.hpp.
//
// - Releasing the medium (eject --unmount, lock --exclusive --force): FSCTL_LOCK_VOLUME, which
//   fails while any file or directory on the volume is open, then FSCTL_DISMOUNT_VOLUME
//   (what Explorer's "Eject" does). A volume in use is never taken away.
// - The door lock: IOCTL_STORAGE_MEDIA_REMOVAL is counted per handle by the class driver and
//   released when that handle closes (classpnp/cdrom.sys), so Windows has no lock that
//   outlives discrec; set_persistent_lock says so instead of pretending.
// - Exclusive access: IOCTL_CDROM_EXCLUSIVE_ACCESS with a caller name, as IMAPI2's
//   AcquireExclusiveAccess does it; the owner's name is what ExclusiveAccessQueryState reports.
// - Media change polling: cdrom.sys polls on its own and offers no per-drive setting that
//   outlives a handle (IMAPI2's DisableMcn lasts only while its handle is open).
// - run_command: CreateProcess, waiting for the child while Ctrl+C goes to it.
#include <fmt/format.h>

#include <cstring>

#include "platform/os.hpp"
#include "platform/tray.hpp"
#include "platform/windows_devices.hpp"
#include "transport/os_error.hpp"
#include "transport/windows_detail.hpp"

namespace discrec::platform {
namespace {

using windows_detail::error_text;
using windows_detail::open_device;
using windows_detail::UniqueHandle;
namespace cdrom = windows_detail::cdrom;

// "D:" already ends in a colon; "CdRom1" does not: messages say "D: ..." and "CdRom1: ...".
std::string subject(const DriveLocation& drive) {
    return !drive.name.empty() && drive.name.back() == ':' ? drive.name : drive.name + ":";
}

bool ioctl(HANDLE handle, DWORD code, const void* in, DWORD in_size, void* out, DWORD out_size) {
    DWORD returned = 0;
    return ::DeviceIoControl(handle, code, const_cast<void*>(in), in_size, out, out_size, &returned,
                             nullptr) != 0;
}

bool unsupported(DWORD error) {
    return error == ERROR_INVALID_FUNCTION || error == ERROR_NOT_SUPPORTED ||
           error == ERROR_INVALID_PARAMETER || error == ERROR_CALL_NOT_IMPLEMENTED;
}

// The name the drive's volume opens under: \\.\D: for a letter, else the volume GUID path
// without its trailing backslash (CreateFile opens the volume, not its root directory), else
// the class device.
std::string volume_device(const DriveLocation& drive) {
    if (win32::parse_spelling(drive.name).kind == win32::Spelling::Kind::letter) {
        return drive.block_device;
    }
    for (const auto& name : drive.stable_names) {
        if (name.rfind("\\\\?\\Volume{", 0) == 0) {
            return name.back() == '\\' ? name.substr(0, name.size() - 1) : name;
        }
    }
    return drive.block_device;
}

// FSCTL_LOCK_VOLUME then FSCTL_DISMOUNT_VOLUME on `handle`. The volume lock lasts as long as the
// handle: while we hold it, nothing can open a file on the volume or mount it again.
Status lock_and_dismount(HANDLE handle, const DriveLocation& drive) {
    const std::string where = drive.mount_points.empty() ? drive.name : drive.mount_points.front();
    if (!ioctl(handle, FSCTL_LOCK_VOLUME, nullptr, 0, nullptr, 0)) {
        const DWORD error = ::GetLastError();
        if (error == ERROR_NOT_READY) return Ok{};  // no medium: no file system to release
        if (error == ERROR_ACCESS_DENIED || error == ERROR_SHARING_VIOLATION) {
            return make_error(ErrorKind::device_busy,
                              fmt::format("{} cannot dismount {}: files on it are open "
                                          "(FSCTL_LOCK_VOLUME: {})",
                                          subject(drive), where, error_text(error)));
        }
        if (!unsupported(error)) {
            return make_error(ErrorKind::failure,
                              fmt::format("{} cannot lock the volume on {}: {}", subject(drive),
                                          where, error_text(error)));
        }
        // No volume locking (e.g. Wine): the dismount below still says whether it worked.
    }
    if (!ioctl(handle, FSCTL_DISMOUNT_VOLUME, nullptr, 0, nullptr, 0)) {
        const DWORD error = ::GetLastError();
        if (error == ERROR_NOT_READY) return Ok{};
        return make_error(unsupported(error) ? ErrorKind::not_supported : ErrorKind::failure,
                          fmt::format("{} cannot dismount {} (FSCTL_DISMOUNT_VOLUME: {})",
                                      subject(drive), where, error_text(error)));
    }
    return Ok{};
}

std::optional<ExclusiveOwner> query_owner(HANDLE handle) {
    cdrom::ExclusiveAccess query{cdrom::query_state, 0};
    cdrom::ExclusiveLockState state{};
    if (!ioctl(handle, cdrom::k_ioctl_exclusive_access, &query, sizeof(query), &state,
               sizeof(state)) ||
        !state.lock_state) {
        return std::nullopt;
    }
    const auto* first = reinterpret_cast<const char*>(state.caller_name);
    const auto* end = static_cast<const char*>(std::memchr(first, '\0', sizeof(state.caller_name)));
    // Windows does not say which process holds the lock: pid 0.
    return ExclusiveOwner{0, std::string(first, end ? end : first + sizeof(state.caller_name))};
}

}  // namespace

Status os::unmount_medium(const DriveLocation& drive) {
    if (drive.mount_points.empty()) return Ok{};
    const auto path = volume_device(drive);
    const auto handle =
        open_device(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE);
    if (!handle.valid()) return os_open_error(path, static_cast<int>(::GetLastError()));
    return lock_and_dismount(handle.get(), drive);
}

Status os::set_persistent_lock(const DriveLocation& drive, bool locked) {
    // cdrom.sys counts IOCTL_STORAGE_MEDIA_REMOVAL locks per handle and sends ALLOW MEDIUM
    // REMOVAL when the handle that took them closes: a lock cannot outlive discrec, and there
    // is no lock of ours left to release. (Wine maps the IOCTL to Linux CDROM_LOCKDOOR, which
    // does persist: that is Wine, not Windows.)
    const std::string why =
        locked ? fmt::format(
                     "Windows releases a tray lock when the program that set it exits, "
                     "so 'discrec lock' cannot keep the tray locked; use 'discrec lock "
                     "--exclusive {} -- COMMAND' to keep it locked while COMMAND runs",
                     drive.name)
               : fmt::format(
                     "discrec leaves no tray lock behind on Windows, so there is none to "
                     "release; a lock another program holds ends when it closes the "
                     "drive ('discrec eject --force {}' sends ALLOW MEDIUM REMOVAL first)",
                     drive.name);
    return make_error(ErrorKind::not_supported, fmt::format("{} {}", subject(drive), why));
}

MediaPolling os::media_polling(const DriveLocation& /*drive*/, const SystemRoots& /*roots*/) {
    return MediaPolling{std::nullopt, std::nullopt,
                        "not available on Windows: cdrom.sys polls for media changes itself and "
                        "has no per-drive setting"};
}

Status os::set_media_polling(const DriveLocation& drive, long /*interval_ms*/,
                             const SystemRoots& /*roots*/) {
    return make_error(ErrorKind::not_supported,
                      fmt::format("{} Windows has no media change polling setting that outlives "
                                  "a program (IMAPI2's DisableMcn lasts only while its handle is "
                                  "open)",
                                  subject(drive)));
}

std::optional<ExclusiveOwner> os::exclusive_owner(const DriveLocation& drive) {
    // The IOCTL needs read and write access (administrator rights); without them: not known.
    const auto handle = open_device(drive.block_device, GENERIC_READ | GENERIC_WRITE,
                                    FILE_SHARE_READ | FILE_SHARE_WRITE);
    if (!handle.valid()) return std::nullopt;
    return query_owner(handle.get());
}

// The hold is the handle inside the transport: closing it (the Drive that owns the transport
// going away, or the process ending in any way) releases the exclusive lock and the volume
// lock in cdrom.sys and the file system; the duplicate handed to COMMAND is closed here.
// The constructors are OS-neutral (facts.cpp); releasing the hold is not.
ExclusiveHold::~ExclusiveHold() {
    if (m_handoff != -1) ::CloseHandle(reinterpret_cast<HANDLE>(m_handoff));
}

Result<ExclusiveHold> os::acquire_exclusive(const DriveLocation& drive, const std::string& client) {
    auto handle = open_device(drive.block_device, GENERIC_READ | GENERIC_WRITE,
                              FILE_SHARE_READ | FILE_SHARE_WRITE);
    if (!handle.valid()) {
        return os_open_error(drive.block_device, static_cast<int>(::GetLastError()));
    }
    if (auto owner = query_owner(handle.get())) {
        return make_error(ErrorKind::device_busy,
                          fmt::format("{} held exclusively by {}", subject(drive), owner->client));
    }
    // cdrom.sys refuses exclusive access while a file system is mounted (unless told to ignore
    // it): take the volume away first, and keep it locked through this handle.
    ULONG flags = 0;
    if (!drive.mount_points.empty()) {
        if (auto st = lock_and_dismount(handle.get(), drive); !st) {
            Error e = st.error();
            if (e.kind == ErrorKind::device_busy) {
                e.message = fmt::format(
                    "{} cannot take exclusive access: the medium is mounted on "
                    "{} and in use",
                    subject(drive), drive.mount_points.front());
            }
            return e;
        }
        flags = cdrom::k_lock_ignore_volume;  // ours is the only handle on the volume now
    }
    cdrom::ExclusiveLock request{};
    request.access = {cdrom::lock_device, flags};
    const auto name = win32::exclusive_caller_name(client);
    std::memcpy(request.caller_name, name.data(), name.size());
    if (!ioctl(handle.get(), cdrom::k_ioctl_exclusive_access, &request, sizeof(request), nullptr,
               0)) {
        const DWORD error = ::GetLastError();
        if (unsupported(error)) {
            return make_error(ErrorKind::not_supported,
                              fmt::format("{} the driver does not offer exclusive access "
                                          "(IOCTL_CDROM_EXCLUSIVE_ACCESS: {})",
                                          subject(drive), error_text(error)));
        }
        if (error == ERROR_ACCESS_DENIED) {
            return make_error(ErrorKind::device_busy,
                              fmt::format("{} cannot take exclusive access: another program holds "
                                          "it exclusively",
                                          subject(drive)));
        }
        if (error == ERROR_BAD_COMMAND) {  // STATUS_INVALID_DEVICE_STATE: a file system is mounted
            return make_error(ErrorKind::device_busy,
                              fmt::format("{} cannot take exclusive access: a file system is "
                                          "mounted (--force dismounts it)",
                                          subject(drive)));
        }
        return make_error(ErrorKind::failure, fmt::format("{} cannot take exclusive access: {}",
                                                          subject(drive), error_text(error)));
    }
    // The handle COMMAND inherits: a duplicate of the locked one (the same file object, which
    // cdrom.sys lets through; a handle of COMMAND's own would be refused).
    HANDLE handoff = nullptr;
    if (!::DuplicateHandle(::GetCurrentProcess(), handle.get(), ::GetCurrentProcess(), &handoff, 0,
                           TRUE, DUPLICATE_SAME_ACCESS)) {
        handoff = nullptr;
    }
    return ExclusiveHold(windows_detail::spti_transport(drive.block_device, std::move(handle)), "",
                         handoff != nullptr ? reinterpret_cast<std::intptr_t>(handoff) : -1,
                         drive.block_device);
}

namespace {

// Ctrl+C and Ctrl+Break reach every process on the console, the child included: we ignore
// them while it runs, so that we always get control back to release the drive.
BOOL WINAPI ignore_console_event(DWORD /*event*/) { return TRUE; }

}  // namespace

// Sets an environment variable for the children started while it lives (and restores it).
class ChildVariable {
public:
    ChildVariable(const wchar_t* name, const std::wstring& value) : m_name(name) {
        if (!value.empty()) m_set = ::SetEnvironmentVariableW(name, value.c_str()) != 0;
    }
    ChildVariable(const ChildVariable&) = delete;
    ChildVariable& operator=(const ChildVariable&) = delete;
    ~ChildVariable() {
        if (m_set) ::SetEnvironmentVariableW(m_name, nullptr);
    }

private:
    const wchar_t* m_name;
    bool m_set = false;
};

Result<int> os::run_command(const std::vector<std::string>& argv, const ExclusiveHold* hold) {
    if (argv.empty()) return make_error(ErrorKind::usage, "no command to run");
    // The hold passes on to the command (transport/device.hpp): the inheritable duplicate, and
    // the variable naming it.
    const bool hand_off = hold != nullptr && hold->handoff() != -1;
    const ChildVariable variable(
        L"DISCREC_EXCLUSIVE_HOLD",
        hand_off ? windows_detail::widen(fmt::format("{} {} {}", ::GetCurrentProcessId(),
                                                     hold->handoff(), hold->device()))
                 : std::wstring{});
    std::wstring line = win32::command_line(argv);
    STARTUPINFOW startup{};
    startup.cb = sizeof(startup);
    PROCESS_INFORMATION process{};
    // No application name: CreateProcess takes the first token, adds ".exe" and searches the
    // directory of discrec.exe, the current directory, the system directories and PATH.
    if (!::CreateProcessW(nullptr, line.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr,
                          &startup, &process)) {
        const DWORD error = ::GetLastError();
        return make_error(error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND
                              ? ErrorKind::usage
                              : ErrorKind::failure,
                          fmt::format("cannot run '{}': {}", argv.front(), error_text(error)));
    }
    UniqueHandle child(process.hProcess);
    UniqueHandle thread(process.hThread);
    ::SetConsoleCtrlHandler(ignore_console_event, TRUE);
    ::WaitForSingleObject(child.get(), INFINITE);
    ::SetConsoleCtrlHandler(ignore_console_event, FALSE);
    DWORD status = 1;
    ::GetExitCodeProcess(child.get(), &status);
    // Exit codes above 255 are NTSTATUS values of a crash or of Ctrl+C
    // (STATUS_CONTROL_C_EXIT): 130 for the latter, as a shell reports SIGINT, else 255.
    if (status == 0xC000013AUL) return 130;
    return status > 255 ? 255 : static_cast<int>(status);
}

}  // namespace discrec::platform
