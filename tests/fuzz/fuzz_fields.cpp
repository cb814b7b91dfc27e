// libFuzzer target: the field engine (mmc/fields.hpp) itself, on the synthetic layouts of every
// shape (tests/common/synthetic_layouts.hpp: split numbers, flag-gated fields, MSF, LBA, BCD,
// counted lists by items and by bytes, lists to the end, CRC-checked packs). The first byte
// picks the layout, the rest is the structure. The checks are check_record()'s and the
// sanitizers'. Seeds: corpus/fields/.
#include <cstddef>
#include <cstdint>

#include "../common/synthetic_layouts.hpp"
#include "check_record.hpp"
#include "mmc/fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace discrec;
    if (size < 1) return 0;
    const auto& layouts = test::k_synthetic_layouts;
    const mmc::Layout& layout = *layouts[data[0] % layouts.size()];
    const ByteSpan span{reinterpret_cast<const std::byte*>(data + 1), size - 1};
    fuzz::check_record(mmc::decode_fields(layout, span), span.size());
    return 0;
}
