// `discrec structure`: one READ DISC STRUCTURE (MMC-6 §6.23) of any format, with the Media
// Type taken from the current profile unless asked (DVD and HD DVD 0, BD 1). Reads only.
#pragma once

#include <cstdint>
#include <optional>

#include "drive/recorder_info.hpp"
#include "mmc/fields.hpp"
#include "platform/platform.hpp"
#include "util/result.hpp"

namespace discrec::drive {

struct StructureRequest {
    std::uint8_t format = 0;
    std::uint8_t layer = 0;
    std::uint32_t address = 0;
    std::optional<std::uint8_t> media_type;  // none: from the current profile
};

struct StructureReport {
    platform::DriveLocation location;
    StructureRequest request;
    std::optional<std::uint16_t> current_profile;
    std::uint8_t media_type = 0;  // the one asked with
    bool decoded = false;         // a layout decoded it (else: header and hex)
    mmc::Record structure;
};

// One GET CONFIGURATION (only when the media type is not given), then one READ DISC
// STRUCTURE. An error: the drive could not be opened, there is no medium (no_medium), its
// medium has no disc structures (CD: not_supported) and no --media-type was given, or the
// drive refused (sense decoded).
Result<StructureReport> read_structure(const platform::DriveLocation& location,
                                       const OpenOptions& options, const StructureRequest& request);

}  // namespace discrec::drive
