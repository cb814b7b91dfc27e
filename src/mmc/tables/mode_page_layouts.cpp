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
//       MMC-4 and later made the page obsolete, drives still report it), with its write speed
//       performance descriptors (bytes 32.., as many as bytes 30-31 say: MMC-3 Table 123)
// Bytes count from the page's byte 0; fields a shorter (older) page lacks are left out.
#include <algorithm>
#include <array>
#include <string>

#include "mmc/mode_page_fields.hpp"
#include "mmc/tables/code_names.hpp"
#include "mmc/tables/field_rows.hpp"
#include "mmc/tables/mode_pages.hpp"

namespace discrec::mmc {
namespace {

using namespace rows;

template <const auto& Table>
std::string name_in(std::uint64_t code) {
    return std::string(name_of(Table, code));
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
    flag("awre", "AWRE (automatic write reallocation enabled)", 2, 7),
    flag("arre", "ARRE (automatic read reallocation enabled)", 2, 6),
    flag("tb", "TB (transfer block)", 2, 5),
    flag("rc", "RC (read continuous)", 2, 4),
    flag("eer", "EER (enable early recovery; SBC, reserved in MMC)", 2, 3),
    flag("per", "PER (post error)", 2, 2),
    flag("dte", "DTE (data terminate on error)", 2, 1),
    flag("dcr", "DCR (disable correction)", 2, 0),
    number("read_retry_count", "Read Retry Count", 3, 8),
    number("emcdr", "EMCDR (enhanced media certification and defect reporting)", 7, 2),
    number("write_retry_count", "Write Retry Count", 8, 8),
    number("error_reporting_window_size_blocks", "Error Reporting Window Size", 9, 24, 0, "blocks"),
};

constexpr std::array k_page05 = {
    flag("bufe", "BUFE (buffer under-run free recording enabled)", 2, 6),
    flag("ls_v", "LS_V (link size valid)", 2, 5),
    flag("test_write", "Test Write", 2, 4),
    named("write_type", "Write Type", 2, 0, 4, name_in<k_write_types>, 2),
    named("multi_session", "Multi-session", 3, 6, 2, name_in<k_multi_session>, 2),
    flag("fp", "FP (fixed packet)", 3, 5),
    flag("copy", "Copy (serial copy management)", 3, 4),
    number("track_mode", "Track Mode", 3, 4),
    named("data_block_type", "Data Block Type", 4, 0, 4, name_in<k_data_block_types>, 2),
    number("link_size", "Link Size", 5, 8, 0, "blocks"),
    number("initiator_application_code", "Initiator Application Code", 7, 6),
    named("session_format", "Session Format", 8, 0, 8, name_in<k_session_formats>, 2),
    number("packet_size_blocks", "Packet Size", 10, 32, 0, "blocks"),
    number("audio_pause_length_blocks", "Audio Pause Length", 14, 16, 0, "blocks"),
    flag("mcval", "MCVAL (media catalog number valid)", 16, 7),
    text("media_catalog_number", "Media Catalog Number", 17, 13),
    flag("tcval", "TCVAL (ISRC valid)", 32, 7),
    text("isrc", "International Standard Recording Code", 33, 12),
    hex("sub_header", "Sub-header bytes 0-3", 48, 4),
    hex("vendor_specific", "Vendor Specific", 52, 4),
};

constexpr std::array k_page07 = {
    flag("eer", "EER (enable early recovery)", 2, 3),
    flag("per", "PER (post error)", 2, 2),
    flag("dte", "DTE (data terminate on error)", 2, 1),
    flag("dcr", "DCR (disable correction)", 2, 0),
    number("verify_retry_count", "Verify Retry Count", 3, 8),
    number("verify_correction_span", "Verify Correction Span (obsolete)", 4, 8),
    number("verify_recovery_time_limit_ms", "Verify Recovery Time Limit", 10, 16, 0, "ms"),
};

constexpr std::array k_page08 = {
    flag("ic", "IC (initiator control)", 2, 7),
    flag("abpf", "ABPF (abort pre-fetch)", 2, 6),
    flag("cap", "CAP (caching analysis permitted)", 2, 5),
    flag("disc", "DISC (discontinuity)", 2, 4),
    flag("size", "SIZE (size enable)", 2, 3),
    flag("wce", "WCE (write cache enable)", 2, 2),
    flag("mf", "MF (multiplication factor)", 2, 1),
    flag("rcd", "RCD (read cache disable)", 2, 0),
    number("demand_read_retention_priority", "Demand Read Retention Priority", 3, 4, 4),
    number("write_retention_priority", "Write Retention Priority", 3, 4),
    number("disable_prefetch_transfer_length", "Disable Pre-fetch Transfer Length", 4, 16, 0,
           "blocks"),
    number("minimum_prefetch", "Minimum Pre-fetch", 6, 16),
    number("maximum_prefetch", "Maximum Pre-fetch", 8, 16),
    number("maximum_prefetch_ceiling", "Maximum Pre-fetch Ceiling", 10, 16),
    flag("fsw", "FSW (force sequential write)", 12, 7),
    flag("lbcss", "LBCSS (logical block cache segment size)", 12, 6),
    flag("dra", "DRA (disable read-ahead)", 12, 5),
    flag("nv_dis", "NV_DIS (non-volatile cache disable)", 12, 0),
    number("number_of_cache_segments", "Number of Cache Segments", 13, 8),
    number("cache_segment_size", "Cache Segment Size", 14, 16),
};

constexpr std::array k_page0d = {
    named("inactivity_timer_multiplier", "Inactivity Timer Multiplier", 3, 0, 4,
          name_in<k_inactivity_times>, 2),
    number("s_units_per_m_unit", "Number of MSF-S units per MSF-M unit", 4, 16),
    number("f_units_per_s_unit", "Number of MSF-F units per MSF-S unit", 6, 16),
};

constexpr std::array k_page0e = {
    flag("immed", "Immed", 2, 2),
    flag("sotc", "SOTC (stop on track crossing)", 2, 1),
    named("port0_channel_selection", "CDDA Output Port 0 Channel Selection", 8, 0, 4,
          name_in<k_channel_selections>, 2),
    number("port0_volume", "Output Port 0 Volume", 9, 8),
    named("port1_channel_selection", "CDDA Output Port 1 Channel Selection", 10, 0, 4,
          name_in<k_channel_selections>, 2),
    number("port1_volume", "Output Port 1 Volume", 11, 8),
    named("port2_channel_selection", "CDDA Output Port 2 Channel Selection", 12, 0, 4,
          name_in<k_channel_selections>, 2),
    number("port2_volume", "Output Port 2 Volume", 13, 8),
    named("port3_channel_selection", "CDDA Output Port 3 Channel Selection", 14, 0, 4,
          name_in<k_channel_selections>, 2),
    number("port3_volume", "Output Port 3 Volume", 15, 8),
};

constexpr std::array k_page1a = {
    number("pm_bg_precedence", "PM_BG_PRECEDENCE (power management / background functions)", 2, 2,
           6),
    flag("standby_y", "STANDBY_Y (standby_y timer enabled)", 2, 0),
    flag("idle_c", "IDLE_C (idle_c timer enabled)", 3, 3),
    flag("idle_b", "IDLE_B (idle_b timer enabled)", 3, 2),
    flag("idle", "IDLE_A (MMC: Idle timer enabled)", 3, 1),
    flag("standby", "STANDBY_Z (MMC: Standby timer enabled)", 3, 0),
    number("idle_timer_100ms", "Idle(_a) Condition Timer", 4, 32, 0, "100 ms"),
    number("standby_timer_100ms", "Standby(_z) Condition Timer", 8, 32, 0, "100 ms"),
    number("idle_b_timer_100ms", "Idle_b Condition Timer", 12, 32, 0, "100 ms"),
    number("idle_c_timer_100ms", "Idle_c Condition Timer", 16, 32, 0, "100 ms"),
    number("standby_y_timer_100ms", "Standby_y Condition Timer", 20, 32, 0, "100 ms"),
    number("ccf_idle", "CCF_IDLE (check condition from idle_c)", 39, 2, 6),
    number("ccf_standby", "CCF_STANDBY (check condition from standby)", 39, 2, 4),
    number("ccf_stopped", "CCF_STOPPED (check condition from stopped)", 39, 2, 2),
};

constexpr std::array k_page1c = {
    flag("perf", "PERF (performance)", 2, 7),
    flag("ebf", "EBF (enable background function)", 2, 5),
    flag("ewasc", "EWASC (enable warning)", 2, 4),
    flag("dexcpt", "DEXCPT (disable exception control)", 2, 3),
    flag("test", "TEST (test device failure notification)", 2, 2),
    flag("ebackerr", "EBACKERR (enable background error reporting)", 2, 1),
    flag("logerr", "LOGERR (log errors)", 2, 0),
    named("mrie", "MRIE (method of reporting informational exceptions)", 3, 0, 4, name_in<k_mrie>,
          2),
    number("interval_timer_100ms", "Interval Timer", 4, 32, 0, "100 ms"),
    number("report_count", "Report Count", 8, 32),
};

constexpr std::array k_page1d = {
    flag("g3enable", "G3Enable (group 3 time-out enabled)", 4, 3),
    flag("tmoe", "TMOE (time-out enable)", 4, 2),
    flag("disp", "DISP (disabled until power cycle)", 4, 1),
    flag("swpp", "SWPP (software write protect until power cycle)", 4, 0),
    number("group1_minimum_timeout_s", "Group 1 Minimum Time-out", 6, 16, 0, "s"),
    number("group2_minimum_timeout_s", "Group 2 Minimum Time-out", 8, 16, 0, "s"),
    number("group3_timeout_s", "Group 3 Time-out", 10, 16, 0, "s"),
};

// MMC-3 §5.5.10, Table 123: Logical Unit Write Speed Performance Descriptor (4 bytes).
constexpr std::array k_write_speed_fields = {
    number("write_speed_kbps", "Write Speed", 2, 16, 0, "kB/s"),
    named("rotation_control", "Rotation Control", 1, 0, 3, name_in<k_rotation_controls>, 1),
};
constexpr Layout k_write_speed_descriptor{"Write speed descriptor", "MMC-3 §5.5.10",
                                          k_write_speed_fields, 0, 4};

constexpr std::array k_page2a = {
    // byte 2: read abilities per medium
    flag("dvd_ram_read", "DVD-RAM Read", 2, 5),
    flag("dvd_r_read", "DVD-R Read", 2, 4),
    flag("dvd_rom_read", "DVD-ROM Read", 2, 3),
    flag("method2", "Method 2 (fixed packets on CD-R/RW)", 2, 2),
    flag("cd_rw_read", "CD-RW Read", 2, 1),
    flag("cd_r_read", "CD-R Read", 2, 0),
    // byte 3: write abilities per medium
    flag("dvd_ram_write", "DVD-RAM Write", 3, 5),
    flag("dvd_r_write", "DVD-R Write", 3, 4),
    flag("test_write", "Test Write", 3, 2),
    flag("cd_rw_write", "CD-RW Write", 3, 1),
    flag("cd_r_write", "CD-R Write", 3, 0),
    // byte 4: audio and formats
    flag("buf", "BUF (buffer under-run free recording)", 4, 7),
    flag("multi_session", "Multi Session", 4, 6),
    flag("mode2_form2", "Mode 2 Form 2", 4, 5),
    flag("mode2_form1", "Mode 2 Form 1", 4, 4),
    flag("digital_port_2", "Digital Port (2)", 4, 3),
    flag("digital_port_1", "Digital Port (1)", 4, 2),
    flag("composite", "Composite", 4, 1),
    flag("audio_play", "Audio Play", 4, 0),
    // byte 5: CD-DA and sub-channel
    flag("read_bar_code", "Read Bar Code", 5, 7),
    flag("upc", "UPC", 5, 6),
    flag("isrc", "ISRC", 5, 5),
    flag("c2_pointers", "C2 Pointers supported", 5, 4),
    flag("rw_deinterleaved_corrected", "R-W De-interleaved & corrected", 5, 3),
    flag("rw_supported", "R-W Supported", 5, 2),
    flag("cdda_stream_accurate", "CD-DA Stream is Accurate", 5, 1),
    flag("cdda_commands", "CD-DA Commands Supported", 5, 0),
    // byte 6: loading mechanism and lock
    named("loading_mechanism", "Loading Mechanism Type", 6, 5, 3, loading_mechanism_name, 2),
    flag("eject", "Eject (individual or magazine)", 6, 3),
    flag("prevent_jumper", "Prevent Jumper", 6, 2),
    flag("lock_state", "Lock State (medium locked now)", 6, 1),
    flag("lock", "Lock (PREVENT ALLOW MEDIUM REMOVAL works)", 6, 0),
    // byte 7: changer and audio channels
    flag("rw_in_lead_in", "R-W in Lead-in", 7, 5),
    flag("side_change_capable", "Side Change Capable", 7, 4),
    flag("software_slot_selection", "SSS (software slot selection)", 7, 3),
    flag("changer_disc_present", "Changer Supports Disc Present", 7, 2),
    flag("separate_channel_mute", "Separate Channel Mute", 7, 1),
    flag("separate_volume_levels", "Separate Volume Levels", 7, 0),
    // bytes 8-31: speeds, buffer, digital output, copy management, rotation control
    number("max_read_speed_kbps", "Maximum Read Speed Supported (obsolete)", 8, 16, 0, "kB/s"),
    number("volume_levels", "Number of Volume Levels Supported", 10, 16),
    number("buffer_size_kb", "Buffer Size Supported", 12, 16, 0, "KiB"),
    number("current_read_speed_kbps", "Current Read Speed Selected (obsolete)", 14, 16, 0, "kB/s"),
    named("bck_length", "Length (digital output word length)", 17, 4, 2, name_in<k_bck_lengths>, 2),
    flag("lsbf", "LSBF (LSB first)", 17, 3),
    flag("rck", "RCK (high LRCK = left channel)", 17, 2),
    flag("bckf", "BCKF (data valid on BCK falling edge)", 17, 1),
    number("max_write_speed_kbps", "Maximum Write Speed Supported (obsolete)", 18, 16, 0, "kB/s"),
    number("current_write_speed_kbps", "Current Write Speed Selected (obsolete)", 20, 16, 0,
           "kB/s"),
    number("copy_management_revision", "Copy Management Revision Supported", 22, 16),
    named("rotation_control_selected", "Rotation Control Selected", 27, 0, 2,
          name_in<k_rotation_controls>, 2),
    number("current_write_speed_selected_kbps", "Current Write Speed Selected", 28, 16, 0, "kB/s"),
    number("write_speed_descriptor_count",
           "Number of Logical Unit Write Speed Performance Descriptor Tables", 30, 16),
    list("write_speed_descriptors", "Write Speed Performance Descriptors", 32,
         k_write_speed_descriptor, k_no_byte, "write_speed_descriptor_count"),
};

constexpr std::array k_layouts = {
    ModePageLayout{0x01, Layout{{}, "MMC-6 §7.3 (EER: SBC-3)", k_page01, 0, 0}},
    ModePageLayout{0x05, Layout{{}, "MMC-6 §7.5", k_page05, 0, 0}},
    ModePageLayout{0x07, Layout{{}, "SBC-3 Verify Error Recovery (MMC-2)", k_page07, 0, 0}},
    ModePageLayout{0x08, Layout{{}, "SBC-3 Caching (MMC-6 §7.6: WCE, RCD)", k_page08, 0, 0}},
    ModePageLayout{0x0d, Layout{{}, "MMC-3 §5.5 CD Device Parameters", k_page0d, 0, 0}},
    ModePageLayout{0x0e, Layout{{}, "MMC-3 §5.5 CD Audio Control", k_page0e, 0, 0}},
    ModePageLayout{0x1a, Layout{{}, "SPC-4 §7.5 Power Condition (MMC-6 §7.7)", k_page1a, 0, 0}},
    ModePageLayout{
        0x1c,
        Layout{{}, "SPC-4 §7.5 Informational Exceptions Control (MMC-6 §7.8)", k_page1c, 0, 0}},
    ModePageLayout{0x1d, Layout{{}, "MMC-6 §7.9", k_page1d, 0, 0}},
    ModePageLayout{0x2a, Layout{{}, "MMC-3 §5.5.10", k_page2a, 0, 0}},
};

}  // namespace

std::span<const ModePageLayout> mode_page_layouts() noexcept { return k_layouts; }

const ModePageLayout* find_mode_page_layout(std::uint8_t code) noexcept {
    const auto* it = std::find_if(k_layouts.begin(), k_layouts.end(),
                                  [code](const ModePageLayout& l) { return l.code == code; });
    return it == k_layouts.end() ? nullptr : &*it;
}

}  // namespace discrec::mmc
