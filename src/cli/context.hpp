// What main() makes once and every subcommand receives: options common to all subcommands,
// the OS roots (so tests can point enumeration at a captured tree), and the chosen action.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "drive/at_once.hpp"
#include "drive/recorder_info.hpp"
#include "output/options.hpp"
#include "platform/platform.hpp"
#include "util/result.hpp"

namespace CLI {
class App;
}

namespace discrec::cli {

struct Context {
    output::OutputOptions output;
    bool trace = false;
    platform::SystemRoots roots;
    // Set by the chosen subcommand's parse callback; main() runs it after parsing.
    std::function<ExitCode()> action;
};

// Subcommand registration, one per file in src/cli/.
void register_list(CLI::App& app, Context& ctx);
void register_info(CLI::App& app, Context& ctx);
void register_media(CLI::App& app, Context& ctx);
void register_decode(CLI::App& app, Context& ctx);
void register_eject(CLI::App& app, Context& ctx);
void register_close_tray(CLI::App& app, Context& ctx);
void register_lock(CLI::App& app, Context& ctx);
void register_mcn(CLI::App& app, Context& ctx);
void register_mode_pages(CLI::App& app, Context& ctx);
void register_features(CLI::App& app, Context& ctx);
void register_profiles(CLI::App& app, Context& ctx);
void register_send(CLI::App& app, Context& ctx);
void register_check(CLI::App& app, Context& ctx);
void register_wait(CLI::App& app, Context& ctx);
void register_speeds(CLI::App& app, Context& ctx);
void register_watch(CLI::App& app, Context& ctx);
void register_structure(CLI::App& app, Context& ctx);

// The DRIVE argument's help, one wording for every subcommand (--help, and so the man page).
inline constexpr const char* k_drive_help =
    "The drive: /dev/srN, srN, /dev/sgN, sgN, an index from 'list', a symlink, or its "
    "unique id from 'info'";
inline constexpr const char* k_drives_help =
    "The drives: /dev/srN, srN, /dev/sgN, sgN, an index from 'list', a symlink, or a "
    "unique id from 'info' (default: every drive)";

// Shared by the subcommands (common.cpp).
Result<platform::DriveLocation> resolve_one(const Context& ctx, const std::string& spelling);
// The drives the DRIVE... spellings name, in their order; none: every drive (and a note when
// there is none at all).
Result<std::vector<platform::DriveLocation>> choose_drives(const Context& ctx,
                                                           const std::vector<std::string>& names);
drive::OpenOptions open_options(const Context& ctx, bool write = false);
void note(const Context& ctx, const std::string& text);  // stderr, unless --quiet
// A number as the MMC tables and sg3-utils write codes: decimal, 0x2a or 2ah; none when it is
// not one or is above `max`.
std::optional<unsigned> parse_code_number(std::string s, unsigned max);

// One report per drive (info, media, check), the drives asked at once (drive/at_once.hpp)
// and the reports kept in the drives' order. A report whose `fatal` error is set ends that
// drive's entry: its message goes to stderr and the first such error's exit code becomes
// `code`; the other drives are still asked.
template <typename Gather>
auto gather_each(const std::vector<platform::DriveLocation>& drives, Gather gather,
                 ExitCode& code) {
    using Report = std::invoke_result_t<Gather, const platform::DriveLocation&>;
    std::vector<std::optional<Report>> gathered(drives.size());
    drive::at_once(drives.size(), [&](std::size_t i) { gathered[i].emplace(gather(drives[i])); });
    std::vector<Report> reports;
    for (auto& one : gathered) {
        reports.push_back(std::move(*one));
        if (const auto& fatal = reports.back().fatal) {
            std::fprintf(stderr, "discrec: %s\n", fatal->message.c_str());
            if (code == ExitCode::ok) code = exit_code_for(fatal->kind);
        }
    }
    return reports;
}

// Reports an error that ended a command: one line on stderr, and with --json the error
// document on stdout. Returns the exit code to use.
ExitCode report_error(const Context& ctx, const Error& error);

}  // namespace discrec::cli
