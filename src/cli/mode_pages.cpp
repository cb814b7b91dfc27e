// discrec mode-pages DRIVE | --inhex FILE: every mode page read and decoded field by field
// (IDiscRecorder2::SupportedModePages, IDiscRecorder2Ex::GetModePage with its four requests).
#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "mmc/tables/mode_pages.hpp"
#include "output/mode_pages.hpp"
#include "util/inhex.hpp"
#include "util/subject.hpp"

namespace discrec::cli {
namespace {

constexpr std::uint8_t k_all_pages = mmc::mode_page_code::all;

struct ModePagesOptions {
    std::string drive;
    std::vector<std::string> pages;
    std::string control = "current";
    bool raw = false;
    std::string inhex;
    std::string inhex_header = "auto";
    bool raw_in = false;
};

mmc::PageControl parse_control(const std::string& s) {
    if (s == "changeable") return mmc::PageControl::changeable;
    if (s == "default") return mmc::PageControl::default_;
    if (s == "saved") return mmc::PageControl::saved;
    return mmc::PageControl::current;
}

// A page as sg_modes takes it (decimal, 0x2a, 2ah) or by its short name (caps).
std::optional<std::uint8_t> parse_page(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    if (const auto* row = mmc::find_mode_page(s)) return row->code;
    const auto value = parse_code_number(s, k_all_pages);
    if (!value) return std::nullopt;
    return static_cast<std::uint8_t>(*value);
}

// The pages asked for; empty means every page the drive (or the file) has.
Result<std::vector<std::uint8_t>> parse_pages(const std::vector<std::string>& specs) {
    std::vector<std::uint8_t> out;
    for (const auto& spec : specs) {
        const auto code = parse_page(spec);
        if (!code) {
            return make_error(ErrorKind::usage,
                              fmt::format("--page: '{}' is not a page number (0-63, 0x2a, 2ah) or "
                                          "name (caps, error-recovery, write, caching, ...)",
                                          spec));
        }
        if (*code == k_all_pages) return std::vector<std::uint8_t>{};
        if (std::find(out.begin(), out.end(), *code) == out.end()) out.push_back(*code);
    }
    return out;
}

// 0 when any page was read; else the exit code of the first error.
ExitCode exit_for(const output::ModePagesReport& r) {
    for (const auto& a : r.answers) {
        if (!a.error && !a.pages.empty()) return ExitCode::ok;
    }
    for (const auto& a : r.answers) {
        if (a.error) return exit_code_for(a.error->kind);
    }
    return ExitCode::ok;
}

ExitCode finish(Context& ctx, const output::ModePagesReport& r) {
    const ExitCode code = exit_for(r);
    for (const auto& a : r.answers) {
        if (a.error && code != ExitCode::ok) note(ctx, a.error->message);
    }
    output::print_mode_pages(ctx.output, r, code);
    return code;
}

ExitCode run_device(Context& ctx, const ModePagesOptions& opts, output::ModePagesReport r,
                    std::vector<std::uint8_t> wanted) {
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());
    auto d = drive::open_drive(*loc, open_options(ctx));
    if (!d) return report_error(ctx, d.error());
    r.location = *loc;
    if (wanted.empty()) {
        auto list = d->supported_mode_pages();
        if (!list) return report_error(ctx, list.error());
        r.supported = list->pages;
        r.probed = list->probed;
        wanted = list->pages;
    }
    for (auto code : wanted) r.answers.push_back(drive::read_mode_page(*d, code, r.control));
    return finish(ctx, r);
}

// --inhex-header: the header form the saved answer has (auto: detected from its lengths).
std::optional<mmc::ModeDataForm> header_form(const std::string& choice) {
    if (choice == "10") return mmc::ModeDataForm::sense10;
    if (choice == "6") return mmc::ModeDataForm::sense6;
    if (choice == "none") return mmc::ModeDataForm::pages_only;
    return std::nullopt;
}

ExitCode run_inhex(Context& ctx, const ModePagesOptions& opts, output::ModePagesReport r,
                   const std::vector<std::uint8_t>& wanted) {
    auto data = read_inhex_file(opts.inhex, opts.raw_in);
    if (!data) return report_error(ctx, data.error());
    auto saved =
        drive::decode_saved_mode_data(opts.inhex, *data, header_form(opts.inhex_header), wanted);
    if (!saved) return report_error(ctx, saved.error());
    r.inhex_path = opts.inhex;
    output::ModeSenseAnswer all = std::move(*saved);
    if (all.pages.empty() && wanted.empty()) {
        return report_error(ctx, make_error(ErrorKind::usage, opts.inhex + ": no mode page in it"));
    }
    for (auto code : wanted) {
        const bool found = std::any_of(all.pages.begin(), all.pages.end(),
                                       [code](const auto& p) { return p.code == code; });
        if (found) continue;
        output::ModeSenseAnswer missing;
        missing.requested = code;
        missing.error = make_error(ErrorKind::not_supported,
                                   fmt::format("{}: no page {:02X}h in it", opts.inhex, code));
        r.answers.push_back(std::move(missing));
    }
    if (!all.pages.empty()) r.answers.insert(r.answers.begin(), std::move(all));
    return finish(ctx, r);
}

ExitCode run_mode_pages(Context& ctx, const ModePagesOptions& opts) {
    auto wanted = parse_pages(opts.pages);
    if (!wanted) return report_error(ctx, wanted.error());
    if (opts.inhex.empty() == opts.drive.empty()) {
        return report_error(
            ctx,
            make_error(ErrorKind::usage, "mode-pages takes a DRIVE or --inhex FILE (one of them)"));
    }
    if (opts.raw_in && opts.inhex.empty()) {
        return report_error(ctx, make_error(ErrorKind::usage, "--raw-in goes with --inhex FILE"));
    }
    output::ModePagesReport r;
    r.control = parse_control(opts.control);
    r.raw = opts.raw;
    if (!opts.inhex.empty()) return run_inhex(ctx, opts, std::move(r), *wanted);
    return run_device(ctx, opts, std::move(r), std::move(*wanted));
}

}  // namespace

