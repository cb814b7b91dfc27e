// discrec media [DRIVE...]: what is in each drive (IDiscFormat2Data's media properties,
// IDiscRecorder2Ex GetDiscInformation / GetTrackInformation): media type, disc status,
// tracks, TOC and sessions, capacity and free space. Only commands that read are sent; an
// empty drive or open tray is reported as it is, never closed.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "drive/media.hpp"
#include "output/media.hpp"

namespace discrec::cli {
namespace {

struct MediaOptions {
    std::vector<std::string> drives;
    double ready_wait = drive::k_default_ready_wait.count();  // --ready-wait SECONDS
};

std::string no_medium_line(const drive::MediaReport& r) {
    const auto& open = r.state->tray_open;
    return r.location.name + ": no medium" +
           (open ? (*open ? " (tray open)" : " (tray closed)") : "");
}

ExitCode run_media(Context& ctx, const MediaOptions& opts) {
    auto chosen = choose_drives(ctx, opts.drives);
    if (!chosen) return report_error(ctx, chosen.error());

    ExitCode code = ExitCode::ok;
    const auto reports = gather_each(
        *chosen,
        [&ctx, &opts](const platform::DriveLocation& location) {
            return drive::gather_media(location, open_options(ctx),
                                       std::chrono::duration<double>(opts.ready_wait));
        },
        code);
    // An empty drive is an answer when several are shown; the one drive asked for: exit 9.
    if (opts.drives.size() == 1 && reports.size() == 1 && reports[0].no_medium()) {
        std::fprintf(stderr, "discrec: %s\n", no_medium_line(reports[0]).c_str());
        code = exit_code_for(ErrorKind::no_medium);
    }
    output::print_media(ctx.output, reports, code);
    return code;
}

}  // namespace

void register_media(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<MediaOptions>();
    CLI::App* sub = app.add_subcommand(
        "media", "What is in the drive: media type, disc status, tracks, TOC, capacity");
    sub->add_option("DRIVE", opts->drives, k_drives_help);
    sub->add_option("--ready-wait", opts->ready_wait,
                    "A drive that is becoming ready (a disc just went in) is asked again for "
                    "up to SECONDS before it is reported not ready (0: not asked again)")
        ->type_name("SECONDS")
        ->default_str("5")
        ->check(CLI::Range(0.0, 600.0));
    sub->footer(
        "Examples:\n  discrec media sr0\n  discrec media --json | jq '.drives[].medium.toc'\n"
        "Exit status 9 when the one DRIVE named has no medium (tray open or empty).\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_media(ctx, *opts); }; });
}

}  // namespace discrec::cli
