// Stop requests by console control events, and drives coming and going from Windows' device
// interface notifications (CM_Register_Notification, Windows 8+). No kernel uevents on
// Windows: the media are polled (drive::poll_watch_state through SPTI).
#include <fmt/format.h>

#include <atomic>

#include "platform/watch.hpp"
#include "platform/windows_devices.hpp"
#include "transport/run_log.hpp"

namespace discrec::platform {
namespace {

std::atomic<bool> g_stop{false};

BOOL WINAPI on_console_control(DWORD type) {
    switch (type) {
        case CTRL_C_EVENT:
        case CTRL_BREAK_EVENT:
        case CTRL_CLOSE_EVENT:
            g_stop = true;
            return TRUE;
        default:
            return FALSE;
    }
}

// One registration for the CD-ROM device interface class. The callback runs on a thread of
// the system's pool and only sets a flag; unregistering (in the destructor) waits for a
// callback that is running, so the object outlives every call.
class CdromInterfaceChanges final : public DriveListChanges {
public:
    explicit CdromInterfaceChanges(const win32::NotificationApi& api) : m_api(api) {}
    CdromInterfaceChanges(const CdromInterfaceChanges&) = delete;
    CdromInterfaceChanges& operator=(const CdromInterfaceChanges&) = delete;
    ~CdromInterfaceChanges() override {
        if (m_handle != nullptr) m_api.unregister_notification(m_handle);
    }

    bool changed() override { return m_changed.exchange(false); }
    [[nodiscard]] std::string source() const override {
        return "drives added or removed: Windows' device interface notifications "
               "(CM_Register_Notification, GUID_DEVINTERFACE_CDROM): the drives are listed "
               "again only when one comes or goes";
    }

    CONFIGRET subscribe() {
        CM_NOTIFY_FILTER filter{};
        filter.cbSize = sizeof filter;
        filter.FilterType = CM_NOTIFY_FILTER_TYPE_DEVICEINTERFACE;
        filter.u.DeviceInterface.ClassGuid = win32::k_cdrom_interface;
        const CONFIGRET cr = m_api.register_notification(&filter, this, &on_event, &m_handle);
        if (cr != CR_SUCCESS) m_handle = nullptr;
        return cr;
    }

private:
    static DWORD CALLBACK on_event(HCMNOTIFICATION /*handle*/, PVOID context,
                                   CM_NOTIFY_ACTION action, PCM_NOTIFY_EVENT_DATA /*data*/,
                                   DWORD /*size*/) {
        if (action == CM_NOTIFY_ACTION_DEVICEINTERFACEARRIVAL ||
            action == CM_NOTIFY_ACTION_DEVICEINTERFACEREMOVAL) {
            static_cast<CdromInterfaceChanges*>(context)->m_changed = true;
        }
        return ERROR_SUCCESS;
    }

    win32::NotificationApi m_api;
    HCMNOTIFICATION m_handle = nullptr;
    std::atomic<bool> m_changed{true};
};

// GetProcAddress's FARPROC to the function's own type; through void (*)(), the type GCC's
// -Wcast-function-type lets convert to any other.
template <typename Function>
Function function_cast(FARPROC proc) {
    return reinterpret_cast<Function>(reinterpret_cast<void (*)()>(proc));
}

}  // namespace

namespace win32 {

NotificationApi load_notification_api() {
    // From System32 only (not the current directory); never freed: a registration's
    // callbacks run inside it until the process ends.
    HMODULE cfgmgr32 = ::LoadLibraryExW(L"cfgmgr32.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
    if (cfgmgr32 == nullptr) return {};
    NotificationApi api;
    api.register_notification = function_cast<decltype(api.register_notification)>(
        ::GetProcAddress(cfgmgr32, "CM_Register_Notification"));
    api.unregister_notification = function_cast<decltype(api.unregister_notification)>(
        ::GetProcAddress(cfgmgr32, "CM_Unregister_Notification"));
    if (api.register_notification == nullptr || api.unregister_notification == nullptr) return {};
    return api;
}

Result<std::unique_ptr<DriveListChanges>> watch_cdrom_interfaces(const NotificationApi& api) {
    if (api.register_notification == nullptr || api.unregister_notification == nullptr) {
        return make_error(ErrorKind::not_supported,
                          "drives added or removed: cfgmgr32.dll has no CM_Register_Notification "
                          "(Windows 8 and later have it, Wine 8 has not): the drives are listed "
                          "again every interval");
    }
    auto changes = std::make_unique<CdromInterfaceChanges>(api);
    if (const CONFIGRET cr = changes->subscribe(); cr != CR_SUCCESS) {
        return make_error(ErrorKind::not_supported,
                          fmt::format("drives added or removed: CM_Register_Notification failed "
                                      "(CONFIGRET {:#x}): the drives are listed again every "
                                      "interval",
                                      static_cast<unsigned>(cr)));
    }
    return std::unique_ptr<DriveListChanges>(std::move(changes));
}

}  // namespace win32

void catch_stop_requests() { SetConsoleCtrlHandler(on_console_control, TRUE); }

bool stop_requested() { return g_stop.load(); }

Result<std::unique_ptr<UeventSource>> open_uevent_source() {
    return make_error(ErrorKind::not_supported, "no kernel uevents on Windows: polling");
}

Result<std::unique_ptr<DriveListChanges>> open_drive_list_changes() {
    // Under --record the drive list is read (and recorded) every turn, so that a replay, which
    // has no notifications, reads the same lists in the same order.
    if (RunLog::active() != nullptr) {
        return make_error(ErrorKind::not_supported,
                          "drives added or removed: --record/--replay: the drives are listed "
                          "again every interval");
    }
    return win32::watch_cdrom_interfaces(win32::load_notification_api());
}

}  // namespace discrec::platform