void register_mode_pages(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ModePagesOptions>();
    CLI::App* sub = app.add_subcommand(
        "mode-pages",
        "Read and decode the drive's mode pages (current, changeable, default, saved)");
    sub->add_option("DRIVE", opts->drive, k_drive_help);
    sub->add_option("-p,--page", opts->pages,
                    "Pages to show, comma separated: a number (42, 0x2a, 2ah) or a name (caps, "
                    "error-recovery, write, caching, cd-audio, power, ...); default: every page")
        ->delimiter(',')
        ->type_name("P[,P...]");
    sub->add_option("-c,--control", opts->control,
                    "Which values: current (default), changeable, "
                    "default or saved")
        ->check(CLI::IsMember({"current", "changeable", "default", "saved"}));
    sub->add_flag("-r,--raw", opts->raw,
                  "Also print each page's bytes and the whole MODE SENSE answer in hex");
    sub->add_option("--inhex", opts->inhex,
                    "Decode a saved answer instead of asking a drive: hex text (sg_modes -H, "
                    "sg_raw; binary from sg_modes -r with --raw-in), with or without the mode "
                    "parameter header; '-' reads standard input")
        ->type_name("FILE");
    sub->add_flag("--raw-in", opts->raw_in, "With --inhex: FILE holds raw binary, not hex");
    sub->add_option("--inhex-header", opts->inhex_header,
                    "With --inhex: the header the bytes start with (default: auto-detect)")
        ->check(CLI::IsMember({"auto", "10", "6", "none"}));
    sub->footer(
        "Examples:\n  discrec mode-pages sr0\n  discrec mode-pages sr0 --page caps --json | "
        "jq .pages[0].fields.lock_state\n  discrec mode-pages sr0 --page 0x2a --control "
        "changeable\n"
        "  sg_modes -p 0x2a -r /dev/sg0 > 2a.bin; discrec mode-pages --raw-in --inhex 2a.bin\n");
    sub->callback(
        [&ctx, opts] { ctx.action = [&ctx, opts] { return run_mode_pages(ctx, *opts); }; });
}

}  // namespace discrec::cli
