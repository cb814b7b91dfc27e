// libFuzzer target: ASC/ASCQ and sense key names (mmc/tables/asc_ascq.hpp). The input is a
// list of (ASC, ASCQ) byte pairs; the ASC byte also serves as a sense key. Seeds:
// corpus/asc_ascq/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "mmc/tables/asc_ascq.hpp"

namespace {

// A broken promise of asc_ascq.hpp is a finding like a crash: abort so libFuzzer keeps the
// input.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz_asc_ascq: invariant failed: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace discrec::mmc;
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        const std::uint8_t asc = data[i];
        const std::uint8_t ascq = data[i + 1];
        const std::string name = asc_ascq_name(asc, ascq);
        // SPC-6: ASC 80h-FFh and ASCQ 80h-FFh are vendor specific and always get a name.
        require(!name.empty() || (asc < 0x80 && ascq < 0x80),
                "vendor-specific pair without a name");
        require(!sense_key_name(asc).empty(), "sense key without a name");
    }
    return 0;
}
