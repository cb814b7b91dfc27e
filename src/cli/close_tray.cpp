// discrec close-tray DRIVE: START STOP UNIT (LoEj, Start) (IDiscRecorder2::CloseTray).
#include <chrono>
#include <cstdio>
#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "mmc/cdb.hpp"
#include "output/tray.hpp"
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
        : m_on(stderr_is_terminal() && !ctx.output.quiet), m_drive(drive) {}
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

// Polls TEST UNIT READY until the medium is ready, the drive says there is none, or time
// runs out. A drive spinning up says 2/04/01 ("becoming ready").
std::string wait_ready(Context& ctx, drive::Drive& d, const std::string& name, double seconds) {
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    WaitProgress progress(ctx, name);
    while (true) {
        auto tur = d.runner().run(mmc::test_unit_ready(), Direction::none, 0, k_quick_timeout);
        if (tur.ok()) return "medium ready";
        if (tur.error.kind == ErrorKind::no_medium) return "no medium";
        if (tur.error.kind == ErrorKind::timeout || tur.error.kind == ErrorKind::no_such_drive) {
            return tur.error.message;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return "not ready in time: " + tur.error.message;
        progress.show(std::chrono::steady_clock::now() - start);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

ExitCode run_close_tray(Context& ctx, const CloseTrayOptions& opts) {
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());
    auto d = drive::open_drive(*loc, open_options(ctx, true));
    if (!d) return report_error(ctx, d.error());
    if (auto st = d->load(); !st) {
        Error e = st.error();
        // DeviceCanLoadMedia: page 2Ah's loading mechanism says whether a motor can pull it in.
        if (auto caps = d->capabilities(); caps && caps->loading_mechanism == 0x02) {
            e = make_error(ErrorKind::not_supported,
                           fmt::format("{} the drive cannot close its tray itself (pop-up "
                                       "mechanism): push it in by hand ({})",
                                       message_subject(loc->name), e.message));
        }
        return report_error(ctx, e);
    }
    output::ActionReport report{*loc, "close_tray", "tray closed", {}, {}};
    if (opts.wait_seconds >= 0) {
        const std::string state = wait_ready(ctx, *d, loc->name, opts.wait_seconds);
        report.notes.push_back(state);
        if (state.rfind("not ready in time", 0) == 0) {
            return report_error(ctx, make_error(ErrorKind::timeout, loc->name + ": " + state));
        }
    }
    output::print_action(ctx.output, report);
    return ExitCode::ok;
}

}  // namespace

void register_close_tray(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<CloseTrayOptions>();
    CLI::App* sub = app.add_subcommand("close-tray", "Close the tray (load the medium)");
    sub->add_option("DRIVE", opts->drive, "The drive (/dev/srN, srN, /dev/sgN, index, symlink)")
        ->required();
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
