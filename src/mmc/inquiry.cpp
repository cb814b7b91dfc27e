#include "mmc/inquiry.hpp"

#include <fmt/format.h>

#include "mmc/fields.hpp"

namespace discrec::mmc {
namespace {

// SPC-4 §6.6.2: the header is 5 bytes (additional length in byte 4); vendor, product and
// revision need 36; version descriptors 1-8 sit in bytes 58-73.
constexpr std::size_t k_inquiry_header = 5;
constexpr std::size_t k_inquiry_min = 36;
constexpr std::size_t k_version_desc_off = 58;
constexpr std::size_t k_version_desc_count = 8;
constexpr std::size_t k_vpd_header = 4;
constexpr std::size_t k_designator_header = 4;

std::string hex_digits(ByteSpan b) {
    std::string out;
    for (std::byte c : b) out += fmt::format("{:02x}", static_cast<unsigned>(c));
    return out;
}

// SPC-4 §7.8.1: every VPD page starts with device type, page code and a 2-byte page length.
// Returns the body the page length announces, clipped to what arrived.
ByteSpan decode_vpd_header(ByteSpan data, std::uint8_t expected_page, VpdHeader& h,
                           std::vector<std::string>& warnings) {
    h.usable = bytes_arrived(data, k_vpd_header, "VPD page", warnings);
    if (!h.usable) return {};
    h.device_type = u8_at(data, 0) & 0x1fU;
    h.page_code = u8_at(data, 1);
    h.page_length = be16_at(data, 2);
    if (h.page_code != expected_page) {
        warnings.push_back(
            fmt::format("expected VPD page 0x{:02x}, got 0x{:02x}", expected_page, h.page_code));
    }
    if (k_vpd_header + h.page_length > data.size()) {
        h.truncated = true;
        warnings.push_back(fmt::format("VPD page truncated: page length says {} bytes, received {}",
                                       k_vpd_header + h.page_length, data.size()));
    }
    return sub_span(data, k_vpd_header, h.page_length);
}

Designator decode_designator(ByteSpan body, std::size_t off) {
    Designator d;
    d.protocol_identifier = u8_at(body, off) >> 4;
    d.code_set = u8_at(body, off) & 0x0fU;
    d.piv = bit_at(body, off + 1, 7);
    d.association = (u8_at(body, off + 1) >> 4) & 0x03U;
    d.type = u8_at(body, off + 1) & 0x0fU;
    const std::size_t len = u8_at(body, off + 3);
    d.truncated = off + k_designator_header + len > body.size();
    const ByteSpan id = sub_span(body, off + k_designator_header, len);
    d.identifier.assign(id.begin(), id.end());
    const bool text = d.code_set == 0x2 || d.code_set == 0x3;
    d.text = text ? ascii_field(id, 0, id.size()) : hex_digits(id);
    return d;
}

}  // namespace

InquiryData decode_inquiry(ByteSpan data) {
    InquiryData out;
    out.usable = bytes_arrived(data, k_inquiry_header, "INQUIRY data", out.warnings);
    if (!out.usable) return out;
    out.peripheral_qualifier = u8_at(data, 0) >> 5;
    out.device_type = u8_at(data, 0) & 0x1fU;
    out.removable = bit_at(data, 1, 7);
    out.version = u8_at(data, 2);
    out.response_data_format = u8_at(data, 3) & 0x0fU;
    out.additional_length = u8_at(data, 4);
    const std::size_t claimed = k_inquiry_header + out.additional_length;
    // Asking for fewer bytes than the drive has is normal (36 of 96): a flag, not a warning.
    out.truncated = claimed > data.size();
    const ByteSpan d = sub_span(data, 0, claimed);
    if (d.size() < k_inquiry_min) {
        out.warnings.push_back(fmt::format(
            "standard INQUIRY data is {} bytes, vendor/product/revision need 36", d.size()));
    }
    out.vendor = ascii_field(d, 8, 8);
    out.product = ascii_field(d, 16, 16);
    out.revision = ascii_field(d, 32, 4);
    for (std::size_t i = 0; i < k_version_desc_count; ++i) {
        const std::size_t off = k_version_desc_off + 2 * i;
        if (off + 2 > d.size()) break;
        if (const std::uint16_t v = be16_at(d, off); v != 0) out.version_descriptors.push_back(v);
    }
    return out;
}

VpdSupportedPages decode_vpd_supported_pages(ByteSpan data) {
    VpdSupportedPages out;
    const ByteSpan body =
        decode_vpd_header(data, vpd_page::supported_pages, out.header, out.warnings);
    for (std::byte b : body) out.pages.push_back(static_cast<std::uint8_t>(b));
    return out;
}

VpdSerial decode_vpd_serial(ByteSpan data) {
    VpdSerial out;
    const ByteSpan body =
        decode_vpd_header(data, vpd_page::unit_serial_number, out.header, out.warnings);
    out.serial = ascii_field(body, 0, body.size());
    return out;
}

VpdDeviceId decode_vpd_device_id(ByteSpan data) {
    VpdDeviceId out;
    const ByteSpan body =
        decode_vpd_header(data, vpd_page::device_identification, out.header, out.warnings);
    std::size_t off = 0;
    while (off + k_designator_header <= body.size()) {
        Designator d = decode_designator(body, off);
        if (d.truncated) {
            out.warnings.push_back(
                fmt::format("designation descriptor at page byte {} runs past the end", off + 4));
        }
        off += k_designator_header + u8_at(body, off + 3);
        out.designators.push_back(std::move(d));
    }
    if (off < body.size()) {
        out.warnings.push_back("page 83h ends in a partial designation descriptor header");
    }
    return out;
}

}  // namespace discrec::mmc
