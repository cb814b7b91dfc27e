// discrec: builds the command line, runs the chosen subcommand, and is the one place where an
// error becomes a message and an exit code.
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "mmc/tables/opcodes.hpp"
#include "output/color.hpp"
#include "platform/process.hpp"
#include "transport/run_log.hpp"
#include "version.hpp"

namespace {

constexpr const char* k_exit_codes_help =
    "Exit status:\n"
    "  0  success\n"
    "  1  failure (internal or I/O error)\n"
    "  2  usage error (bad option or argument)\n"
    "  3  no such drive\n"
    "  4  permission denied (join the 'cdrom' group, or run as root)\n"
    "  5  device busy (mounted, held exclusively, or medium removal prevented)\n"
    "  6  the drive reported an error (sense data decoded in the message)\n"
    "  7  timeout (the drive did not answer in time)\n"
    "  8  not supported (by the drive or this system)\n"
    "  9  no medium\n"
    "  10 a check failed (discrec check: an assertion does not hold)\n";

struct Subcommand {
    std::string_view name;
    void (*add)(CLI::App&, discrec::cli::Context&);
};

constexpr std::array k_subcommands = {
    Subcommand{"list", discrec::cli::register_list},
    Subcommand{"info", discrec::cli::register_info},
    Subcommand{"media", discrec::cli::register_media},
    Subcommand{"speeds", discrec::cli::register_speeds},
    Subcommand{"structure", discrec::cli::register_structure},
    Subcommand{"eject", discrec::cli::register_eject},
    Subcommand{"close-tray", discrec::cli::register_close_tray},
    Subcommand{"lock", discrec::cli::register_lock},
    Subcommand{"mcn", discrec::cli::register_mcn},
    Subcommand{"mode-pages", discrec::cli::register_mode_pages},
    Subcommand{"features", discrec::cli::register_features},
    Subcommand{"profiles", discrec::cli::register_profiles},
    Subcommand{"send", discrec::cli::register_send},
    Subcommand{"decode", discrec::cli::register_decode},
    Subcommand{"check", discrec::cli::register_check},
    Subcommand{"wait", discrec::cli::register_wait},
    Subcommand{"watch", discrec::cli::register_watch},
};

// The subcommand the command line names: its first word that is no option, skipping the value
// of a global option written as two words ("--color always", "--sysroot DIR"). Only that
// subcommand is then registered: building all of them with their options was a third of
// `discrec list`'s instructions. nullptr (no subcommand, a misspelt one, --help alone):
// register them all, so help and usage errors see the whole command line.
const Subcommand* named_subcommand(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--") return nullptr;
        if (word == "--color" || word == "--sysroot" || word == "--record" || word == "--replay") {
            ++i;
            continue;
        }
        if (word == "-h" || word == "--help") return nullptr;  // top-level help lists them all
        if (word.starts_with('-')) continue;
        for (const auto& sub : k_subcommands) {
            if (sub.name == word) return &sub;
        }
        return nullptr;
    }
    return nullptr;
}

int finish_output(int code);

// --record FILE / --replay FILE (transport/run_log.hpp).
struct RunLogOptions {
    std::string record;
    std::string replay;
};

void add_run_log_options(CLI::App& app, RunLogOptions& options) {
    auto* record = app.add_option("--record", options.record,
                                  "Write every command sent and every OS fact read or changed "
                                  "to FILE (JSON Lines), e.g. for a bug report")
                       ->type_name("FILE");
    app.add_option("--replay", options.replay,
                   "Answer every command and OS fact from FILE, made by --record: no drive "
                   "needed")
        ->type_name("FILE")
        ->excludes(record);
}

// Opens the run log the options ask for and makes it the process's; nullptr without one.
discrec::Result<std::unique_ptr<discrec::RunLog>> start_run_log(const RunLogOptions& options,
                                                                discrec::cli::Context& ctx) {
    if (options.record.empty() && options.replay.empty()) {
        return std::unique_ptr<discrec::RunLog>();
    }
    auto log = options.replay.empty() ? discrec::RunLog::create(options.record, ctx.output.argv)
                                      : discrec::RunLog::open(options.replay);
    if (!log) return log.error();
    (*log)->cdb_namer = [](const discrec::Cdb& cdb) {
        return discrec::mmc::command_label(cdb.opcode());
    };
    // A replay that leaves its recording ends here: nothing of the machine was touched.
    (*log)->on_divergence = [&ctx](const discrec::Error& error) {
        discrec::cli::report_error(ctx, error);
        std::exit(finish_output(static_cast<int>(discrec::ExitCode::failure)));
    };
    discrec::RunLog::set_active(log->get());
    return log;
}

