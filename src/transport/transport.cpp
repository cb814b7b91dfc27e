#include "transport/transport.hpp"

namespace discrec {

CompletionClass classify(const Completion& c) noexcept {
    if (c.os_error) return CompletionClass::os;
    if (c.timed_out) return CompletionClass::timeout;
    constexpr std::uint8_t k_check_condition = 0x02;
    // Response codes 70h/71h (fixed) and 72h/73h (descriptor), SPC-4 §4.5.1.
    const bool has_sense =
        !c.sense.empty() && (static_cast<std::uint8_t>(c.sense[0]) & 0x7c) == 0x70;
    if ((c.scsi_status & 0x3e) == k_check_condition && has_sense) return CompletionClass::sense;
    if (has_sense && c.host_status != 0) return CompletionClass::sense;
    // Linux driver_status low nibble: 8 is DRIVER_SENSE (sense follows: not an error by
    // itself); 1-7 are the mid-layer's own failures (busy, error, timeout, hard ...).
    constexpr std::uint16_t k_driver_sense = 0x08;
    const auto driver = static_cast<std::uint16_t>(c.driver_status & 0x0f);
    if (c.host_status != 0 || (driver != 0 && driver != k_driver_sense)) {
        return CompletionClass::transport;
    }
    if ((c.scsi_status & 0x3e) != 0) return CompletionClass::status;
    return CompletionClass::good;
}

}  // namespace discrec
