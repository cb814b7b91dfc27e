// Stop requests by console control events; no kernel uevents on Windows (watch polls).
#include <windows.h>

#include <atomic>

#include "platform/watch.hpp"

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

}  // namespace

void catch_stop_requests() { SetConsoleCtrlHandler(on_console_control, TRUE); }

bool stop_requested() { return g_stop.load(); }

Result<std::unique_ptr<UeventSource>> open_uevent_source() {
    return make_error(ErrorKind::not_supported, "no kernel uevents on Windows: polling");
}

}  // namespace discrec::platform
