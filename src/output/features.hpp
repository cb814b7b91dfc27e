// Output of `discrec features` and `discrec profiles`: the decoded GET CONFIGURATION answer
// of one drive (or of a saved response, --inhex), as text or one JSON document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mmc/configuration.hpp"
#include "mmc/feature_fields.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"

namespace discrec::output {

// Where the bytes came from: a drive, or a file given with --inhex.
struct ConfigurationSource {
    std::optional<platform::DriveLocation> drive;
    std::string inhex_path;
};

struct FeaturesReport {
    ConfigurationSource source;
    std::uint16_t current_profile = 0;
    std::vector<mmc::DecodedFeature> features;  // in the order the drive sent them
    bool current_only = false;                  // asked with RT=1 (--current)
    bool raw = false;                           // show every descriptor's bytes (--raw)
    std::vector<std::string> warnings;          // what was wrong with the response
};
void print_features(const OutputOptions& options, const FeaturesReport& report);

struct ProfilesReport {
    ConfigurationSource source;
    std::uint16_t current_profile = 0;
    std::vector<mmc::ProfileEntry> profiles;  // the Profile List, in the drive's order
    std::vector<std::string> warnings;
};
void print_profiles(const OutputOptions& options, const ProfilesReport& report);

}  // namespace discrec::output
