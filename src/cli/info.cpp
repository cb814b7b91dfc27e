// discrec info [DRIVE...]: what IDiscRecorder2 exposes about each drive, asked of the drive.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "drive/recorder_info.hpp"
#include "output/info.hpp"

namespace discrec::cli {
namespace {

struct InfoOptions {
    std::vector<std::string> drives;
};

ExitCode run_info(Context& ctx, const InfoOptions& opts) {
    auto chosen = choose_drives(ctx, opts.drives);
    if (!chosen) return report_error(ctx, chosen.error());

    ExitCode code = ExitCode::ok;
    const auto reports = gather_each(
        *chosen,
        [&ctx](const platform::DriveLocation& location) {
            return drive::gather_recorder_info(location, ctx.roots, open_options(ctx));
        },
        code);
    output::print_info(ctx.output, reports, code);
    return code;
}

}  // namespace

void register_info(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<InfoOptions>();
    CLI::App* sub = app.add_subcommand(
        "info", "Identity, profiles, features, mode pages, media state and holders of drives");
    sub->add_option("DRIVE", opts->drives, k_drives_help);
    sub->footer(
        "Example:\n  discrec info /dev/sr0\n  discrec info --json | jq '.drives[].media'\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_info(ctx, *opts); }; });
}

}  // namespace discrec::cli
