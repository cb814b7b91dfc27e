// discrec close-tray DRIVE: START STOP UNIT (LoEj, Start) (IDiscRecorder2::CloseTray), and with
// --wait until the medium is ready (drive::Drive::wait_until_ready).
#include <chrono>
#include <cstdio>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "output/tray.hpp"
#include "platform/terminal.hpp"
#include "util/subject.hpp"

namespace discrec::cli {
namespace {

struct CloseTrayOptions {
    std::string drive;
    double wait_seconds = -1;  // < 0: do not wait
};

// A spin-up takes seconds: on a terminal (and without --quiet) one stderr line says what we
// wait for and for how long, rewritten in place with \r and erased when the wait ends, so
// the terminal keeps only the result. Never into a pipe or a log: no \r lines there.
class WaitProgress {
public:
    WaitProgress(const Context& ctx, const std::string& drive)
        : m_on(platform::is_terminal(platform::StdStream::err) && !ctx.output.quiet),
          m_drive(drive) {}
    WaitProgress(const WaitProgress&) = delete;
    WaitProgress& operator=(const WaitProgress&) = delete;
    ~WaitProgress() {
        if (m_width > 0) std::fprintf(stderr, "\r%*s\r", static_cast<int>(m_width), "");
    }
    void show(std::chrono::steady_clock::duration waited) {
        if (!m_on) return;
        const auto s = std::chrono::duration_cast<std::chrono::seconds>(waited).count();
        const std::string line =
            fmt::format("discrec: waiting for {} to become ready... {} s", m_drive, s);
        std::fprintf(stderr, "\r%s", line.c_str());
        std::fflush(stderr);
        m_width = line.size();
    }

private:
    bool m_on;
    std::string m_drive;
    std::size_t m_width = 0;
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
        WaitProgress progress(ctx, loc->name);
        const auto wait = d->wait_until_ready(std::chrono::duration<double>(opts.wait_seconds),
                                              [&progress](auto waited) { progress.show(waited); });
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
