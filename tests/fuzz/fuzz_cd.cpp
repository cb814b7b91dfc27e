// libFuzzer target: the CD structures of READ TOC/PMA/ATIP formats 0010b-0101b (mmc/cd.hpp):
// Full TOC, PMA, ATIP, CD-TEXT; READ SUB-CHANNEL formats 02h and 03h. Byte 0 picks one of
// mmc::cd_layouts(), walked by decode_fields() and checked by check_record(); every decode_*
// function and the point texts of the Full TOC, and the disc IDs of the bytes as a TOC, then see
// the same bytes (their checks are the sanitizers'). Seeds: corpus/cd/ (tests/fixtures/cd/,
// README.md there).
#include <cstddef>
#include <cstdint>

#include "check_record.hpp"
#include "mmc/cd.hpp"
#include "mmc/disc_id.hpp"
#include "mmc/media.hpp"
#include "mmc/tables/cd_layouts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace discrec;
    if (size < 1) return 0;
    const auto layouts = mmc::cd_layouts();
    const mmc::Layout& layout = *layouts[data[0] % layouts.size()];
    const ByteSpan span{reinterpret_cast<const std::byte*>(data + 1), size - 1};
    fuzz::check_record(mmc::decode_fields(layout, span), span.size());
    (void)mmc::decode_atip(span);
    (void)mmc::decode_pma(span);
    (void)mmc::decode_sub_channel(span);
    const auto toc = mmc::decode_full_toc(span);
    if (const auto* list = toc.find("descriptors")) {
        for (const auto& d : list->items) (void)mmc::full_toc_point_text(d);
    }
    const auto text = mmc::decode_cd_text(span);
    for (const auto& b : text.blocks) {
        for (const auto& item : b.items) (void)mmc::cd_text_item_label(item.pack_type);
        if (b.genre) (void)mmc::cd_text_genre_name(*b.genre);
        if (b.language) (void)mmc::cd_text_language_name(*b.language);
    }
    // The disc IDs of the same bytes read as a format 0000b TOC (SHA-1 and all).
    (void)mmc::audio_disc_ids(mmc::decode_toc(span, false));
    return 0;
}
