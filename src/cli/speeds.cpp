// discrec speeds DRIVE: the write speeds the drive offers for the medium in it (IDiscFormat2Data
// SupportedWriteSpeedDescriptors: GET PERFORMANCE Type 03h, else mode page 2Ah's descriptors)
// and its nominal read performance (GET PERFORMANCE Type 00h), each in kB/s and as a multiple
// of the medium's 1x. Only commands that read.
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "drive/speeds.hpp"
#include "output/speeds.hpp"

namespace discrec::cli {
namespace {

struct SpeedsOptions {
    std::string drive;
};

ExitCode run_speeds(Context& ctx, const SpeedsOptions& opts) {
    auto location = resolve_one(ctx, opts.drive);
    if (!location) return report_error(ctx, location.error());
    const auto report = drive::gather_speeds(*location, open_options(ctx));
    // Could not be opened, timed out or vanished: one line and the exit code, as elsewhere.
    if (report.fatal) return report_error(ctx, *report.fatal);
    output::print_speeds(ctx.output, report, ExitCode::ok);
    return ExitCode::ok;
}

}  // namespace

void register_speeds(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<SpeedsOptions>();
    CLI::App* sub = app.add_subcommand(
        "speeds", "Write speeds for the medium in the drive and its read performance");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->footer(
        "Examples:\n  discrec speeds sr0\n  discrec speeds --json sr0 | jq "
        "'.write_speeds.speeds[].factor'\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_speeds(ctx, *opts); }; });
}

}  // namespace discrec::cli