void build_app(CLI::App& app, discrec::cli::Context& ctx, int argc, char** argv) {
    // One option syntax on every OS: on Windows CLI11 would read "/dev/sr0" as an option.
    app.allow_windows_style_options(false);
    app.set_version_flag("-V,--version", std::string("discrec ") + discrec::k_version);
    app.add_flag("--json", ctx.output.json, "Print one JSON document on stdout");
    app.add_flag("--trace", ctx.trace,
                 "Print every command sent (CDB, status, sense, data, time) on stderr");
    app.add_flag("-q,--quiet", ctx.output.quiet, "Print no notes on stderr, only errors");
    app.add_option_function<std::string>(
           "--color",
           [&ctx](const std::string& when) {
               discrec::output::apply_color_mode(ctx.output,
                                                 discrec::output::parse_color_mode(when).value_or(
                                                     discrec::output::ColorMode::automatic));
           },
           "Colour text output: auto (only on a terminal, and not when NO_COLOR is set), "
           "always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)  // the last wins, as in an alias
        ->type_name("WHEN")
        ->default_str("auto");
    app.add_option_function<std::string>(
           "--sysroot",
           [&ctx](const std::string& dir) {
               ctx.roots.sys = std::filesystem::path(dir) / "sys";
               ctx.roots.dev = std::filesystem::path(dir) / "dev";
               ctx.roots.proc = std::filesystem::path(dir) / "proc";
           },
           "Read sys/, dev/ and proc/ under DIR instead of / (captured trees, tests)")
        ->type_name("DIR");
    app.require_subcommand(1);
    app.fallthrough();  // global options may also follow the subcommand
    app.footer(std::string("Examples:\n  discrec list\n  discrec info /dev/sr0\n"
                           "  discrec info --json | jq .drives[0].current_profile\n\n") +
               k_exit_codes_help);
    if (const auto* named = named_subcommand(argc, argv)) {
        named->add(app, ctx);
        return;
    }
    for (const auto& sub : k_subcommands) sub.add(app, ctx);
}

// Standard output is written through stdio and flushed here, after the command has done its
// work. A reader that went away (`discrec list --json | head -c1`) is not the command's
// failure: end quietly as cat and ls do, by SIGPIPE (the shell shows 141). prepare_process()
// ignores SIGPIPE while the command runs so that a drive is never left half-done (a tray
// locked, an exclusive hold not released). Other write errors (a full disk) are one line and
// exit 1. Without SIGPIPE (Windows) a closed pipe is exit 1, quietly.
int finish_output(int code) {
    if (std::fflush(stdout) == 0 && std::ferror(stdout) == 0) return code;
    const int err = errno;
    if (err == EPIPE) {
        discrec::platform::end_by_broken_pipe();
        return static_cast<int>(discrec::ExitCode::failure);
    }
    std::fprintf(stderr, "discrec: cannot write standard output: %s\n", std::strerror(err));
    return code == 0 ? static_cast<int>(discrec::ExitCode::failure) : code;
}

int run(int argc, char** argv) {
    discrec::cli::Context ctx;
    ctx.output.argv.assign(argv, argv + argc);
    // --color=auto until the option says otherwise, so a usage error is coloured the same way.
    discrec::output::apply_color_mode(ctx.output, discrec::output::ColorMode::automatic);
    CLI::App app{"discrec: identify, eject, lock and inspect CD/DVD/BD drives"};
    app.name("discrec");
    build_app(app, ctx, argc, argv);
    RunLogOptions run_log_options;
    add_run_log_options(app, run_log_options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        const discrec::Error error{discrec::ErrorKind::usage,
                                   fmt::format("{} (see 'discrec --help')", e.what())};
        return static_cast<int>(discrec::cli::report_error(ctx, error));
    }
    if (!ctx.action) return static_cast<int>(discrec::ExitCode::usage);
    auto log = start_run_log(run_log_options, ctx);
    if (!log) return static_cast<int>(discrec::cli::report_error(ctx, log.error()));
    const int code = static_cast<int>(ctx.action());
    if (*log) (*log)->finish();
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    discrec::platform::prepare_process();
    return finish_output(run(argc, argv));
}
