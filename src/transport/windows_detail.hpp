// Windows-only helpers shared by transport/windows_*.cpp and platform/windows_*.cpp: a RAII
// owner for HANDLEs, UTF-8 <-> UTF-16 conversion and the text of a GetLastError() code.
// Included only from windows_* files (never from shared code).
#pragma once

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#include <winioctl.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "transport/transport.hpp"

namespace discrec::windows_detail {

// Owns one kernel HANDLE (ccache util/fd.hpp style): closed exactly once, on every path.
class UniqueHandle {
public:
    UniqueHandle() noexcept = default;
    explicit UniqueHandle(HANDLE handle) noexcept : m_handle(handle) {}
    UniqueHandle(UniqueHandle&& other) noexcept : m_handle(other.m_handle) {
        other.m_handle = INVALID_HANDLE_VALUE;
    }
    UniqueHandle& operator=(UniqueHandle&& other) noexcept {
        if (this != &other) {
            reset();
            m_handle = other.m_handle;
            other.m_handle = INVALID_HANDLE_VALUE;
        }
        return *this;
    }
    UniqueHandle(const UniqueHandle&) = delete;
    UniqueHandle& operator=(const UniqueHandle&) = delete;
    ~UniqueHandle() { reset(); }

    [[nodiscard]] HANDLE get() const noexcept { return m_handle; }
    [[nodiscard]] bool valid() const noexcept {
        return m_handle != INVALID_HANDLE_VALUE && m_handle != nullptr;
    }
    void reset() noexcept {
        if (valid()) ::CloseHandle(m_handle);
        m_handle = INVALID_HANDLE_VALUE;
    }

private:
    HANDLE m_handle = INVALID_HANDLE_VALUE;
};

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view utf16);

// "Access is denied. (error 5)": the system's message for a GetLastError() code.
std::string error_text(DWORD code);

// Opens a device for DeviceIoControl. `access` 0 is a query-only open: it needs no
// administrator rights and never touches the medium (IOCTL_STORAGE_GET_DEVICE_NUMBER,
// IOCTL_SCSI_GET_ADDRESS, IOCTL_STORAGE_QUERY_PROPERTY work on it).
UniqueHandle open_device(const std::string& path, DWORD access, DWORD share_mode);

// A pass-through transport over a handle the caller opened (and perhaps prepared: volume
// locked, exclusive access taken), so that every command goes through that same handle.
std::unique_ptr<Transport> spti_transport(std::string path, UniqueHandle handle);

// IOCTL_CDROM_EXCLUSIVE_ACCESS (Windows Vista and later cdrom.sys; IMAPI2's
// AcquireExclusiveAccess). mingw-w64's ntddcdrm.h lacks it, so the code and the structures are
// spelled out here as the Windows SDK's ntddcdrm.h lays them out:
//   #define IOCTL_CDROM_EXCLUSIVE_ACCESS CTL_CODE(IOCTL_CDROM_BASE, 0x0017, METHOD_BUFFERED,
//                                                 FILE_READ_ACCESS | FILE_WRITE_ACCESS)
//   typedef enum _EXCLUSIVE_ACCESS_REQUEST_TYPE { ExclusiveAccessQueryState,
//       ExclusiveAccessLockDevice, ExclusiveAccessUnlockDevice } ...;
//   typedef struct _CDROM_EXCLUSIVE_ACCESS { EXCLUSIVE_ACCESS_REQUEST_TYPE RequestType;
//       ULONG Flags; } ...;
//   typedef struct _CDROM_EXCLUSIVE_LOCK { CDROM_EXCLUSIVE_ACCESS Access;
//       UCHAR CallerName[CDROM_EXCLUSIVE_CALLER_LENGTH]; } ...;
//   typedef struct _CDROM_EXCLUSIVE_LOCK_STATE { BOOLEAN LockState;
//       UCHAR CallerName[CDROM_EXCLUSIVE_CALLER_LENGTH]; } ...;
// The lock belongs to the file object that took it: cdrom.sys releases it when that handle is
// closed, so a process that dies cannot leave the drive locked.
namespace cdrom {
constexpr DWORD k_ioctl_exclusive_access = 0x0002c05c;  // CTL_CODE(2, 0x17, 0, 3)
constexpr ULONG k_caller_length = 64;                   // CDROM_EXCLUSIVE_CALLER_LENGTH
constexpr ULONG k_lock_ignore_volume = 0x1;             // CDROM_LOCK_IGNORE_VOLUME
enum RequestType : int { query_state = 0, lock_device = 1, unlock_device = 2 };
struct ExclusiveAccess {
    RequestType request_type;
    ULONG flags;
};
struct ExclusiveLock {
    ExclusiveAccess access;
    UCHAR caller_name[k_caller_length];
};
struct ExclusiveLockState {
    BOOLEAN lock_state;
    UCHAR caller_name[k_caller_length];
};
static_assert(k_ioctl_exclusive_access == CTL_CODE(FILE_DEVICE_CD_ROM, 0x0017, METHOD_BUFFERED,
                                                   FILE_READ_ACCESS | FILE_WRITE_ACCESS));
static_assert(sizeof(ExclusiveAccess) == 8 && sizeof(ExclusiveLock) == 72 &&
              sizeof(ExclusiveLockState) == 65);
}  // namespace cdrom

}  // namespace discrec::windows_detail
