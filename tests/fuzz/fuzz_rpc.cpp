// libFuzzer target: REPORT KEY Key Format 08h, the RPC state (mmc/rpc.hpp): its layout walked
// by decode_fields() and checked by check_record(), and decode_rpc_state and the one line `info`
// prints of it (rpc_state_summary) on the same bytes (their checks are the sanitizers').
// Seeds: corpus/rpc/ (tests/fixtures/region/).
#include <cstddef>
#include <cstdint>

#include "check_record.hpp"
#include "mmc/rpc.hpp"
#include "mmc/tables/rpc_layouts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace discrec;
    const ByteSpan span{reinterpret_cast<const std::byte*>(data), size};
    fuzz::check_record(mmc::decode_fields(mmc::rpc_state_layout(), span), span.size());
    (void)mmc::rpc_state_summary(mmc::decode_rpc_state(span));
    return 0;
}
