// discrec eject DRIVE: START STOP UNIT (LoEj) through the recorder core (IDiscRecorder2::
// EjectMedia). A mounted medium is never ejected unless asked (--unmount, --force).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "mmc/sense.hpp"
#include "output/tray.hpp"
#include "platform/tray.hpp"
#include "util/subject.hpp"

namespace discrec::cli {
namespace {

struct EjectOptions {
    std::string drive;
    bool unmount = false;
    bool force = false;
};

// "held by 812 sleep (/dev/sr0); locked by 'discrec lock'? release: discrec lock --off sr0"
std::string who_holds(const Context& ctx, const platform::DriveLocation& loc) {
    std::string out;
    for (const auto& h : platform::find_holders(loc, ctx.roots)) {
        out += fmt::format("{}{} {} ({})", out.empty() ? "; open in: " : ", ", h.pid, h.command,
                           h.device);
    }
    if (auto owner = platform::exclusive_owner(loc)) {
        out += fmt::format("; held exclusively by {} {}", owner->pid, owner->client);
    }
    if (!loc.mount_points.empty()) out += "; mounted on " + loc.mount_points.front();
    out += fmt::format(
        "; a lock set with 'discrec lock' is released by 'discrec lock --off {}'"
        ", or eject with --force",
        loc.name);
    return out;
}

ExitCode run_eject(Context& ctx, const EjectOptions& opts) {
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());
    output::ActionReport report{*loc, "eject", "", {}, {}};
    if (!loc->mount_points.empty() && !opts.unmount && !opts.force) {
        return report_error(
            ctx, make_error(ErrorKind::device_busy,
                            fmt::format("{} the medium is mounted on {}: not ejecting "
                                        "(--unmount unmounts it first)",
                                        message_subject(loc->name), loc->mount_points.front())));
    }
    if (!loc->mount_points.empty() && opts.unmount) {
        if (auto st = platform::unmount_medium(*loc); !st) return report_error(ctx, st.error());
        report.unmounted = loc->mount_points;
    }
    auto drive = drive::open_drive(*loc, open_options(ctx, true));
    if (!drive) return report_error(ctx, drive.error());
    if (opts.force) {
        // Clear the kernel's keeplocked flag (a 'discrec lock') and any PREVENT, then eject.
        (void)platform::set_persistent_lock(*loc, false);
        (void)drive->prevent_removal(false);
    }
    // The command run by `lock --exclusive -- COMMAND` is the holder: the hold's PREVENT does
    // not stop it (IMAPI2's EjectMedia by the exclusive access client); the tray stays locked
    // for everyone else afterwards.
    const bool holder = !opts.force && platform::inside_exclusive_hold(*loc);
    if (holder) (void)drive->prevent_removal(false);
    auto st = drive->eject();
    if (holder) (void)drive->prevent_removal(true);
    if (!st) {
        Error e = st.error();
        if (e.sense && mmc::means_tray_open(*e.sense)) {
            report.outcome = "tray already open";
            output::print_action(ctx.output, report);
            return ExitCode::ok;
        }
        if (e.kind == ErrorKind::device_busy) e.message += who_holds(ctx, *loc);
        return report_error(ctx, e);
    }
    report.outcome = "ejected";
    output::print_action(ctx.output, report);
    return ExitCode::ok;
}

}  // namespace

void register_eject(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<EjectOptions>();
    CLI::App* sub = app.add_subcommand("eject", "Open the tray / eject the medium");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->add_flag("--unmount", opts->unmount, "Unmount the medium first if it is mounted");
    sub->add_flag("--force", opts->force,
                  "Eject even if mounted or locked (sends ALLOW MEDIUM REMOVAL first)");
    sub->footer("Example:\n  discrec eject /dev/sr0\n  discrec eject --unmount sr0\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_eject(ctx, *opts); }; });
}

}  // namespace discrec::cli
