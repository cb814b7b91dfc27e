// discrec mcn DRIVE [--on|--off|--interval MS]: the OS's media change notification polling
// of the drive (IDiscRecorder2 DisableMcn / EnableMcn). Linux: /sys/block/srN/events_poll_msecs.
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "output/tray.hpp"
#include "platform/tray.hpp"

namespace discrec::cli {
namespace {

struct McnOptions {
    std::string drive;
    bool on = false;
    bool off = false;
    long interval_ms = -2;  // -2: not given
};

ExitCode run_mcn(Context& ctx, const McnOptions& opts) {
    if (static_cast<int>(opts.on) + static_cast<int>(opts.off) +
            static_cast<int>(opts.interval_ms != -2) >
        1) {
        return report_error(
            ctx, make_error(ErrorKind::usage, "--on, --off and --interval exclude each other"));
    }
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());
    output::MediaPollingReport r{*loc, {}, false};
    long wanted = -2;
    if (opts.off) wanted = 0;
    if (opts.on) wanted = -1;  // the system default (block.events_dfl_poll_msecs)
    if (opts.interval_ms != -2) wanted = opts.interval_ms;
    if (wanted != -2) {
        if (auto st = platform::set_media_polling(*loc, wanted, ctx.roots); !st)
            return report_error(ctx, st.error());
        r.changed = true;
    }
    r.polling = platform::media_polling(*loc, ctx.roots);
    output::print_media_polling(ctx.output, r);
    return ExitCode::ok;
}

}  // namespace

void register_mcn(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<McnOptions>();
    CLI::App* sub =
        app.add_subcommand("mcn", "Show or set the OS's media change polling of a drive");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->add_flag("--on", opts->on, "Poll at the system default interval (EnableMcn)");
    sub->add_flag("--off", opts->off, "Stop polling the drive (DisableMcn)");
    sub->add_option("--interval", opts->interval_ms, "Poll every MS milliseconds")
        ->type_name("MS")
        ->check(CLI::Range(1L, 3600000L));
    sub->footer("Example:\n  discrec mcn sr0\n  discrec mcn --off sr0   # e.g. while burning\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_mcn(ctx, *opts); }; });
}

}  // namespace discrec::cli
