#include "transport/run_log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "transport/os_error.hpp"
#include "util/file.hpp"

namespace discrec {
namespace {

using Json = RunLog::Json;

// Version of the recording's shape (schemas/recording.schema.json): major changes break
// readers, minor ones only add keys. 1.1: the run's "system", a command's "os_error_kind"
// and "os_error_text".
constexpr int k_format_major = 1;
constexpr int k_format_minor = 1;
// A recording of a whole run is small (the data in of each command, as hex); bounded anyway.
constexpr std::size_t k_max_recording = std::size_t{256} * 1024 * 1024;

RunLog* g_active = nullptr;

std::string to_hex(std::span<const std::byte> bytes) {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        const auto v = static_cast<unsigned>(b);
        out += k_digits[v >> 4];
        out += k_digits[v & 0x0f];
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Strict: an even number of hex digits, nothing else.
std::optional<Bytes> from_hex(std::string_view text) {
    if (text.size() % 2 != 0) return std::nullopt;
    Bytes out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int hi = hex_digit(text[i]);
        const int lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out.push_back(static_cast<std::byte>(hi * 16 + lo));
    }
    return out;
}

// Typed fields of a parsed line: a wrong type is a bad recording, reported with its line.
template <typename T>
std::optional<T> field(const Json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) return std::nullopt;
    if constexpr (std::is_same_v<T, std::string>) {
        if (!it->is_string()) return std::nullopt;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!it->is_boolean()) return std::nullopt;
    } else {
        if (!it->is_number_integer()) return std::nullopt;
        // Range-check: a recording is untrusted input (a bug report, a fuzzer).
        if (it->is_number_unsigned()) {
            if (it->template get<std::uint64_t>() >
                static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
                return std::nullopt;
            }
        } else {
            const auto v = it->template get<std::int64_t>();
            if (v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
                (v > 0 && static_cast<std::uint64_t>(v) >
                              static_cast<std::uint64_t>(std::numeric_limits<T>::max()))) {
                return std::nullopt;
            }
        }
    }
    return it->template get<T>();
}

// argv[0] as the program's name alone: a recording names no directory of the machine that
// made it (a build tree, a home directory), so fixtures and bug reports are alike anywhere.
std::vector<std::string> portable_argv(std::vector<std::string> argv) {
    if (!argv.empty()) {
        const auto slash = argv[0].find_last_of("/\\");
        if (slash != std::string::npos) argv[0].erase(0, slash + 1);
    }
    return argv;
}

ErrorKind error_kind_from_name(std::string_view name, ErrorKind otherwise) {
    for (ErrorKind k : k_error_kinds) {
        if (name == error_kind_name(k)) return k;
    }
    return otherwise;
}

}  // namespace

Json error_to_json(const Error& error) {
    return {{"kind", error_kind_name(error.kind)}, {"message", error.message}};
}

Error error_from_json(const Json& json) {
    Error e{ErrorKind::failure, "(recorded error without a message)"};
    if (!json.is_object()) return e;
    if (auto kind = field<std::string>(json, "kind")) e.kind = error_kind_from_name(*kind, e.kind);
    if (auto message = field<std::string>(json, "message")) e.message = *message;
    return e;
}

Json status_to_json(const Status& status) {
    if (status) return {{"ok", true}};
    return {{"ok", false}, {"error", error_to_json(status.error())}};
}

Status status_from_json(const Json& json) {
    if (json.is_object() && field<bool>(json, "ok").value_or(false)) return Ok{};
    return error_from_json(json.is_object() && json.contains("error") ? json["error"] : Json());
}

RunLog::~RunLog() {
    if (m_file != nullptr) {
        try {
            finish();
        } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
        std::fclose(m_file);
    }
    if (g_active == this) g_active = nullptr;
}

RunLog* RunLog::active() noexcept { return g_active; }
void RunLog::set_active(RunLog* log) noexcept { g_active = log; }

Result<std::unique_ptr<RunLog>> RunLog::create(const std::string& path,
                                               const std::vector<std::string>& argv) {
    if (path == "-") {
        return make_error(ErrorKind::usage,
                          "--record: name a file (standard output carries "
                          "the command's own output)");
    }
    std::FILE* file = std::fopen(path.c_str(), "w");
    if (file == nullptr) {
        const int err = errno;
        return make_error(
            err == EACCES || err == EPERM ? ErrorKind::permission_denied : ErrorKind::usage,
            fmt::format("--record: cannot write {}: {}", path, std::strerror(err)));
    }
    std::unique_ptr<RunLog> log(new RunLog(false));
    log->m_file = file;
    log->m_header = {{"type", "run"},
                     {"format", {k_format_major, k_format_minor}},
                     {"system", os_system_name()},
                     {"argv", portable_argv(argv)},
                     {"enumeration", nullptr},
                     {"resolutions", Json::array()}};
    return log;
}

