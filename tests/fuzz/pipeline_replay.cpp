// libFuzzer target fuzz_replay (opt-in, tests/fuzz/CMakeLists.txt): the whole pipeline over
// recordings (--replay). A seed recording made in the QEMU guests (tests/fixtures/recordings/) is
// chosen by the first input byte; the rest of the input rewrites, command by command, what the
// drive answered (status, host status, sense, data in, bytes transferred); the subcommand the
// recording was made by (info, features, profiles, mode-pages, media) then runs in-process through its CLI
// registration, drive layer, decoders and renderers (text or --json), exactly as `discrec --replay`
// runs it. Findings: crashes, sanitizer reports, and any exception other than the harness's own
// divergence (a run asking what the recording does not hold, which the mutations cause).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "transport/run_log.hpp"

namespace {

using namespace discrec;
using Json = RunLog::Json;

struct Seed {
    std::vector<Json> lines;
    std::string subcommand;
    std::string drive;
};

std::vector<Seed>& seeds() {
    static std::vector<Seed> all;
    return all;
}

struct Diverged {};

// Reads the input a piece at a time; an exhausted input leaves the recording as it was.
class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    bool empty() const { return m_pos >= m_size; }
    std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    std::string hex(std::size_t n) {
        static constexpr char k_digits[] = "0123456789abcdef";
        std::string out;
        for (std::size_t i = 0; i < n && m_pos < m_size; ++i) {
            const std::uint8_t b = m_data[m_pos++];
            out += k_digits[b >> 4];
            out += k_digits[b & 0x0f];
        }
        return out;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

void mutate(Json& command, Input& in) {
    const std::uint8_t what = in.byte();
    if ((what & 0x01) != 0) command["status"] = in.byte();
    if ((what & 0x02) != 0) command["sense"] = in.hex(in.byte() % 40);
    if ((what & 0x04) != 0) {
        const std::size_t n = (std::size_t{in.byte()} << 8 | in.byte()) % 4096;
        command["data_in"] = in.hex(n);
        command["transferred"] = n;
    }
    if ((what & 0x08) != 0) command["transferred"] = std::size_t{in.byte()} << 8 | in.byte();
    if ((what & 0x10) != 0) command["host_status"] = in.byte() & 0x0f;
    if ((what & 0x20) != 0) command["timed_out"] = true;
}

void register_subcommand(CLI::App& app, cli::Context& ctx, const std::string& name) {
    if (name == "info") cli::register_info(app, ctx);
    if (name == "features") cli::register_features(app, ctx);
    if (name == "profiles") cli::register_profiles(app, ctx);
    if (name == "mode-pages") cli::register_mode_pages(app, ctx);
    if (name == "media") cli::register_media(app, ctx);
}

bool fuzzed_subcommand(const std::string& name) {
    return name == "info" || name == "features" || name == "profiles" || name == "mode-pages" ||
           name == "media";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    std::freopen("/dev/null", "w", stdout);  // the renderers' output is not the finding
    for (const char* dir : {DISCREC_RECORDINGS_DIR, DISCREC_MEDIA_RECORDINGS_DIR}) {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".jsonl") continue;
            std::ifstream file(entry.path());
            Seed seed;
            for (std::string line; std::getline(file, line);) {
                if (!line.empty()) seed.lines.push_back(Json::parse(line));
            }
            // The recordings of the subcommands this target runs: `... SUBCOMMAND DRIVE`.
            const auto& argv = seed.lines.at(0).at("argv");
            if (argv.size() < 2) continue;
            seed.subcommand = argv.at(argv.size() - 2).get<std::string>();
            seed.drive = argv.at(argv.size() - 1).get<std::string>();
            if (fuzzed_subcommand(seed.subcommand)) seeds().push_back(std::move(seed));
        }
    }
    std::sort(seeds().begin(), seeds().end(),
              [](const Seed& a, const Seed& b) { return a.lines[0].dump() < b.lines[0].dump(); });
    return seeds().empty() ? 1 : 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in(data, size);
    const std::uint8_t choice = in.byte();
    const Seed& seed = seeds()[choice % seeds().size()];
    std::string text;
    for (Json line : seed.lines) {
        if (line.value("type", "") == "command" && !in.empty()) mutate(line, in);
        text += line.dump() + "\n";
    }
    auto log = RunLog::parse(text, "fuzz");
    if (!log) return 0;
    (*log)->on_divergence = [](const Error&) { throw Diverged{}; };
    RunLog::set_active(log->get());
    cli::Context ctx;
    ctx.output.json = (choice & 0x80) != 0;
    ctx.output.argv = {"discrec", seed.subcommand, seed.drive};
    CLI::App app;
    register_subcommand(app, ctx, seed.subcommand);
    try {
        app.parse(seed.subcommand + " " + seed.drive, false);
        if (ctx.action) ctx.action();
    } catch (const Diverged&) {
    }
    RunLog::set_active(nullptr);
    return 0;
}
