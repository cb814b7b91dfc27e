// The OS facts of platform.hpp and tray.hpp, through the run log: from the OS (os.hpp) and,
// with --record, written to the recording; with --replay, from the recording alone, so that
// a replayed run reads nothing of the machine and changes nothing on it.
#include <fmt/format.h>

#include "platform/os.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"
#include "transport/device.hpp"
#include "transport/run_log.hpp"

namespace discrec::platform {
namespace {

using Json = RunLog::Json;

Json drive_to_json(const DriveLocation& d) {
    return {{"index", d.index},
            {"name", d.name},
            {"block_device", d.block_device},
            {"generic_device", d.generic_device},
            {"vendor", d.vendor},
            {"model", d.model},
            {"revision", d.revision},
            {"bus", d.bus},
            {"host_driver", d.host_driver},
            {"scsi_address", d.scsi_address},
            {"dev_numbers", d.dev_numbers},
            {"generic_dev_numbers", d.generic_dev_numbers},
            {"peripheral_type", d.peripheral_type},
            {"stable_names", d.stable_names},
            {"by_path", d.by_path},
            {"mount_points", d.mount_points}};
}

std::string text_of(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

int int_of(const Json& j, const char* key, int fallback) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return fallback;
    const auto v = it->get<std::int64_t>();
    return v >= -1'000'000 && v <= 1'000'000 ? static_cast<int>(v) : fallback;
}

std::vector<std::string> texts_of(const Json& j, const char* key) {
    std::vector<std::string> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it) {
        if (v.is_string()) out.push_back(v.get<std::string>());
    }
    return out;
}

DriveLocation drive_from_json(const Json& j) {
    DriveLocation d;
    if (!j.is_object()) return d;
    d.index = int_of(j, "index", 0);
    d.name = text_of(j, "name");
    d.block_device = text_of(j, "block_device");
    d.generic_device = text_of(j, "generic_device");
    d.vendor = text_of(j, "vendor");
    d.model = text_of(j, "model");
    d.revision = text_of(j, "revision");
    d.bus = text_of(j, "bus");
    d.host_driver = text_of(j, "host_driver");
    d.scsi_address = text_of(j, "scsi_address");
    d.dev_numbers = text_of(j, "dev_numbers");
    d.generic_dev_numbers = text_of(j, "generic_dev_numbers");
    d.peripheral_type = int_of(j, "peripheral_type", 5);
    d.stable_names = texts_of(j, "stable_names");
    d.by_path = text_of(j, "by_path");
    d.mount_points = texts_of(j, "mount_points");
    return d;
}

template <typename T>
Json result_to_json(const Result<T>& r, auto&& value_to_json) {
    if (!r) return {{"ok", false}, {"error", error_to_json(r.error())}};
    return {{"ok", true}, {"value", value_to_json(*r)}};
}

bool result_ok(const Json& j) {
    const auto it = j.find("ok");
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

Error result_error(const Json& j) {
    return error_from_json(j.is_object() && j.contains("error") ? j["error"] : Json());
}

Json value_of(const Json& j) { return j.is_object() && j.contains("value") ? j["value"] : Json(); }

// A fact about a drive: {"type": TYPE, "key": drive name, FIELDS...}.
Json fact(const char* type, const DriveLocation& drive, const Json& fields) {
    Json line = {{"type", type}, {"key", drive.name}};
    line.update(fields);
    return line;
}

Json status_fact(RunLog& log, const char* type, const DriveLocation& drive) {
    return log.replay_fact(type, drive.name);
}

Json optional_number(const std::optional<std::uint64_t>& v) { return v ? Json(*v) : Json(); }

std::optional<std::uint64_t> number_of(const Json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) return std::nullopt;
    return it->get<std::uint64_t>();
}

Json node_to_json(const std::optional<TransportNode>& n) {
    if (!n) return nullptr;
    return {{"name", n->name},
            {"subsystem", n->subsystem},
            {"driver", n->driver},
            {"vendor_id", n->vendor_id},
            {"device_id", n->device_id}};
}

std::optional<TransportNode> node_from_json(const Json& j) {
    if (!j.is_object()) return std::nullopt;
    return TransportNode{text_of(j, "name"), text_of(j, "subsystem"), text_of(j, "driver"),
                         text_of(j, "vendor_id"), text_of(j, "device_id")};
}

Json transport_to_json(const TransportDescriptor& t) {
    Json usb = nullptr;
    if (t.usb) {
        usb = {{"vendor_id", t.usb->vendor_id},
               {"product_id", t.usb->product_id},
               {"manufacturer", t.usb->manufacturer},
               {"product", t.usb->product},
               {"speed_mbps", t.usb->speed_mbps ? Json(*t.usb->speed_mbps) : Json()},
               {"version", t.usb->version}};
    }
    return {{"source", t.source},
            {"bus_type", t.bus_type ? Json(*t.bus_type) : Json()},
            {"adapter", node_to_json(t.adapter)},
            {"controller", node_to_json(t.controller)},
            {"usb", usb},
            {"max_transfer_bytes", optional_number(t.max_transfer_bytes)},
            {"max_request_bytes", optional_number(t.max_request_bytes)},
            {"max_segments", optional_number(t.max_segments)},
            {"max_segment_bytes", optional_number(t.max_segment_bytes)},
            {"alignment_mask", optional_number(t.alignment_mask)},
            {"page_size", t.page_size}};
}

TransportDescriptor transport_from_json(const Json& j) {
    TransportDescriptor t;
    t.source = text_of(j, "source");
    if (j.contains("bus_type") && j["bus_type"].is_number_integer()) {
        t.bus_type = int_of(j, "bus_type", 0);
    }
    t.adapter = node_from_json(j.value("adapter", Json()));
    t.controller = node_from_json(j.value("controller", Json()));
    if (const Json usb = j.value("usb", Json()); usb.is_object()) {
        const auto speed = number_of(usb, "speed_mbps");
        t.usb = UsbBridge{text_of(usb, "vendor_id"),
                          text_of(usb, "product_id"),
                          text_of(usb, "manufacturer"),
                          text_of(usb, "product"),
                          speed && *speed < 1'000'000
                              ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*speed))
                              : std::nullopt,
                          text_of(usb, "version")};
    }
    t.max_transfer_bytes = number_of(j, "max_transfer_bytes");
    t.max_request_bytes = number_of(j, "max_request_bytes");
    t.max_segments = number_of(j, "max_segments");
    t.max_segment_bytes = number_of(j, "max_segment_bytes");
    t.alignment_mask = number_of(j, "alignment_mask");
    const auto page = number_of(j, "page_size");
    if (page && *page > 0 && *page <= (1U << 30)) t.page_size = static_cast<std::uint32_t>(*page);
    return t;
}

}  // namespace

