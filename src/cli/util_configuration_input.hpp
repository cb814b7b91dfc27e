// Where `features` and `profiles` get a GET CONFIGURATION answer: a drive (DRIVE), or a saved
// response (--inhex FILE, sg3_utils' hex format; --raw-in for binary).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "mmc/cdb.hpp"
#include "mmc/configuration.hpp"
#include "output/features.hpp"

namespace discrec::cli {

struct ConfigurationInput {
    std::string drive;
    std::string inhex;
    bool raw_in = false;
};

struct LoadedConfiguration {
    output::ConfigurationSource source;
    mmc::Configuration configuration;
};

// Adds DRIVE, --inhex and --raw-in to a subcommand.
void add_configuration_input(CLI::App& sub, ConfigurationInput& input);
// Asks the drive (the whole configuration, continued past one allocation length), or decodes
// the file; a file that is not a whole GET CONFIGURATION response is a usage error.
Result<LoadedConfiguration> load_configuration(const Context& ctx, const ConfigurationInput& input,
                                               mmc::ConfigurationRt rt);
// What `features` prints of a loaded configuration: every descriptor decoded field by field.
output::FeaturesReport features_report(const LoadedConfiguration& loaded, bool current_only,
                                       bool raw);

// Feature codes (`--feature`: hex or a name from the feature table) and profiles (`--profile`
// and the like: hex or a name as `profiles` shows it) from the command line, in order; a usage
// error names the option and the text.
Result<std::vector<std::uint16_t>> parse_feature_codes(const std::vector<std::string>& texts);
Result<std::vector<std::uint16_t>> parse_profile_codes(const std::vector<std::string>& texts,
                                                       const std::string& option);

}  // namespace discrec::cli
