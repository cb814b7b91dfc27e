#pragma once

#include <span>
#include <vector>

#include "output/options.hpp"
#include "platform/platform.hpp"

namespace discrec::output {

// `discrec list`: an aligned table, or one JSON document with a "drives" array.
void print_list(const OutputOptions& options, const std::vector<platform::DriveLocation>& drives);
// --list-fields / documentation: the JSON keys of one drive entry, with their meaning.
struct FieldInfo {
    const char* json_key;
    const char* header;
    const char* help;
};
std::span<const FieldInfo> list_fields() noexcept;

}  // namespace discrec::output
