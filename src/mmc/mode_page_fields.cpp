#include "mmc/mode_page_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace discrec::mmc {
namespace {

// Pages laid end to end over `area`, possibly followed by zero padding: the bytes they use,
// or nullopt when a page length runs past the end.
std::optional<std::size_t> pages_fit(ByteSpan area) noexcept {
    std::size_t off = 0;
    while (off + 2 <= area.size()) {
        if (u8_at(area, off) == 0 && u8_at(area, off + 1) == 0) break;  // padding
        const bool spf = bit_at(area, off, 6);
        const std::size_t len = spf ? 4U + be16_at(area, off + 2) : 2U + u8_at(area, off + 1);
        if (off + len > area.size()) return std::nullopt;
        off += len;
    }
    for (std::size_t i = off; i < area.size(); ++i) {
        if (u8_at(area, i) != 0) return std::nullopt;
    }
    if (off == 0) return std::nullopt;
    return off;
}

bool all_zero_from(ByteSpan data, std::size_t from) noexcept {
    for (std::size_t i = from; i < data.size(); ++i) {
        if (u8_at(data, i) != 0) return false;
    }
    return true;
}

// SPC-4 §7.5.5: header(10) bytes 0-1 mode data length, 4 LONGLBA (bits 7-1 reserved),
// 5 reserved, 6-7 block descriptor length.
bool fits_sense10(ByteSpan data) noexcept {
    if (data.size() < 8 || (u8_at(data, 4) & 0xfeU) != 0 || u8_at(data, 5) != 0) return false;
    const std::size_t total = 2U + be16_at(data, 0);
    const std::size_t pages_at = 8U + be16_at(data, 6);
    if (total < pages_at || total > data.size() || !all_zero_from(data, total)) return false;
    return total == pages_at || pages_fit(sub_span(data, pages_at, total - pages_at));
}

// SPC-4 §7.5.5: header(6) byte 0 mode data length, 3 block descriptor length.
bool fits_sense6(ByteSpan data) noexcept {
    if (data.size() < 4) return false;
    const std::size_t total = 1U + u8_at(data, 0);
    const std::size_t pages_at = 4U + u8_at(data, 3);
    if (total < pages_at || total > data.size() || !all_zero_from(data, total)) return false;
    return total == pages_at || pages_fit(sub_span(data, pages_at, total - pages_at));
}

}  // namespace

DecodedModePage decode_mode_page(const ModePage& page) {
    DecodedModePage out;
    static_cast<ModePage&>(out) = page;
    const ByteSpan bytes{page.bytes};
    if (page.truncated) {
        out.warnings.push_back(fmt::format("page {:02X}h: {} of {} bytes arrived", page.code,
                                           bytes.size(), std::size_t{2} + page.page_length));
    }
    // A subpage has a layout of its own (SPC-4 §7.5.7); only subpage 00h is decoded here.
    if (page.spf) return out;
    out.layout = find_mode_page_layout(page.code);
    if (out.layout == nullptr) return out;
    out.record = decode_fields(out.layout->layout, bytes);
    for (auto& note : out.record.notes) out.warnings.push_back(std::move(note));
    out.record.notes.clear();
    return out;
}

std::optional<ModeDataForm> detect_mode_data_form(ByteSpan data) noexcept {
    if (fits_sense10(data)) return ModeDataForm::sense10;
    if (fits_sense6(data)) return ModeDataForm::sense6;
    if (pages_fit(data)) return ModeDataForm::pages_only;
    return std::nullopt;
}

std::size_t mode_data_size(ByteSpan data, ModeDataForm form, const ModeParameters& p) noexcept {
    if (form == ModeDataForm::sense10)
        return std::min(data.size(), 2U + std::size_t{p.mode_data_length});
    if (form == ModeDataForm::sense6)
        return std::min(data.size(), 1U + std::size_t{p.mode_data_length});
    return data.size();
}

ModeParameters split_mode_data(ByteSpan data, ModeDataForm form) {
    if (form == ModeDataForm::sense10) return decode_mode_sense10(data);
    if (form == ModeDataForm::sense6) return decode_mode_sense6(data);
    // Bare pages: frame them with a header(10) of their own (no block descriptors), so the
    // one page splitter reads them. The length field holds at most 65535 - 6 page bytes.
    const std::size_t used = std::min(pages_fit(data).value_or(data.size()), std::size_t{65529});
    Bytes framed(8, std::byte{0});
    framed[0] = static_cast<std::byte>((used + 6) >> 8U);
    framed[1] = static_cast<std::byte>((used + 6) & 0xffU);
    framed.insert(framed.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(used));
    ModeParameters out = decode_mode_sense10(framed);
    out.usable = !out.pages.empty();
    return out;
}

}  // namespace discrec::mmc
