// discrec features DRIVE [--current] [--feature CODE[,CODE...]] [--raw]: every feature
// descriptor of GET CONFIGURATION, each field decoded and named (IDiscRecorder2
// SupportedFeaturePages / CurrentFeaturePages, IDiscRecorder2Ex::GetFeaturePage).
#include <algorithm>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/util_configuration_input.hpp"
#include "mmc/feature_fields.hpp"
#include "mmc/tables/features.hpp"

namespace discrec::cli {
namespace {

struct FeaturesOptions {
    ConfigurationInput input;
    bool current = false;
    bool raw = false;
    std::vector<std::string> codes;
};

// Only the asked-for features, in the drive's order; says which the drive did not report.
void keep_only(output::FeaturesReport& r, const std::vector<std::uint16_t>& codes) {
    if (codes.empty()) return;
    std::erase_if(r.features, [&](const mmc::DecodedFeature& f) {
        return std::find(codes.begin(), codes.end(), f.code) == codes.end();
    });
    for (std::uint16_t code : codes) {
        const bool found = std::any_of(r.features.begin(), r.features.end(),
                                       [code](const auto& f) { return f.code == code; });
        const auto* row = mmc::find_feature(code);
        if (!found) {
            r.warnings.push_back(fmt::format("feature {:04X}h ({}) is not in the response", code,
                                             row != nullptr ? row->name : "vendor specific"));
        }
    }
}

ExitCode run_features(Context& ctx, const FeaturesOptions& opts) {
    auto codes = parse_feature_codes(opts.codes);
    if (!codes) return report_error(ctx, codes.error());
    const auto rt = opts.current ? mmc::ConfigurationRt::current : mmc::ConfigurationRt::all;
    auto loaded = load_configuration(ctx, opts.input, rt);
    if (!loaded) return report_error(ctx, loaded.error());
    auto r = features_report(*loaded, opts.current, opts.raw);
    keep_only(r, *codes);
    output::print_features(ctx.output, r);
    return ExitCode::ok;
}

}  // namespace

void register_features(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<FeaturesOptions>();
    CLI::App* sub = app.add_subcommand(
        "features", "Every MMC feature the drive reports, each field decoded (GET CONFIGURATION)");
    add_configuration_input(*sub, opts->input);
    sub->add_flag("--current", opts->current, "Only the features that are current (RT=1)");
    sub->add_option("--feature", opts->codes,
                    "Only these features: hex codes or names, comma separated (0x1e,cd-read)")
        ->delimiter(',')
        ->type_name("CODE[,CODE...]");
    sub->add_flag("--raw", opts->raw, "Also show each descriptor's bytes in hex");
    sub->footer(
        "Examples:\n  discrec features sr0\n  discrec features --current --feature cd-read,core "
        "sr0\n"
        "  sg_get_config --hex /dev/sr0 > cfg.hex; discrec features --inhex cfg.hex\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_features(ctx, *opts); }; });
}

}  // namespace discrec::cli
