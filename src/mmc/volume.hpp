// The file system's label of a data track, from its volume descriptors (as blkid and xorriso
// read them): ISO 9660 (ECMA-119 §8.4: the Primary Volume Descriptor's Volume Identifier),
// Joliet (a Supplementary Volume Descriptor whose escape sequences name UCS-2, its Volume
// Identifier in UCS-2 big-endian) and UDF (ECMA-167 / OSTA UDF 2.60: the Volume Recognition
// Sequence from sector 16, the Anchor Volume Descriptor Pointer at sector 256, then the
// Logical Volume Descriptor's Logical Volume Identifier in the Main Volume Descriptor
// Sequence). Not MMC, but bytes of the disc decoded as the drive's answers are: pure, the
// sectors asked through a reader, every read bounded, never past a span.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "util/bytes.hpp"

namespace discrec::mmc {

inline constexpr std::size_t k_volume_sector = 2048;
// Sectors read from the track's sector 16 on in one go: the ISO 9660 descriptors (primary,
// Joliet, terminator) and the UDF Volume Recognition Sequence after them.
inline constexpr std::uint16_t k_volume_descriptor_sectors = 8;
// At most this many sectors of the UDF Main Volume Descriptor Sequence are read.
inline constexpr std::uint16_t k_udf_vds_sectors = 16;

struct VolumeLabel {
    std::optional<std::string> iso9660;    // the PVD's Volume Identifier, trailing spaces cut
    std::optional<std::string> joliet;     // the Joliet SVD's, as UTF-8
    bool udf = false;                      // the VRS names NSR02 or NSR03
    std::optional<std::string> udf_label;  // the LVD's Logical Volume Identifier, as UTF-8
    std::vector<std::string> notes;

    // "udf", "iso9660" or "" (none found); the label shown: UDF's, else Joliet's, else ISO's
    // (blkid's order).
    [[nodiscard]] std::string file_system() const;
    [[nodiscard]] std::optional<std::string> label() const;
};

// `count` sectors from `lba` (relative to the data track's start), or nullopt when they could
// not be read. Answers shorter than asked are used as far as they go.
using SectorReader = std::function<std::optional<Bytes>(std::uint32_t lba, std::uint16_t count)>;

// At most three reads: sectors 16-23, and for UDF sector 256 and up to 16 sectors of the Main
// Volume Descriptor Sequence.
VolumeLabel read_volume_label(const SectorReader& read);

}  // namespace discrec::mmc
