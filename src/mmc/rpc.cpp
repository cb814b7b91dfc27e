#include "mmc/rpc.hpp"

#include <fmt/format.h>

#include "mmc/media.hpp"
#include "mmc/tables/features.hpp"
#include "mmc/tables/rpc_layouts.hpp"

namespace discrec::mmc {

Record decode_rpc_state(ByteSpan data) {
    constexpr std::size_t k_header = 4;
    std::vector<std::string> notes;
    if (!bytes_arrived(data, k_header + 1, "RPC state", notes))
        return record_without_fields(rpc_state_layout(), std::move(notes));
    return decode_length_counted(rpc_state_layout(), data, "RPC state");
}

bool reports_rpc_state(const Configuration& configuration) noexcept {
    return configuration.find(feature_code::dvd_css) != nullptr;
}

std::string rpc_state_summary(const Record& rpc_state) {
    const auto* playable = rpc_state.find("playable_regions");
    const auto* type = rpc_state.find("type_code");
    const auto* user = rpc_state.find("user_changes_available");
    const auto* vendor = rpc_state.find("vendor_resets_available");
    if (playable == nullptr || type == nullptr || user == nullptr || vendor == nullptr) {
        return fmt::format("not decoded ({})", rpc_state.notes.empty()
                                                   ? std::string("the answer is cut short")
                                                   : rpc_state.notes.front());
    }
    std::string scheme;
    if (const auto* s = rpc_state.find("rpc_scheme"); s != nullptr) {
        scheme = s->text.empty() ? fmt::format("; RPC scheme {:02X}h (reserved)", s->number)
                                 : "; " + s->text;
    }
    return fmt::format("playable {} ({}{}; {} user changes and {} vendor resets left)",
                       playable->text, type->text, scheme, user->number, vendor->number);
}

}  // namespace discrec::mmc
