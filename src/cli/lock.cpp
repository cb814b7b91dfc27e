// discrec lock DRIVE | lock --off DRIVE | lock --status DRIVE |
// lock --exclusive DRIVE -- COMMAND...  (IDiscRecorder2 AcquireExclusiveAccess /
// ReleaseExclusiveAccess / ExclusiveAccessOwner, and PREVENT/ALLOW MEDIUM REMOVAL).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "output/tray.hpp"
#include "platform/tray.hpp"

namespace discrec::cli {
namespace {

struct LockOptions {
    std::string drive;
    bool off = false;
    bool status = false;
    bool exclusive = false;
    bool force = false;
    std::string client;
    std::vector<std::string> command;
};

ExitCode run_status(Context& ctx, const platform::DriveLocation& loc) {
    output::LockStatus s{loc,
                         std::nullopt,
                         platform::exclusive_owner(loc),
                         platform::find_holders(loc, ctx.roots),
                         {}};
    if (auto d = drive::open_drive(loc, open_options(ctx))) {
        auto caps = d->capabilities();
        if (caps)
            s.capabilities = *caps;
        else
            s.errors.push_back(caps.error());
    } else {
        return report_error(ctx, d.error());
    }
    output::print_lock_status(ctx.output, s);
    return ExitCode::ok;
}

// Under `lock --exclusive -- COMMAND` the holder's open keeps the kernel from unlocking for
// anyone but root (others have the drive open): the holder's command unlocks the tray the
// way the hold locked it, with ALLOW MEDIUM REMOVAL.
Status lock_unlock_as_holder(Context& ctx, const platform::DriveLocation& loc, const Error& e) {
    if (e.kind != ErrorKind::device_busy || !platform::inside_exclusive_hold(loc)) return e;
    auto d = drive::open_drive(loc, open_options(ctx, true));
    if (!d) return d.error();
    return d->prevent_removal(false);
}

ExitCode run_persistent(Context& ctx, const platform::DriveLocation& loc, bool lock) {
    if (auto st = platform::set_persistent_lock(loc, lock); !st) {
        if (lock) return report_error(ctx, st.error());
        if (auto allowed = lock_unlock_as_holder(ctx, loc, st.error()); !allowed)
            return report_error(ctx, allowed.error());
    }
    output::ActionReport r{
        loc, lock ? "lock" : "unlock", lock ? "tray locked" : "tray unlocked", {}, {}};
    if (lock) {
        r.notes.push_back(
            fmt::format("the lock stays after discrec exits, until "
                        "'discrec lock --off {}' (or a reboot / drive reset)",
                        loc.name));
    } else if (auto owner = platform::exclusive_owner(loc)) {
        r.notes.push_back(
            fmt::format("still held exclusively by {} {}", owner->pid, owner->client));
    }
    output::print_action(ctx.output, r);
    return ExitCode::ok;
}

// Exclusive access: the drive is held (O_EXCL) and locked with a PREVENT sent through the
// held descriptor, *not* the kernel's keeplocked flag: when this process ends in any way,
// even SIGKILL, the kernel closes the descriptor and the cdrom layer unlocks the door
// itself. We still send ALLOW explicitly on every normal path.
ExitCode run_exclusive(Context& ctx, platform::DriveLocation loc, const LockOptions& opts) {
    if (opts.command.empty()) {
        return report_error(ctx, make_error(ErrorKind::usage,
                                            "lock --exclusive needs a command: discrec lock "
                                            "--exclusive DRIVE -- COMMAND [ARGS...]"));
    }
    if (opts.force && !loc.mount_points.empty()) {
        if (auto st = platform::unmount_medium(loc); !st) return report_error(ctx, st.error());
        loc.mount_points.clear();
    }
    // Already the holder's command: the drive is held for us, the command runs under it.
    if (platform::inside_exclusive_hold(loc)) {
        note(ctx, fmt::format("{} is already held by the command this one runs under", loc.name));
        auto rc = platform::run_command(opts.command);
        if (!rc) return report_error(ctx, rc.error());
        return static_cast<ExitCode>(*rc);
    }
    const std::string client = opts.client.empty() ? opts.command.front() : opts.client;
    auto hold = platform::acquire_exclusive(loc, client);
    if (!hold) return report_error(ctx, hold.error());
    drive::Drive d = drive::make_drive(hold->release_transport(), loc, open_options(ctx, true));
    if (auto st = d.prevent_removal(true); !st) {
        note(ctx,
             fmt::format("{} (the drive is held, but its tray is not locked)", st.error().message));
    }
    auto rc = platform::run_command(opts.command, &*hold);
    if (auto st = d.prevent_removal(false); !st) note(ctx, st.error().message);
    if (!rc) return report_error(ctx, rc.error());
    return static_cast<ExitCode>(*rc);
}

ExitCode run_lock(Context& ctx, const LockOptions& opts) {
    if (static_cast<int>(opts.off) + static_cast<int>(opts.status) +
            static_cast<int>(opts.exclusive) >
        1) {
        return report_error(ctx, make_error(ErrorKind::usage,
                                            "--off, --status and --exclusive exclude each other"));
    }
    if (!opts.exclusive && (!opts.command.empty() || opts.force || !opts.client.empty())) {
        return report_error(ctx, make_error(ErrorKind::usage,
                                            "a command, --force and --client go with --exclusive"));
    }
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());
    if (opts.status) return run_status(ctx, *loc);
    if (opts.exclusive) return run_exclusive(ctx, *loc, opts);
    return run_persistent(ctx, *loc, !opts.off);
}

}  // namespace

void register_lock(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<LockOptions>();
    CLI::App* sub = app.add_subcommand(
        "lock", "Lock or unlock the tray, show the lock state, or hold the drive exclusively");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->add_option("COMMAND", opts->command, "With --exclusive: the command to run (after --)");
    sub->add_flag("--off", opts->off, "Unlock the tray");
    sub->add_flag("--status", opts->status,
                  "Show the lock state (page 2Ah) and who holds the drive");
    sub->add_flag("--exclusive", opts->exclusive,
                  "Hold the drive exclusively with its tray locked while COMMAND runs");
    sub->add_flag("--force", opts->force, "With --exclusive: unmount the medium first");
    sub->add_option("--client", opts->client, "With --exclusive: the owner name others see")
        ->type_name("NAME");
    sub->footer(
        "Examples:\n  discrec lock sr0            # stays locked after discrec exits\n"
        "  discrec lock --off sr0\n  discrec lock --status sr0\n"
        "  discrec lock --exclusive sr0 -- cdrecord dev=/dev/sr0 image.iso\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_lock(ctx, *opts); }; });
}

}  // namespace discrec::cli
