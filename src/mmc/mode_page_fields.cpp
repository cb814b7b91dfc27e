// Mode page field layouts, one table per page, as the standards draw them:
//   01h Read/Write Error Recovery      MMC-6 §7.3 (byte 2 bit 3 EER from SBC-3), MMC-5 ERWS
//   05h Write Parameters               MMC-6 §7.5
//   07h Verify Error Recovery          SBC-3 (MMC-2 kept the SBC layout for CD/DVD drives)
//   08h Caching                        SBC-3 layout; MMC-6 §7.6 defines only WCE and RCD
//   0Dh CD Device Parameters           MMC-3 §5.5 (obsolete in MMC-4)
//   0Eh CD Audio Control               MMC-3 §5.5 (obsolete in MMC-4, still in QEMU)
//   1Ah Power Condition                SPC-4 §7.5 (MMC-6 §7.7 defines bytes 0-11: Idle, Standby)
//   1Ch Informational Exceptions       SPC-4 §7.5 (MMC-3: Fault / Failure Reporting Control)
//   1Dh Time-out and Protect           MMC-6 §7.9
//   2Ah CD/DVD Capabilities and Mechanical Status   MMC-3 §5.5.10 (MMC-2 used bytes 0-21 of it;
//       MMC-4 and later made the page obsolete, drives still report it)
// Bytes count from the page's byte 0; fields a shorter (older) page lacks are left out.
#include "mmc/mode_page_fields.hpp"

#include "mmc/tables/code_names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "mmc/tables/mode_pages.hpp"

