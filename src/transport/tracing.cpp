#include "transport/tracing.hpp"

#include "transport/os_error.hpp"

#include <cstring>

#include <fmt/format.h>

namespace discrec {
namespace {

// SAM-5 status codes, for the trace line.
struct StatusName {
    std::uint8_t code;
    const char* name;
};
constexpr StatusName k_status_names[] = {
    {0x00, "good"},       {0x02, "check condition"},      {0x04, "condition met"},
    {0x08, "busy"},       {0x18, "reservation conflict"}, {0x28, "task set full"},
    {0x30, "ACA active"}, {0x40, "task aborted"},
};

constexpr std::size_t k_trace_bytes = 64;  // bytes of data shown per command

}  // namespace

std::string describe_completion_status(const Completion& c) {
    if (c.os_error) return fmt::format("OS error: {}", c.os_error.text);
    if (c.timed_out) return "timed out";
    std::string s = fmt::format("status 0x{:02x}", c.scsi_status);
    for (const auto& row : k_status_names) {
        if (row.code == c.scsi_status) s = row.name;
    }
    if (c.host_status != 0) s += fmt::format(", host status 0x{:02x}", c.host_status);
    if (c.driver_status != 0) s += fmt::format(", driver status 0x{:02x}", c.driver_status);
    return s;
}

TracingTransport::TracingTransport(std::unique_ptr<Transport> inner, TraceSink sink, CdbNamer namer)
    : m_inner(std::move(inner)), m_sink(std::move(sink)), m_namer(std::move(namer)) {}

Completion TracingTransport::execute(const Cdb& cdb, Direction direction,
                                     std::span<std::byte> buffer,
                                     std::chrono::milliseconds timeout) {
    m_sink(fmt::format("trace: {}: {} [{}] {} {} bytes, timeout {} ms", m_inner->path(),
                       m_namer ? m_namer(cdb) : std::string("command"), hex_bytes(cdb.span()),
                       direction == Direction::to_device ? "out" : "in", buffer.size(),
                       timeout.count()));
    Completion c = m_inner->execute(cdb, direction, buffer, timeout);
    m_sink(fmt::format("trace:   -> {}, {} bytes, {:.3f} ms", describe_completion_status(c),
                       c.transferred, static_cast<double>(c.duration.count()) / 1000.0));
    if (!c.sense.empty()) m_sink(fmt::format("trace:   sense: {}", hex_bytes(c.sense)));
    // Only a GOOD command's data is its answer. After an ATAPI CHECK CONDITION libata reports
    // no residual and the sg driver copies back its whole reserve buffer, bytes of earlier
    // commands included (seen in the guest): printing that would mislead.
    if (direction == Direction::from_device && c.transferred > 0 &&
        classify(c) == CompletionClass::good) {
        const std::size_t shown = std::min(c.transferred, k_trace_bytes);
        m_sink(fmt::format("trace:   data: {}{}", hex_bytes(ByteSpan(buffer.data(), shown)),
                           shown < c.transferred ? " ..." : ""));
    }
    return c;
}

}  // namespace discrec
