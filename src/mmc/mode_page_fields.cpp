#include "mmc/mode_page_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace discrec::mmc {
namespace {

// Pages laid end to end over `area`, possibly followed by zero padding: the bytes they use,
// or nullopt when a page length runs past the end. `cut`: the bytes were cut short, so the
// last page may run past the end (and no padding follows).
std::optional<std::size_t> pages_fit(ByteSpan area, bool cut = false) noexcept {
    std::size_t off = 0;
    while (off + 2 <= area.size()) {
        if (!cut && u8_at(area, off) == 0 && u8_at(area, off + 1) == 0) break;  // padding
        const bool spf = bit_at(area, off, 6);
        // SPC-4 §7.5.7: subpage 00h is always page_0 format; SPF with subpage 00h is no page.
        if (spf && u8_at(area, off + 1) == 0) return std::nullopt;
        const std::size_t len = spf ? 4U + be16_at(area, off + 2) : 2U + u8_at(area, off + 1);
        if (off + len > area.size()) {
            if (!cut) return std::nullopt;
            return area.size();
        }
        off += len;
    }
    if (cut && off < area.size()) return area.size();  // a page header itself cut
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

// The header's lengths against the bytes: `total` bytes announced, pages from `pages_at`.
// Whole: the pages fill [pages_at, total) and only zeros follow. Cut (`cut`): fewer bytes
// arrived than announced, at least one page header among them, the last page may be cut.
bool lengths_fit(ByteSpan data, std::size_t total, std::size_t pages_at, bool cut) noexcept {
    if (total < pages_at) return false;
    if (cut) {
        return total > data.size() && pages_at + 2 <= data.size() &&
               pages_fit(data.subspan(pages_at), true);
    }
    if (total > data.size() || !all_zero_from(data, total)) return false;
    return total == pages_at || pages_fit(sub_span(data, pages_at, total - pages_at));
}

// SPC-4 §7.5.5: header(10) bytes 0-1 mode data length, 4 LONGLBA (bits 7-1 reserved),
// 5 reserved, 6-7 block descriptor length.
bool fits_sense10(ByteSpan data, bool cut) noexcept {
    if (data.size() < 8 || (u8_at(data, 4) & 0xfeU) != 0 || u8_at(data, 5) != 0) return false;
    return lengths_fit(data, 2U + be16_at(data, 0), 8U + be16_at(data, 6), cut);
}

// SPC-4 §7.5.5: header(6) byte 0 mode data length, 3 block descriptor length.
bool fits_sense6(ByteSpan data, bool cut) noexcept {
    if (data.size() < 4) return false;
    return lengths_fit(data, 1U + u8_at(data, 0), 4U + u8_at(data, 3), cut);
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
    if (fits_sense10(data, false)) return ModeDataForm::sense10;
    if (fits_sense6(data, false)) return ModeDataForm::sense6;
    if (pages_fit(data)) return ModeDataForm::pages_only;
    // Nothing fits whole: an answer cut short (the header announces more than arrived).
    if (fits_sense10(data, true)) return ModeDataForm::sense10;
    if (fits_sense6(data, true)) return ModeDataForm::sense6;
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