void RunLog::write_line(const Json& line) {
    const std::string text = line.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::fwrite(text.data(), 1, text.size(), m_file);
    std::fputc('\n', m_file);
    std::fflush(m_file);  // a run that hangs or crashes still leaves what it did
}

void RunLog::flush_header() {
    if (m_header_written || m_file == nullptr) return;
    m_header_written = true;
    write_line(m_header);
}

void RunLog::finish() {
    std::lock_guard lock(m_mutex);
    flush_header();
}

void RunLog::record_enumeration(const Json& result) {
    std::lock_guard lock(m_mutex);
    if (m_header_written || !m_header["enumeration"].is_null()) {
        write_line({{"type", "enumeration"}, {"result", result}});
        return;
    }
    m_header["enumeration"] = result;
}

void RunLog::record_resolution(const std::string& spelling, const Json& result) {
    std::lock_guard lock(m_mutex);
    if (m_header_written) {
        write_line({{"type", "resolution"}, {"spelling", spelling}, {"result", result}});
        return;
    }
    m_header["resolutions"].push_back({{"spelling", spelling}, {"result", result}});
}

void RunLog::record_fact(const Json& fact) {
    std::lock_guard lock(m_mutex);
    flush_header();
    write_line(fact);
}

void RunLog::record_command(const std::string& device, const Cdb& cdb, Direction direction,
                            std::span<const std::byte> buffer, std::chrono::milliseconds timeout,
                            const Completion& c) {
    Json line;
    line["type"] = "command";
    line["device"] = device;
    line["cdb"] = to_hex(cdb.span());
    line["direction"] = direction_key(direction);
    line["length"] = buffer.size();
    line["data_out"] = direction == Direction::to_device ? Json(to_hex(buffer)) : Json(nullptr);
    line["timeout_ms"] = timeout.count();
    line["status"] = c.scsi_status;
    line["host_status"] = c.host_status;
    line["driver_status"] = c.driver_status;
    line["sense"] = to_hex(c.sense);
    line["transferred"] = c.transferred;
    line["residual"] = buffer.size() - std::min(buffer.size(), c.transferred);
    // Data in: the bytes transferred, without the zero bytes that end them (the many
    // allocations a drive answers short without a residual: a replay zero-fills up to
    // `transferred`), and only for a GOOD command: after a CHECK CONDITION the sg driver
    // hands back stale bytes of earlier commands (tracing.cpp).
    std::size_t in = 0;
    if (direction == Direction::from_device && classify(c) == CompletionClass::good) {
        in = std::min(c.transferred, buffer.size());
        while (in > 0 && buffer[in - 1] == std::byte{0}) --in;
    }
    line["data_in"] = to_hex(buffer.first(in));
    line["duration_us"] = c.duration.count();
    line["timed_out"] = c.timed_out;
    line["os_error"] = c.os_error.code;
    if (c.os_error) {  // what it means where it happened: a replay on another OS reads these
        line["os_error_kind"] = error_kind_name(c.os_error.kind);
        line["os_error_text"] = c.os_error.text;
    }
    std::lock_guard lock(m_mutex);
    flush_header();
    write_line(line);
}

Completion RecordingTransport::execute(const Cdb& cdb, Direction direction,
                                       std::span<std::byte> buffer,
                                       std::chrono::milliseconds timeout) {
    Completion c = m_inner->execute(cdb, direction, buffer, timeout);
    m_log.record_command(m_inner->path(), cdb, direction, buffer, timeout, c);
    return c;
}

// ------------------------------------------------------------------------------ replay

Result<std::unique_ptr<RunLog>> RunLog::open(const std::string& path) {
    auto text = read_whole_file(path, k_max_recording, "not a discrec recording");
    if (!text) return text.error();
    return parse(*text, path);
}

