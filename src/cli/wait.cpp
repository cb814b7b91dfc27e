// discrec wait DRIVE --for STATE [--timeout SECONDS] [--interval MS]: returns as soon as the
// state holds and is stable (drive::wait_for_state), exit 7 at the timeout. For scripts that
// would otherwise sleep and retry. Inspection only: GET EVENT STATUS NOTIFICATION and TEST
// UNIT READY per poll (READ DISC INFORMATION for blank; nothing for not-held).
#include <chrono>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/util_progress.hpp"
#include "drive/wait.hpp"
#include "output/wait.hpp"
#include "util/subject.hpp"

namespace discrec::cli {
namespace {

struct WaitOptions {
    std::string drive;
    std::string state;
    double timeout_seconds = 60;
    int interval_ms = 500;
};

ExitCode run_wait(Context& ctx, const WaitOptions& opts) {
    const auto wanted = drive::parse_wait_state(opts.state);
    if (!wanted) return report_error(ctx, make_error(ErrorKind::usage, "--for: unknown state"));
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());

    ProgressLine progress(ctx);
    const std::string what = fmt::format("waiting for {} {}", message_subject(loc->name),
                                         drive::wait_state_name(*wanted));
    const auto limit =
        std::chrono::milliseconds(static_cast<long long>(opts.timeout_seconds * 1000));
    auto outcome = drive::wait_for_state(
        *loc, ctx.roots, open_options(ctx), *wanted, limit,
        std::chrono::milliseconds(opts.interval_ms),
        [&](auto waited, const drive::WaitObservation& last) {
            progress.show(fmt::format("{} (now: {})", what, drive::observation_text(*wanted, last)),
                          waited);
        });
    if (!outcome) return report_error(ctx, outcome.error());
    const output::WaitReport report{*loc, *wanted, *outcome};
    if (outcome->reached) {
        output::print_wait(ctx.output, report, ExitCode::ok, nullptr);
        return ExitCode::ok;
    }
    const Error timeout = make_error(
        ErrorKind::timeout, fmt::format("{} timed out after {:g} s waiting for {} (last state: {})",
                                        message_subject(loc->name), opts.timeout_seconds,
                                        drive::wait_state_name(*wanted),
                                        drive::observation_text(*wanted, outcome->last)));
    std::fprintf(stderr, "discrec: %s\n", timeout.message.c_str());
    output::print_wait(ctx.output, report, ExitCode::timeout, &timeout);
    return ExitCode::timeout;
}

}  // namespace

void register_wait(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<WaitOptions>();
    CLI::App* sub = app.add_subcommand(
        "wait", "Wait until a drive reaches a state (medium, ready, tray-open ...), bounded");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->add_option("--for", opts->state,
                    "The state: medium, no-medium, ready, tray-open, tray-closed, blank, "
                    "not-held")
        ->required()
        ->check(CLI::IsMember(drive::wait_state_names()))
        ->type_name("STATE");
    sub->add_option("--timeout", opts->timeout_seconds,
                    "Give up after SECONDS (default 60): exit 7 with the last state")
        ->type_name("SECONDS")
        ->check(CLI::Range(0.0, 86400.0));
    sub->add_option("--interval", opts->interval_ms, "Poll every MS milliseconds (default 500)")
        ->type_name("MS")
        ->check(CLI::Range(50, 60000));
    sub->footer(
        "Examples:\n  discrec wait sr0 --for medium --timeout 300 && discrec media sr0\n"
        "  discrec wait sr0 --for not-held\n"
        "Exit status 0 when the state holds (in two polls in a row that answered the same), "
        "7 at the timeout.\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_wait(ctx, *opts); }; });
}

}  // namespace discrec::cli
