// A data track's file system and label (mmc/volume.hpp) as text and JSON: `decode volume`
// now, `media` when it reads the volume descriptors.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "mmc/volume.hpp"
#include "output/options.hpp"

namespace discrec::output {

// {"file_system", "label", "iso9660", "joliet", "udf", "udf_label"} (decode.schema.json volume).
nlohmann::ordered_json volume_json(const mmc::VolumeLabel& volume);
// "  File system: iso9660, label \"DISCREC_TEST\"\n" and a line per descriptor found.
void append_volume_text(std::string& out, const mmc::VolumeLabel& volume);

// `discrec decode volume FILE`: sectors of a data track from its sector 16 on.
void print_decoded_volume(const OutputOptions& options, const std::string& inhex_path,
                          const mmc::VolumeLabel& volume);

}  // namespace discrec::output