Result<std::unique_ptr<RunLog>> RunLog::parse(std::string_view text, const std::string& name) {
    std::unique_ptr<RunLog> log(new RunLog(true));
    std::size_t number = 0;
    const auto bad = [&](const std::string& why) {
        return make_error(ErrorKind::usage,
                          fmt::format("--replay: {} line {}: {}", name, number, why));
    };
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (line.empty()) continue;
        Json j = Json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
        const auto type = field<std::string>(j, "type");
        if (!type) return bad("no \"type\"");
        if (number == 1) {
            const auto& format = j.contains("format") ? j["format"] : Json();
            if (*type != "run" || !format.is_array() || format.size() != 2 ||
                !format[0].is_number_integer() || format[0].get<std::int64_t>() != k_format_major) {
                return bad(fmt::format("not a discrec recording of format {}.x", k_format_major));
            }
            log->m_header = j;
            if (j.contains("argv") && j["argv"].is_array()) {
                for (const auto& a : j["argv"]) {
                    if (a.is_string())
                        log->m_made_by +=
                            (log->m_made_by.empty() ? "" : " ") + a.get<std::string>();
                }
            }
            continue;
        }
        if (*type == "command") {
            const auto device = field<std::string>(j, "device");
            if (!device || !field<std::string>(j, "cdb"))
                return bad("a command needs device and cdb");
            log->m_commands[*device].push_back(std::move(j));
        } else if (*type == "enumeration") {
            continue;  // a later enumeration of the same run: the first one answers all
        } else if (*type == "resolution") {
            const auto spelling = field<std::string>(j, "spelling");
            if (!spelling || !j.contains("result"))
                return bad("a resolution needs spelling and result");
            if (!log->m_header.contains("resolutions") ||
                !log->m_header["resolutions"].is_array()) {
                log->m_header["resolutions"] = Json::array();
            }
            log->m_header["resolutions"].push_back(
                {{"spelling", *spelling}, {"result", j["result"]}});
        } else {
            const auto key = field<std::string>(j, "key");
            if (!key) return bad(fmt::format("a {} fact needs a key", *type));
            log->m_facts[*type + "/" + *key].push_back(std::move(j));
        }
    }
    if (number == 0 || log->m_header.is_null()) {
        return make_error(ErrorKind::usage, fmt::format("--replay: {}: empty recording", name));
    }
    return log;
}

std::string RunLog::describe_recorded(const Json& command) const {
    const auto bytes = from_hex(field<std::string>(command, "cdb").value_or("")).value_or(Bytes{});
    Cdb cdb;
    cdb.size = std::min(bytes.size(), cdb.bytes.size());
    std::copy_n(bytes.begin(), cdb.size, cdb.bytes.begin());
    return fmt::format("{}[{}]", cdb.size > 0 ? label(cdb) + " " : "", hex_bytes(bytes));
}

std::string RunLog::label(const Cdb& cdb) const {
    return cdb_namer ? cdb_namer(cdb) : fmt::format("command 0x{:02x}", cdb.opcode());
}

void RunLog::diverge(const std::string& message) {
    const Error e = make_error(ErrorKind::failure,
                               fmt::format("replay: {} (the recording was made by: {})", message,
                                           m_made_by.empty() ? "an unknown command" : m_made_by));
    if (on_divergence) on_divergence(e);
    std::fprintf(stderr, "discrec: %s\n", e.message.c_str());
    std::exit(static_cast<int>(ExitCode::failure));
}

Json RunLog::take(std::vector<Json>& queue, std::size_t& next, const std::string& what) {
    if (next >= queue.size()) diverge(fmt::format("the recording has no more {}", what));
    return queue[next++];
}

Json RunLog::replay_enumeration() {
    std::lock_guard lock(m_mutex);
    const auto it = m_header.find("enumeration");
    if (it == m_header.end() || it->is_null()) diverge("the recording has no drive enumeration");
    return *it;
}

Json RunLog::replay_resolution(const std::string& spelling) {
    std::lock_guard lock(m_mutex);
    const auto it = m_header.find("resolutions");
    if (it != m_header.end() && it->is_array()) {
        for (const auto& r : *it) {
            if (r.is_object() && r.value("spelling", std::string{}) == spelling &&
                r.contains("result")) {
                return r["result"];
            }
        }
    }
    diverge(fmt::format("the run names drive '{}', the recording does not", spelling));
}

Json RunLog::replay_fact(const std::string& type, const std::string& key) {
    std::lock_guard lock(m_mutex);
    const std::string id = type + "/" + key;
    return take(m_facts[id], m_next_fact[id], fmt::format("{} of {}", type, key));
}