Result<std::vector<DriveLocation>> enumerate_drives(const SystemRoots& roots) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        const Json j = log->replay_enumeration();
        if (!result_ok(j)) return result_error(j);
        std::vector<DriveLocation> drives;
        const Json list = value_of(j);
        if (list.is_array()) {
            for (const auto& d : list) drives.push_back(drive_from_json(d));
        }
        return drives;
    }
    auto drives = os::enumerate_drives(roots);
    if (log != nullptr) {
        log->record_enumeration(result_to_json(drives, [](const std::vector<DriveLocation>& all) {
            Json list = Json::array();
            for (const auto& d : all) list.push_back(drive_to_json(d));
            return list;
        }));
    }
    return drives;
}

Result<DriveLocation> resolve_drive(const std::vector<DriveLocation>& drives,
                                    std::string_view spelling, const SystemRoots& roots) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        const Json j = log->replay_resolution(std::string(spelling));
        if (!result_ok(j)) return result_error(j);
        return drive_from_json(value_of(j));
    }
    auto drive = os::resolve_drive(drives, spelling, roots);
    if (log != nullptr) {
        log->record_resolution(
            std::string(spelling),
            result_to_json(drive, [](const DriveLocation& d) { return drive_to_json(d); }));
    }
    return drive;
}

std::vector<Holder> find_holders(const DriveLocation& drive, const SystemRoots& roots) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        std::vector<Holder> holders;
        const Json list = log->replay_fact("holders", drive.name)["holders"];
        if (list.is_array()) {
            for (const auto& h : list) {
                if (h.is_object()) {
                    holders.push_back(
                        {int_of(h, "pid", 0), text_of(h, "command"), text_of(h, "device")});
                }
            }
        }
        return holders;
    }
    auto holders = os::find_holders(drive, roots);
    if (log != nullptr) {
        Json list = Json::array();
        for (const auto& h : holders) {
            list.push_back({{"pid", h.pid}, {"command", h.command}, {"device", h.device}});
        }
        log->record_fact(fact("holders", drive, {{"holders", list}}));
    }
    return holders;
}

Status unmount_medium(const DriveLocation& drive) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        return status_from_json(status_fact(*log, "unmount", drive)["result"]);
    }
    auto status = os::unmount_medium(drive);
    if (log != nullptr) {
        log->record_fact(
            fact("unmount", drive,
                 {{"mount_points", drive.mount_points}, {"result", status_to_json(status)}}));
    }
    return status;
}

Status set_persistent_lock(const DriveLocation& drive, bool locked) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        return status_from_json(status_fact(*log, "persistent_lock", drive)["result"]);
    }
    auto status = os::set_persistent_lock(drive, locked);
    if (log != nullptr) {
        log->record_fact(fact("persistent_lock", drive,
                              {{"locked", locked}, {"result", status_to_json(status)}}));
    }
    return status;
}

