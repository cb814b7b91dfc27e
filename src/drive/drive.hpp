// Drive: the IDiscRecorder2-like facade. Composes mmc commands over a Transport; no OS calls
// here. Each operation sends the fewest commands that answer its question, each with a
// bounded timeout, and never waits on a drive that has no medium.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "drive/command.hpp"
#include "mmc/cdb.hpp"
#include "mmc/configuration.hpp"
#include "mmc/events.hpp"
#include "mmc/inquiry.hpp"
#include "mmc/mode_sense.hpp"
#include "transport/transport.hpp"
#include "util/result.hpp"

namespace discrec::drive {

struct Identity {
    mmc::InquiryData inquiry;
    std::vector<std::uint8_t> vpd_pages;      // VPD 00h, empty if the drive has none
    std::optional<std::string> serial;        // VPD 80h, when listed and non-empty
    std::vector<mmc::Designator> device_ids;  // VPD 83h, when listed
};

// Tray and medium, from GET EVENT STATUS NOTIFICATION (media class) where the drive has it,
// and TEST UNIT READY (whose sense also tells an open tray on many drives).
struct MediaState {
    std::optional<bool> tray_open;
    std::optional<bool> medium_present;
    bool ready = false;
    std::optional<std::string> not_ready_reason;  // decoded TUR sense
    bool becoming_ready = false;                  // TUR said 2/04/01 (mmc::means_becoming_ready)
    std::string source;                           // "gesn", "tur"
};

// What supported_mode_pages does where the drive refuses page 3Fh (all pages): ask each
// multimedia page alone (mode-pages), or leave the list unknown (info: on ATAPI every refused
// page is a CHECK CONDITION that libata answers through its error handler, which holds the
// drive's port for tens of milliseconds, bench/vm-bench.sh; the pages stay one
// `discrec mode-pages` away).
enum class RefusedAllPages { ask_each_page, leave_unlisted };

struct ModePageList {
    std::vector<std::uint8_t> pages;  // page codes the drive answered for
    bool probed = false;              // page 3Fh was refused: each multimedia page was asked alone
    // Page 3Fh was refused and, as asked (RefusedAllPages::leave_unlisted), no page was asked
    // alone: which pages the drive has is not known (`pages` is empty).
    bool unlisted = false;
    // Page 2Ah as it arrived, whole, with the listing: info decodes it from here instead of
    // asking the drive again (one CDB less per drive).
    std::optional<mmc::CapabilitiesSummary> capabilities;
};

// What waiting for a medium to become ready ended in (close-tray --wait).
struct ReadyWait {
    enum class Outcome { ready, no_medium, failed, not_ready_in_time };
    Outcome outcome = Outcome::ready;
    Error last_error;  // failed, not_ready_in_time: the last TEST UNIT READY's error
};
using WaitProgress = std::function<void(std::chrono::steady_clock::duration waited)>;

class Drive {
public:
    Drive(std::unique_ptr<Transport> transport, std::string name);

    Result<Identity> identify();
    // The whole configuration (GET CONFIGURATION), continuing from the next feature number
    // when the answer exceeds one allocation length (MMC-6 §6.6.2.1).
    Result<mmc::Configuration> configuration(mmc::ConfigurationRt rt = mmc::ConfigurationRt::all,
                                             std::uint16_t starting_feature = 0);
    Result<MediaState> media_state();
    // The mode pages the drive has: page 3Fh, or, where the drive refuses it, each multimedia
    // page asked alone, except pages tied to features the drive does not report
    // (ModePageRow::features). `features`: its GET CONFIGURATION answer if already read; else
    // it is read here, only when 3Fh was refused (without one, every page is asked).
    // `refused`: leave_unlisted stops after a refused 3Fh (ModePageList::unlisted).
    Result<ModePageList> supported_mode_pages(
        const mmc::Configuration* features = nullptr,
        RefusedAllPages refused = RefusedAllPages::ask_each_page);
    // One mode page (MODE SENSE(10), falling back to (6) where (10) is not supported, and the
    // other way round). Returns the whole mode parameter data as received.
    Result<Bytes> mode_sense(std::uint8_t page, mmc::PageControl pc);

    // Tray and lock (MMC-6 §6.39 START STOP UNIT, SPC-4 PREVENT ALLOW MEDIUM REMOVAL).
    Status eject();  // LoEj=1 Start=0
    Status load();   // LoEj=1 Start=1 (close the tray)
    Status prevent_removal(bool prevent);
    // Polls TEST UNIT READY (every 250 ms, up to `limit`) until the medium is ready, the drive
    // says there is none, or the drive fails otherwise (timeout, gone). A drive spinning up
    // says 2/04/01 ("becoming ready"); `progress` is told how long it has waited so far.
    ReadyWait wait_until_ready(std::chrono::duration<double> limit, const WaitProgress& progress);
    // Page 2Ah's lock, eject and loading-mechanism bits (MMC-6 §7.2 / MMC-3 §5.5.10).
    Result<mmc::CapabilitiesSummary> capabilities();

    // Whether mode_sense() answers come from MODE SENSE(10) (8-byte header) or (6).
    [[nodiscard]] bool uses_mode_sense10() const noexcept {
        return !m_mode_sense10_unsupported.value_or(false);
    }
    [[nodiscard]] const std::string& name() const noexcept { return m_runner.drive_name(); }
    [[nodiscard]] CommandRunner& runner() noexcept { return m_runner; }

private:
    std::unique_ptr<Transport> m_transport;
    CommandRunner m_runner;
    std::optional<bool> m_mode_sense10_unsupported;
};

}  // namespace discrec::drive
