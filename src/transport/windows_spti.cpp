// Windows SCSI pass-through (SPTI): IOCTL_SCSI_PASS_THROUGH_DIRECT on \\.\D: or \\.\CdRomN,
// falling back to the buffered IOCTL_SCSI_PASS_THROUGH for drivers that refuse the direct one.
// The class driver (cdrom.sys) passes the CDB to the port driver; status and sense come back
// in the request block, so a Completion looks as it does on Linux (host/driver status 0).
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "transport/device.hpp"
#include "transport/os_error.hpp"
#include "transport/windows_detail.hpp"

#include <ntddscsi.h>
#include <winioctl.h>

namespace discrec {
namespace {

using windows_detail::UniqueHandle;

// The layouts and codes the port driver expects (smartmontools lib/os_win32.cpp does the
// same): a header that disagrees with the kernel's would send garbage, so check at compile time.
constexpr bool k_64bit = sizeof(void*) == 8;
static_assert(IOCTL_SCSI_PASS_THROUGH == 0x0004d004);
static_assert(IOCTL_SCSI_PASS_THROUGH_DIRECT == 0x0004d014);
static_assert(IOCTL_STORAGE_GET_DEVICE_NUMBER == 0x002d1080);
static_assert(sizeof(SCSI_PASS_THROUGH) == (k_64bit ? 56 : 44));
static_assert(sizeof(SCSI_PASS_THROUGH_DIRECT) == (k_64bit ? 56 : 44));
static_assert(offsetof(SCSI_PASS_THROUGH_DIRECT, Cdb) == (k_64bit ? 36 : 28));
static_assert(sizeof(STORAGE_DEVICE_NUMBER) == 12);
static_assert(SCSI_IOCTL_DATA_OUT == 0 && SCSI_IOCTL_DATA_IN == 1 &&
              SCSI_IOCTL_DATA_UNSPECIFIED == 2);

constexpr std::uint8_t k_max_sense = 64;  // SenseInfoLength is a UCHAR
constexpr std::uint8_t k_good = 0x00;

// The sense buffer follows the request block in the same ioctl buffer (SenseInfoOffset).
struct DirectRequest {
    SCSI_PASS_THROUGH_DIRECT spt;
    ULONG filler;  // keeps the sense bytes DWORD-aligned, as the DDK samples do
    UCHAR sense[k_max_sense];
};
struct BufferedHeader {
    SCSI_PASS_THROUGH spt;
    ULONG filler;
    UCHAR sense[k_max_sense];
};

// Port drivers require DataBuffer aligned to the adapter's AlignmentMask (at most a page in
// practice); the caller's span has no such promise, so data goes through an aligned copy.
constexpr std::size_t k_alignment = 4096;
struct AlignedDelete {
    void operator()(std::byte* p) const noexcept {
        ::operator delete[](p, std::align_val_t{k_alignment});
    }
};
using AlignedBytes = std::unique_ptr<std::byte[], AlignedDelete>;
AlignedBytes aligned_bytes(std::size_t size) {
    auto* p = static_cast<std::byte*>(::operator new[](size, std::align_val_t{k_alignment}));
    std::memset(p, 0, size);
    return AlignedBytes(p);
}

UCHAR data_in_for(Direction direction, std::size_t size) {
    if (size == 0 || direction == Direction::none) return SCSI_IOCTL_DATA_UNSPECIFIED;
    return direction == Direction::from_device ? SCSI_IOCTL_DATA_IN : SCSI_IOCTL_DATA_OUT;
}

// TimeOutValue is in whole seconds; round up so a 500 ms budget is not 0 (= driver default).
ULONG timeout_seconds(std::chrono::milliseconds timeout) {
    const auto seconds = (timeout.count() + 999) / 1000;
    return static_cast<ULONG>(std::max<long long>(1, seconds));
}

template <typename Spt>
void fill_common(Spt& spt, const Cdb& cdb, UCHAR data_in, std::size_t size,
                 std::chrono::milliseconds timeout, ULONG sense_offset) {
    spt.Length = sizeof(Spt);
    spt.CdbLength = static_cast<UCHAR>(cdb.size);
    spt.SenseInfoLength = k_max_sense;
    spt.SenseInfoOffset = sense_offset;
    spt.DataIn = data_in;
    spt.DataTransferLength = static_cast<ULONG>(size);
    spt.TimeOutValue = timeout_seconds(timeout);
    std::memcpy(spt.Cdb, cdb.bytes.data(), std::min<std::size_t>(cdb.size, sizeof(spt.Cdb)));
}

// Status and sense as on Linux. Sense is kept when the command did not end GOOD, or when the
// bytes carry a sense response code (70h-73h, SPC-4 §4.5.1): some drivers leave
// SenseInfoLength at the input value for a good command, and 64 zero bytes are not sense.
template <typename Spt>
void read_back(const Spt& spt, const UCHAR* sense, std::size_t buffer_size, Completion& c) {
    c.scsi_status = spt.ScsiStatus;
    c.transferred = std::min<std::size_t>(spt.DataTransferLength, buffer_size);
    const std::size_t length = std::min<std::size_t>(spt.SenseInfoLength, k_max_sense);
    const bool looks_like_sense = length > 0 && (sense[0] & 0x7e) == 0x70;
    if (length > 0 && (spt.ScsiStatus != k_good || looks_like_sense)) {
        const auto* first = reinterpret_cast<const std::byte*>(sense);
        c.sense.assign(first, first + length);
    }
}

// A failed DeviceIoControl: a timeout is a timeout, anything else the OS error itself.
void record_failure(DWORD error, Completion& c) {
    if (error == ERROR_SEM_TIMEOUT || error == ERROR_TIMEOUT) {
        c.timed_out = true;
    } else {
        c.os_error = OsError::native(static_cast<int>(error));
    }
}

bool direct_unsupported(DWORD error) {
    return error == ERROR_INVALID_FUNCTION || error == ERROR_NOT_SUPPORTED ||
           error == ERROR_INVALID_PARAMETER;
}

class SptiTransport final : public Transport {
public:
    SptiTransport(std::string path, UniqueHandle handle)
        : m_path(std::move(path)), m_handle(std::move(handle)) {}

