// discrec list: every optical drive, from sysfs alone (no device opened, no CDB sent), so it
// works without access to the device nodes and answers at once while a drive hangs.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "output/list.hpp"

namespace discrec::cli {
namespace {

ExitCode run_list(Context& ctx) {
    auto drives = platform::enumerate_drives(ctx.roots);
    if (!drives) return report_error(ctx, drives.error());
    if (drives->empty() && !ctx.output.quiet)
        std::fputs("discrec: no optical drives found\n", stderr);
    output::print_list(ctx.output, *drives);
    return ExitCode::ok;
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
    CLI::App* sub =
        app.add_subcommand("list", "List optical drives (reads sysfs only; sends no command)");
    sub->footer(
        "Example:\n  discrec list\n  discrec list --json | jq -r '.drives[].block_device'\n");
    sub->callback([&ctx] { ctx.action = [&ctx] { return run_list(ctx); }; });
}

}  // namespace discrec::cli
