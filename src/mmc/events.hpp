// GET EVENT STATUS NOTIFICATION (MMC-6 §6.7) and MECHANISM STATUS (MMC-6 §6.11) responses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/bytes.hpp"

namespace discrec::mmc {

// The media notification class (MMC-6 §6.7.2: header byte 2 bits 2-0), the one discrec asks
// for; the names of every class and media event code are in tables/event_names.cpp.
inline constexpr std::uint8_t k_notification_class_media = 4;

// The 4-byte Event Status Notification header (MMC-6 §6.7.2.1).
struct EventHeader {
    std::uint16_t event_data_length = 0;  // bytes of event descriptor after this header
    bool nea = false;                     // No Event Available
    std::uint8_t notification_class = 0;
    std::uint8_t supported_classes = 0;  // bit n: class n supported (QEMU: 10h, media only)
};

// Media class event descriptor (MMC-6 §6.7.2.5).
struct MediaEvent {
    std::uint8_t event_code = 0;
    bool door_or_tray_open = false;
    bool media_present = false;
    std::uint8_t start_slot = 0;
    std::uint8_t end_slot = 0;
};

struct EventStatus {
    bool usable = false;  // the 4-byte header arrived
    EventHeader header;
    std::optional<MediaEvent> media;  // set when the descriptor is a media class one
    Bytes descriptor;                 // the event descriptor bytes that arrived (any class)
    bool truncated = false;           // event data length announces more than arrived
    std::vector<std::string> warnings;
};

EventStatus decode_event_status(ByteSpan data);

// "NewMedia", "EjectRequest" ... as MMC-6 names them; "" for reserved codes.
std::string_view media_event_name(std::uint8_t code) noexcept;
// "Media", "Operational Change" ...; "" for reserved classes.
std::string_view notification_class_name(std::uint8_t cls) noexcept;

// MECHANISM STATUS header (MMC-6 §6.11.2) and slot table entries (§6.11.3).
struct SlotEntry {
    bool disc_present = false;
    bool change = false;
    bool cwp_valid = false;  // CWP_V: the CWP bit is meaningful
    bool cwp = false;        // cartridge write protect
};

struct MechanismStatus {
    bool usable = false;  // the 8-byte header arrived
    bool fault = false;
    std::uint8_t changer_state = 0;    // 0 ready, 1 load, 2 unload, 3 initializing
    std::uint8_t current_slot = 0;     // 8 bits: byte 1 bits 2-0 high, byte 0 bits 4-0 low
    std::uint8_t mechanism_state = 0;  // 0 idle, 1 playing, 2 scanning, 3 active, 7 no info
    bool door_open = false;            // QEMU never sets it, even with the tray open
    std::uint32_t current_lba = 0;     // bytes 2-4 (obsolete since MMC-5)
    std::uint8_t number_of_slots = 0;
    std::uint16_t slot_table_length = 0;
    std::vector<SlotEntry> slots;  // only the entries that arrived whole
    bool truncated = false;        // slot table length announces more than arrived
    std::vector<std::string> warnings;
};

MechanismStatus decode_mechanism_status(ByteSpan data);

// Names of the 2-bit changer state and 3-bit mechanism state; "" for reserved values.
std::string_view changer_state_name(std::uint8_t state) noexcept;
std::string_view mechanism_state_name(std::uint8_t state) noexcept;

}  // namespace discrec::mmc