    Completion execute(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                       std::chrono::milliseconds timeout) override {
        const auto start = std::chrono::steady_clock::now();
        Completion c;
        if (!m_use_direct) {
            execute_buffered(cdb, direction, buffer, timeout, c);
        } else if (direct_unsupported(execute_direct(cdb, direction, buffer, timeout, c))) {
            // Some drivers refuse the direct form; use the buffered one from now on, but only
            // once it has worked on this handle (else keep the direct form's error).
            Completion buffered;
            if (execute_buffered(cdb, direction, buffer, timeout, buffered) == ERROR_SUCCESS) {
                m_use_direct = false;
                c = std::move(buffered);
            }
        }
        c.duration = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - start);
        return c;
    }

    [[nodiscard]] const std::string& path() const noexcept override { return m_path; }

private:
    DWORD execute_direct(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                         std::chrono::milliseconds timeout, Completion& c) {
        const UCHAR data_in = data_in_for(direction, buffer.size());
        const std::size_t size = data_in == SCSI_IOCTL_DATA_UNSPECIFIED ? 0 : buffer.size();
        AlignedBytes data = size > 0 ? aligned_bytes(size) : AlignedBytes();
        if (data_in == SCSI_IOCTL_DATA_OUT) std::memcpy(data.get(), buffer.data(), size);

        DirectRequest request{};
        fill_common(request.spt, cdb, data_in, size, timeout, offsetof(DirectRequest, sense));
        request.spt.DataBuffer = data.get();
        DWORD returned = 0;
        if (!::DeviceIoControl(m_handle.get(), IOCTL_SCSI_PASS_THROUGH_DIRECT, &request,
                               sizeof(request), &request, sizeof(request), &returned, nullptr)) {
            const DWORD error = ::GetLastError();
            record_failure(error, c);
            return error;
        }
        read_back(request.spt, request.sense, size, c);
        if (data_in == SCSI_IOCTL_DATA_IN) std::memcpy(buffer.data(), data.get(), c.transferred);
        return ERROR_SUCCESS;
    }

    DWORD execute_buffered(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                           std::chrono::milliseconds timeout, Completion& c) {
        const UCHAR data_in = data_in_for(direction, buffer.size());
        const std::size_t size = data_in == SCSI_IOCTL_DATA_UNSPECIFIED ? 0 : buffer.size();
        constexpr std::size_t k_data_offset = sizeof(BufferedHeader);
        std::vector<std::byte> block(k_data_offset + size);
        BufferedHeader header{};
        fill_common(header.spt, cdb, data_in, size, timeout, offsetof(BufferedHeader, sense));
        header.spt.DataBufferOffset = k_data_offset;
        std::memcpy(block.data(), &header, sizeof(header));
        if (data_in == SCSI_IOCTL_DATA_OUT) {
            std::memcpy(block.data() + k_data_offset, buffer.data(), size);
        }
        DWORD returned = 0;
        const auto block_size = static_cast<DWORD>(block.size());
        if (!::DeviceIoControl(m_handle.get(), IOCTL_SCSI_PASS_THROUGH, block.data(), block_size,
                               block.data(), block_size, &returned, nullptr)) {
            const DWORD error = ::GetLastError();
            record_failure(error, c);
            return error;
        }
        std::memcpy(&header, block.data(), sizeof(header));
        read_back(header.spt, header.sense, size, c);
        if (data_in == SCSI_IOCTL_DATA_IN) {
            std::memcpy(buffer.data(), block.data() + k_data_offset, c.transferred);
        }
        return ERROR_SUCCESS;
    }

