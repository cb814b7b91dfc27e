// Mode page table. Sources: SPC-4 §7.5 (pages common to all devices: 02h, 0Ah, 18h, 19h, 1Ah,
// 1Ch, 3Fh), MMC-6 §7 (01h, 05h, 1Ah, 1Dh, 2Ah), MMC-3/MMC-4 (03h MRW, 07h, 08h, 0Dh, 0Eh;
// 0Dh and 0Eh are obsolete in MMC-6 but QEMU still reports 0Eh), SFF-8070i (1Bh).
// Names as the standard of each row spells them.
#include "mmc/tables/mode_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace discrec::mmc {
namespace {

// Feature codes (MMC-6 §5.3; names in features.cpp).
constexpr std::array<std::uint16_t, 1> k_mrw = {0x0028};  // MRW
// CD Track at Once, CD Mastering, DVD-R/-RW Write, DDCD-R Write, Layer Jump Recording,
// CD-RW Media Write Support: the writing that Write Parameters (05h) sets up.
constexpr std::array<std::uint16_t, 6> k_write_parameters = {0x002d, 0x002e, 0x002f,
                                                             0x0031, 0x0033, 0x0037};
constexpr std::array<std::uint16_t, 1> k_power = {0x0100};    // Power Management
constexpr std::array<std::uint16_t, 1> k_smart = {0x0101};    // S.M.A.R.T.
constexpr std::array<std::uint16_t, 1> k_timeout = {0x0105};  // Timeout

constexpr std::array k_mode_pages = {
    ModePageRow{0x01, "error-recovery", "Read/Write Error Recovery", true},
    ModePageRow{0x02, "disconnect", "Disconnect-Reconnect", false},
    ModePageRow{0x03, "mrw", "MRW", true, k_mrw},
    ModePageRow{0x05, "write", "Write Parameters", true, k_write_parameters},
    ModePageRow{0x07, "verify-error-recovery", "Verify Error Recovery", true},
    ModePageRow{0x08, "caching", "Caching", true},
    ModePageRow{0x0a, "control", "Control", false},
    ModePageRow{0x0d, "cd", "CD Device Parameters", true},
    ModePageRow{0x0e, "cd-audio", "CD Audio Control", true},
    ModePageRow{0x18, "protocol-lu", "Protocol Specific Logical Unit", false},
    ModePageRow{0x19, "protocol-port", "Protocol Specific Port", false},
    ModePageRow{0x1a, "power", "Power Condition", true, k_power},
    ModePageRow{0x1b, "removable-block-access", "Removable Block Access Capabilities", false},
    ModePageRow{0x1c, "informational-exceptions", "Informational Exceptions Control", true,
                k_smart},
    ModePageRow{0x1d, "timeout-protect", "Time-out and Protect", true, k_timeout},
    ModePageRow{0x2a, "caps", "MM Capabilities and Mechanical Status", true},
    ModePageRow{0x3f, "all", "Return all pages", false},
};

static_assert(std::is_sorted(k_mode_pages.begin(), k_mode_pages.end(),
                             [](const ModePageRow& a, const ModePageRow& b) {
                                 return a.code < b.code;
                             }));

// MMC-3 page 2Ah byte 6 / MMC-6 Removable Medium feature: 3-bit field, 011b, 110b, 111b
// reserved.
constexpr std::array k_loading_mechanisms = {
    LoadingMechanismRow{0, "caddy", "Caddy/Slot type"},
    LoadingMechanismRow{1, "tray", "Tray type"},
    LoadingMechanismRow{2, "pop-up", "Pop-up type"},
    LoadingMechanismRow{4, "changer", "Embedded changer with individually changeable discs"},
    LoadingMechanismRow{5, "magazine", "Embedded changer using a magazine mechanism"},
};

}  // namespace

std::span<const ModePageRow> mode_page_table() noexcept { return k_mode_pages; }

const ModePageRow* find_mode_page(std::uint8_t code) noexcept {
    const auto* it = std::find_if(k_mode_pages.begin(), k_mode_pages.end(),
                                  [code](const ModePageRow& r) { return r.code == code; });
    return it == k_mode_pages.end() ? nullptr : &*it;
}

const ModePageRow* find_mode_page(std::string_view short_name) noexcept {
    const auto* it =
        std::find_if(k_mode_pages.begin(), k_mode_pages.end(),
                     [short_name](const ModePageRow& r) { return r.short_name == short_name; });
    return it == k_mode_pages.end() ? nullptr : &*it;
}

std::span<const LoadingMechanismRow> loading_mechanism_table() noexcept {
    return k_loading_mechanisms;
}

const LoadingMechanismRow* find_loading_mechanism(std::uint8_t code) noexcept {
    const auto* it = std::find_if(k_loading_mechanisms.begin(), k_loading_mechanisms.end(),
                                  [code](const LoadingMechanismRow& r) { return r.code == code; });
    return it == k_loading_mechanisms.end() ? nullptr : &*it;
}

std::string loading_mechanism_name(std::uint64_t code) {
    const auto* row = code <= 7 ? find_loading_mechanism(static_cast<std::uint8_t>(code)) : nullptr;
    return row != nullptr ? std::string(row->name) : std::string{};
}

bool is_pop_up(std::uint8_t loading_mechanism) noexcept { return loading_mechanism == 0x02; }

std::string mode_page_name(std::uint8_t code) {
    if (const auto* row = find_mode_page(code)) return std::string(row->name);
    return code == 0 ? "Vendor specific (unit attention)"
                     : fmt::format("Unknown page {:02X}h", code);
}

}  // namespace discrec::mmc
