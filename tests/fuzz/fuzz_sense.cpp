// libFuzzer target: sense data (mmc/sense.hpp), fixed and descriptor format, and the one-line
// description with its ASC/ASCQ and sense key names. Seeds: corpus/sense/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "mmc/sense.hpp"
#include "mmc/tables/asc_ascq.hpp"

namespace {

using namespace discrec;

ByteSpan as_span(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const std::byte*>(data), size};
}

// A broken promise of sense.hpp is a finding like a crash: abort so libFuzzer keeps the input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_sense: invariant failed: %s\n", what);
    std::abort();
}

void check_decoded(const mmc::SenseData& s, std::size_t size) {
    require(s.response_code >= 0x70 && s.response_code <= 0x73, "response code outside 70h-73h");
    require(s.key <= 0x0f, "sense key wider than 4 bits");
    require(!s.field_pointer || s.key == mmc::sense_key::illegal_request,
            "field pointer without ILLEGAL REQUEST");
    require(s.format == mmc::SenseFormat::descriptor || s.descriptors.empty(),
            "descriptors in fixed-format sense");
    // Each descriptor's bytes come from its own part of the input (SPC-4 §4.5.2.1).
    std::size_t used = 8;
    for (const mmc::SenseDescriptor& d : s.descriptors) used += 2 + d.data.size();
    require(s.descriptors.empty() || used <= size, "descriptors hold more bytes than arrived");
    require(!mmc::sense_key_name(s.key).empty(), "sense key without a name");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const mmc::SenseData s = mmc::decode_sense(as_span(data, size));
    require(s.usable() || !s.warnings.empty(), "unusable sense without a warning");
    require(!mmc::describe_sense(s).empty(), "empty description");
    if (!s.usable()) return 0;
    check_decoded(s, size);
    (void)mmc::asc_ascq_name(s.asc, s.ascq);
    return 0;
}
