#include "mmc/events.hpp"

#include <fmt/format.h>

#include "mmc/fields.hpp"

namespace discrec::mmc {
namespace {

// MMC-6 §6.7.2.1: 4-byte header; §6.7.2.5: 4-byte media event descriptor.
constexpr std::size_t k_event_header = 4;
constexpr std::size_t k_media_descriptor = 4;
// MMC-6 §6.11.2: 8-byte mechanism status header; §6.11.3: 4-byte slot table entries.
constexpr std::size_t k_mechanism_header = 8;
constexpr std::size_t k_slot_entry = 4;

MediaEvent read_media_event(ByteSpan d) {
    MediaEvent m;
    m.event_code = u8_at(d, 0) & 0x0fU;
    m.media_present = bit_at(d, 1, 1);
    m.door_or_tray_open = bit_at(d, 1, 0);
    m.start_slot = u8_at(d, 2);
    m.end_slot = u8_at(d, 3);
    return m;
}

void decode_event_descriptor(EventStatus& out) {
    const EventHeader& h = out.header;
    if (h.nea) return;  // No Event Available: no descriptor to read
    if (out.descriptor.empty()) {
        out.warnings.push_back("no event descriptor although NEA is clear");
        return;
    }
    if (h.notification_class != k_notification_class_media) return;
    if (out.descriptor.size() < k_media_descriptor) {
        out.warnings.push_back(
            fmt::format("media event descriptor is only {} bytes", out.descriptor.size()));
        return;
    }
    out.media = read_media_event(out.descriptor);
}

SlotEntry read_slot(ByteSpan d) {
    return SlotEntry{bit_at(d, 0, 7), bit_at(d, 0, 0), bit_at(d, 1, 1), bit_at(d, 1, 0)};
}

}  // namespace

EventStatus decode_event_status(ByteSpan data) {
    EventStatus out;
    out.usable = bytes_arrived(data, k_event_header, "event status response", out.warnings);
    if (!out.usable) return out;
    EventHeader& h = out.header;
    h.event_data_length = be16_at(data, 0);
    h.nea = bit_at(data, 2, 7);
    h.notification_class = u8_at(data, 2) & 0x07U;
    h.supported_classes = u8_at(data, 3);
    // The event data length counts the bytes after the 4-byte header (MMC-6 §6.7.2.1;
    // QEMU sends 00 04 for one 4-byte media descriptor).
    out.truncated = k_event_header + h.event_data_length > data.size();
    const ByteSpan d = sub_span(data, k_event_header, h.event_data_length);
    out.descriptor.assign(d.begin(), d.end());
    decode_event_descriptor(out);
    return out;
}

MechanismStatus decode_mechanism_status(ByteSpan data) {
    MechanismStatus out;
    out.usable = bytes_arrived(data, k_mechanism_header, "mechanism status", out.warnings);
    if (!out.usable) return out;
    out.fault = bit_at(data, 0, 7);
    out.changer_state = (u8_at(data, 0) >> 5) & 0x03U;
    out.current_slot =
        static_cast<std::uint8_t>(((u8_at(data, 1) & 0x07U) << 5) | (u8_at(data, 0) & 0x1fU));
    out.mechanism_state = u8_at(data, 1) >> 5;
    out.door_open = bit_at(data, 1, 4);
    out.current_lba = be24_at(data, 2);
    out.number_of_slots = u8_at(data, 5);
    out.slot_table_length = be16_at(data, 6);
    if (out.slot_table_length % k_slot_entry != 0) {
        out.warnings.push_back(
            fmt::format("slot table length {} is not a multiple of 4", out.slot_table_length));
    }
    out.truncated = k_mechanism_header + out.slot_table_length > data.size();
    const ByteSpan table = sub_span(data, k_mechanism_header, out.slot_table_length);
    for (std::size_t off = 0; off + k_slot_entry <= table.size(); off += k_slot_entry) {
        out.slots.push_back(read_slot(table.subspan(off, k_slot_entry)));
    }
    return out;
}

}  // namespace discrec::mmc
