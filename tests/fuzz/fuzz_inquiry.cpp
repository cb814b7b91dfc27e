// libFuzzer target: standard INQUIRY data and VPD pages 00h, 80h, 83h (mmc/inquiry.hpp), with
// the device type and designator names. Every decoder sees every input: a VPD decoder given
// another page only warns, so one corpus (corpus/inquiry/) serves all four.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "mmc/inquiry.hpp"

namespace {

using namespace discrec;

constexpr std::size_t k_vpd_header = 4;

ByteSpan as_span(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const std::byte*>(data), size};
}

// A broken promise of inquiry.hpp is a finding like a crash: abort so libFuzzer keeps the input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_inquiry: invariant failed: %s\n", what);
    std::abort();
}

void fuzz_standard(ByteSpan b) {
    const mmc::InquiryData q = mmc::decode_inquiry(b);
    require(q.usable == (b.size() >= 5), "usable does not match the 5-byte header");
    require(q.vendor.size() <= 8 && q.product.size() <= 16 && q.revision.size() <= 4,
            "identification string longer than its field");
    require(q.version_descriptors.size() <= 8, "more than 8 version descriptors");
    (void)mmc::device_type_name(q.device_type);
}

// The page body is at most page_length bytes and at most what arrived after the header.
std::size_t body_limit(const mmc::VpdHeader& h, ByteSpan b) {
    require(h.usable == (b.size() >= k_vpd_header), "usable does not match the VPD header");
    require(h.truncated == (h.usable && k_vpd_header + h.page_length > b.size()),
            "truncated flag does not match the page length");
    if (!h.usable) return 0;
    const std::size_t arrived = b.size() - k_vpd_header;
    return h.page_length < arrived ? h.page_length : arrived;
}

void fuzz_device_id(ByteSpan b) {
    const mmc::VpdDeviceId id = mmc::decode_vpd_device_id(b);
    const std::size_t limit = body_limit(id.header, b);
    std::size_t used = 0;
    for (const mmc::Designator& d : id.designators) {
        used += 4 + d.identifier.size();
        const bool text = d.code_set == 2 || d.code_set == 3;
        require(text || d.text.size() == 2 * d.identifier.size(), "binary designator hex length");
        (void)mmc::code_set_name(d.code_set);
        (void)mmc::association_name(d.association);
        (void)mmc::designator_type_name(d.type);
    }
    require(used <= limit, "designators hold more bytes than the page body");
}

void fuzz_vpd(ByteSpan b) {
    const mmc::VpdSupportedPages pages = mmc::decode_vpd_supported_pages(b);
    require(pages.pages.size() == body_limit(pages.header, b), "page list is not the body");
    const mmc::VpdSerial serial = mmc::decode_vpd_serial(b);
    require(serial.serial.size() <= body_limit(serial.header, b), "serial longer than the body");
    fuzz_device_id(b);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ByteSpan b = as_span(data, size);
    fuzz_standard(b);
    fuzz_vpd(b);
    return 0;
}
