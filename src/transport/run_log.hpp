// --record and --replay: a run's log of everything it asked of the machine, as JSON Lines
// (schemas/recording.schema.json). Line 1 says which run made it and what enumeration and
// name resolution found; every later line is one command sent to a drive (CDB, direction,
// data out, status, sense, data in as transferred, residual, timeout, duration, OS error) or
// one OS fact read or changed (holders, mounts, lock, polling, exclusive access, an open).
// Replaying answers every command and fact from the log, so any subcommand runs unchanged on
// any machine, with no drive. Commands are matched per device node, in order within each
// node; facts per kind and drive, in order. A command or fact that is not the next one the
// log holds ends the run (exit 1) with a message naming both.
//
// One log serves the whole process, installed by main() before the subcommand runs: every
// layer that asks the OS (platform/facts.cpp, transport/device.cpp) reaches it without the
// subcommands passing it down, as they do not know about recording at all.
#pragma once

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "transport/transport.hpp"
#include "util/result.hpp"

namespace discrec {

class RunLog {
public:
    using Json = nlohmann::ordered_json;

    // Writes a new recording to `path` ("-": not allowed; the run's output owns stdout).
    static Result<std::unique_ptr<RunLog>> create(const std::string& path,
                                                  const std::vector<std::string>& argv);
    // Reads a recording made by --record. Errors name the file and the line.
    static Result<std::unique_ptr<RunLog>> open(const std::string& path);
    // Parses a recording's text (open() and the fuzz target).
    static Result<std::unique_ptr<RunLog>> parse(std::string_view text, const std::string& name);

    RunLog(const RunLog&) = delete;
    RunLog& operator=(const RunLog&) = delete;
    ~RunLog();

    [[nodiscard]] bool replaying() const noexcept { return m_replay; }

    // --record: the first line's facts (kept until the first other line is written), any
    // other fact line, and one command.
    void record_enumeration(const Json& result);
    void record_resolution(const std::string& spelling, const Json& result);
    void record_fact(const Json& fact);  // {"type": ..., ...}
    void record_command(const std::string& device, const Cdb& cdb, Direction direction,
                        std::span<const std::byte> buffer, std::chrono::milliseconds timeout,
                        const Completion& completion);
    // Writes the first line if nothing else did; called by main() at the end of the run.
    void finish();

    // --replay: the recorded enumerations in order (the last one answers any further: a run
    // that enumerates again, like `watch` after a hot-plug uevent, meets what the recorded run
    // met) and resolution of `spelling`; the next fact of `type` about `key` (a drive name or
    // device node); the next command on `device`, whose data in is copied into `buffer`. A
    // missing or different one calls the divergence handler, which ends the run.
    Json replay_enumeration();
    Json replay_resolution(const std::string& spelling);
    Json replay_fact(const std::string& type, const std::string& key);
    // The next fact of `type` about `key`, or nullopt when the recording holds no more: a
    // replayed watch ends at its last recorded turn, and a fact that recordings made before
    // discrec recorded it lack (transport) is left out.
    std::optional<Json> replay_fact_if_any(const std::string& type, const std::string& key);
    Completion replay_command(const std::string& device, const Cdb& cdb, Direction direction,
                              std::span<std::byte> buffer, std::chrono::milliseconds timeout);

    // Called with the message when a replay diverges from its recording; must not return
    // (main() reports the error and exits 1). Without one: the message on stderr, exit 1.
    std::function<void(const Error&)> on_divergence;
    // Names a CDB in those messages ("INQUIRY"); main() sets the mmc table's namer.
    std::function<std::string(const Cdb&)> cdb_namer;

    // The process's log, or nullptr (no --record, no --replay).
    static RunLog* active() noexcept;
    static void set_active(RunLog* log) noexcept;

private:
    explicit RunLog(bool replay) : m_replay(replay) {}
    void write_line(const Json& line);
    void flush_header();
    [[noreturn]] void diverge(const std::string& message);
    [[nodiscard]] std::string label(const Cdb& cdb) const;
    [[nodiscard]] std::string describe_recorded(const Json& command) const;
    // A recorded command's OS error, as it was classified where the recording was made.
    [[nodiscard]] OsError recorded_os_error(const Json& command) const;
    Json take(std::vector<Json>& queue, std::size_t& next, const std::string& what);

    bool m_replay;
    std::mutex m_mutex;
    std::FILE* m_file = nullptr;
    Json m_header;
    bool m_header_written = false;
    std::string m_made_by;  // the recorded run's argv, for divergence messages
    // Replay queues: commands per device node, facts per "type/key", each consumed in order.
    std::map<std::string, std::vector<Json>> m_commands;
    std::map<std::string, std::size_t> m_next_command;
    std::map<std::string, std::vector<Json>> m_facts;
    std::map<std::string, std::size_t> m_next_fact;
    std::vector<Json> m_enumerations;  // the header's, then each later "enumeration" line
    std::size_t m_next_enumeration = 0;
};

// A transport that writes every command through it to the active log (--record).
class RecordingTransport final : public Transport {
public:
    RecordingTransport(std::unique_ptr<Transport> inner, RunLog& log)
        : m_inner(std::move(inner)), m_log(log) {}
    Completion execute(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                       std::chrono::milliseconds timeout) override;
    [[nodiscard]] const std::string& path() const noexcept override { return m_inner->path(); }

private:
    std::unique_ptr<Transport> m_inner;
    RunLog& m_log;
};

// A transport that answers from the log (--replay): no device behind it.
class ReplayTransport final : public Transport {
public:
    ReplayTransport(std::string path, RunLog& log) : m_path(std::move(path)), m_log(log) {}
    Completion execute(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                       std::chrono::milliseconds timeout) override {
        return m_log.replay_command(m_path, cdb, direction, buffer, timeout);
    }
    [[nodiscard]] const std::string& path() const noexcept override { return m_path; }

private:
    std::string m_path;
    RunLog& m_log;
};

// Errors as recorded: {"kind": "no_such_drive", "message": "..."}; and back.
RunLog::Json error_to_json(const Error& error);
Error error_from_json(const RunLog::Json& json);
// Status and Result<T> as {"ok": true} / {"error": {...}}.
RunLog::Json status_to_json(const Status& status);
Status status_from_json(const RunLog::Json& json);

}  // namespace discrec
