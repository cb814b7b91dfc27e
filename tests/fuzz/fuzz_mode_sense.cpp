// libFuzzer target: MODE SENSE(10) and (6) responses, their page framing and the page 2Ah
// summary (mmc/mode_sense.hpp), the field-by-field page decoder and the saved-data form
// detection (mmc/mode_page_fields.hpp), with the mode page, loading mechanism and field value
// names. Every header form sees every input, and the input is also given to the 2Ah summary
// as a bare page, to the page layout its first byte picks (so every layout of
// mode_page_layouts() is reached) and, as text, to the page short-name lookup.
// Seeds: corpus/mode_sense/.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "check_record.hpp"
#include "mmc/mode_page_fields.hpp"
#include "mmc/mode_sense.hpp"
#include "mmc/tables/mode_pages.hpp"

namespace {

using namespace discrec;

ByteSpan as_span(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const std::byte*>(data), size};
}

// A broken promise of mode_sense.hpp is a finding like a crash: abort so libFuzzer keeps the
// input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_mode_sense: invariant failed: %s\n", what);
    std::abort();
}

void check_summary(const mmc::CapabilitiesSummary& caps) {
    require(caps.usable || !caps.warnings.empty(), "unusable page 2Ah without a warning");
    if (!caps.usable) return;
    require(caps.page_length >= 5, "page 2Ah summary without byte 6");
    if (const auto* row = mmc::find_loading_mechanism(caps.loading_mechanism)) (void)row->name;
}

// Every field decode_mode_page() reports lies inside the page bytes that arrived.
void check_fields(const mmc::ModePage& page) {
    const mmc::DecodedModePage d = mmc::decode_mode_page(page);
    require(d.bytes == page.bytes, "decode_mode_page changed the page bytes");
    if (d.layout != nullptr) fuzz::check_record(d.record, page.bytes.size());
    if (d.layout == nullptr) require(d.record.values.empty(), "fields without a layout");
}

// SPC-4 §7.5.7: a page is its 2- or 4-byte header plus page_length bytes, clipped to the data.
std::size_t check_page(const mmc::ModeParameters& p, const mmc::ModePage& page) {
    const std::size_t whole = (page.spf ? 4U : 2U) + page.page_length;
    require(page.bytes.size() >= 2, "page shorter than a page_0 header");
    require(page.bytes.size() <= whole, "page longer than its page length");
    require(page.truncated == (page.bytes.size() < whole), "page truncated flag");
    require(p.find(page.code, page.subpage) != nullptr, "find() misses a decoded page");
    if (const mmc::ModePageRow* row = mmc::find_mode_page(page.code)) (void)row->name;
    (void)hex_bytes(page.bytes);
    check_fields(page);
    return page.bytes.size();
}

void check_parameters(const mmc::ModeParameters& p, ByteSpan b, std::size_t header) {
    require(p.usable == (b.size() >= header), "usable does not match the header size");
    require(p.block_descriptors.size() <= p.block_descriptor_length,
            "block descriptors longer than announced");
    std::size_t used = header + p.block_descriptors.size();
    for (const mmc::ModePage& page : p.pages) used += check_page(p, page);
    require(!p.usable || used <= b.size(), "pages hold more bytes than arrived");
    check_summary(mmc::decode_mode_page_2a_summary(p));
}

// A saved response (--inhex) in each header form; the detected form must read cleanly.
void fuzz_forms(ByteSpan b) {
    using Form = mmc::ModeDataForm;
    const std::optional<Form> detected = mmc::detect_mode_data_form(b);
    for (const Form form : {Form::sense10, Form::sense6, Form::pages_only}) {
        const mmc::ModeParameters p = mmc::split_mode_data(b, form);
        for (const mmc::ModePage& page : p.pages) check_fields(page);
        if (detected != form) continue;
        // A form whose header announces more than arrived is detected only as the last
        // resort (an answer cut short, issue 18): it is a header form, never bare pages, and
        // its parse says that it was cut.
        if (p.truncated) {
            require(form != Form::pages_only, "bare pages detected as cut");
            require(!p.warnings.empty(), "a cut answer detected without a warning");
        }
        require(form != Form::pages_only || p.usable, "detected bare pages without a page");
    }
}

// SPC-4 §7.5.7 page_0 format: byte 0 picks a layout row (and gives PS, bit 7), byte 1 is
// the Page Length, the rest the page's bytes 2.., clipped to that length.
void check_each_layout(const std::uint8_t* data, std::size_t size) {
    const auto layouts = mmc::mode_page_layouts();
    if (size < 2 || layouts.empty()) return;
    mmc::ModePage page;
    page.code = layouts[(data[0] & 0x7fU) % layouts.size()].code;
    page.ps = (data[0] & 0x80U) != 0;
    page.page_length = data[1];
    const std::size_t body = std::min<std::size_t>(size - 2, page.page_length);
    page.bytes.push_back(static_cast<std::byte>(page.code | (data[0] & 0x80U)));
    page.bytes.push_back(static_cast<std::byte>(data[1]));
    const auto* first = reinterpret_cast<const std::byte*>(data + 2);
    page.bytes.insert(page.bytes.end(), first, first + body);
    page.truncated = body < page.page_length;
    check_fields(page);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ByteSpan b = as_span(data, size);
    const mmc::ModeParameters ten = mmc::decode_mode_sense10(b);
    check_parameters(ten, b, 8);
    const mmc::ModeParameters six = mmc::decode_mode_sense6(b);
    check_parameters(six, b, 4);
    require(mmc::split_mode_pages(b, true).pages.size() == ten.pages.size() &&
                mmc::split_mode_pages(b, false).pages.size() == six.pages.size(),
            "split_mode_pages() differs from the decoder it picks");
    check_summary(mmc::decode_mode_page_2a_summary(b));
    fuzz_forms(b);
    check_each_layout(data, size);
    (void)mmc::find_mode_page(std::string_view{reinterpret_cast<const char*>(data), size});
    return 0;
}
