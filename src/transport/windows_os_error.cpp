// Windows: GetLastError() codes from opening a device, and the helpers of windows_detail.hpp.
#include <fmt/format.h>

#include <array>

#include "transport/os_error.hpp"
#include "transport/windows_detail.hpp"

namespace discrec {

namespace windows_detail {

std::wstring widen(std::string_view utf8) {
    if (utf8.empty()) return {};
    const int size = static_cast<int>(utf8.size());
    const int length = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), size, nullptr, 0);
    std::wstring out(static_cast<std::size_t>(length > 0 ? length : 0), L'\0');
    if (length > 0) ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), size, out.data(), length);
    return out;
}

std::string narrow(std::wstring_view utf16) {
    if (utf16.empty()) return {};
    const int size = static_cast<int>(utf16.size());
    const int length =
        ::WideCharToMultiByte(CP_UTF8, 0, utf16.data(), size, nullptr, 0, nullptr, nullptr);
    std::string out(static_cast<std::size_t>(length > 0 ? length : 0), '\0');
    if (length > 0) {
        ::WideCharToMultiByte(CP_UTF8, 0, utf16.data(), size, out.data(), length, nullptr, nullptr);
    }
    return out;
}

std::string error_text(DWORD code) {
    std::array<wchar_t, 512> buffer{};
    const DWORD length =
        ::FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, code,
                         MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), buffer.data(),
                         static_cast<DWORD>(buffer.size()), nullptr);
    std::string text = narrow(std::wstring_view(buffer.data(), length));
    // System messages end in ".\r\n"; the one-line error format wants neither.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' ||
                             text.back() == '.')) {
        text.pop_back();
    }
    if (text.empty()) return fmt::format("error {}", code);
    return fmt::format("{} (error {})", text, code);
}

UniqueHandle open_device(const std::string& path, DWORD access, DWORD share_mode) {
    return UniqueHandle(::CreateFileW(widen(path).c_str(), access, share_mode, nullptr,
                                      OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr));
}

}  // namespace windows_detail

const char* access_group_hint() {
    return "SCSI pass-through needs administrator rights: run from an elevated prompt "
           "(Run as administrator)";
}

const char* command_permission_hint() {
    return "Windows allows this command only to administrators";
}

const char* os_system_name() { return "windows"; }

std::string os_error_text(int os_error) {
    return windows_detail::error_text(static_cast<DWORD>(os_error));
}

OsError OsError::native(int code) {
    return {code, os_system_name(), os_error_kind(code), os_error_text(code)};
}

ErrorKind os_error_kind(int os_error) {
    switch (static_cast<DWORD>(os_error)) {
        case ERROR_FILE_NOT_FOUND:
        case ERROR_PATH_NOT_FOUND:
        case ERROR_BAD_UNIT:
        case ERROR_DEV_NOT_EXIST:
        case ERROR_DEVICE_NOT_CONNECTED:
        case ERROR_INVALID_HANDLE:
            return ErrorKind::no_such_drive;
        case ERROR_ACCESS_DENIED:
            return ErrorKind::permission_denied;
        case ERROR_SHARING_VIOLATION:
        case ERROR_BUSY:
            return ErrorKind::device_busy;
        case ERROR_SEM_TIMEOUT:
        case WAIT_TIMEOUT:
            return ErrorKind::timeout;
        case ERROR_NOT_SUPPORTED:
        case ERROR_INVALID_FUNCTION:
            return ErrorKind::not_supported;
        default:
            return ErrorKind::failure;
    }
}

Error os_open_error(const std::string& path_name, int os_error) {
    // "\\.\D:" ends in a colon already: "\\.\D: access denied", not "\\.\D:: ...".
    const std::string path = !path_name.empty() && path_name.back() == ':'
                                 ? path_name.substr(0, path_name.size() - 1)
                                 : path_name;
    const auto code = static_cast<DWORD>(os_error);
    const auto text = windows_detail::error_text(code);
    switch (code) {
        case ERROR_ACCESS_DENIED:
            return make_error(ErrorKind::permission_denied,
                              fmt::format("{}: access denied: {}", path, access_group_hint()));
        case ERROR_FILE_NOT_FOUND:
        case ERROR_PATH_NOT_FOUND:
        case ERROR_INVALID_NAME:
        case ERROR_BAD_UNIT:
        case ERROR_DEV_NOT_EXIST:
        case ERROR_DEVICE_NOT_CONNECTED:
            return make_error(ErrorKind::no_such_drive,
                              fmt::format("{}: no such device ({})", path, text));
        case ERROR_SHARING_VIOLATION:
        case ERROR_BUSY:
            return make_error(
                ErrorKind::device_busy,
                fmt::format("{}: device busy (another program holds it exclusively)", path));
        default:
            return make_error(ErrorKind::failure, fmt::format("{}: cannot open: {}", path, text));
    }
}

}  // namespace discrec
