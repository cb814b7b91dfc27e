#include "mmc/mode_sense.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mmc/fields.hpp"

namespace discrec::mmc {
namespace {

// SPC-4 §7.5.5: mode parameter header(6) is 4 bytes (mode data length in byte 0, block
// descriptor length in byte 3); header(10) is 8 bytes (length 0-1, LONGLBA byte 4 bit 0,
// block descriptor length 6-7). Each mode data length excludes its own field.
constexpr std::size_t k_header6 = 4;
constexpr std::size_t k_header10 = 8;
constexpr std::uint8_t k_caps_page = 0x2a;
// Page 2Ah byte 3 (MMC-3 §5.5.10): DVD-RAM Write (5), DVD-R Write (4), CD-RW Write (1),
// CD-R Write (0); bits 2, 3 (Test Write, reserved) say nothing about writing.
constexpr std::uint8_t k_write_bits = 0x33;

// Reads the page at `off` of `area` (the part of the response after the block descriptors).
ModePage read_page(ByteSpan area, std::size_t off) {
    ModePage p;
    p.ps = bit_at(area, off, 7);
    p.spf = bit_at(area, off, 6);
    p.code = u8_at(area, off) & 0x3fU;
    std::size_t header = 2;
    if (p.spf) {
        p.subpage = u8_at(area, off + 1);
        p.page_length = be16_at(area, off + 2);
        header = 4;
    } else {
        p.page_length = u8_at(area, off + 1);
    }
    const std::size_t total = header + p.page_length;
    p.truncated = off + total > area.size();
    const ByteSpan b = sub_span(area, off, total);
    p.bytes.assign(b.begin(), b.end());
    return p;
}

void decode_pages(ByteSpan area, ModeParameters& out) {
    std::size_t off = 0;
    while (off + 2 <= area.size()) {
        // A page 00h of length 0 is what zero padding looks like; page 00h is vendor
        // specific and never empty in practice.
        if (u8_at(area, off) == 0 && u8_at(area, off + 1) == 0) {
            out.warnings.push_back(fmt::format("zero bytes after the last page (at {})", off));
            return;
        }
        ModePage p = read_page(area, off);
        if (p.truncated && !out.truncated) {
            out.warnings.push_back(fmt::format("page {:02X}h: page length {} runs past the end",
                                               p.code, p.page_length));
        }
        off += p.bytes.size();
        out.pages.push_back(std::move(p));
    }
    if (off < area.size()) out.warnings.push_back("a stray byte after the last page");
}

// Common part: `data` is clipped to the mode data length, then the block descriptors and the
// pages are read from `header_size` on.
void decode_body(ByteSpan data, std::size_t claimed, std::size_t header_size, ModeParameters& out) {
    out.truncated = claimed > data.size();
    if (out.truncated) {
        // An allocation length too small, or a drive or bridge that cut the transfer: what
        // arrived is decoded as far as it goes (the last page may be cut, later ones missing).
        out.warnings.push_back(
            fmt::format("truncated: the mode data length announces {} bytes, "
                        "{} arrived; decoded as far as they go",
                        claimed, data.size()));
    }
    if (claimed < header_size) {
        out.warnings.push_back(
            fmt::format("mode data length {} is shorter than the header", out.mode_data_length));
    }
    const ByteSpan d = sub_span(data, 0, std::max(claimed, header_size));
    if (header_size + out.block_descriptor_length > d.size() && !out.truncated) {
        out.warnings.push_back(fmt::format("block descriptor length {} runs past the end",
                                           out.block_descriptor_length));
    }
    const ByteSpan bd = sub_span(d, header_size, out.block_descriptor_length);
    out.block_descriptors.assign(bd.begin(), bd.end());
    const std::size_t pages_at = header_size + out.block_descriptor_length;
    if (pages_at < d.size()) decode_pages(d.subspan(pages_at), out);
}

}  // namespace

const ModePage* ModeParameters::find(std::uint8_t code, std::uint8_t subpage) const noexcept {
    const auto it = std::find_if(pages.begin(), pages.end(), [&](const ModePage& p) {
        return p.code == code && p.subpage == subpage;
    });
    return it == pages.end() ? nullptr : &*it;
}

ModeParameters decode_mode_sense10(ByteSpan data) {
    ModeParameters out;
    out.ten_byte = true;
    out.usable = bytes_arrived(data, k_header10, "MODE SENSE(10) data", out.warnings);
    if (!out.usable) return out;
    out.mode_data_length = be16_at(data, 0);
    out.medium_type = u8_at(data, 2);
    out.device_specific = u8_at(data, 3);
    out.long_lba = bit_at(data, 4, 0);
    out.block_descriptor_length = be16_at(data, 6);
    decode_body(data, std::size_t{2} + out.mode_data_length, k_header10, out);
    return out;
}

ModeParameters decode_mode_sense6(ByteSpan data) {
    ModeParameters out;
    out.usable = bytes_arrived(data, k_header6, "MODE SENSE(6) data", out.warnings);
    if (!out.usable) return out;
    out.mode_data_length = u8_at(data, 0);
    out.medium_type = u8_at(data, 1);
    out.device_specific = u8_at(data, 2);
    out.block_descriptor_length = u8_at(data, 3);
    decode_body(data, std::size_t{1} + out.mode_data_length, k_header6, out);
    return out;
}

ModeParameters split_mode_pages(ByteSpan data, bool ten_byte) {
    return ten_byte ? decode_mode_sense10(data) : decode_mode_sense6(data);
}

CapabilitiesSummary decode_mode_page_2a_summary(ByteSpan page) {
    CapabilitiesSummary out;
    if (page.size() < 2 || (u8_at(page, 0) & 0x3fU) != k_caps_page) {
        out.warnings.push_back("not a page 2Ah");
        return out;
    }
    out.page_length = u8_at(page, 1);
    const ByteSpan p = sub_span(page, 0, std::size_t{2} + out.page_length);
    if (p.size() < 7) {
        out.warnings.push_back(fmt::format("page 2Ah is only {} bytes (byte 6 missing)", p.size()));
        return out;
    }
    out.usable = true;
    out.can_lock = bit_at(p, 6, 0);
    out.lock_state = bit_at(p, 6, 1);
    out.prevent_jumper = bit_at(p, 6, 2);
    out.can_eject = bit_at(p, 6, 3);
    out.loading_mechanism = u8_at(p, 6) >> 5;
    out.writes_some_medium = (u8_at(p, 3) & k_write_bits) != 0;
    if (p.size() >= 10) out.max_read_speed_kbps = be16_at(p, 8);
    if (p.size() >= 14) out.buffer_size_kb = be16_at(p, 12);
    if (p.size() >= 16) out.current_read_speed_kbps = be16_at(p, 14);
    if (p.size() >= 20) out.max_write_speed_kbps = be16_at(p, 18);
    if (p.size() >= 30) {
        out.current_write_speed_kbps = be16_at(p, 28);
    } else if (p.size() >= 22) {
        out.current_write_speed_kbps = be16_at(p, 20);
    }
    return out;
}

CapabilitiesSummary decode_mode_page_2a_summary(const ModeParameters& params) {
    const ModePage* page = params.find(k_caps_page);
    if (page == nullptr) {
        CapabilitiesSummary out;
        out.warnings.push_back("the response has no page 2Ah");
        return out;
    }
    return decode_mode_page_2a_summary(ByteSpan{page->bytes});
}

}  // namespace discrec::mmc
