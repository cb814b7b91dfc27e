// discrec check [DRIVE...] [assertions]: asserts facts about drives and their media for CI
// jobs and scripts; one PASS/FAIL line per assertion, exit 0 when all hold, 10 when any
// fails. Inspection only: the commands sent read, and only those the assertions need.
#include <algorithm>
#include <regex>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/util_configuration_input.hpp"
#include "drive/check.hpp"
#include "output/check.hpp"

namespace discrec::cli {
namespace {

struct CheckOptions {
    std::vector<std::string> drives;
    drive::CheckRequest request;
    bool medium = false, no_medium = false, locked = false, unlocked = false;
    std::string tray, min_free;
    std::vector<std::string> profiles, can_read, can_write, features;
    std::string vendor, product, revision;
    std::size_t min_drives = 1;
};

Status check_patterns(CheckOptions& o, const CLI::App& sub) {
    for (auto [text, name, into] : {std::tuple{&o.vendor, "--vendor", &o.request.vendor},
                                    std::tuple{&o.product, "--product", &o.request.product},
                                    std::tuple{&o.revision, "--revision", &o.request.revision}}) {
        if (sub.count(name) == 0) continue;
        try {
            std::regex(*text, std::regex::ECMAScript | std::regex::icase);
        } catch (const std::regex_error& e) {
            return make_error(ErrorKind::usage, fmt::format("{}: '{}' is no regular expression: {}",
                                                            name, *text, e.what()));
        }
        *into = *text;
    }
    return Ok{};
}

// The options' words become the request's facts; usage errors name the option.
Status check_build_request(CheckOptions& o, const CLI::App& sub) {
    auto& q = o.request;
    if (o.medium || o.no_medium) q.medium = o.medium;
    if (o.locked || o.unlocked) q.locked = o.locked;
    if (!o.tray.empty()) q.tray_open = o.tray == "open";
    for (auto [texts, option, into] : {std::tuple{&o.profiles, "--profile", &q.profiles},
                                       std::tuple{&o.can_read, "--can-read", &q.can_read},
                                       std::tuple{&o.can_write, "--can-write", &q.can_write}}) {
        auto codes = parse_profile_codes(*texts, option);
        if (!codes) return codes.error();
        *into = std::move(codes).value();
    }
    auto features = parse_feature_codes(o.features);
    if (!features) return features.error();
    q.features = std::move(features).value();
    if (!o.min_free.empty()) {
        auto size = parse_size(o.min_free);
        if (!size) return size.error();
        q.min_free = *size;
    }
    return check_patterns(o, sub);
}

ExitCode run_check(Context& ctx, CheckOptions& opts, const CLI::App& sub) {
    if (auto built = check_build_request(opts, sub); !built)
        return report_error(ctx, built.error());
    auto chosen = choose_drives(ctx, opts.drives);
    if (!chosen) return report_error(ctx, chosen.error());

    ExitCode code = ExitCode::ok;
    const auto& request = opts.request;
    const auto facts = gather_each(
        *chosen,
        [&ctx, &request](const platform::DriveLocation& location) {
            return drive::gather_check_facts(location, ctx.roots, open_options(ctx), request);
        },
        code);
    const auto min_drives = drive::evaluate_min_drives(opts.min_drives, chosen->size());
    bool all_hold = min_drives.passed;
    std::vector<output::CheckedDrive> checked;
    for (const auto& f : facts) {
        output::CheckedDrive d{f.location, {}, f.errors, f.fatal};
        if (!f.fatal) d.results = drive::evaluate_check(request, f);
        all_hold = all_hold && std::all_of(d.results.begin(), d.results.end(),
                                           [](const auto& a) { return a.passed; });
        checked.push_back(std::move(d));
    }
    // An error that kept a drive from being checked wins over a failed assertion.
    if (code == ExitCode::ok && !all_hold) code = ExitCode::check_failed;
    output::print_check(ctx.output, min_drives, checked, code);
    return code;
}

void add_check_assertions(CLI::App& sub, CheckOptions& o) {
    auto* medium = sub.add_flag("--medium", o.medium, "A medium is in the drive");
    sub.add_flag("--no-medium", o.no_medium, "No medium is in the drive")->excludes(medium);
    sub.add_option("--tray", o.tray, "The tray is open or closed")
        ->check(CLI::IsMember({"open", "closed"}))
        ->type_name("open|closed");
    sub.add_flag("--ready", o.request.ready, "The medium is ready (TEST UNIT READY)");
    sub.add_option("--profile", o.profiles,
                   "The current profile is this one (a name or hex code; repeated: any of them)")
        ->type_name("PROFILE");
    sub.add_option("--can-read", o.can_read, "The drive reads media of this profile")
        ->type_name("PROFILE");
    sub.add_option("--can-write", o.can_write, "The drive writes media of this profile")
        ->type_name("PROFILE");
    sub.add_option("--feature", o.features, "This feature is current (a hex code or a name)")
        ->type_name("CODE");
    sub.add_flag("--blank", o.request.blank, "The medium is blank (disc status Empty)");
    sub.add_flag("--appendable", o.request.appendable,
                 "The medium is appendable (disc status Incomplete)");
    sub.add_flag("--complete", o.request.complete, "The medium is closed (disc status Complete)");
    sub.add_flag("--writable", o.request.writable, "The medium is not write protected");
    sub.add_option("--min-free", o.min_free,
                   "At least SIZE free: bytes with k/M/G/T as powers of 1024, or sectors "
                   "with an s suffix")
        ->type_name("SIZE");
    auto* locked = sub.add_flag("--locked", o.locked, "The tray is locked (page 2Ah lock state)");
    sub.add_flag("--unlocked", o.unlocked, "The tray is not locked")->excludes(locked);
    sub.add_flag("--not-mounted", o.request.not_mounted, "The medium is not mounted");
    sub.add_flag("--not-held", o.request.not_held, "No other process has the drive open");
    sub.add_option("--vendor", o.vendor, "The vendor matches REGEX (case-insensitive, anywhere)")
        ->type_name("REGEX");
    sub.add_option("--product", o.product, "The product matches REGEX")->type_name("REGEX");
    sub.add_option("--revision", o.revision, "The revision matches REGEX")->type_name("REGEX");
}

}  // namespace

void register_check(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<CheckOptions>();
    CLI::App* sub = app.add_subcommand(
        "check", "Assert facts about drives and media: PASS/FAIL lines, exit 10 when any fails");
    sub->add_option("DRIVE", opts->drives, k_drives_help);
    add_check_assertions(*sub, *opts);
    sub->add_option("--min-drives", opts->min_drives,
                    "Fewer drives than N is a failed check (default 1)")
        ->type_name("N")
        ->check(CLI::NonNegativeNumber);
    sub->footer(
        "Examples:\n  discrec check sr0 --medium --profile cd-r --profile cd-rw --blank\n"
        "  discrec check --min-drives 2 --not-held --vendor '^(HL-DT-ST|PIONEER)'\n"
        "Exit status 0 when every assertion holds, 10 when one fails; the usual codes when a "
        "drive cannot be asked.\n");
    sub->callback([&ctx, opts, sub] {
        ctx.action = [&ctx, opts, sub] { return run_check(ctx, *opts, *sub); };
    });
}

}  // namespace discrec::cli
