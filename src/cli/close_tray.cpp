// discrec close-tray DRIVE: START STOP UNIT (LoEj, Start) (IDiscRecorder2::CloseTray), and with
// --wait until the medium is ready (drive::Drive::wait_until_ready).
#include <chrono>
#include <cstdio>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/util_progress.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "output/tray.hpp"
#include "util/subject.hpp"

namespace discrec::cli {
namespace {

struct CloseTrayOptions {
    std::string drive;
    double wait_seconds = -1;  // < 0: do not wait
};

// The note close-tray prints for how the wait ended.
std::string wait_note(const drive::ReadyWait& w) {
    using Outcome = drive::ReadyWait::Outcome;
    switch (w.outcome) {
        case Outcome::ready:
            return "medium ready";
        case Outcome::no_medium:
            return "no medium";
        case Outcome::failed:
            return w.last_error.message;
        case Outcome::not_ready_in_time:
            return "not ready in time: " + w.last_error.message;
    }
    return {};
}

ExitCode run_close_tray(Context& ctx, const CloseTrayOptions& opts) {
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());
    auto d = drive::open_drive(*loc, open_options(ctx, true));
    if (!d) return report_error(ctx, d.error());
    if (auto st = d->load(); !st) {
        Error e = st.error();
        // DeviceCanLoadMedia: page 2Ah's loading mechanism says whether a motor can pull it in.
        if (auto caps = d->capabilities(); caps && mmc::is_pop_up(caps->loading_mechanism)) {
            e = make_error(ErrorKind::not_supported,
                           fmt::format("{} the drive cannot close its tray itself (pop-up "
                                       "mechanism): push it in by hand ({})",
                                       message_subject(loc->name), e.message));
        }
        return report_error(ctx, e);
    }
    output::ActionReport report{*loc, "close_tray", "tray closed", {}, {}};
    if (opts.wait_seconds >= 0) {
        ProgressLine progress(ctx);
        const std::string what = fmt::format("waiting for {} to become ready", loc->name);
        const auto wait =
            d->wait_until_ready(std::chrono::duration<double>(opts.wait_seconds),
                                [&progress, &what](auto waited) { progress.show(what, waited); });
        report.notes.push_back(wait_note(wait));
        if (wait.outcome == drive::ReadyWait::Outcome::not_ready_in_time) {
            return report_error(
                ctx, make_error(ErrorKind::timeout, loc->name + ": " + report.notes.back()));
        }
    }
    output::print_action(ctx.output, report);
    return ExitCode::ok;
}

}  // namespace

void register_close_tray(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<CloseTrayOptions>();
    CLI::App* sub = app.add_subcommand("close-tray", "Close the tray (load the medium)");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->add_option("--wait", opts->wait_seconds,
                    "Then wait up to SECONDS (default 30) until the medium is ready")
        ->expected(0, 1)
        ->default_str("30")
        ->type_name("SECONDS")
        ->check(CLI::Range(0.0, 600.0));
    sub->footer("Example:\n  discrec close-tray /dev/sr0\n  discrec close-tray --wait sr0\n");
    sub->callback(
        [&ctx, opts] { ctx.action = [&ctx, opts] { return run_close_tray(ctx, *opts); }; });
}

}  // namespace discrec::cli