MediaPolling media_polling(const DriveLocation& drive, const SystemRoots& roots) {
    RunLog* log = RunLog::active();
    const auto optional_long = [](const Json& j, const char* key) -> std::optional<long> {
        const auto it = j.find(key);
        if (it == j.end() || !it->is_number_integer()) return std::nullopt;
        return static_cast<long>(std::clamp<std::int64_t>(it->get<std::int64_t>(), -1, 1L << 30));
    };
    if (log != nullptr && log->replaying()) {
        const Json j = log->replay_fact("media_polling", drive.name);
        return {optional_long(j, "interval_ms"), optional_long(j, "default_ms"),
                text_of(j, "source")};
    }
    auto polling = os::media_polling(drive, roots);
    if (log != nullptr) {
        const auto opt = [](const std::optional<long>& v) { return v ? Json(*v) : Json(nullptr); };
        log->record_fact(fact("media_polling", drive,
                              {{"interval_ms", opt(polling.interval_ms)},
                               {"default_ms", opt(polling.default_ms)},
                               {"source", polling.source}}));
    }
    return polling;
}

std::optional<TransportDescriptor> transport_descriptor(const DriveLocation& drive,
                                                        const SystemRoots& roots) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        // Recordings made before the descriptor was recorded have none: nullopt, not a
        // divergence, so that they still replay to what they printed.
        const auto j = log->replay_fact_if_any("transport", drive.name);
        if (!j || !j->contains("descriptor") || !(*j)["descriptor"].is_object()) {
            return std::nullopt;
        }
        return transport_from_json((*j)["descriptor"]);
    }
    auto descriptor = os::transport_descriptor(drive, roots);
    if (log != nullptr) {
        log->record_fact(fact("transport", drive, {{"descriptor", transport_to_json(descriptor)}}));
    }
    return descriptor;
}

Status set_media_polling(const DriveLocation& drive, long interval_ms, const SystemRoots& roots) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        return status_from_json(status_fact(*log, "set_media_polling", drive)["result"]);
    }
    auto status = os::set_media_polling(drive, interval_ms, roots);
    if (log != nullptr) {
        log->record_fact(fact("set_media_polling", drive,
                              {{"interval_ms", interval_ms}, {"result", status_to_json(status)}}));
    }
    return status;
}

std::optional<ExclusiveOwner> exclusive_owner(const DriveLocation& drive) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        const Json owner = log->replay_fact("exclusive_owner", drive.name)["owner"];
        if (!owner.is_object()) return std::nullopt;
        return ExclusiveOwner{int_of(owner, "pid", 0), text_of(owner, "client")};
    }
    auto owner = os::exclusive_owner(drive);
    if (log != nullptr) {
        log->record_fact(fact(
            "exclusive_owner", drive,
            {{"owner", owner ? Json({{"pid", owner->pid}, {"client", owner->client}}) : Json()}}));
    }
    return owner;
}

Result<ExclusiveHold> acquire_exclusive(const DriveLocation& drive, const std::string& client) {
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) {
        auto status = status_from_json(log->replay_fact("acquire_exclusive", drive.name)["result"]);
        if (!status) return status.error();
        auto transport =
            open_device_transport(drive.block_device, {.write = true, .exclusive = true});
        if (!transport) return transport.error();
        return ExclusiveHold(std::move(transport).value(), std::string{});  // no owner record
    }
    // The OS's acquire opens the device through open_device_transport: the open and the
    // commands through the hold are recorded there.
    auto hold = os::acquire_exclusive(drive, client);
    if (log != nullptr) {
        log->record_fact(
            fact("acquire_exclusive", drive,
                 {{"client", client},
                  {"result", status_to_json(hold ? Status(Ok{}) : Status(hold.error()))}}));
    }
    return hold;
}

ExclusiveHold::ExclusiveHold(std::unique_ptr<Transport> transport, std::string record_path,
                             std::intptr_t handoff, std::string device)
    : m_transport(std::move(transport)),
      m_record_path(std::move(record_path)),
      m_handoff(handoff),
      m_device(std::move(device)) {}

// The destructor (linux_tray.cpp, windows_tray.cpp) releases what the moved-from hold no
// longer owns: nothing.
ExclusiveHold::ExclusiveHold(ExclusiveHold&& other) noexcept
    : m_transport(std::move(other.m_transport)),
      m_record_path(std::move(other.m_record_path)),
      m_handoff(other.m_handoff),
      m_device(std::move(other.m_device)) {
    other.m_record_path.clear();
    other.m_handoff = -1;
}

bool inside_exclusive_hold(const DriveLocation& drive) {
    // A replay never runs under a hold: the recorded commands say what the drive did.
    RunLog* log = RunLog::active();
    if (log != nullptr && log->replaying()) return false;
    return !drive.block_device.empty() &&
           discrec::os::inherited_hold(drive.block_device).has_value();
}

Result<int> run_command(const std::vector<std::string>& argv, const ExclusiveHold* hold) {
    RunLog* log = RunLog::active();
    const std::string key = argv.empty() ? std::string{} : argv.front();
    if (log != nullptr && log->replaying()) {
        // The command is not run again: its exit status is the recorded one.
        const Json j = log->replay_fact("run_command", key)["result"];
        if (!result_ok(j)) return result_error(j);
        return int_of(j, "value", 1);
    }
    auto rc = os::run_command(argv, hold);
    if (log != nullptr) {
        log->record_fact({{"type", "run_command"},
                          {"key", key},
                          {"argv", argv},
                          {"result", result_to_json(rc, [](int v) { return Json(v); })}});
    }
    return rc;
}

}  // namespace discrec::platform
