// Fuzz helper: the promises of the field engine (mmc/fields.hpp) for any decoded Record: every
// layout field is either decoded or listed as absent, every value read lies inside the span,
// list items are walked the same way, and names are asked of every named value.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "mmc/fields.hpp"

namespace discrec::fuzz {

inline void require_record(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "field engine: invariant failed: %s\n", what);
    std::abort();
}

inline void check_record(const mmc::Record& r, std::size_t span_size) {
    require_record(r.layout != nullptr, "record without its layout");
    require_record(r.values.size() + r.absent.size() == r.layout->fields.size(),
                   "layout fields neither decoded nor absent");
    const std::size_t origin = r.layout->origin;
    for (const mmc::Value& v : r.values) {
        const mmc::Field& f = *v.field;
        const std::size_t at = f.byte >= origin ? f.byte - origin : 0;
        switch (f.shape) {
            case mmc::Shape::list:
                for (const mmc::Record& item : v.items) check_record(item, span_size);
                break;
            case mmc::Shape::ascii:
            case mmc::Shape::hex:
                require_record(at + v.bytes.size() <= span_size, "bytes past the span");
                break;
            case mmc::Shape::custom:
            case mmc::Shape::msf:
                break;
            default:
                require_record(at + f.byte_count() <= span_size, "number past the span");
                if (f.namer != nullptr) (void)f.namer(v.number);
        }
    }
}

}  // namespace discrec::fuzz
