// Field-by-field decoding of the mode pages an optical drive reports: one layout per page in
// tables/mode_page_layouts.cpp, walked by the one field engine (mmc/fields.hpp); page 2Ah's
// write speed performance descriptors are a counted list of that engine. And the header form
// of saved MODE SENSE answers (--inhex).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mmc/fields.hpp"
#include "mmc/mode_sense.hpp"
#include "util/bytes.hpp"

namespace discrec::mmc {

// The layout of one page: its fields (bytes from the page's byte 0, the PS/SPF/page code
// byte) and the standard it follows, in tables/mode_page_layouts.cpp.
struct ModePageLayout {
    std::uint8_t code;
    Layout layout;
};

std::span<const ModePageLayout> mode_page_layouts() noexcept;
const ModePageLayout* find_mode_page_layout(std::uint8_t code) noexcept;

// A page as received (its header fields and bytes) with its fields decoded.
struct DecodedModePage : ModePage {
    const ModePageLayout* layout = nullptr;  // nullptr: no decoder, hex only
    Record record;                           // the fields that fit inside the page
    std::vector<std::string> warnings;
};

// Decodes every field of `page` that its page length covers: pages grew between MMC versions
// (2Ah is 14h bytes long in MMC-2, up to 5Ch+ in MMC-3), so a shorter page simply has fewer
// fields. Subpage formatted pages (SPF=1) and pages without a layout keep only their bytes.
DecodedModePage decode_mode_page(const ModePage& page);

// The header form of a saved response (--inhex): a MODE SENSE(10) answer, a (6) answer, or
// bare pages without the mode parameter header.
enum class ModeDataForm : std::uint8_t { sense10, sense6, pages_only };

// Guesses the form of `data`: the first form whose lengths (mode data length, block
// descriptor length, each page length) agree with the bytes there are, in the order 10, 6,
// pages only; trailing zero bytes (a buffer larger than the answer) are allowed.
std::optional<ModeDataForm> detect_mode_data_form(ByteSpan data) noexcept;
// How many bytes of `data` the answer in `form` is: the mode data length plus the length
// field itself (SPC-4 §7.5.5: 2 bytes in header(10), 1 in header(6)); all of it for bare pages.
std::size_t mode_data_size(ByteSpan data, ModeDataForm form, const ModeParameters& p) noexcept;
// The pages of `data` in the given form (for pages_only: a response with no header).
ModeParameters split_mode_data(ByteSpan data, ModeDataForm form);

}  // namespace discrec::mmc
