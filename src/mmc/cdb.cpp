#include "mmc/cdb.hpp"

#include "mmc/tables/opcodes.hpp"

namespace discrec::mmc {
namespace {

// A zeroed CDB of `size` bytes with the opcode in byte 0; byte `size-1` (CONTROL) stays 0.
Cdb make_cdb(std::uint8_t opcode, std::size_t size) {
    Cdb cdb;
    cdb.size = size;
    cdb.bytes[0] = std::byte{opcode};
    return cdb;
}

void put_u8(Cdb& cdb, std::size_t off, unsigned value) {
    cdb.bytes[off] = static_cast<std::byte>(value & 0xffU);
}

void put_be16(Cdb& cdb, std::size_t off, unsigned value) {
    put_u8(cdb, off, value >> 8);
    put_u8(cdb, off + 1, value);
}

// Byte 2 of both MODE SENSE CDBs: PC in bits 7-6, page code in bits 5-0.
unsigned pc_and_page(PageControl pc, std::uint8_t page) {
    return (static_cast<unsigned>(pc) << 6) | (page & 0x3fU);
}

}  // namespace

Cdb test_unit_ready() { return make_cdb(op::test_unit_ready, 6); }

Cdb inquiry(std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::inquiry, 6);
    put_be16(cdb, 3, alloc);
    return cdb;
}

Cdb inquiry_vpd(std::uint8_t page, std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::inquiry, 6);
    put_u8(cdb, 1, 0x01);  // EVPD
    put_u8(cdb, 2, page);
    put_be16(cdb, 3, alloc);
    return cdb;
}

Cdb request_sense(std::uint8_t alloc, bool desc) {
    Cdb cdb = make_cdb(op::request_sense, 6);
    put_u8(cdb, 1, desc ? 0x01 : 0x00);
    put_u8(cdb, 4, alloc);
    return cdb;
}

Cdb get_configuration(ConfigurationRt rt, std::uint16_t starting_feature, std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::get_configuration, 10);
    put_u8(cdb, 1, static_cast<unsigned>(rt) & 0x03U);
    put_be16(cdb, 2, starting_feature);
    put_be16(cdb, 7, alloc);
    return cdb;
}

Cdb get_event_status_notification(bool polled, std::uint8_t class_mask, std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::get_event_status_notification, 10);
    put_u8(cdb, 1, polled ? 0x01 : 0x00);
    put_u8(cdb, 4, class_mask);
    put_be16(cdb, 7, alloc);
    return cdb;
}

Cdb mechanism_status(std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::mechanism_status, 12);
    put_be16(cdb, 8, alloc);
    return cdb;
}

Cdb read_capacity() { return make_cdb(op::read_capacity10, 10); }

Cdb read_disc_information(std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::read_disc_information, 10);
    put_be16(cdb, 7, alloc);
    return cdb;
}

Cdb read_track_information(std::uint32_t track, std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::read_track_information, 10);
    put_u8(cdb, 1, 0x01);  // Address/Number Type 01b: bytes 2-5 hold a track number
    put_be16(cdb, 2, track >> 16);
    put_be16(cdb, 4, track & 0xffffU);
    put_be16(cdb, 7, alloc);
    return cdb;
}

Cdb read_toc(std::uint8_t format, bool msf, std::uint8_t track_or_session, std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::read_toc_pma_atip, 10);
    put_u8(cdb, 1, msf ? 0x02 : 0x00);
    put_u8(cdb, 2, format & 0x0fU);
    put_u8(cdb, 6, track_or_session);
    put_be16(cdb, 7, alloc);
    if (format <= 2) put_u8(cdb, 9, static_cast<unsigned>(format) << 6);
    return cdb;
}

Cdb mode_sense10(std::uint8_t page, std::uint8_t subpage, PageControl pc, bool dbd,
                 std::uint16_t alloc) {
    Cdb cdb = make_cdb(op::mode_sense10, 10);
    put_u8(cdb, 1, dbd ? 0x08 : 0x00);
    put_u8(cdb, 2, pc_and_page(pc, page));
    put_u8(cdb, 3, subpage);
    put_be16(cdb, 7, alloc);
    return cdb;
}

Cdb mode_sense6(std::uint8_t page, std::uint8_t subpage, PageControl pc, bool dbd,
                std::uint8_t alloc) {
    Cdb cdb = make_cdb(op::mode_sense6, 6);
    put_u8(cdb, 1, dbd ? 0x08 : 0x00);
    put_u8(cdb, 2, pc_and_page(pc, page));
    put_u8(cdb, 3, subpage);
    put_u8(cdb, 4, alloc);
    return cdb;
}

Cdb prevent_allow_medium_removal(bool prevent) {
    Cdb cdb = make_cdb(op::prevent_allow_medium_removal, 6);
    put_u8(cdb, 4, prevent ? 0x01 : 0x00);  // PREVENT field, bits 1-0; 01b = prevent
    return cdb;
}

Cdb start_stop_unit(bool start, bool loej, bool immed) {
    Cdb cdb = make_cdb(op::start_stop_unit, 6);
    put_u8(cdb, 1, immed ? 0x01 : 0x00);
    // Byte 4: power condition 0 (START_VALID), LoEj bit 1, Start bit 0.
    put_u8(cdb, 4, (loej ? 0x02U : 0x00U) | (start ? 0x01U : 0x00U));
    return cdb;
}

}  // namespace discrec::mmc
