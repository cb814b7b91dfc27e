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

#include <string>
#include <string_view>

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

}  // namespace discrec::windows_detail
