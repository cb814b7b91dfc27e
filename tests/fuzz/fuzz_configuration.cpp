// libFuzzer target: GET CONFIGURATION responses (mmc/configuration.hpp): feature descriptors,
// the Profile List, the continuation rule next_starting_feature(), and the feature and
// profile names. Seeds: corpus/configuration/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "mmc/configuration.hpp"
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

void check_features(const mmc::Configuration& c, std::size_t size) {
    std::size_t used = c.usable ? k_header_size : 0;
    for (const mmc::FeatureDescriptor& f : c.features) {
        used += 4 + f.data.size();
        require(f.data.size() <= f.additional_length, "feature data longer than announced");
        require(f.truncated == (f.data.size() < f.additional_length), "feature truncated flag");
        require(c.find(f.code) != nullptr, "find() misses a decoded feature");
        if (const mmc::FeatureRow* row = mmc::find_feature(f.code)) (void)row->name;
        (void)hex_bytes(f.data);
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const mmc::Configuration c = mmc::decode_configuration(as_span(data, size));
    require(c.usable == (size >= k_header_size), "usable does not match the feature header");
    check_features(c, size);
    check_profiles(c);
    check_continuation(c);
    return 0;
}
