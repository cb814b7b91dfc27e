// The transport descriptor (IDiscRecorder2Ex's adapter and device descriptors) as `info`
// shows it: one JSON object, or "key: value" rows.
#pragma once

#include <nlohmann/json.hpp>

#include "output/table.hpp"
#include "platform/platform.hpp"

namespace discrec::output {

nlohmann::ordered_json transport_json(const platform::TransportDescriptor& t);
void add_transport_rows(KeyValueBlock& kv, const platform::TransportDescriptor& t);

}  // namespace discrec::output
