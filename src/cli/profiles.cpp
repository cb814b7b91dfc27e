// discrec profiles DRIVE: every profile the drive supports, the current one marked, and what
// it reads and writes (IDiscRecorder2 SupportedProfiles / CurrentProfiles).
#include <CLI/CLI.hpp>

#include "cli/util_configuration_input.hpp"
#include "mmc/tables/features.hpp"

namespace discrec::cli {
namespace {

ExitCode run_profiles(Context& ctx, const ConfigurationInput& input) {
    // The Profile List is feature 0000h, the first a drive returns: RT=0 from feature 0
    // (MMC-6 §6.6); Drive::configuration continues when the answer is longer than one buffer.
    auto loaded = load_configuration(ctx, input, mmc::ConfigurationRt::all);
    if (!loaded) return report_error(ctx, loaded.error());
    const mmc::Configuration& c = loaded->configuration;
    output::ProfilesReport r{loaded->source, c.current_profile, c.profiles, c.warnings};
    if (c.find(mmc::feature_code::profile_list) == nullptr)
        r.warnings.emplace_back("no Profile List feature (0000h) in the response");
    output::print_profiles(ctx.output, r);
    return ExitCode::ok;
}

}  // namespace

void register_profiles(CLI::App& app, Context& ctx) {
    auto input = std::make_shared<ConfigurationInput>();
    CLI::App* sub = app.add_subcommand(
        "profiles", "Every profile (medium type) the drive supports, and what it reads and writes");
    add_configuration_input(*sub, *input);
    sub->footer(
        "Examples:\n  discrec profiles sr0\n  discrec profiles --json sr0 | jq '.profiles[] | "
        "select(.writes)'\n");
    sub->callback(
        [&ctx, input] { ctx.action = [&ctx, input] { return run_profiles(ctx, *input); }; });
}

}  // namespace discrec::cli
