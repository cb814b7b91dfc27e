// discrec send DRIVE CDB-BYTES... [--in LENGTH | --out FILE]: one raw CDB (IDiscRecorder2Ex
// SendCommandNoData / SendCommandGetDataFromDevice / SendCommandSendDataToDevice), behind a
// gate: only read-only commands go without asking (mmc/pass_through.hpp). The gate decides
// before the drive is even looked up, so a refused command never reaches it.
#include <cstdio>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "drive/recorder_info.hpp"
#include "mmc/pass_through.hpp"
#include "output/send.hpp"
#include "platform/terminal.hpp"
#include "util/file.hpp"

namespace discrec::cli {
namespace {

// SG_IO and SPTI take far less in one command on most systems; bounded so a typo such as
// --in 1000000000 is a usage error, not an allocation.
constexpr std::size_t k_max_transfer = std::size_t{16} * 1024 * 1024;

struct SendOptions {
    std::string drive;
    std::vector<std::string> cdb;
    std::size_t in_length = 0;
    std::string out_file;
    unsigned timeout_s = 20;
    bool binary = false;
    bool allow_write = false;
    bool allow_firmware = false;
};

// The request as the command line gives it: CDB, direction and the data to send.
struct Request {
    Cdb cdb;
    mmc::OpcodeClass command_class = mmc::OpcodeClass::unknown;
    Direction direction = Direction::none;
    Bytes buffer;
};

Result<Request> make_request(const SendOptions& opts) {
    auto cdb = mmc::parse_cdb(opts.cdb);
    if (!cdb) return cdb.error();
    Request req{*cdb, {}, Direction::none, {}};
    if (!opts.out_file.empty()) {
        auto data = read_whole_file(opts.out_file, k_max_transfer, "too much data for one command");
        if (!data) return data.error();
        const auto* bytes = reinterpret_cast<const std::byte*>(data->data());
        req.buffer.assign(bytes, bytes + data->size());
        req.direction = Direction::to_device;
    } else if (opts.in_length > 0) {
        req.buffer.assign(opts.in_length, std::byte{0});
        req.direction = Direction::from_device;
    }
    const auto verdict = mmc::gate_command(req.cdb, {.data_out = !opts.out_file.empty(),
                                                     .allow_write = opts.allow_write,
                                                     .allow_firmware = opts.allow_firmware});
    if (verdict.refusal) return *verdict.refusal;
    req.command_class = verdict.command_class;
    return req;
}

ExitCode run_send(Context& ctx, const SendOptions& opts) {
    if (opts.binary && ctx.output.json) {
        return report_error(ctx,
                            make_error(ErrorKind::usage, "--binary and --json exclude each other"));
    }
    auto req = make_request(opts);
    if (!req) return report_error(ctx, req.error());
    auto loc = resolve_one(ctx, opts.drive);
    if (!loc) return report_error(ctx, loc.error());
    // Read-only commands pass the kernel's filter on a read-only open; the others need the
    // device opened for writing (transport/device.hpp).
    const bool write =
        req->command_class != mmc::OpcodeClass::read_only || req->direction == Direction::to_device;
    auto d = drive::open_drive(*loc, open_options(ctx, write));
    if (!d) return report_error(ctx, d.error());

    output::SendReport r;
    r.drive = *loc;
    r.device = d->runner().transport().path();
    r.cdb = req->cdb;
    r.command_class = req->command_class;
    r.direction = req->direction;
    r.length = req->buffer.size();
    r.timeout = std::chrono::seconds(opts.timeout_s);
    r.completion = d->runner().transport().execute(r.cdb, r.direction, req->buffer, r.timeout);
    if (!r.completion.sense.empty()) r.sense = mmc::decode_sense(r.completion.sense);
    ExitCode code = ExitCode::ok;
    if (classify(r.completion) != CompletionClass::good) {
        r.error = drive::command_error(loc->name, r.cdb, r.completion, r.sense);
        code = exit_code_for(r.error->kind);
        std::fprintf(stderr, "discrec: %s\n", r.error->message.c_str());
    } else if (r.direction == Direction::from_device) {
        r.data.assign(req->buffer.begin(),
                      req->buffer.begin() + static_cast<std::ptrdiff_t>(
                                                std::min(r.completion.transferred, r.length)));
    }
    if (opts.binary) {
        platform::set_stdout_binary();
        std::fwrite(r.data.data(), 1, r.data.size(), stdout);
        return code;
    }
    output::print_send(ctx.output, r, code);
    return code;
}

}  // namespace

void register_send(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<SendOptions>();
    CLI::App* sub = app.add_subcommand(
        "send", "Send one raw CDB (read-only commands only, unless allowed) and show the answer");
    sub->add_option("DRIVE", opts->drive, k_drive_help)->required();
    sub->add_option("CDB-BYTES", opts->cdb, "6 to 16 CDB bytes in hex: 12 00 00 00 24 00")
        ->required();
    auto* in = sub->add_option("--in", opts->in_length, "Receive up to LENGTH bytes from the drive")
                   ->type_name("LENGTH")
                   ->check(CLI::Range(std::size_t{1}, k_max_transfer));
    sub->add_option("--out", opts->out_file, "Send the bytes of FILE to the drive ('-': stdin)")
        ->type_name("FILE")
        ->excludes(in);
    sub->add_option("--timeout", opts->timeout_s, "Give the drive SECONDS to answer (default 20)")
        ->type_name("SECONDS")
        ->check(CLI::Range(1U, 7200U));
    sub->add_flag("--binary", opts->binary,
                  "Write only the data bytes received to stdout (for pipes, --raw-in)");
    sub->add_flag("--allow-write", opts->allow_write,
                  "Allow commands that change drive state, write or erase media, exchange keys, "
                  "or are unknown");
    sub->add_flag("--allow-firmware", opts->allow_firmware,
                  "With --allow-write: allow WRITE BUFFER (firmware download) too");
    sub->footer(
        "Examples:\n  discrec send sr0 12 00 00 00 60 00 --in 96       # INQUIRY\n"
        "  discrec send --json sr0 5a 00 2a 00 00 00 00 00 ff 00 --in 255\n"
        "  discrec send --binary sr0 46 02 00 00 00 00 00 10 00 00 --in 4096 > cfg.bin\n");
    sub->callback([&ctx, opts] { ctx.action = [&ctx, opts] { return run_send(ctx, *opts); }; });
}

}  // namespace discrec::cli
