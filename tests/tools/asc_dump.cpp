// discrec_asc_dump: prints our ASC/ASCQ names for tests/unit/check_asc_table.sh, which
// compares them with sg3_utils' sg_decode_sense.
//   discrec_asc_dump          one line per table row:           "AA QQ name"
//   discrec_asc_dump --names  asc_ascq_name() of every ASC 00-7F x ASCQ 00-7F pair that has
//                             a name (table rows and ranged assignments), same format
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "mmc/tables/asc_ascq.hpp"

namespace {

void print_line(std::uint8_t asc, std::uint8_t ascq, std::string_view name) {
    std::printf("%02x %02x %.*s\n", asc, ascq, static_cast<int>(name.size()), name.data());
}

void dump_table() {
    for (const auto& e : discrec::mmc::asc_ascq_table()) print_line(e.asc, e.ascq, e.name);
}

void dump_names() {
    for (unsigned asc = 0; asc < 0x80; ++asc) {
        for (unsigned ascq = 0; ascq < 0x80; ++ascq) {
            const auto a = static_cast<std::uint8_t>(asc);
            const auto q = static_cast<std::uint8_t>(ascq);
            const std::string name = discrec::mmc::asc_ascq_name(a, q);
            if (!name.empty()) print_line(a, q, name);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode.empty()) {
        dump_table();
    } else if (mode == "--names") {
        dump_names();
    } else {
        std::fprintf(stderr, "usage: discrec_asc_dump [--names]\n");
        return 2;
    }
    return 0;
}
