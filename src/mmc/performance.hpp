// GET PERFORMANCE (MMC-6 §6.8): the nominal read performance (Type 00h) and the write speed
// descriptors (Type 03h), decoded through tables/performance_layouts.hpp, and speeds as
// multiples of the medium's 1x. Pure: bytes in, records and numbers out.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "mmc/fields.hpp"
#include "mmc/tables/profiles.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

// GET PERFORMANCE's Type field (MMC-6 §6.8.2, Table 186).
namespace performance_type {
inline constexpr std::uint8_t performance = 0x00;
inline constexpr std::uint8_t write_speed = 0x03;
}  // namespace performance_type
// Type 00h's Data Type for the nominal read performance: Tolerance 10b (10% of the nominal),
// Write 0, Except 00b (MMC-6 §6.8.2.3).
inline constexpr std::uint8_t k_nominal_read_performance = 0x10;
// Every descriptor of either type is 16 bytes, after an 8-byte header (MMC-6 §6.8.3).
inline constexpr std::size_t k_performance_header = 8;
inline constexpr std::size_t k_performance_descriptor = 16;

// Whether decode_performance() has a layout for answers of `type`.
bool performance_type_decoded(std::uint8_t type) noexcept;
// An answer of `type` (00h with Except 00b, or 03h), cut to 4 + its Performance Data Length (a
// note when fewer bytes arrived or the descriptors are not whole); Type 00h with Except set
// (exception descriptors) keeps only its header, with a note.
Record decode_performance(ByteSpan data, std::uint8_t type);

// The 1x speed of a medium family in kB/s (1000 bytes/s): CD 176.4 (75 sectors of 2352 bytes
// a second), DVD 1385 (11.08 Mbit/s), BD 4495.5 (35.964 Mbit/s); nullopt for the others.
std::optional<double> one_x_kbps(MediumFamily family) noexcept;
// `kbps` as a multiple of `one_x` rounded to one decimal (7056 kB/s on CD: 40.0).
double speed_factor(std::uint64_t kbps, double one_x) noexcept;

// The write speeds (kB/s) a decoded Type 03h answer lists, in its order, and those of a
// decoded mode page 2Ah (its Write Speed Performance Descriptors, MMC-3 §5.5.10).
std::vector<std::uint64_t> write_speeds_of(const Record& write_speed_answer);
std::vector<std::uint64_t> write_speeds_of_page_2a(const Record& page_2a);

}  // namespace discrec::mmc
