#include "mmc/rpc.hpp"

#include "mmc/media.hpp"
#include "mmc/tables/rpc_layouts.hpp"

namespace discrec::mmc {

Record decode_rpc_state(ByteSpan data) {
    constexpr std::size_t k_header = 4;
    std::vector<std::string> notes;
    if (!bytes_arrived(data, k_header + 1, "RPC state", notes))
        return record_without_fields(rpc_state_layout(), std::move(notes));
    return decode_length_counted(rpc_state_layout(), data, "RPC state");
}

}  // namespace discrec::mmc
