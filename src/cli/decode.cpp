// discrec decode KIND [FILE|-] [--inhex FILE] [--raw-in] [--msf]: one saved answer of a
// drive, decoded by the decoders the live commands use and rendered as they render it, so a
// bug report's bytes are read without the drive. configuration is what `features --inhex`
// prints, mode-sense what `mode-pages --inhex` prints, disc-info ... session-info what `media`
// shows; inquiry, vpd, sense, gesn, mechanism-status and capacity are output/decoded.hpp.
#include <array>
#include <variant>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/util_configuration_input.hpp"
#include "drive/mode_pages.hpp"
#include "mmc/disc_structure.hpp"
#include "mmc/media.hpp"
#include "mmc/performance.hpp"
#include "mmc/rpc.hpp"
#include "output/cd_detail.hpp"
#include "output/decoded.hpp"
#include "output/media.hpp"
#include "output/mode_pages.hpp"
#include "output/region.hpp"
#include "output/speeds.hpp"
#include "output/structure.hpp"
#include "output/volume.hpp"
#include "util/inhex.hpp"

namespace discrec::cli {
namespace {

using output::AnswerKind;
using output::CdKind;
using output::StructKind;

struct Configuration {};  // rendered by `features`
struct ModeSense {};      // rendered by `mode-pages`
struct Performance {};    // rendered as `speeds` shows it; --type says which
struct RpcState {};       // the drive's region state (output/region.hpp)
struct Volume {};         // READ(10) of a data track's sectors from 16 on
struct DiscStructure {};  // as `structure` shows it; --format and --media-type say which
using Renderer = std::variant<AnswerKind, StructKind, CdKind, Configuration, ModeSense,
                              Performance, RpcState, Volume, DiscStructure>;

struct KindRow {
    std::string_view name;  // the CLI spelling
    Renderer renderer;
    std::string_view command;  // what the answer is the answer to
};
constexpr std::array k_kinds = {
    KindRow{"inquiry", StructKind::inquiry, "INQUIRY"},
    KindRow{"vpd", StructKind::vpd, "INQUIRY with EVPD=1 (page 00h, 80h or 83h)"},
    KindRow{"sense", StructKind::sense, "REQUEST SENSE (or a command's sense data)"},
    KindRow{"configuration", Configuration{}, "GET CONFIGURATION"},
    KindRow{"mode-sense", ModeSense{}, "MODE SENSE(10) or (6)"},
    KindRow{"gesn", StructKind::gesn, "GET EVENT STATUS NOTIFICATION"},
    KindRow{"mechanism-status", StructKind::mechanism_status, "MECHANISM STATUS"},
    KindRow{"capacity", StructKind::capacity, "READ CAPACITY"},
    KindRow{"disc-info", AnswerKind::disc_info, "READ DISC INFORMATION"},
    KindRow{"track-info", AnswerKind::track_info, "READ TRACK INFORMATION"},
    KindRow{"toc", AnswerKind::toc, "READ TOC/PMA/ATIP format 0000b"},
    KindRow{"session-info", AnswerKind::session_info, "READ TOC/PMA/ATIP format 0001b"},
    KindRow{"format-capacities", AnswerKind::format_capacities, "READ FORMAT CAPACITIES"},
    KindRow{"performance", Performance{}, "GET PERFORMANCE (--type 0 or 3)"},
    KindRow{"full-toc", CdKind::full_toc, "READ TOC/PMA/ATIP format 0010b"},
    KindRow{"pma", CdKind::pma, "READ TOC/PMA/ATIP format 0011b"},
    KindRow{"atip", CdKind::atip, "READ TOC/PMA/ATIP format 0100b"},
    KindRow{"cd-text", CdKind::cd_text, "READ TOC/PMA/ATIP format 0101b"},
    KindRow{"sub-channel", CdKind::sub_channel,
            "READ SUB-CHANNEL 02h (Media Catalog Number), 03h (ISRC)"},
    KindRow{"rpc", RpcState{}, "REPORT KEY Key Format 08h (RPC state)"},
    KindRow{"volume", Volume{}, "READ(10) of a data track's sectors 16 and on"},
    KindRow{"disc-structure", DiscStructure{}, "READ DISC STRUCTURE (--format N, --media-type)"},
};

struct DecodeOptions {
    std::string kind;
    std::string file;   // positional FILE
    std::string inhex;  // --inhex FILE
    bool raw_in = false;
    bool msf = false;
    std::optional<unsigned> type;  // --type: GET PERFORMANCE's Type
    std::string format;            // --format: READ DISC STRUCTURE's Format Code
    std::string media_type;        // --media-type: dvd (default) or bd
};

mmc::Record decode(AnswerKind kind, ByteSpan data, bool msf) {
    switch (kind) {
        case AnswerKind::disc_info:
            return mmc::decode_disc_information(data, msf);
        case AnswerKind::track_info:
            return mmc::decode_track_information(data);
        case AnswerKind::toc:
            return mmc::decode_toc(data, msf);
        case AnswerKind::session_info:
            return mmc::decode_session_info(data, msf);
        case AnswerKind::format_capacities:
            return mmc::decode_format_capacities(data);
    }
    return {};
}

Error not_this_kind(const std::string& path, const KindRow& row,
                    const std::vector<std::string>& notes) {
    const auto why = notes.empty() ? std::string("too short") : notes[0];
    return make_error(ErrorKind::usage,
                      fmt::format("{}: not a {} answer: {}", path, row.command, why));
}

ExitCode run_record(Context& ctx, const KindRow& row, AnswerKind kind, const std::string& path,
                    ByteSpan data, bool msf) {
    output::DecodedAnswer a{kind, path, msf, decode(kind, data, msf)};
    // Nothing decoded: not this kind of answer (too short, or another format's data).
    if (a.record.values.empty()) return report_error(ctx, not_this_kind(path, row, a.record.notes));
    output::print_decoded(ctx.output, a);
    return ExitCode::ok;
}

ExitCode run_struct(Context& ctx, const KindRow& row, StructKind kind, const std::string& path,
                    ByteSpan data) {
    auto a = output::decode_struct(kind, data);
    if (!a.usable) return report_error(ctx, not_this_kind(path, row, a.notes));
    a.inhex_path = path;
    output::print_decoded_struct(ctx.output, a);
    return ExitCode::ok;
}

ExitCode run_cd_structure(Context& ctx, const KindRow& row, CdKind kind, const std::string& path,
                          ByteSpan data) {
    output::CdAnswer a;
    a.inhex_path = path;
    if (!output::decode_cd_answer(kind, data, a))
        return report_error(ctx, not_this_kind(path, row, output::cd_detail_notes(a.detail)));
    output::print_decoded_cd(ctx.output, a);
    return ExitCode::ok;
}

ExitCode run_rpc_state(Context& ctx, const KindRow& row, const std::string& path, ByteSpan data) {
    const auto r = mmc::decode_rpc_state(data);
    if (r.values.empty()) return report_error(ctx, not_this_kind(path, row, r.notes));
    output::print_decoded_rpc_state(ctx.output, path, r);
    return ExitCode::ok;
}

ExitCode run_configuration(Context& ctx, const std::string& path, bool raw_in) {
    auto loaded =
        load_configuration(ctx, ConfigurationInput{{}, path, raw_in}, mmc::ConfigurationRt::all);
    if (!loaded) return report_error(ctx, loaded.error());
    output::print_features(ctx.output, features_report(*loaded, false, false));
    return ExitCode::ok;
}

ExitCode run_mode_sense(Context& ctx, const std::string& path, ByteSpan data) {
    auto saved = drive::decode_saved_mode_data(path, data, std::nullopt, {});
    if (!saved) return report_error(ctx, saved.error());
    if (saved->pages.empty()) {
        return report_error(ctx, make_error(ErrorKind::usage, path + ": no mode page in it"));
    }
    output::ModePagesReport r;
    r.inhex_path = path;
    r.answers.push_back(std::move(*saved));
    output::print_mode_pages(ctx.output, r, ExitCode::ok);
    return ExitCode::ok;
}

ExitCode run_performance(Context& ctx, const KindRow& row, const std::string& path, ByteSpan data,
                         std::optional<unsigned> type) {
    if (!type || !mmc::performance_type_decoded(static_cast<std::uint8_t>(*type))) {
        return report_error(ctx, make_error(ErrorKind::usage,
                                            "decode performance needs --type 0 (nominal "
                                            "performance) or --type 3 (write speed)"));
    }
    output::DecodedPerformance a{path, static_cast<std::uint8_t>(*type),
                                 mmc::decode_performance(data, static_cast<std::uint8_t>(*type))};
    if (a.record.values.empty()) return report_error(ctx, not_this_kind(path, row, a.record.notes));
    output::print_decoded_performance(ctx.output, a);
    return ExitCode::ok;
}

// The file holds the data track's sectors from 16 on: each read of the volume probe is served
// from it (a read past its end fails, as an unreadable sector would).
ExitCode run_volume(Context& ctx, const std::string& path, const Bytes& data) {
    const auto volume = mmc::read_volume_label([&data](std::uint32_t lba, std::uint16_t count) {
        constexpr std::uint32_t k_first = 16;
        if (lba < k_first) return std::optional<Bytes>{};
        const std::size_t from = std::size_t{lba - k_first} * mmc::k_volume_sector;
        if (from >= data.size()) return std::optional<Bytes>{};
        const std::size_t n =
            std::min(data.size() - from, std::size_t{count} * mmc::k_volume_sector);
        return std::optional<Bytes>{Bytes(data.begin() + static_cast<std::ptrdiff_t>(from),
                                          data.begin() + static_cast<std::ptrdiff_t>(from + n))};
    });
    output::print_decoded_volume(ctx.output, path, volume);
    return ExitCode::ok;
}

ExitCode run_disc_structure(Context& ctx, const KindRow& row, const DecodeOptions& opts,
                            const std::string& path, ByteSpan data) {
    const auto format = parse_code_number(opts.format, 0xff);
    if (!format) {
        return report_error(ctx, make_error(ErrorKind::usage,
                                            "decode disc-structure needs --format N (the Format "
                                            "Code asked: 0-255, 0x11 or 11h)"));
    }
    output::DecodedStructure a;
    a.inhex_path = path;
    a.media_type =
        opts.media_type == "bd" ? mmc::disc_structure::media_bd : mmc::disc_structure::media_dvd;
    a.format = static_cast<std::uint8_t>(*format);
    a.decoded = mmc::disc_structure_decoded(a.media_type, a.format);
    a.structure = mmc::decode_disc_structure(a.media_type, a.format, data);
    if (a.structure.values.empty())
        return report_error(ctx, not_this_kind(path, row, a.structure.notes));
    output::print_decoded_structure(ctx.output, a);
    return ExitCode::ok;
}

ExitCode run_decode(Context& ctx, const DecodeOptions& opts) {
    const KindRow* row = nullptr;
    for (const auto& k : k_kinds) {
        if (k.name == opts.kind) row = &k;
    }
    if (row == nullptr) return report_error(ctx, make_error(ErrorKind::usage, "unknown KIND"));
    if (opts.file.empty() == opts.inhex.empty()) {
        return report_error(ctx, make_error(ErrorKind::usage,
                                            "decode takes one FILE ('-' for stdin): as its "
                                            "second argument or as --inhex FILE, not both"));
    }
    const std::string& path = opts.file.empty() ? opts.inhex : opts.file;
    if (std::holds_alternative<Configuration>(row->renderer)) {
        return run_configuration(ctx, path, opts.raw_in);
    }
    auto data = read_inhex_file(path, opts.raw_in);
    if (!data) return report_error(ctx, data.error());
    if (const auto* kind = std::get_if<AnswerKind>(&row->renderer)) {
        return run_record(ctx, *row, *kind, path, *data, opts.msf);
    }
    if (const auto* kind = std::get_if<StructKind>(&row->renderer)) {
        return run_struct(ctx, *row, *kind, path, *data);
    }
    if (std::holds_alternative<Volume>(row->renderer)) return run_volume(ctx, path, *data);
    if (std::holds_alternative<Performance>(row->renderer)) {
        return run_performance(ctx, *row, path, *data, opts.type);
    }
    if (const auto* kind = std::get_if<CdKind>(&row->renderer)) {
        return run_cd_structure(ctx, *row, *kind, path, *data);
    }
    if (std::holds_alternative<RpcState>(row->renderer))
        return run_rpc_state(ctx, *row, path, *data);
    if (std::holds_alternative<DiscStructure>(row->renderer))
        return run_disc_structure(ctx, *row, opts, path, *data);
    return run_mode_sense(ctx, path, *data);
}

}  // namespace

void register_decode(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<DecodeOptions>();
    std::vector<std::string> names;
    std::string kinds_help = "Kinds (the command the answer came from):\n";
    for (const auto& k : k_kinds) {
        names.emplace_back(k.name);
        kinds_help += fmt::format("  {:<18} {}\n", k.name, k.command);
    }
    CLI::App* sub = app.add_subcommand(
        "decode",
        "Decode a saved answer of a drive (inquiry, configuration, toc ...) as the "
        "live commands show it");
    sub->add_option("KIND", opts->kind, "What the answer is (the kinds are listed below)")
        ->required()
        ->check(CLI::IsMember(names));
    sub->add_option("FILE", opts->file,
                    "The saved answer: hex bytes ('#' comments, hex dump columns allowed; '-' "
                    "for stdin)");
    sub->add_option("--inhex", opts->inhex, "The saved answer, as FILE (either form)")
        ->type_name("FILE");
    sub->add_flag("--raw-in", opts->raw_in, "FILE holds raw binary, not hex");
    sub->add_flag("--msf", opts->msf,
                  "Addresses are MSF: a TOC asked with MSF=1, a CD's disc information");
    sub->add_option("--type", opts->type,
                    "performance: the Type asked of GET PERFORMANCE (0 nominal performance, 3 "
                    "write speed)")
        ->type_name("N");
    sub->add_option("--format", opts->format,
                    "disc-structure: the Format Code asked (0-255, 0x11 or 11h)")
        ->type_name("N");
    sub->add_option("--media-type", opts->media_type,
                    "disc-structure: the Media Type asked (default dvd)")
        ->type_name("dvd|bd")
        ->check(CLI::IsMember({"dvd", "bd"}));
    sub->footer(kinds_help +
                "\nExamples:\n  sg_raw -r 34 /dev/sr0 51 00 00 00 00 00 00 00 22 00 > di.hex\n"
                "  discrec decode disc-info --msf di.hex\n"
                "  sg_inq -H /dev/sr0 | discrec decode inquiry -\n"
                "  discrec decode toc --json --inhex toc.hex\n"
                "  discrec decode performance --type 3 write-speeds.hex\n"
                "  dd if=/dev/sr0 bs=2048 skip=16 count=8 | discrec decode volume --raw-in -\n"
                "  discrec decode disc-structure --format 11h adip.hex\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_decode(ctx, *opts); }; });
}

}  // namespace discrec::cli
