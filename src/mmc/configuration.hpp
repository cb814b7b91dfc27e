// GET CONFIGURATION response (MMC-6 §5.2 Feature Header and Feature Descriptors, §6.6).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/bytes.hpp"

namespace discrec::mmc {

// One entry of the Profile List feature (0000h): a profile the drive supports.
struct ProfileEntry {
    std::uint16_t number = 0;
    bool current = false;  // CurrentP: the medium in the drive uses this profile
};

// One feature descriptor (MMC-6 §5.2.2): 4-byte header, then `additional_length` bytes.
struct FeatureDescriptor {
    std::uint16_t code = 0;
    std::uint8_t version = 0;
    bool persistent = false;
    bool current = false;
    std::uint8_t additional_length = 0;
    Bytes data;              // the bytes after the 4-byte header that actually arrived
    bool truncated = false;  // additional_length ran past the end of the response
};

struct Configuration {
    bool usable = false;                // at least the 8-byte Feature Header arrived
    std::uint32_t data_length = 0;      // header bytes 0-3: bytes that follow this field
    std::uint16_t current_profile = 0;  // 0000h: no medium / no current profile
    std::vector<FeatureDescriptor> features;
    std::vector<ProfileEntry> profiles;  // decoded from feature 0000h, if present
    // The drive had more than it sent (data length > received bytes): ask again from
    // next_starting_feature(). Normal when the allocation length was small.
    bool truncated = false;
    std::vector<std::string> warnings;

    [[nodiscard]] const FeatureDescriptor* find(std::uint16_t feature_code) const noexcept;
};

Configuration decode_configuration(ByteSpan data);

// Whether the chunk `c`, asked for with starting feature number `requested_start`, left
// features out, and where to continue. GET CONFIGURATION with RT=0 or 1 returns descriptors
// from the starting feature number upward, as many as fit in the allocation length
// (MMC-6 §6.6), while the header's data length still counts all of them. So:
//  - not truncated: nothing left, nullopt;
//  - truncated, last descriptor complete: continue at its code + 1;
//  - truncated, last descriptor cut short: ask for that same code again;
//  - no progress (no descriptor, or the answer is not above `requested_start`, or it would
//    pass FFFFh): nullopt, so a caller's loop always ends. An allocation length of at least
//    8 + 4 + 255 bytes always holds one whole descriptor, so such a loop never stalls.
std::optional<std::uint16_t> next_starting_feature(const Configuration& c,
                                                   std::uint16_t requested_start) noexcept;
// The same without the progress check: the caller must make sure its loop advances.
std::optional<std::uint16_t> next_starting_feature(const Configuration& c) noexcept;

}  // namespace discrec::mmc
