// discrec structure DRIVE --format N [--layer L] [--address A] [--media-type dvd|bd]: one READ
// DISC STRUCTURE (MMC-6 §6.23; IDiscRecorder2Ex::ReadDvdStructure) of any format, decoded where
// discrec has its layout and in hex otherwise; format FFh lists what the medium offers. The
// media type defaults to the current profile's (DVD and HD DVD 0, BD 1). Reads only.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "drive/structure.hpp"
#include "mmc/disc_structure.hpp"
#include "output/structure.hpp"

namespace discrec::cli {
namespace {

struct StructureOptions {
    std::string drive;
    std::string format;
    std::string layer = "0";
    std::uint32_t address = 0;
    std::string media_type;  // "", "dvd", "bd"
};

constexpr unsigned k_structure_max_code = 0xff;

ExitCode run_structure(Context& ctx, const StructureOptions& opts) {
    const auto format = parse_code_number(opts.format, k_structure_max_code);
    if (!format) {
        return report_error(
            ctx, make_error(ErrorKind::usage, fmt::format("--format: '{}' is not a format code "
                                                          "(0-255, 0x11 or 11h)",
                                                          opts.format)));
    }
    const auto layer = parse_code_number(opts.layer, k_structure_max_code);
    if (!layer) {
        return report_error(
            ctx,
            make_error(ErrorKind::usage,
                       fmt::format("--layer: '{}' is not a layer number (0-255)", opts.layer)));
    }
    drive::StructureRequest request{static_cast<std::uint8_t>(*format),
                                    static_cast<std::uint8_t>(*layer), opts.address, std::nullopt};
    if (opts.media_type == "dvd") request.media_type = mmc::disc_structure::media_dvd;
    if (opts.media_type == "bd") request.media_type = mmc::disc_structure::media_bd;
    auto location = resolve_one(ctx, opts.drive);
    if (!location) return report_error(ctx, location.error());
    auto report = drive::read_structure(*location, open_options(ctx), request);
    if (!report) return report_error(ctx, report.error());
    output::print_structure(ctx.output, *report);
    return ExitCode::ok;
}

}  // namespace

void register_structure(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<StructureOptions>();
    CLI::App* sub = app.add_subcommand(
        "structure", "Read a DVD or BD disc structure (READ DISC STRUCTURE) of any format");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->add_option("--format", opts->format,
                    "Format code: 0-255, 0x11 or 11h (FFh lists the formats the medium offers)")
        ->type_name("N")
        ->required();
    sub->add_option("--layer", opts->layer, "Layer number (default 0)")->type_name("L");
    sub->add_option("--address", opts->address, "Address field (default 0)")->type_name("A");
    sub->add_option("--media-type", opts->media_type,
                    "Media type asked (default: the current profile's; DVD and HD DVD: dvd)")
        ->type_name("dvd|bd")
        ->check(CLI::IsMember({"dvd", "bd"}));
    sub->footer(
        "Examples:\n  discrec structure sr0 --format 0xff\n"
        "  discrec structure sr0 --format 11h          # DVD+R ADIP: manufacturer ID\n"
        "  discrec structure sr0 --format 0 --media-type bd --json\n");
    sub->callback(
        [&ctx, opts] { ctx.action = [&ctx, opts] { return run_structure(ctx, *opts); }; });
}

}  // namespace discrec::cli
