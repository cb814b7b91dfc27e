// Mode page codes an optical drive may report (SPC-4 §7.5, MMC-6 §7, MMC-3 for pages MMC-6
// made obsolete), and the loading mechanism types of page 2Ah and the Removable Medium feature.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace discrec::mmc {

// The page codes code asks for by name (SPC-4 §7.5, MMC-3 §5.5.10); the rest are table rows.
namespace mode_page_code {
inline constexpr std::uint8_t capabilities = 0x2a;  // CD/DVD Capabilities and Mechanical Status
inline constexpr std::uint8_t all = 0x3f;           // "return all pages"
}  // namespace mode_page_code

struct ModePageRow {
    std::uint8_t code;            // page code, subpage 00h
    std::string_view short_name;  // CLI spelling: "caps" for 2Ah, "error-recovery" for 01h
    std::string_view name;        // as in the standard
    // A page the MMC standards define for multimedia devices (MMC-2 and MMC-3 §5.5 "Mode
    // Parameters", MMC-5/MMC-6 §7, IMAPI_MODE_PAGE_TYPE's set): what a drive that refuses
    // page 3Fh is asked for one page at a time. The SPC/SBC pages (02h, 0Ah, 18h, 19h, 1Bh)
    // can still be asked by code; ATAPI drives refuse 3Fh, and each refusal is an ATA error
    // to recover from (about 35 ms on libata), so only pages a drive may have are probed.
    bool multimedia = false;
    // The features (MMC-6 §5.3) whose descriptions make this page part of them: a page with
    // any is probed only when the drive reports one of them in GET CONFIGURATION (MRW page
    // 03h: MRW; 05h: the write features that take Write Parameters; 1Ah: Power Management;
    // 1Ch: S.M.A.R.T.; 1Dh: Timeout). Empty: probed on every drive.
    std::span<const std::uint16_t> features = {};
};

std::span<const ModePageRow> mode_page_table() noexcept;
const ModePageRow* find_mode_page(std::uint8_t code) noexcept;
const ModePageRow* find_mode_page(std::string_view short_name) noexcept;

// Loading mechanism type: page 2Ah byte 6 bits 7-5 (MMC-3), Removable Medium feature byte 4
// bits 7-5 (MMC-6, Removable Medium feature 0003h).
struct LoadingMechanismRow {
    std::uint8_t code;
    std::string_view short_name;  // "tray"
    std::string_view name;        // "Tray type"
};

std::span<const LoadingMechanismRow> loading_mechanism_table() noexcept;
const LoadingMechanismRow* find_loading_mechanism(std::uint8_t code) noexcept;
// A field namer: the mechanism's name, "" for a reserved code.
std::string loading_mechanism_name(std::uint64_t code);
// The loading mechanism a user must push in by hand (MMC-3 §5.5.10: 010b pop-up).
bool is_pop_up(std::uint8_t loading_mechanism) noexcept;
// "CD/DVD Capabilities and Mechanical Status", "Vendor specific (unit attention)" for page 00h
// (SPC-4 §7.5.1), "Unknown page 42h".
std::string mode_page_name(std::uint8_t code);

}  // namespace discrec::mmc
