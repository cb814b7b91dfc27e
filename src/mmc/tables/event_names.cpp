// Names of GET EVENT STATUS NOTIFICATION (MMC-6 §6.7) and MECHANISM STATUS (MMC-6 §6.11) codes,
// declared in mmc/events.hpp.
#include <array>

#include "mmc/events.hpp"
#include "mmc/tables/code_names.hpp"

namespace discrec::mmc {
namespace {

// MMC-6 §6.7.2.5: media event codes.
constexpr std::array k_events = {
    CodeName{0, "NoChg"},
    CodeName{1, "EjectRequest"},
    CodeName{2, "NewMedia"},
    CodeName{3, "MediaRemoval"},
    CodeName{4, "MediaChanged"},
    CodeName{5, "BGFormat-Completed"},
    CodeName{6, "BGFormat-Restarted"},
};

// MMC-6 §6.7.2: notification classes (header byte 2 bits 2-0).
constexpr std::array k_classes = {
    CodeName{1, "Operational Change"}, CodeName{2, "Power Management"},
    CodeName{3, "External Request"},   CodeName{4, "Media"},
    CodeName{5, "Multiple Hosts"},     CodeName{6, "Device Busy"},
};

// MMC-6 §6.11.2: changer state (byte 0 bits 6-5) and mechanism state (byte 1 bits 7-5).
constexpr std::array k_changer = {
    CodeName{0, "Ready"},
    CodeName{1, "Load in progress"},
    CodeName{2, "Unload in progress"},
    CodeName{3, "Initializing"},
};

constexpr std::array k_mechanism = {
    CodeName{0, "Idle"},
    CodeName{1, "Playing"},
    CodeName{2, "Scanning"},
    CodeName{3, "Active"},
    CodeName{7, "No state information"},
};

}  // namespace

std::string_view media_event_name(std::uint8_t v) noexcept { return name_of(k_events, v); }

std::string_view notification_class_name(std::uint8_t v) noexcept { return name_of(k_classes, v); }

std::string_view changer_state_name(std::uint8_t v) noexcept { return name_of(k_changer, v); }

std::string_view mechanism_state_name(std::uint8_t v) noexcept { return name_of(k_mechanism, v); }

}  // namespace discrec::mmc
