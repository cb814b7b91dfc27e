// What `discrec info` reports about one drive: IDiscRecorder2's properties, each asked of
// the drive itself, plus OS facts (mounts, holders). A question the drive cannot answer is
// recorded in `errors` and does not stop the others.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drive/drive.hpp"
#include "mmc/fields.hpp"
#include "platform/platform.hpp"
#include "platform/tray.hpp"
#include "transport/device.hpp"
#include "transport/tracing.hpp"

namespace discrec::drive {

// The drive's DVD region (RPC) state, REPORT KEY Key Format 08h (MMC-6 §6.29.3.8): the
// decoded answer, or why there is none (the refusal or transport error, one line).
struct RegionState {
    std::optional<mmc::Record> rpc_state;
    std::optional<std::string> note;
};

struct RecorderInfo {
    platform::DriveLocation location;
    std::string opened_path;  // the node commands went through
    std::optional<Identity> identity;
    std::string unique_id;
    std::string unique_id_source;        // vpd_serial, vpd_device_id, by_path, scsi_address
    std::optional<bool> can_load_media;  // IDiscRecorder2::DeviceCanLoadMedia
    std::optional<mmc::Configuration> configuration;
    std::optional<ModePageList> mode_pages;
    std::optional<MediaState> media;
    std::vector<platform::Holder> holders;
    std::optional<platform::ExclusiveOwner> exclusive_owner;  // IDiscRecorder2 ExclusiveAccessOwner
    platform::MediaPolling media_polling;                     // Disable/EnableMcn state
    // IDiscRecorder2Ex's adapter/device descriptors; nullopt only from an old recording.
    std::optional<platform::TransportDescriptor> transport;
    std::optional<mmc::CapabilitiesSummary> capabilities;  // page 2Ah: lock, eject, mechanism
    // Asked only of drives with DVD CSS (mmc::reports_rpc_state).
    std::optional<RegionState> region;
    std::vector<Error> errors;  // questions that failed, in order asked
    std::optional<Error> fatal;  // could not be opened, timed out or vanished
};

struct OpenOptions {
    bool trace = false;
    TraceSink trace_sink;
    bool write = false;  // tray commands: see DeviceAccess
};

// Opens the drive (its SCSI generic node first: commands through /dev/sgN have none of the
// cdrom layer's side effects on close; the block node where sg is missing or refused).
Result<Drive> open_drive(const platform::DriveLocation& location, const OpenOptions& options);
// Wraps an already open transport (an exclusive hold) the same way.
Drive make_drive(std::unique_ptr<Transport> transport, const platform::DriveLocation& location,
                 const OpenOptions& options);

RecorderInfo gather_recorder_info(const platform::DriveLocation& location,
                                  const platform::SystemRoots& roots, const OpenOptions& options);

}  // namespace discrec::drive
