// libFuzzer target: GET CONFIGURATION responses (mmc/configuration.hpp): feature descriptors,
// the Profile List, the continuation rule next_starting_feature(), the field-by-field feature
// decoder (mmc/feature_fields.hpp, on the field engine), and the feature and profile names. The
// input is also parsed as a --feature argument (parse_feature_code), and given, as one descriptor
// body, to the layout its first byte picks, so every layout of feature_layout_table() is reached
// whatever feature codes the fuzzer has found. Seeds: corpus/configuration/.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "check_record.hpp"
#include "mmc/configuration.hpp"
#include "mmc/feature_fields.hpp"
#include "mmc/tables/features.hpp"
#include "mmc/tables/profiles.hpp"

namespace {

using namespace discrec;

constexpr std::size_t k_header_size = 8;

ByteSpan as_span(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const std::byte*>(data), size};
}

// A broken promise of configuration.hpp is a finding like a crash: abort so libFuzzer keeps
// the input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_configuration: invariant failed: %s\n", what);
    std::abort();
}

// decode_feature() keeps the descriptor and accounts for every field of its layout.
void check_feature_fields(const mmc::FeatureDescriptor& f) {
    const mmc::DecodedFeature d = mmc::decode_feature(f);
    require(d.code == f.code && d.data == f.data, "decode_feature changed the descriptor");
    require(d.extra.size() <= d.data.size(), "extra bytes beyond the descriptor");
    const mmc::FeatureLayout* layout = mmc::find_feature_layout(f.code);
    require(d.known == (layout != nullptr), "known does not match the layout table");
    if (layout == nullptr) return;
    fuzz::check_record(d.record, d.data.size());
}

void check_features(const mmc::Configuration& c, std::size_t size) {
    std::size_t used = c.usable ? k_header_size : 0;
    for (const mmc::FeatureDescriptor& f : c.features) {
        used += 4 + f.data.size();
        require(f.data.size() <= f.additional_length, "feature data longer than announced");
        require(f.truncated == (f.data.size() < f.additional_length), "feature truncated flag");
        require(c.find(f.code) != nullptr, "find() misses a decoded feature");
        if (const mmc::FeatureRow* row = mmc::find_feature(f.code)) (void)row->name;
        (void)hex_bytes(f.data);
        check_feature_fields(f);
    }
    require(used <= size, "features hold more bytes than arrived");
}

void check_profiles(const mmc::Configuration& c) {
    for (const mmc::ProfileEntry& p : c.profiles) {
        if (const mmc::ProfileRow* row = mmc::find_profile(p.number)) {
            (void)mmc::medium_family_name(row->family);
        }
    }
    if (const mmc::ProfileRow* row = mmc::find_profile(c.current_profile)) (void)row->short_name;
}

// The loop-ending promise: with a requested start, the answer is always past it.
void check_continuation(const mmc::Configuration& c) {
    const auto next = mmc::next_starting_feature(c);
    require(c.truncated || !next, "continuation offered for a complete response");
    const std::uint16_t last = c.features.empty() ? 0 : c.features.back().code;
    for (const std::uint16_t start : {std::uint16_t{0}, last, std::uint16_t{0xffff}}) {
        const auto checked = mmc::next_starting_feature(c, start);
        require(!checked || (*checked > start && checked == next), "continuation does not advance");
    }
}

// MMC-6 §5.2.2: byte 0 picks a layout row, byte 1 is the Additional Length, the rest the
// descriptor's bytes after its header, clipped to that length (a shorter rest: truncated).
void check_each_layout(const std::uint8_t* data, std::size_t size) {
    const auto layouts = mmc::feature_layout_table();
    if (size < 2 || layouts.empty()) return;
    mmc::FeatureDescriptor f;
    f.code = layouts[data[0] % layouts.size()].code;
    f.additional_length = data[1];
    f.version = static_cast<std::uint8_t>((data[0] >> 2U) & 0x0fU);
    const std::size_t body = std::min<std::size_t>(size - 2, f.additional_length);
    const auto* first = reinterpret_cast<const std::byte*>(data + 2);
    f.data.assign(first, first + body);
    f.truncated = body < f.additional_length;
    check_feature_fields(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const mmc::Configuration c = mmc::decode_configuration(as_span(data, size));
    require(c.usable == (size >= k_header_size), "usable does not match the feature header");
    check_features(c, size);
    check_profiles(c);
    check_continuation(c);
    (void)mmc::parse_feature_code({reinterpret_cast<const char*>(data), size});
    check_each_layout(data, size);
    return 0;
}