std::optional<Json> RunLog::replay_optional_fact(const std::string& type, const std::string& key) {
    std::lock_guard lock(m_mutex);
    const std::string id = type + "/" + key;
    auto& queue = m_facts[id];
    auto& next = m_next_fact[id];
    if (next >= queue.size()) return std::nullopt;
    return queue[next++];
}

OsError RunLog::recorded_os_error(const Json& command) const {
    const int code = field<int>(command, "os_error").value_or(0);
    if (code == 0) return {};
    // Where the recording was made: format 1.0 did not say, and was made on this OS's kind
    // of machine as far as anyone replaying it can tell.
    const std::string system = field<std::string>(m_header, "system").value_or(os_system_name());
    const auto kind = field<std::string>(command, "os_error_kind");
    if (!kind) {
        if (system == os_system_name()) return OsError::native(code);
        return {code, system, ErrorKind::failure,
                fmt::format("OS error {} (recorded on {})", code, system)};
    }
    return {code, system, error_kind_from_name(*kind, ErrorKind::failure),
            field<std::string>(command, "os_error_text")
                .value_or(fmt::format("OS error {} (recorded on {})", code, system))};
}

Completion RunLog::replay_command(const std::string& device, const Cdb& cdb, Direction direction,
                                  std::span<std::byte> buffer, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    auto& queue = m_commands[device];
    auto& next = m_next_command[device];
    const std::string sent = fmt::format("[{}]", hex_bytes(cdb.span()));
    if (next >= queue.size()) {
        diverge(fmt::format("{}: the run sent {} {}, the recording has no more commands", device,
                            label(cdb), sent));
    }
    const Json& rec = queue[next++];
    const auto recorded_cdb = from_hex(field<std::string>(rec, "cdb").value_or(""));
    const auto recorded_direction = field<std::string>(rec, "direction").value_or("");
    const auto recorded_length = field<std::size_t>(rec, "length");
    const bool same_command =
        recorded_cdb && *recorded_cdb == Bytes(cdb.span().begin(), cdb.span().end()) &&
        recorded_direction == direction_key(direction) && recorded_length == buffer.size();
    // The timeout too: it is part of what the run asked of the drive (a command given less
    // time than the recorded one might have timed out where the recording did not). The
    // message names the timeouts when they are all that differs.
    const auto recorded_timeout = field<std::int64_t>(rec, "timeout_ms");
    if (!same_command || recorded_timeout != timeout.count()) {
        const auto timeout_text = [&](std::int64_t ms) {
            return same_command ? fmt::format(", timeout {} ms", ms) : std::string{};
        };
        diverge(
            fmt::format("{}: command {} differs: the run sent {} {} ({} {} bytes{}), the "
                        "recording has {} ({} {} bytes{})",
                        device, next, label(cdb), sent, direction_key(direction), buffer.size(),
                        timeout_text(timeout.count()), describe_recorded(rec), recorded_direction,
                        recorded_length.value_or(0), timeout_text(recorded_timeout.value_or(0))));
    }
    Completion c;
    c.scsi_status = field<std::uint8_t>(rec, "status").value_or(0);
    c.host_status = field<std::uint16_t>(rec, "host_status").value_or(0);
    c.driver_status = field<std::uint16_t>(rec, "driver_status").value_or(0);
    c.os_error = recorded_os_error(rec);
    c.timed_out = field<bool>(rec, "timed_out").value_or(false);
    c.duration = std::chrono::microseconds(field<std::int64_t>(rec, "duration_us").value_or(0));
    c.sense = from_hex(field<std::string>(rec, "sense").value_or("")).value_or(Bytes{});
    const auto data_in =
        from_hex(field<std::string>(rec, "data_in").value_or("")).value_or(Bytes{});
    // Never past the buffer, whatever the recording says (it is untrusted input).
    const std::size_t n = std::min(data_in.size(), buffer.size());
    std::copy_n(data_in.begin(), n, buffer.begin());
    c.transferred = std::min(field<std::size_t>(rec, "transferred").value_or(n), buffer.size());
    if (c.transferred > n) {
        std::fill(buffer.begin() + static_cast<std::ptrdiff_t>(n),
                  buffer.begin() + static_cast<std::ptrdiff_t>(c.transferred), std::byte{0});
    }
    return c;
}

}  // namespace discrec
