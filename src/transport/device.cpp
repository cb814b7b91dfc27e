// Opening a device through the run log (--record, --replay): the OS's own open otherwise.
#include "transport/device.hpp"

#include "transport/run_log.hpp"

namespace discrec {

Result<std::unique_ptr<Transport>> open_device_transport(const std::string& path,
                                                         DeviceAccess access) {
    RunLog* log = RunLog::active();
    if (log == nullptr) return os::open_device_transport(path, access);
    if (log->replaying()) {
        // The open's outcome is recorded per node; its access need not match (a replayed
        // run on another OS or as another user opens the same way anyway).
        auto status = status_from_json(log->replay_fact("open", path)["result"]);
        if (!status) return status.error();
        return std::unique_ptr<Transport>(std::make_unique<ReplayTransport>(path, *log));
    }
    auto opened = os::open_device_transport(path, access);
    log->record_fact({{"type", "open"},
                      {"key", path},
                      {"write", access.write},
                      {"exclusive", access.exclusive},
                      {"result", status_to_json(opened ? Status(Ok{}) : Status(opened.error()))}});
    if (!opened) return opened;
    return std::unique_ptr<Transport>(
        std::make_unique<RecordingTransport>(std::move(opened).value(), *log));
}

}  // namespace discrec
