// Write speeds and read performance (IDiscFormat2Data SupportedWriteSpeedDescriptors): GET
// PERFORMANCE Type 03h (write speed descriptors for the medium in the drive), falling back to
// mode page 2Ah's Write Speed Performance Descriptors, and GET PERFORMANCE Type 00h (nominal
// read performance). Only read commands; `media` asks the write speeds of a writable medium,
// `discrec speeds` both.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "drive/drive.hpp"
#include "drive/recorder_info.hpp"
#include "mmc/fields.hpp"
#include "platform/platform.hpp"

namespace discrec::drive {

// A timeout or a vanished drive: nothing more is asked of it.
bool ends_the_run(const Error& e) noexcept;

enum class SpeedSource { none, get_performance, mode_page_2a };

struct WriteSpeeds {
    SpeedSource source = SpeedSource::none;
    // The GET PERFORMANCE Type 03h answer, or (source mode_page_2a) page 2Ah's record.
    std::optional<mmc::Record> answer;
    std::vector<std::uint64_t> kbps;  // each descriptor's write speed, in the drive's order
};

// GET PERFORMANCE Type 03h; when the drive refuses it or lists no speed, MODE SENSE page 2Ah
// (one more command) and a note saying so. Errors that end the run go to `errors`.
WriteSpeeds read_write_speeds(Drive& drive, std::vector<std::string>& notes,
                              std::vector<Error>& errors);
// GET PERFORMANCE Type 00h, nominal read performance from LBA 0; a refusal is a note.
std::optional<mmc::Record> read_read_performance(Drive& drive, std::vector<std::string>& notes,
                                                 std::vector<Error>& errors);

// `discrec speeds DRIVE`: the current profile (for the 1x of the medium), the write speeds and
// the read performance.
struct SpeedsReport {
    platform::DriveLocation location;
    std::optional<std::uint16_t> current_profile;
    WriteSpeeds write_speeds;
    std::optional<mmc::Record> read_performance;
    std::vector<std::string> notes;
    std::vector<Error> errors;
    std::optional<Error> fatal;  // could not be opened, timed out or vanished
};
SpeedsReport gather_speeds(const platform::DriveLocation& location, const OpenOptions& options);

}  // namespace discrec::drive
