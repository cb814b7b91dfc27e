// libFuzzer target: GET EVENT STATUS NOTIFICATION and MECHANISM STATUS responses
// (mmc/events.hpp), with the event, class and state names. Both decoders see every input;
// seeds: corpus/events/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "mmc/events.hpp"

namespace {

using namespace discrec;

constexpr std::size_t k_event_header = 4;
constexpr std::size_t k_mechanism_header = 8;
constexpr std::size_t k_slot_entry = 4;

ByteSpan as_span(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const std::byte*>(data), size};
}

// A broken promise of events.hpp is a finding like a crash: abort so libFuzzer keeps the input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_events: invariant failed: %s\n", what);
    std::abort();
}

void fuzz_event_status(ByteSpan b) {
    const mmc::EventStatus e = mmc::decode_event_status(b);
    require(e.usable == (b.size() >= k_event_header), "usable does not match the 4-byte header");
    const std::size_t length = e.header.event_data_length;
    require(e.descriptor.size() <= length, "descriptor longer than the event data length");
    require(!e.usable || e.descriptor.size() <= b.size() - k_event_header,
            "descriptor holds more bytes than arrived");
    require(e.truncated == (e.usable && e.descriptor.size() < length), "truncated flag");
    require(!e.media ||
                (e.header.notification_class == mmc::k_notification_class_media && !e.header.nea),
            "media event outside a media class descriptor");
    (void)mmc::notification_class_name(e.header.notification_class);
    if (e.media) (void)mmc::media_event_name(e.media->event_code);
}

void fuzz_mechanism_status(ByteSpan b) {
    const mmc::MechanismStatus m = mmc::decode_mechanism_status(b);
    require(m.usable == (b.size() >= k_mechanism_header), "usable does not match the header");
    const std::size_t table = m.slots.size() * k_slot_entry;
    require(table <= m.slot_table_length, "more slots than the slot table length");
    require(!m.usable || table <= b.size() - k_mechanism_header, "slots past the end");
    (void)mmc::changer_state_name(m.changer_state);
    (void)mmc::mechanism_state_name(m.mechanism_state);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ByteSpan b = as_span(data, size);
    fuzz_event_status(b);
    fuzz_mechanism_status(b);
    return 0;
}
