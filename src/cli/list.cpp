// discrec list: every optical drive, from sysfs alone (no device opened, no CDB sent), so it
// works without access to the device nodes and answers at once while a drive hangs. With
// --ids it asks each drive (INQUIRY VPD 80h/83h, all at once) for the unique ids `info`
// prints, so that a script can pick a drive by its id.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "drive/unique_id.hpp"
#include "output/list.hpp"

namespace discrec::cli {
namespace {

struct ListOptions {
    bool ids = false;
};

ExitCode run_list(Context& ctx, const ListOptions& opts) {
    auto drives = platform::enumerate_drives(ctx.roots);
    if (!drives) return report_error(ctx, drives.error());
    if (drives->empty() && !ctx.output.quiet)
        std::fputs("discrec: no optical drives found\n", stderr);
    if (!opts.ids) {
        output::print_list(ctx.output, *drives);
        return ExitCode::ok;
    }
    const auto ids = drive::ask_unique_ids(*drives, open_options(ctx));
    output::print_list(ctx.output, *drives, &ids);
    return ExitCode::ok;
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<ListOptions>();
    CLI::App* sub =
        app.add_subcommand("list", "List optical drives (reads sysfs only; sends no command)");
    sub->add_flag("--ids", opts->ids,
                  "Also ask each drive for its unique ids (INQUIRY VPD 80h/83h, all drives at "
                  "once), as info prints them");
    sub->footer(
        "Example:\n  discrec list\n  discrec list --json | jq -r '.drives[].block_device'\n"
        "  discrec list --ids --json | jq -r '.drives[] | [.unique_id.value, .name] | @tsv'\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_list(ctx, *opts); }; });
}

}  // namespace discrec::cli
