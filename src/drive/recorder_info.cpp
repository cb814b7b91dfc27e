#include "drive/recorder_info.hpp"

#include "drive/at_once.hpp"
#include "drive/unique_id.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "mmc/cdb.hpp"
#include "mmc/feature_fields.hpp"
#include "mmc/rpc.hpp"
#include "mmc/tables/features.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "mmc/tables/opcodes.hpp"
#include "transport/device.hpp"

namespace discrec::drive {
namespace {

std::string name_cdb(const Cdb& cdb) { return mmc::command_label(cdb.opcode()); }

Result<std::unique_ptr<Transport>> open_first(const platform::DriveLocation& location,
                                              DeviceAccess access) {
    std::optional<Error> first_error;
    for (const std::string* path : {&location.generic_device, &location.block_device}) {
        if (path->empty()) continue;
        auto t = open_device_transport(*path, access);
        if (t) return t;
        if (!first_error) first_error = t.error();
    }
    if (first_error) return *first_error;
    return make_error(ErrorKind::no_such_drive, location.name + ": no device node");
}

// The Removable Medium feature's Load bit (MMC-6 §5.3.4), read through its layout row.
std::optional<bool> can_load_from_feature(const mmc::Configuration& config) {
    const auto* f = config.find(mmc::feature_code::removable_medium);
    if (f == nullptr) return std::nullopt;
    // The decoded feature must outlive the Value that find() points into.
    const auto decoded = mmc::decode_feature(*f);
    const auto* load = decoded.record.find("load");
    if (load == nullptr) return std::nullopt;
    return load->number != 0;
}

void choose_unique_id(RecorderInfo& info) {
    const auto ids = unique_ids(info.location, info.identity ? &*info.identity : nullptr);
    info.unique_id = ids.front().value;
    info.unique_id_source = ids.front().source;
}

// The region state: one REPORT KEY 08h (read only; discrec never sends SEND KEY), asked only
// when the configuration lists DVD CSS. A refusal or a transport error is the region's note,
// not an error of info; a drive that timed out or vanished is (it ends the run).
void ask_region_state(Drive& drive, RecorderInfo& info) {
    if (!info.configuration || !mmc::reports_rpc_state(*info.configuration)) return;
    constexpr std::uint16_t k_rpc_state_alloc = 8;  // RPC State Data, MMC-6 §6.29.3.8: 8 bytes
    auto out = drive.runner().run(mmc::report_key_rpc_state(k_rpc_state_alloc),
                                  Direction::from_device, k_rpc_state_alloc);
    RegionState region;
    if (out.ok()) {
        region.rpc_state = mmc::decode_rpc_state(out.data);
    } else if (out.error.kind == ErrorKind::timeout || out.error.kind == ErrorKind::no_such_drive) {
        info.errors.push_back(std::move(out.error));
        return;
    } else {
        region.note = std::move(out.error.message);
    }
    info.region = std::move(region);
}

template <typename T>
std::optional<T> keep(Result<T> r, std::vector<Error>& errors) {
    if (r) return std::move(r).value();
    errors.push_back(std::move(r).error());
    return std::nullopt;
}

}  // namespace

Result<Drive> open_drive(const platform::DriveLocation& location, const OpenOptions& options) {
    auto transport = open_first(location, DeviceAccess{.write = options.write});
    if (!transport) return transport.error();
    return make_drive(std::move(transport).value(), location, options);
}

Drive make_drive(std::unique_ptr<Transport> transport, const platform::DriveLocation& location,
                 const OpenOptions& options) {
    if (options.trace && options.trace_sink) {
        transport = std::make_unique<TracingTransport>(std::move(transport),
                                                       held_in_order(options.trace_sink), name_cdb);
    }
    return Drive(std::move(transport), location.name);
}

RecorderInfo gather_recorder_info(const platform::DriveLocation& location,
                                  const platform::SystemRoots& roots, const OpenOptions& options) {
    RecorderInfo info;
    info.location = location;
    info.holders = platform::find_holders(location, roots);
    info.exclusive_owner = platform::exclusive_owner(location);
    info.media_polling = platform::media_polling(location, roots);
    info.transport = platform::transport_descriptor(location, roots);
    auto opened = open_drive(location, options);
    if (!opened) {
        info.fatal = opened.error();
        choose_unique_id(info);
        return info;
    }
    Drive& drive = *opened;
    info.opened_path = drive.runner().transport().path();
    info.identity = keep(drive.identify(), info.errors);
    // A dead or vanished drive answers nothing else either: stop at the first hard failure.
    const auto gone = [&] {
        return !info.errors.empty() && (info.errors.back().kind == ErrorKind::timeout ||
                                        info.errors.back().kind == ErrorKind::no_such_drive);
    };
    if (!gone()) info.configuration = keep(drive.configuration(), info.errors);
    if (!gone()) info.media = keep(drive.media_state(), info.errors);
    // The supported pages from page 3Fh, one command on most drives; where the drive refuses
    // it, not asked page by page (RefusedAllPages): info needs page 2Ah alone, asked then.
    if (!gone()) {
        const auto* features = info.configuration ? &*info.configuration : nullptr;
        info.mode_pages = keep(
            drive.supported_mode_pages(features, RefusedAllPages::leave_unlisted), info.errors);
    }
    const bool has_2a =
        info.mode_pages &&
        (info.mode_pages->unlisted ||
         std::find(info.mode_pages->pages.begin(), info.mode_pages->pages.end(),
                   mmc::mode_page_code::capabilities) != info.mode_pages->pages.end());
    if (has_2a && info.mode_pages->capabilities) {
        info.capabilities = *info.mode_pages->capabilities;
    } else if (!gone() && has_2a) {
        auto caps = drive.capabilities();
        // Unlisted, the page was asked on the chance: a drive without it (a refusal, or an
        // answer without 2Ah) has no capabilities to show, as when a listing lacks 2Ah.
        const bool absent = !caps && info.mode_pages->unlisted &&
                            (caps.error().kind == ErrorKind::device_error ||
                             caps.error().kind == ErrorKind::not_supported);
        if (!absent) info.capabilities = keep(std::move(caps), info.errors);
    }
    if (!gone()) ask_region_state(drive, info);
    // A drive that stopped answering or vanished ends the run with that error (exit 7 or 3),
    // as a failed open does; what was read before it is still reported.
    if (gone()) {
        info.fatal = std::move(info.errors.back());
        info.errors.pop_back();
    }
    if (info.configuration) info.can_load_media = can_load_from_feature(*info.configuration);
    // A pop-up tray (page 2Ah loading mechanism) must be pushed in by hand.
    if (!info.can_load_media && info.capabilities) {
        info.can_load_media = !mmc::is_pop_up(info.capabilities->loading_mechanism);
    }
    choose_unique_id(info);
    return info;
}

}  // namespace discrec::drive
