#include "mmc/cdb.hpp"

#include <initializer_list>

#include "mmc/fields.hpp"
#include "mmc/tables/cdb_layouts.hpp"

namespace discrec::mmc {
namespace {

// A zeroed CDB of the layout's length with its opcode in byte 0 and `values` written to the
// layout's rows, in row order (the CONTROL byte and reserved bits stay 0).
Cdb build(const CdbLayout& cdb_layout, std::initializer_list<std::uint64_t> values) {
    Cdb cdb;
    cdb.size = cdb_layout.layout.size;
    cdb.bytes[0] = std::byte{cdb_layout.opcode};
    const std::span<std::byte> bytes = std::span{cdb.bytes}.first(cdb.size);
    auto row = cdb_layout.layout.fields.begin();
    for (const std::uint64_t value : values) {
        if (row == cdb_layout.layout.fields.end()) break;
        write_number(*row++, bytes, 0, value);
    }
    return cdb;
}

}  // namespace

Cdb test_unit_ready() { return build(cdb_layout::test_unit_ready, {}); }

Cdb inquiry(std::uint16_t alloc) { return build(cdb_layout::inquiry, {0, 0, alloc}); }

Cdb inquiry_vpd(std::uint8_t page, std::uint16_t alloc) {
    return build(cdb_layout::inquiry, {1, page, alloc});
}

Cdb request_sense(std::uint8_t alloc, bool desc) {
    return build(cdb_layout::request_sense, {desc, alloc});
}

Cdb get_configuration(ConfigurationRt rt, std::uint16_t starting_feature, std::uint16_t alloc) {
    return build(cdb_layout::get_configuration,
                 {static_cast<std::uint64_t>(rt), starting_feature, alloc});
}

Cdb get_event_status_notification(bool polled, std::uint8_t class_mask, std::uint16_t alloc) {
    return build(cdb_layout::get_event_status_notification, {polled, class_mask, alloc});
}

Cdb mechanism_status(std::uint16_t alloc) { return build(cdb_layout::mechanism_status, {alloc}); }

Cdb read_capacity() { return build(cdb_layout::read_capacity10, {}); }

Cdb read_disc_information(std::uint16_t alloc) {
    return build(cdb_layout::read_disc_information, {0, alloc});
}

Cdb read_track_information(std::uint32_t track, std::uint16_t alloc) {
    constexpr std::uint64_t k_track_number = 1;  // Address/Number Type 01b
    return build(cdb_layout::read_track_information, {k_track_number, track, alloc});
}

Cdb read_format_capacities(std::uint16_t alloc) {
    return build(cdb_layout::read_format_capacities, {alloc});
}

Cdb read_toc(std::uint8_t format, bool msf, std::uint8_t track_or_session, std::uint16_t alloc) {
    // SFF-8020i knows formats 0-2 only: byte 9 carries them, and stays 0 for the others.
    const std::uint64_t sff8020_format = format <= 2 ? format : 0;
    return build(cdb_layout::read_toc_pma_atip,
                 {msf, format, track_or_session, alloc, sff8020_format});
}

Cdb get_performance(std::uint8_t type, std::uint8_t data_type, std::uint32_t starting_lba,
                    std::uint16_t max_descriptors) {
    return build(cdb_layout::get_performance, {data_type, starting_lba, max_descriptors, type});
}

Cdb read_disc_structure(std::uint8_t media_type, std::uint32_t address, std::uint8_t layer,
                        std::uint8_t format, std::uint8_t agid, std::uint16_t alloc) {
    return build(cdb_layout::read_disc_structure,
                 {media_type, address, layer, format, alloc, agid});
}

Cdb read10(std::uint32_t lba, std::uint16_t blocks) {
    return build(cdb_layout::read10, {lba, blocks});
}

Cdb mode_sense10(std::uint8_t page, std::uint8_t subpage, PageControl pc, bool dbd,
                 std::uint16_t alloc) {
    return build(cdb_layout::mode_sense10,
                 {dbd, static_cast<std::uint64_t>(pc), page, subpage, alloc});
}

Cdb mode_sense6(std::uint8_t page, std::uint8_t subpage, PageControl pc, bool dbd,
                std::uint8_t alloc) {
    return build(cdb_layout::mode_sense6,
                 {dbd, static_cast<std::uint64_t>(pc), page, subpage, alloc});
}

Cdb prevent_allow_medium_removal(bool prevent) {
    return build(cdb_layout::prevent_allow_medium_removal, {prevent});
}

Cdb start_stop_unit(bool start, bool loej, bool immed) {
    return build(cdb_layout::start_stop_unit, {immed, loej, start});
}

Cdb read_sub_channel(std::uint8_t format, std::uint8_t track, std::uint16_t alloc) {
    return build(cdb_layout::read_sub_channel, {false, true, format, track, alloc});
}

Cdb report_key_rpc_state(std::uint16_t alloc) {
    constexpr std::uint64_t k_rpc_state = 0x08;
    return build(cdb_layout::report_key, {0, 0, alloc, 0, k_rpc_state});
}

}  // namespace discrec::mmc
