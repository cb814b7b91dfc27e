// A Transport decorator for --trace: prints every CDB sent, its status, sense, the bytes
// returned and the time taken, to a sink (stderr in the CLI). Used to debug drives and, by
// the benchmarks, to count the commands an operation sends.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "transport/transport.hpp"

namespace discrec {

using TraceSink = std::function<void(const std::string& line)>;
using CdbNamer = std::function<std::string(const Cdb&)>;

class TracingTransport final : public Transport {
public:
    TracingTransport(std::unique_ptr<Transport> inner, TraceSink sink, CdbNamer namer);
    Completion execute(const Cdb& cdb, Direction direction, std::span<std::byte> buffer,
                       std::chrono::milliseconds timeout) override;
    [[nodiscard]] const std::string& path() const noexcept override { return m_inner->path(); }

private:
    std::unique_ptr<Transport> m_inner;
    TraceSink m_sink;
    CdbNamer m_namer;
};

// "good", "check condition", "host error 0x07" ... for the trace and error messages.
std::string describe_completion_status(const Completion& c);

}  // namespace discrec