namespace discrec::mmc {
namespace {

using K = ModeFieldKind;

template <const auto& Table>
std::string_view name_in(std::uint64_t code) noexcept {
    return name_of(Table, code);
}

std::string_view loading_mechanism_name(std::uint64_t code) noexcept {
    const auto* row = code <= 7 ? find_loading_mechanism(static_cast<std::uint8_t>(code)) : nullptr;
    return row != nullptr ? row->name : std::string_view{};
}

// ---------------------------------------------------------------- code names (enum fields)

// MMC-6 §7.5, Write Type.
constexpr std::array k_write_types = {
    CodeName{0, "Packet/Incremental"},   CodeName{1, "Track-at-Once"},
    CodeName{2, "Session-at-Once"},      CodeName{3, "Raw"},
    CodeName{4, "Layer Jump Recording"},
};
// MMC-6 §7.5, Multi-session field (10b reserved).
constexpr std::array k_multi_session = {
    CodeName{0, "No B0 pointer, next session not allowed"},
    CodeName{1, "B0 pointer = FF:FF:FF, next session not allowed"},
    CodeName{3, "Next session allowed, B0 pointer = next possible program area"},
};
// MMC-6 §7.5, Data Block Type (4-6 and 14 reserved, 7 and 15 vendor specific).
constexpr std::array k_data_block_types = {
    CodeName{0, "Raw data, 2352 bytes"},
    CodeName{1, "Raw data with P and Q sub-channel, 2368 bytes"},
    CodeName{2, "Raw data with P-W sub-channel appended, 2448 bytes"},
    CodeName{3, "Raw data with raw P-W sub-channel appended, 2448 bytes"},
    CodeName{7, "Vendor specific"},
    CodeName{8, "Mode 1, 2048 bytes"},
    CodeName{9, "Mode 2, 2336 bytes"},
    CodeName{10, "Mode 2 (CD-ROM XA, form 1), 2048 bytes"},
    CodeName{11, "Mode 2 (CD-ROM XA, form 1) with sub-header, 2056 bytes"},
    CodeName{12, "Mode 2 (CD-ROM XA, form 2), 2324 bytes"},
    CodeName{13, "Mode 2 (CD-ROM XA, form 1, form 2 or mixed), 2332 bytes"},
    CodeName{15, "Vendor specific"},
};
// MMC-6 §7.5, Session Format.
constexpr std::array k_session_formats = {
    CodeName{0x00, "CD-DA or CD-ROM or other data discs"},
    CodeName{0x10, "CD-I disc"},
    CodeName{0x20, "CD-ROM XA disc"},
};
// MMC-3 §5.5, CD Device Parameters: inactivity timer multiplier.
constexpr std::array k_inactivity_times = {
    CodeName{0, "Vendor specific"},
    CodeName{1, "125 ms"},
    CodeName{2, "250 ms"},
    CodeName{3, "500 ms"},
    CodeName{4, "1 s"},
    CodeName{5, "2 s"},
    CodeName{6, "4 s"},
    CodeName{7, "8 s"},
    CodeName{8, "16 s"},
    CodeName{9, "32 s"},
    CodeName{10, "1 min"},
    CodeName{11, "2 min"},
    CodeName{12, "4 min"},
    CodeName{13, "8 min"},
    CodeName{14, "16 min"},
    CodeName{15, "32 min"},
};
// MMC-3 §5.5, CD Audio Control: CDDA output port channel selection.
constexpr std::array k_channel_selections = {
    CodeName{0, "Muted"},           CodeName{1, "Audio channel 0"},
    CodeName{2, "Audio channel 1"}, CodeName{3, "Audio channels 0 and 1"},
    CodeName{4, "Audio channel 2"}, CodeName{8, "Audio channel 3"},
};
// SPC-4 §7.5, Informational Exceptions Control: method of reporting (MRIE).
constexpr std::array k_mrie = {
    CodeName{0, "No reporting of informational exception condition"},
    CodeName{1, "Asynchronous event reporting (obsolete)"},
    CodeName{2, "Generate unit attention"},
    CodeName{3, "Conditionally generate recovered error"},
    CodeName{4, "Unconditionally generate recovered error"},
    CodeName{5, "Generate no sense"},
    CodeName{6, "Only report informational exception condition on request"},
};
// MMC-3 §5.5.10: digital audio output word length (byte 17 bits 5-4).
constexpr std::array k_bck_lengths = {
    CodeName{0, "32 BCKs"},
    CodeName{1, "16 BCKs"},
    CodeName{2, "24 BCKs"},
    CodeName{3, "24 BCKs (I2S)"},
};
// MMC-3 §5.5.10: rotation control (byte 27, and byte 1 of each write speed descriptor).
constexpr std::array k_rotation_controls = {
    CodeName{0, "CLV and non-pure CAV"},
    CodeName{1, "Pure CAV"},
};

// ---------------------------------------------------------------- page layouts

constexpr std::array k_page01 = {
    ModeFieldRow{"awre", 2, 7, 1, K::flag, "AWRE (automatic write reallocation enabled)"},
    ModeFieldRow{"arre", 2, 6, 1, K::flag, "ARRE (automatic read reallocation enabled)"},
    ModeFieldRow{"tb", 2, 5, 1, K::flag, "TB (transfer block)"},
    ModeFieldRow{"rc", 2, 4, 1, K::flag, "RC (read continuous)"},
    ModeFieldRow{"eer", 2, 3, 1, K::flag, "EER (enable early recovery; SBC, reserved in MMC)"},
    ModeFieldRow{"per", 2, 2, 1, K::flag, "PER (post error)"},
    ModeFieldRow{"dte", 2, 1, 1, K::flag, "DTE (data terminate on error)"},
    ModeFieldRow{"dcr", 2, 0, 1, K::flag, "DCR (disable correction)"},
    ModeFieldRow{"read_retry_count", 3, 0, 8, K::uint, "Read Retry Count"},
    ModeFieldRow{"emcdr", 7, 0, 2, K::uint,
                 "EMCDR (enhanced media certification and defect reporting)"},
    ModeFieldRow{"write_retry_count", 8, 0, 8, K::uint, "Write Retry Count"},
    ModeFieldRow{"error_reporting_window_size_blocks", 9, 0, 24, K::uint,
                 "Error Reporting Window Size", "blocks"},
};

constexpr std::array k_page05 = {
    ModeFieldRow{"bufe", 2, 6, 1, K::flag, "BUFE (buffer under-run free recording enabled)"},
    ModeFieldRow{"ls_v", 2, 5, 1, K::flag, "LS_V (link size valid)"},
    ModeFieldRow{"test_write", 2, 4, 1, K::flag, "Test Write"},
    ModeFieldRow{"write_type", 2, 0, 4, K::enum_, "Write Type", {}, &name_in<k_write_types>},
    ModeFieldRow{
        "multi_session", 3, 6, 2, K::enum_, "Multi-session", {}, &name_in<k_multi_session>},
    ModeFieldRow{"fp", 3, 5, 1, K::flag, "FP (fixed packet)"},
    ModeFieldRow{"copy", 3, 4, 1, K::flag, "Copy (serial copy management)"},
    ModeFieldRow{"track_mode", 3, 0, 4, K::uint, "Track Mode"},
    ModeFieldRow{
        "data_block_type", 4, 0, 4, K::enum_, "Data Block Type", {}, &name_in<k_data_block_types>},
    ModeFieldRow{"link_size", 5, 0, 8, K::uint, "Link Size", "blocks"},
    ModeFieldRow{"initiator_application_code", 7, 0, 6, K::uint, "Initiator Application Code"},
    ModeFieldRow{
        "session_format", 8, 0, 8, K::enum_, "Session Format", {}, &name_in<k_session_formats>},
    ModeFieldRow{"packet_size_blocks", 10, 0, 32, K::uint, "Packet Size", "blocks"},
    ModeFieldRow{"audio_pause_length_blocks", 14, 0, 16, K::uint, "Audio Pause Length", "blocks"},
    ModeFieldRow{"mcval", 16, 7, 1, K::flag, "MCVAL (media catalog number valid)"},
    ModeFieldRow{"media_catalog_number", 17, 0, 13 * 8, K::ascii, "Media Catalog Number"},
    ModeFieldRow{"tcval", 32, 7, 1, K::flag, "TCVAL (ISRC valid)"},
    ModeFieldRow{"isrc", 33, 0, 12 * 8, K::ascii, "International Standard Recording Code"},
    ModeFieldRow{"sub_header", 48, 0, 32, K::hex, "Sub-header bytes 0-3"},
    ModeFieldRow{"vendor_specific", 52, 0, 32, K::hex, "Vendor Specific"},
};

constexpr std::array k_page07 = {
    ModeFieldRow{"eer", 2, 3, 1, K::flag, "EER (enable early recovery)"},
    ModeFieldRow{"per", 2, 2, 1, K::flag, "PER (post error)"},
    ModeFieldRow{"dte", 2, 1, 1, K::flag, "DTE (data terminate on error)"},
    ModeFieldRow{"dcr", 2, 0, 1, K::flag, "DCR (disable correction)"},
    ModeFieldRow{"verify_retry_count", 3, 0, 8, K::uint, "Verify Retry Count"},
    ModeFieldRow{"verify_correction_span", 4, 0, 8, K::uint, "Verify Correction Span (obsolete)"},
    ModeFieldRow{"verify_recovery_time_limit_ms", 10, 0, 16, K::uint, "Verify Recovery Time Limit",
                 "ms"},
};

constexpr std::array k_page08 = {
    ModeFieldRow{"ic", 2, 7, 1, K::flag, "IC (initiator control)"},
    ModeFieldRow{"abpf", 2, 6, 1, K::flag, "ABPF (abort pre-fetch)"},
    ModeFieldRow{"cap", 2, 5, 1, K::flag, "CAP (caching analysis permitted)"},
    ModeFieldRow{"disc", 2, 4, 1, K::flag, "DISC (discontinuity)"},
    ModeFieldRow{"size", 2, 3, 1, K::flag, "SIZE (size enable)"},
    ModeFieldRow{"wce", 2, 2, 1, K::flag, "WCE (write cache enable)"},
    ModeFieldRow{"mf", 2, 1, 1, K::flag, "MF (multiplication factor)"},
    ModeFieldRow{"rcd", 2, 0, 1, K::flag, "RCD (read cache disable)"},
    ModeFieldRow{"demand_read_retention_priority", 3, 4, 4, K::uint,
                 "Demand Read Retention Priority"},
    ModeFieldRow{"write_retention_priority", 3, 0, 4, K::uint, "Write Retention Priority"},
    ModeFieldRow{"disable_prefetch_transfer_length", 4, 0, 16, K::uint,
                 "Disable Pre-fetch Transfer Length", "blocks"},
    ModeFieldRow{"minimum_prefetch", 6, 0, 16, K::uint, "Minimum Pre-fetch"},
    ModeFieldRow{"maximum_prefetch", 8, 0, 16, K::uint, "Maximum Pre-fetch"},
    ModeFieldRow{"maximum_prefetch_ceiling", 10, 0, 16, K::uint, "Maximum Pre-fetch Ceiling"},
    ModeFieldRow{"fsw", 12, 7, 1, K::flag, "FSW (force sequential write)"},
    ModeFieldRow{"lbcss", 12, 6, 1, K::flag, "LBCSS (logical block cache segment size)"},
    ModeFieldRow{"dra", 12, 5, 1, K::flag, "DRA (disable read-ahead)"},
    ModeFieldRow{"nv_dis", 12, 0, 1, K::flag, "NV_DIS (non-volatile cache disable)"},
    ModeFieldRow{"number_of_cache_segments", 13, 0, 8, K::uint, "Number of Cache Segments"},
    ModeFieldRow{"cache_segment_size", 14, 0, 16, K::uint, "Cache Segment Size"},
};

constexpr std::array k_page0d = {
    ModeFieldRow{"inactivity_timer_multiplier",
                 3,
                 0,
                 4,
                 K::enum_,
                 "Inactivity Timer Multiplier",
                 {},
                 &name_in<k_inactivity_times>},
    ModeFieldRow{"s_units_per_m_unit", 4, 0, 16, K::uint, "Number of MSF-S units per MSF-M unit"},
    ModeFieldRow{"f_units_per_s_unit", 6, 0, 16, K::uint, "Number of MSF-F units per MSF-S unit"},
};

constexpr std::array k_page0e = {
    ModeFieldRow{"immed", 2, 2, 1, K::flag, "Immed"},
    ModeFieldRow{"sotc", 2, 1, 1, K::flag, "SOTC (stop on track crossing)"},
    ModeFieldRow{"port0_channel_selection",
                 8,
                 0,
                 4,
                 K::enum_,
                 "CDDA Output Port 0 Channel Selection",
                 {},
                 &name_in<k_channel_selections>},
    ModeFieldRow{"port0_volume", 9, 0, 8, K::uint, "Output Port 0 Volume"},
    ModeFieldRow{"port1_channel_selection",
                 10,
                 0,
                 4,
                 K::enum_,
                 "CDDA Output Port 1 Channel Selection",
                 {},
                 &name_in<k_channel_selections>},
    ModeFieldRow{"port1_volume", 11, 0, 8, K::uint, "Output Port 1 Volume"},
    ModeFieldRow{"port2_channel_selection",
                 12,
                 0,
                 4,
                 K::enum_,
                 "CDDA Output Port 2 Channel Selection",
                 {},
                 &name_in<k_channel_selections>},
    ModeFieldRow{"port2_volume", 13, 0, 8, K::uint, "Output Port 2 Volume"},
    ModeFieldRow{"port3_channel_selection",
                 14,
                 0,
                 4,
                 K::enum_,
                 "CDDA Output Port 3 Channel Selection",
                 {},
                 &name_in<k_channel_selections>},
    ModeFieldRow{"port3_volume", 15, 0, 8, K::uint, "Output Port 3 Volume"},
};

constexpr std::array k_page1a = {
    ModeFieldRow{"pm_bg_precedence", 2, 6, 2, K::uint,
                 "PM_BG_PRECEDENCE (power management / background functions)"},
    ModeFieldRow{"standby_y", 2, 0, 1, K::flag, "STANDBY_Y (standby_y timer enabled)"},
    ModeFieldRow{"idle_c", 3, 3, 1, K::flag, "IDLE_C (idle_c timer enabled)"},
    ModeFieldRow{"idle_b", 3, 2, 1, K::flag, "IDLE_B (idle_b timer enabled)"},
    ModeFieldRow{"idle", 3, 1, 1, K::flag, "IDLE_A (MMC: Idle timer enabled)"},
    ModeFieldRow{"standby", 3, 0, 1, K::flag, "STANDBY_Z (MMC: Standby timer enabled)"},
    ModeFieldRow{"idle_timer_100ms", 4, 0, 32, K::uint, "Idle(_a) Condition Timer", "100 ms"},
    ModeFieldRow{"standby_timer_100ms", 8, 0, 32, K::uint, "Standby(_z) Condition Timer", "100 ms"},
    ModeFieldRow{"idle_b_timer_100ms", 12, 0, 32, K::uint, "Idle_b Condition Timer", "100 ms"},
    ModeFieldRow{"idle_c_timer_100ms", 16, 0, 32, K::uint, "Idle_c Condition Timer", "100 ms"},
    ModeFieldRow{"standby_y_timer_100ms", 20, 0, 32, K::uint, "Standby_y Condition Timer",
                 "100 ms"},
    ModeFieldRow{"ccf_idle", 39, 6, 2, K::uint, "CCF_IDLE (check condition from idle_c)"},
    ModeFieldRow{"ccf_standby", 39, 4, 2, K::uint, "CCF_STANDBY (check condition from standby)"},
    ModeFieldRow{"ccf_stopped", 39, 2, 2, K::uint, "CCF_STOPPED (check condition from stopped)"},
};

constexpr std::array k_page1c = {
    ModeFieldRow{"perf", 2, 7, 1, K::flag, "PERF (performance)"},
    ModeFieldRow{"ebf", 2, 5, 1, K::flag, "EBF (enable background function)"},
    ModeFieldRow{"ewasc", 2, 4, 1, K::flag, "EWASC (enable warning)"},
    ModeFieldRow{"dexcpt", 2, 3, 1, K::flag, "DEXCPT (disable exception control)"},
    ModeFieldRow{"test", 2, 2, 1, K::flag, "TEST (test device failure notification)"},
    ModeFieldRow{"ebackerr", 2, 1, 1, K::flag, "EBACKERR (enable background error reporting)"},
    ModeFieldRow{"logerr", 2, 0, 1, K::flag, "LOGERR (log errors)"},
    ModeFieldRow{"mrie",
                 3,
                 0,
                 4,
                 K::enum_,
                 "MRIE (method of reporting informational exceptions)",
                 {},
                 &name_in<k_mrie>},
    ModeFieldRow{"interval_timer_100ms", 4, 0, 32, K::uint, "Interval Timer", "100 ms"},
    ModeFieldRow{"report_count", 8, 0, 32, K::uint, "Report Count"},
};

constexpr std::array k_page1d = {
    ModeFieldRow{"g3enable", 4, 3, 1, K::flag, "G3Enable (group 3 time-out enabled)"},
    ModeFieldRow{"tmoe", 4, 2, 1, K::flag, "TMOE (time-out enable)"},
    ModeFieldRow{"disp", 4, 1, 1, K::flag, "DISP (disabled until power cycle)"},
    ModeFieldRow{"swpp", 4, 0, 1, K::flag, "SWPP (software write protect until power cycle)"},
    ModeFieldRow{"group1_minimum_timeout_s", 6, 0, 16, K::uint, "Group 1 Minimum Time-out", "s"},
    ModeFieldRow{"group2_minimum_timeout_s", 8, 0, 16, K::uint, "Group 2 Minimum Time-out", "s"},
    ModeFieldRow{"group3_timeout_s", 10, 0, 16, K::uint, "Group 3 Time-out", "s"},
};

constexpr std::array k_page2a = {
    // byte 2: read abilities per medium
    ModeFieldRow{"dvd_ram_read", 2, 5, 1, K::flag, "DVD-RAM Read"},
    ModeFieldRow{"dvd_r_read", 2, 4, 1, K::flag, "DVD-R Read"},
    ModeFieldRow{"dvd_rom_read", 2, 3, 1, K::flag, "DVD-ROM Read"},
    ModeFieldRow{"method2", 2, 2, 1, K::flag, "Method 2 (fixed packets on CD-R/RW)"},
    ModeFieldRow{"cd_rw_read", 2, 1, 1, K::flag, "CD-RW Read"},
    ModeFieldRow{"cd_r_read", 2, 0, 1, K::flag, "CD-R Read"},
    // byte 3: write abilities per medium
    ModeFieldRow{"dvd_ram_write", 3, 5, 1, K::flag, "DVD-RAM Write"},
    ModeFieldRow{"dvd_r_write", 3, 4, 1, K::flag, "DVD-R Write"},
    ModeFieldRow{"test_write", 3, 2, 1, K::flag, "Test Write"},
    ModeFieldRow{"cd_rw_write", 3, 1, 1, K::flag, "CD-RW Write"},
    ModeFieldRow{"cd_r_write", 3, 0, 1, K::flag, "CD-R Write"},
    // byte 4: audio and formats
    ModeFieldRow{"buf", 4, 7, 1, K::flag, "BUF (buffer under-run free recording)"},
    ModeFieldRow{"multi_session", 4, 6, 1, K::flag, "Multi Session"},
    ModeFieldRow{"mode2_form2", 4, 5, 1, K::flag, "Mode 2 Form 2"},
    ModeFieldRow{"mode2_form1", 4, 4, 1, K::flag, "Mode 2 Form 1"},
    ModeFieldRow{"digital_port_2", 4, 3, 1, K::flag, "Digital Port (2)"},
    ModeFieldRow{"digital_port_1", 4, 2, 1, K::flag, "Digital Port (1)"},
    ModeFieldRow{"composite", 4, 1, 1, K::flag, "Composite"},
    ModeFieldRow{"audio_play", 4, 0, 1, K::flag, "Audio Play"},
    // byte 5: CD-DA and sub-channel
    ModeFieldRow{"read_bar_code", 5, 7, 1, K::flag, "Read Bar Code"},
    ModeFieldRow{"upc", 5, 6, 1, K::flag, "UPC"},
    ModeFieldRow{"isrc", 5, 5, 1, K::flag, "ISRC"},
    ModeFieldRow{"c2_pointers", 5, 4, 1, K::flag, "C2 Pointers supported"},
    ModeFieldRow{"rw_deinterleaved_corrected", 5, 3, 1, K::flag, "R-W De-interleaved & corrected"},
    ModeFieldRow{"rw_supported", 5, 2, 1, K::flag, "R-W Supported"},
    ModeFieldRow{"cdda_stream_accurate", 5, 1, 1, K::flag, "CD-DA Stream is Accurate"},
    ModeFieldRow{"cdda_commands", 5, 0, 1, K::flag, "CD-DA Commands Supported"},
    // byte 6: loading mechanism and lock
    ModeFieldRow{"loading_mechanism",
                 6,
                 5,
                 3,
                 K::enum_,
                 "Loading Mechanism Type",
                 {},
                 &loading_mechanism_name},
    ModeFieldRow{"eject", 6, 3, 1, K::flag, "Eject (individual or magazine)"},
    ModeFieldRow{"prevent_jumper", 6, 2, 1, K::flag, "Prevent Jumper"},
    ModeFieldRow{"lock_state", 6, 1, 1, K::flag, "Lock State (medium locked now)"},
    ModeFieldRow{"lock", 6, 0, 1, K::flag, "Lock (PREVENT ALLOW MEDIUM REMOVAL works)"},
    // byte 7: changer and audio channels
    ModeFieldRow{"rw_in_lead_in", 7, 5, 1, K::flag, "R-W in Lead-in"},
    ModeFieldRow{"side_change_capable", 7, 4, 1, K::flag, "Side Change Capable"},
    ModeFieldRow{"software_slot_selection", 7, 3, 1, K::flag, "SSS (software slot selection)"},
    ModeFieldRow{"changer_disc_present", 7, 2, 1, K::flag, "Changer Supports Disc Present"},
    ModeFieldRow{"separate_channel_mute", 7, 1, 1, K::flag, "Separate Channel Mute"},
    ModeFieldRow{"separate_volume_levels", 7, 0, 1, K::flag, "Separate Volume Levels"},
    // bytes 8-31: speeds, buffer, digital output, copy management, rotation control
    ModeFieldRow{"max_read_speed_kbps", 8, 0, 16, K::uint,
                 "Maximum Read Speed Supported (obsolete)", "kB/s"},
    ModeFieldRow{"volume_levels", 10, 0, 16, K::uint, "Number of Volume Levels Supported"},
    ModeFieldRow{"buffer_size_kb", 12, 0, 16, K::uint, "Buffer Size Supported", "KiB"},
    ModeFieldRow{"current_read_speed_kbps", 14, 0, 16, K::uint,
                 "Current Read Speed Selected (obsolete)", "kB/s"},
    ModeFieldRow{"bck_length",
                 17,
                 4,
                 2,
                 K::enum_,
                 "Length (digital output word length)",
                 {},
                 &name_in<k_bck_lengths>},
    ModeFieldRow{"lsbf", 17, 3, 1, K::flag, "LSBF (LSB first)"},
    ModeFieldRow{"rck", 17, 2, 1, K::flag, "RCK (high LRCK = left channel)"},
    ModeFieldRow{"bckf", 17, 1, 1, K::flag, "BCKF (data valid on BCK falling edge)"},
    ModeFieldRow{"max_write_speed_kbps", 18, 0, 16, K::uint,
                 "Maximum Write Speed Supported (obsolete)", "kB/s"},
    ModeFieldRow{"current_write_speed_kbps", 20, 0, 16, K::uint,
                 "Current Write Speed Selected (obsolete)", "kB/s"},
    ModeFieldRow{"copy_management_revision", 22, 0, 16, K::uint,
                 "Copy Management Revision Supported"},
    ModeFieldRow{"rotation_control_selected",
                 27,
                 0,
                 2,
                 K::enum_,
                 "Rotation Control Selected",
                 {},
                 &name_in<k_rotation_controls>},
    ModeFieldRow{"current_write_speed_selected_kbps", 28, 0, 16, K::uint,
                 "Current Write Speed Selected", "kB/s"},
    ModeFieldRow{"write_speed_descriptor_count", 30, 0, 16, K::uint,
                 "Number of Logical Unit Write Speed Performance Descriptor Tables"},
};

constexpr std::array k_layouts = {
    ModePageLayout{0x01, "MMC-6 §7.3 (EER: SBC-3)", k_page01},
    ModePageLayout{0x05, "MMC-6 §7.5", k_page05},
    ModePageLayout{0x07, "SBC-3 Verify Error Recovery (MMC-2)", k_page07},
    ModePageLayout{0x08, "SBC-3 Caching (MMC-6 §7.6: WCE, RCD)", k_page08},
    ModePageLayout{0x0d, "MMC-3 §5.5 CD Device Parameters", k_page0d},
    ModePageLayout{0x0e, "MMC-3 §5.5 CD Audio Control", k_page0e},
    ModePageLayout{0x1a, "SPC-4 §7.5 Power Condition (MMC-6 §7.7)", k_page1a},
    ModePageLayout{0x1c, "SPC-4 §7.5 Informational Exceptions Control (MMC-6 §7.8)", k_page1c},
    ModePageLayout{0x1d, "MMC-6 §7.9", k_page1d},
    ModePageLayout{0x2a, "MMC-3 §5.5.10", k_page2a},
};

constexpr std::uint8_t k_caps_page = 0x2a;
constexpr std::size_t k_write_speeds_at = 32;  // MMC-3 §5.5.10: descriptors from byte 32 on
constexpr std::size_t k_write_speed_size = 4;

std::vector<WriteSpeedDescriptor> decode_write_speeds(ByteSpan page,
                                                      std::vector<std::string>& warnings) {
    std::vector<WriteSpeedDescriptor> out;
    if (page.size() < k_write_speeds_at) return out;
    const std::size_t announced = be16_at(page, 30);
    const std::size_t there = (page.size() - k_write_speeds_at) / k_write_speed_size;
    if (announced > there) {
        warnings.push_back(fmt::format(
            "page 2Ah announces {} write speed descriptors, {} fit in the page", announced, there));
    }
    for (std::size_t i = 0; i < std::min(announced, there); ++i) {
        const std::size_t at = k_write_speeds_at + i * k_write_speed_size;
        out.push_back(
            {static_cast<std::uint8_t>(u8_at(page, at + 1) & 0x07U), be16_at(page, at + 2)});
    }
    return out;
}

// Pages laid end to end over `area`, possibly followed by zero padding: the bytes they use,
// or nullopt when a page length runs past the end.
std::optional<std::size_t> pages_fit(ByteSpan area) noexcept {
    std::size_t off = 0;
    while (off + 2 <= area.size()) {
        if (u8_at(area, off) == 0 && u8_at(area, off + 1) == 0) break;  // padding
        const bool spf = bit_at(area, off, 6);
        const std::size_t len = spf ? 4U + be16_at(area, off + 2) : 2U + u8_at(area, off + 1);
        if (off + len > area.size()) return std::nullopt;
        off += len;
    }
    for (std::size_t i = off; i < area.size(); ++i) {
        if (u8_at(area, i) != 0) return std::nullopt;
    }
    if (off == 0) return std::nullopt;
    return off;
}

bool all_zero_from(ByteSpan data, std::size_t from) noexcept {
    for (std::size_t i = from; i < data.size(); ++i) {
        if (u8_at(data, i) != 0) return false;
    }
    return true;
}

// SPC-4 §7.5.5: header(10) bytes 0-1 mode data length, 4 LONGLBA (bits 7-1 reserved),
// 5 reserved, 6-7 block descriptor length.
bool fits_sense10(ByteSpan data) noexcept {
    if (data.size() < 8 || (u8_at(data, 4) & 0xfeU) != 0 || u8_at(data, 5) != 0) return false;
    const std::size_t total = 2U + be16_at(data, 0);
    const std::size_t pages_at = 8U + be16_at(data, 6);
    if (total < pages_at || total > data.size() || !all_zero_from(data, total)) return false;
    return total == pages_at || pages_fit(sub_span(data, pages_at, total - pages_at));
}

// SPC-4 §7.5.5: header(6) byte 0 mode data length, 3 block descriptor length.
bool fits_sense6(ByteSpan data) noexcept {
    if (data.size() < 4) return false;
    const std::size_t total = 1U + u8_at(data, 0);
    const std::size_t pages_at = 4U + u8_at(data, 3);
    if (total < pages_at || total > data.size() || !all_zero_from(data, total)) return false;
    return total == pages_at || pages_fit(sub_span(data, pages_at, total - pages_at));
}

}  // namespace

std::span<const ModePageLayout> mode_page_layouts() noexcept { return k_layouts; }

const ModePageLayout* find_mode_page_layout(std::uint8_t code) noexcept {
    const auto* it = std::find_if(k_layouts.begin(), k_layouts.end(),
                                  [code](const ModePageLayout& l) { return l.code == code; });
    return it == k_layouts.end() ? nullptr : &*it;
}

std::string_view rotation_control_name(std::uint64_t code) noexcept {
    return name_in<k_rotation_controls>(code);
}

std::optional<std::uint64_t> read_field(ByteSpan page, const ModeFieldRow& row) noexcept {
    const std::size_t n = row.byte_count();
    if (row.width == 0 || n > 8 || row.byte + n > page.size()) return std::nullopt;
    std::uint64_t raw = 0;
    for (std::size_t i = 0; i < n; ++i) raw = (raw << 8U) | u8_at(page, row.byte + i);
    raw >>= row.lsb;
    return row.width >= 64 ? raw : raw & ((std::uint64_t{1} << row.width) - 1U);
}

std::string DecodedModeField::text() const {
    std::string out;
    for (std::byte b : bytes) {
        const auto c = static_cast<unsigned char>(b);
        out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : (c == 0 ? ' ' : '?'));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    return out;
}

DecodedModePage decode_mode_page(const ModePage& page) {
    DecodedModePage out;
    out.code = page.code;
    out.subpage = page.subpage;
    out.ps = page.ps;
    out.spf = page.spf;
    out.page_length = page.page_length;
    out.bytes = page.bytes;
    out.truncated = page.truncated;
    const ByteSpan bytes{page.bytes};
    if (page.truncated) {
        out.warnings.push_back(fmt::format("page {:02X}h: {} of {} bytes arrived", page.code,
                                           bytes.size(), std::size_t{2} + page.page_length));
    }
    // A subpage has a layout of its own (SPC-4 §7.5.7); only subpage 00h is decoded here.
    if (page.spf) return out;
    out.layout = find_mode_page_layout(page.code);
    if (out.layout == nullptr) return out;
    for (const ModeFieldRow& row : out.layout->fields) {
        const std::size_t end = row.byte + row.byte_count();
        if (end > bytes.size()) continue;
        DecodedModeField f{&row, 0, {}};
        if (row.kind == K::ascii || row.kind == K::hex) {
            const ByteSpan b = sub_span(bytes, row.byte, row.byte_count());
            f.bytes.assign(b.begin(), b.end());
        } else {
            f.value = read_field(bytes, row).value_or(0);
        }
        out.fields.push_back(std::move(f));
    }
    if (page.code == k_caps_page) out.write_speeds = decode_write_speeds(bytes, out.warnings);
    return out;
}

std::optional<ModeDataForm> detect_mode_data_form(ByteSpan data) noexcept {
    if (fits_sense10(data)) return ModeDataForm::sense10;
    if (fits_sense6(data)) return ModeDataForm::sense6;
    if (pages_fit(data)) return ModeDataForm::pages_only;
    return std::nullopt;
}

ModeParameters split_mode_data(ByteSpan data, ModeDataForm form) {
    if (form == ModeDataForm::sense10) return decode_mode_sense10(data);
    if (form == ModeDataForm::sense6) return decode_mode_sense6(data);
    // Bare pages: frame them with a header(10) of their own (no block descriptors), so the
    // one page splitter reads them. The length field holds at most 65535 - 6 page bytes.
    const std::size_t used = std::min(pages_fit(data).value_or(data.size()), std::size_t{65529});
    Bytes framed(8, std::byte{0});
    framed[0] = static_cast<std::byte>((used + 6) >> 8U);
    framed[1] = static_cast<std::byte>((used + 6) & 0xffU);
    framed.insert(framed.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(used));
    ModeParameters out = decode_mode_sense10(framed);
    out.usable = !out.pages.empty();
    return out;
}

}  // namespace discrec::mmc
