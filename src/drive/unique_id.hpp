// A drive named by its unique id (IMAPI2 binds a recorder with InitializeDiscRecorder(
// uniqueId), and scripts keep that id): the ids `info` prints, and resolving one of them to
// the drive it names. The OS offers the by-path name and the SCSI address without a command;
// the VPD 80h serial and the VPD 83h designators cost one INQUIRY exchange per drive, asked of
// every drive at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drive/drive.hpp"
#include "drive/recorder_info.hpp"
#include "platform/platform.hpp"
#include "util/result.hpp"

namespace discrec::drive {

struct UniqueId {
    std::string value;
    std::string source;  // vpd_serial, vpd_device_id, by_path, scsi_address
};

// Every id the drive is known by, best first (the first is the one `info` prints): the VPD
// 80h serial, the VPD 83h logical-unit designators (association 0: they name the drive
// itself), the by-path name, "scsi:H:C:T:L". `identity` nullptr: the OS's ids only.
std::vector<UniqueId> unique_ids(const platform::DriveLocation& location, const Identity* identity);

// Every drive's ids (unique_ids), each drive's identity asked of all drives at once (`list
// --ids`); a drive that cannot be opened or does not answer has the OS's ids only, as in
// `info`.
std::vector<std::vector<UniqueId>> ask_unique_ids(
    const std::vector<platform::DriveLocation>& drives, const OpenOptions& options);

// The one drive whose ids include `id` (a by-path name also by its last component). The OS's
// ids are tried first; only when none matches is each drive asked (INQUIRY, VPD 00h/80h/83h),
// all at once (in order under --record/--replay, whose log is one sequence). Two drives with
// the id: ErrorKind::usage naming both. None: nullopt (the caller's "no optical drive" stands).
Result<std::optional<platform::DriveLocation>> resolve_unique_id(
    const std::vector<platform::DriveLocation>& drives, std::string_view id,
    const OpenOptions& options);

}  // namespace discrec::drive
