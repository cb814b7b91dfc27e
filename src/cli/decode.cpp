// discrec decode KIND --inhex FILE [--raw-in] [--msf]: one saved answer of a drive, decoded
// by the decoders `media` uses and rendered as `media` renders it, so a bug report's bytes
// are read without the drive. KIND: disc-info, track-info, toc, session-info.
#include <array>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "mmc/media.hpp"
#include "output/media.hpp"
#include "util/inhex.hpp"

namespace discrec::cli {
namespace {

using output::AnswerKind;

struct KindRow {
    std::string_view name;  // the CLI spelling
    AnswerKind kind;
    std::string_view command;  // what the answer is the answer to
};
constexpr std::array k_kinds = {
    KindRow{"disc-info", AnswerKind::disc_info, "READ DISC INFORMATION"},
    KindRow{"track-info", AnswerKind::track_info, "READ TRACK INFORMATION"},
    KindRow{"toc", AnswerKind::toc, "READ TOC/PMA/ATIP format 0000b"},
    KindRow{"session-info", AnswerKind::session_info, "READ TOC/PMA/ATIP format 0001b"},
};

struct DecodeOptions {
    std::string kind;
    std::string inhex;
    bool raw_in = false;
    bool msf = false;
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
    }
    return {};
}

ExitCode run_decode(Context& ctx, const DecodeOptions& opts) {
    const KindRow* row = nullptr;
    for (const auto& k : k_kinds) {
        if (k.name == opts.kind) row = &k;
    }
    if (row == nullptr) return report_error(ctx, make_error(ErrorKind::usage, "unknown KIND"));
    auto data = read_inhex_file(opts.inhex, opts.raw_in);
    if (!data) return report_error(ctx, data.error());
    output::DecodedAnswer a{row->kind, opts.inhex, opts.msf, decode(row->kind, *data, opts.msf)};
    // Nothing decoded: not this kind of answer (too short, or another format's data).
    if (a.record.values.empty()) {
        const auto why = a.record.notes.empty() ? std::string("too short") : a.record.notes[0];
        return report_error(
            ctx, make_error(ErrorKind::usage,
                            fmt::format("{}: not a {} answer: {}", opts.inhex, row->command, why)));
    }
    output::print_decoded(ctx.output, a);
    return ExitCode::ok;
}

}  // namespace

void register_decode(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<DecodeOptions>();
    CLI::App* sub = app.add_subcommand(
        "decode", "Decode a saved answer (disc-info, track-info, toc, session-info) as media does");
    std::vector<std::string> names;
    for (const auto& k : k_kinds) names.emplace_back(k.name);
    sub->add_option("KIND", opts->kind, "disc-info, track-info, toc or session-info")
        ->required()
        ->check(CLI::IsMember(names));
    sub->add_option("--inhex", opts->inhex,
                    "The saved answer: hex bytes ('#' comments, hex dump columns allowed; '-' "
                    "for stdin)")
        ->type_name("FILE")
        ->required();
    sub->add_flag("--raw-in", opts->raw_in, "FILE holds raw binary, not hex");
    sub->add_flag("--msf", opts->msf,
                  "Addresses are MSF: a TOC asked with MSF=1, a CD's disc information");
    sub->footer(
        "Examples:\n  sg_raw -r 34 /dev/sr0 51 00 00 00 00 00 00 00 22 00 > di.hex\n"
        "  discrec decode disc-info --msf --inhex di.hex\n"
        "  discrec decode toc --json --inhex toc.hex\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_decode(ctx, *opts); }; });
}

}  // namespace discrec::cli