    std::string m_path;
    UniqueHandle m_handle;
    bool m_use_direct = true;
};

// FILE_DEVICE_CD_ROM / FILE_DEVICE_DVD from IOCTL_STORAGE_GET_DEVICE_NUMBER: is this handle a
// CD/DVD class device? nullopt when the driver does not say (then the first CDB will).
std::optional<bool> is_optical(HANDLE handle) {
    STORAGE_DEVICE_NUMBER number{};
    DWORD returned = 0;
    if (!::DeviceIoControl(handle, IOCTL_STORAGE_GET_DEVICE_NUMBER, nullptr, 0, &number,
                           sizeof(number), &returned, nullptr)) {
        return std::nullopt;
    }
    return number.DeviceType == FILE_DEVICE_CD_ROM || number.DeviceType == FILE_DEVICE_DVD;
}

// "\\.\D:" that GetDriveType calls a CD-ROM. Wine answers IOCTL_STORAGE_GET_DEVICE_NUMBER for
// its CD-ROMs with FILE_DEVICE_DISK (a fixed answer in ntdll's cdrom.c), so for a letter the
// drive type has the last word.
bool cdrom_letter(const std::string& path) {
    if (path.size() != 6 || path.compare(0, 4, "\\\\.\\") != 0 || path[5] != ':') return false;
    const wchar_t root[] = {static_cast<wchar_t>(path[4]), L':', L'\\', L'\0'};
    return ::GetDriveTypeW(root) == DRIVE_CDROM;
}

}  // namespace

std::unique_ptr<Transport> windows_detail::spti_transport(std::string path, UniqueHandle handle) {
    return std::make_unique<SptiTransport>(std::move(path), std::move(handle));
}

std::optional<std::intptr_t> os::inherited_hold(const std::string& path) {
    // GetEnvironmentVariableW: the process's own block, which SetEnvironmentVariableW changes
    // and which CreateProcess passes on (getenv reads the C runtime's copy).
    std::wstring value(512, L'\0');
    const DWORD n = ::GetEnvironmentVariableW(windows_detail::widen(k_hold_variable).c_str(),
                                              value.data(), static_cast<DWORD>(value.size()));
    if (n == 0 || n >= value.size()) return std::nullopt;
    value.resize(n);
    std::istringstream in(windows_detail::narrow(value));
    unsigned long holder = 0;
    long long handle = -1;
    std::string device;
    if (!(in >> holder >> handle) || !std::getline(in >> std::ws, device) || handle <= 0) {
        return std::nullopt;
    }
    if (::CompareStringOrdinal(windows_detail::widen(device).c_str(), -1,
                               windows_detail::widen(path).c_str(), -1, TRUE) != CSTR_EQUAL) {
        return std::nullopt;
    }
    // The handle must be open in this process, on a disk-class device: an inherited one.
    const auto h = reinterpret_cast<HANDLE>(static_cast<std::intptr_t>(handle));
    DWORD flags = 0;
    if (!::GetHandleInformation(h, &flags) || ::GetFileType(h) != FILE_TYPE_DISK) {
        return std::nullopt;
    }
    return static_cast<std::intptr_t>(handle);
}

Result<std::unique_ptr<Transport>> os::open_device_transport(const std::string& path,
                                                             DeviceAccess access) {
    // Inside `lock --exclusive -- COMMAND`: a duplicate of the holder's handle, the only one
    // cdrom.sys lets through while the drive is held.
    if (const auto held = inherited_hold(path)) {
        HANDLE dup = nullptr;
        if (!::DuplicateHandle(::GetCurrentProcess(), reinterpret_cast<HANDLE>(*held),
                               ::GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS)) {
            return os_open_error(path, static_cast<int>(::GetLastError()));
        }
        return windows_detail::spti_transport(path, windows_detail::UniqueHandle(dup));
    }
    // GENERIC_READ | GENERIC_WRITE whatever `access.write` says: both pass-through IOCTLs are
    // defined with FILE_READ_ACCESS | FILE_WRITE_ACCESS, so the I/O manager refuses them on a
    // handle without both, even for INQUIRY; for a non-administrator that open fails with
    // ERROR_ACCESS_DENIED. Opening the device does not touch the medium or the tray.
    // Shared read/write so Explorer and the file system keep working; `exclusive` shares
    // nothing, so the open fails (device busy) while anyone else holds the drive.
    const DWORD share = access.exclusive ? 0 : FILE_SHARE_READ | FILE_SHARE_WRITE;
    auto handle = windows_detail::open_device(path, GENERIC_READ | GENERIC_WRITE, share);
    if (!handle.valid()) return os_open_error(path, static_cast<int>(::GetLastError()));
    if (is_optical(handle.get()) == false && !cdrom_letter(path)) {
        return make_error(ErrorKind::not_supported,
                          fmt::format("{} is not a CD/DVD device, cannot send MMC commands", path));
    }
    return windows_detail::spti_transport(path, std::move(handle));
}

}  // namespace discrec
