#include "drive/drive.hpp"

#include <thread>

#include <algorithm>

#include "mmc/cdb.hpp"
#include "mmc/tables/mode_pages.hpp"

namespace discrec::drive {
namespace {

constexpr std::uint16_t k_inquiry_alloc = 96;  // standard data incl. version descriptors
constexpr std::uint16_t k_vpd_alloc = 252;     // < 256: some USB bridges choke on more
// GET CONFIGURATION answers can be long (every feature of a BD writer is ~1 KiB); 32 KiB less
// a little keeps the allocation even and below what old USB bridges mishandle.
constexpr std::uint16_t k_config_alloc = 32760;
constexpr int k_config_max_rounds = 64;    // each round makes progress; bound it anyway
constexpr std::uint16_t k_gesn_alloc = 8;  // header + media event descriptor
constexpr std::uint16_t k_mode_alloc = 4096;
constexpr std::uint8_t k_mode_alloc6 = 255;  // MODE SENSE(6) has one allocation length byte
constexpr std::uint16_t k_mode_probe_alloc = 255;

void append_unique(std::vector<mmc::FeatureDescriptor>& into, mmc::FeatureDescriptor f) {
    const bool seen =
        std::any_of(into.begin(), into.end(), [&](const auto& g) { return g.code == f.code; });
    if (!seen) into.push_back(std::move(f));
}

}  // namespace

Drive::Drive(std::unique_ptr<Transport> transport, std::string name)
    : m_transport(std::move(transport)), m_runner(*m_transport, std::move(name)) {}

Result<Identity> Drive::identify() {
    Identity id;
    auto std_inq = m_runner.run(mmc::inquiry(k_inquiry_alloc), Direction::from_device,
                                k_inquiry_alloc, k_quick_timeout);
    if (!std_inq.ok()) return std_inq.error;
    id.inquiry = mmc::decode_inquiry(std_inq.data);
    if (!id.inquiry.usable) {
        return make_error(ErrorKind::device_error, name() + ": INQUIRY: the answer is too short");
    }
    // VPD pages are optional (SPC-4 §7.8): ask only for the ones page 00h lists.
    auto vpd0 = m_runner.run(mmc::inquiry_vpd(mmc::vpd_page::supported_pages, k_vpd_alloc),
                             Direction::from_device, k_vpd_alloc, k_quick_timeout);
    if (!vpd0.ok()) return id;
    id.vpd_pages = mmc::decode_vpd_supported_pages(vpd0.data).pages;
    auto listed = [&](std::uint8_t page) {
        return std::find(id.vpd_pages.begin(), id.vpd_pages.end(), page) != id.vpd_pages.end();
    };
    if (listed(mmc::vpd_page::unit_serial_number)) {
        auto vpd80 = m_runner.run(mmc::inquiry_vpd(mmc::vpd_page::unit_serial_number, k_vpd_alloc),
                                  Direction::from_device, k_vpd_alloc, k_quick_timeout);
        if (vpd80.ok()) {
            auto serial = mmc::decode_vpd_serial(vpd80.data).serial;
            if (!serial.empty()) id.serial = std::move(serial);
        }
    }
    if (listed(mmc::vpd_page::device_identification)) {
        auto vpd83 =
            m_runner.run(mmc::inquiry_vpd(mmc::vpd_page::device_identification, k_vpd_alloc),
                         Direction::from_device, k_vpd_alloc, k_quick_timeout);
        if (vpd83.ok()) id.device_ids = mmc::decode_vpd_device_id(vpd83.data).designators;
    }
    return id;
}

Result<mmc::Configuration> Drive::configuration(mmc::ConfigurationRt rt,
                                                std::uint16_t starting_feature) {
    mmc::Configuration all;
    std::optional<std::uint16_t> next = starting_feature;
    for (int round = 0; next && round < k_config_max_rounds; ++round) {
        auto out = m_runner.run(mmc::get_configuration(rt, *next, k_config_alloc),
                                Direction::from_device, k_config_alloc);
        if (!out.ok()) {
            if (round == 0) return out.error;
            all.warnings.push_back(out.error.message);
            break;
        }
        mmc::Configuration chunk = mmc::decode_configuration(out.data);
        if (round == 0) {
            all.usable = chunk.usable;
            all.data_length = chunk.data_length;
            all.current_profile = chunk.current_profile;
            all.profiles = chunk.profiles;
        }
        for (auto& w : chunk.warnings) all.warnings.push_back(std::move(w));
        const std::size_t before = all.features.size();
        const auto following = mmc::next_starting_feature(chunk);
        for (auto& f : chunk.features) {
            // A descriptor cut short is asked for again in the next round.
            if (f.truncated && following && *following == f.code) continue;
            append_unique(all.features, std::move(f));
        }
        if (all.profiles.empty() && !chunk.profiles.empty()) all.profiles = chunk.profiles;
        // One GET CONFIGURATION with RT=2 names one feature: there is no "next".
        if (rt == mmc::ConfigurationRt::one) break;
        if (all.features.size() == before && round > 0) break;  // no progress: stop
        if (following && next && *following <= *next && round > 0) break;
        next = following;
    }
    if (!all.usable) {
        return make_error(ErrorKind::device_error,
                          name() + ": GET CONFIGURATION: the answer is shorter than its header");
    }
    return all;
}

Result<MediaState> Drive::media_state() {
    MediaState state;
    // GESN polled, media class (MMC-6 §6.7): the one command that tells an open tray on every
    // drive QEMU emulates; a drive without it answers 5/20/00 and TUR alone decides.
    auto gesn = m_runner.run(
        mmc::get_event_status_notification(true, mmc::event_class::media, k_gesn_alloc),
        Direction::from_device, k_gesn_alloc, k_quick_timeout);
    if (gesn.ok()) {
        const auto event = mmc::decode_event_status(gesn.data);
        if (event.media) {
            state.tray_open = event.media->door_or_tray_open;
            state.medium_present = event.media->media_present;
            state.source = "gesn";
        }
    }
    auto tur = m_runner.run(mmc::test_unit_ready(), Direction::none, 0, k_quick_timeout);
    state.ready = tur.ok();
    if (state.source.empty()) state.source = "tur";
    if (tur.ok()) {
        state.medium_present = true;
        if (!state.tray_open) state.tray_open = false;
        return state;
    }
    if (tur.failure && tur.failure->sense && tur.failure->sense->usable()) {
        const auto& s = *tur.failure->sense;
        state.not_ready_reason = mmc::describe_sense(s);
        state.becoming_ready = mmc::means_becoming_ready(s.code());
        if (mmc::means_no_medium(s.code())) {
            if (!state.medium_present) state.medium_present = false;
            if (!state.tray_open && mmc::means_tray_closed(s.code())) state.tray_open = false;
            if (!state.tray_open && mmc::means_tray_open(s.code())) state.tray_open = true;
        }
        return state;
    }
    if (tur.failure && classify(tur.failure->completion) != CompletionClass::sense) {
        return tur.error;  // timeout, device gone, OS error: no state to report
    }
    state.not_ready_reason = tur.error.message;
    return state;
}

ReadyWait Drive::wait_until_ready(std::chrono::duration<double> limit,
                                  const WaitProgress& progress) {
    using Outcome = ReadyWait::Outcome;
    constexpr auto k_poll = std::chrono::milliseconds(250);
    const auto start = std::chrono::steady_clock::now();
    const auto deadline =
        start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(limit);
    while (true) {
        auto tur = m_runner.run(mmc::test_unit_ready(), Direction::none, 0, k_quick_timeout);
        if (tur.ok()) return {Outcome::ready, {}};
        if (tur.error.kind == ErrorKind::no_medium) return {Outcome::no_medium, tur.error};
        if (tur.error.kind == ErrorKind::timeout || tur.error.kind == ErrorKind::no_such_drive)
            return {Outcome::failed, tur.error};
        if (std::chrono::steady_clock::now() >= deadline)
            return {Outcome::not_ready_in_time, tur.error};
        if (progress) progress(std::chrono::steady_clock::now() - start);
        std::this_thread::sleep_for(k_poll);
    }
}

Result<Bytes> Drive::mode_sense(std::uint8_t page, mmc::PageControl pc) {
    const bool try10_first = !m_mode_sense10_unsupported.value_or(false);
    for (int pass = 0; pass < 2; ++pass) {
        const bool use10 = (pass == 0) == try10_first;
        auto out = use10 ? m_runner.run(mmc::mode_sense10(page, 0, pc, true, k_mode_alloc),
                                        Direction::from_device, k_mode_alloc)
                         : m_runner.run(mmc::mode_sense6(page, 0, pc, true, k_mode_alloc6),
                                        Direction::from_device, k_mode_alloc6);
        if (out.ok()) return std::move(out.data);
        // Only "invalid command operation code" (5/20/00) means the other CDB size may work.
        if (out.error.kind != ErrorKind::not_supported) return out.error;
        if (use10) m_mode_sense10_unsupported = true;
        if (pass == 1) return out.error;
    }
    return make_error(ErrorKind::failure, name() + ": MODE SENSE: no answer");
}

namespace {

// Page 2Ah from a MODE SENSE answer, if the whole page arrived (a cut-off page is asked again,
// with room for all of it, by Drive::capabilities()).
std::optional<mmc::CapabilitiesSummary> whole_page_2a(const mmc::ModeParameters& params) {
    const auto* page = params.find(mmc::mode_page_code::capabilities);
    if (page == nullptr || page->truncated || params.truncated) return std::nullopt;
    auto caps = mmc::decode_mode_page_2a_summary(params);
    if (!caps.usable) return std::nullopt;
    return caps;
}

// False when the page belongs to features (MMC-6 §5.3) of which the drive reports none.
bool may_have_page(const mmc::ModePageRow& row, const mmc::Configuration* config) {
    if (row.features.empty() || config == nullptr || !config->usable) return true;
    return std::any_of(config->features.begin(), config->features.end(),
                       [&](const mmc::FeatureDescriptor& f) {
                           return std::find(row.features.begin(), row.features.end(), f.code) !=
                                  row.features.end();
                       });
}

}  // namespace

Result<ModePageList> Drive::supported_mode_pages(const mmc::Configuration* features,
                                                 RefusedAllPages refused) {
    ModePageList list;
    auto all = mode_sense(mmc::mode_page_code::all, mmc::PageControl::current);
    if (all) {
        const auto params = mmc::split_mode_pages(*all, uses_mode_sense10());
        for (const auto& page : params.pages) {
            if (std::find(list.pages.begin(), list.pages.end(), page.code) == list.pages.end()) {
                list.pages.push_back(page.code);
            }
        }
        list.capabilities = whole_page_2a(params);
        if (!list.pages.empty()) return list;
    } else if (all.error().kind != ErrorKind::device_error &&
               all.error().kind != ErrorKind::not_supported) {
        return all.error();
    }
    if (refused == RefusedAllPages::leave_unlisted) {
        // No MODE SENSE at all (5/20/00 to both sizes): no page to list or to ask.
        list.unlisted = all || all.error().kind != ErrorKind::not_supported;
        return list;
    }
    // ATAPI drives refuse page 3Fh (QEMU: 5/24/00, shared/vm README): ask each page MMC
    // defines for multimedia devices, skipping those of features the drive does not report
    // (mode_pages.hpp, ModePageRow::multimedia and ::features).
    list.probed = true;
    std::optional<mmc::Configuration> read_features;
    if (features == nullptr) {
        if (auto config = configuration(); config) read_features = std::move(*config);
        if (read_features) features = &*read_features;
    }
    for (const auto& row : mmc::mode_page_table()) {
        if (!row.multimedia || !may_have_page(row, features)) continue;
        auto out = m_runner.run(
            mmc::mode_sense10(row.code, 0, mmc::PageControl::current, true, k_mode_probe_alloc),
            Direction::from_device, k_mode_probe_alloc, k_quick_timeout);
        if (!out.ok()) {
            if (out.error.kind == ErrorKind::timeout ||
                out.error.kind == ErrorKind::no_such_drive) {
                return out.error;
            }
            continue;
        }
        const auto params = mmc::split_mode_pages(out.data, true);
        for (const auto& page : params.pages) {
            if (page.code == row.code) list.pages.push_back(page.code);
        }
        if (row.code == mmc::mode_page_code::capabilities)
            list.capabilities = whole_page_2a(params);
    }
    std::sort(list.pages.begin(), list.pages.end());
    return list;
}

Status Drive::eject() {
    // Immed=0: the answer comes when the tray is out, so a refusal (2/53, 5/53) is reported.
    auto out = m_runner.run(mmc::start_stop_unit(false, true, false), Direction::none, 0,
                            k_mechanical_timeout, false);
    if (!out.ok()) return out.error;
    return Ok{};
}

Status Drive::load() {
    auto out = m_runner.run(mmc::start_stop_unit(true, true, false), Direction::none, 0,
                            k_mechanical_timeout, false);
    if (!out.ok()) return out.error;
    return Ok{};
}

Status Drive::prevent_removal(bool prevent) {
    auto out = m_runner.run(mmc::prevent_allow_medium_removal(prevent), Direction::none, 0,
                            k_quick_timeout);
    if (!out.ok()) return out.error;
    return Ok{};
}

Result<mmc::CapabilitiesSummary> Drive::capabilities() {
    auto data = mode_sense(mmc::mode_page_code::capabilities, mmc::PageControl::current);
    if (!data) return data.error();
    auto caps = mmc::decode_mode_page_2a_summary(mmc::split_mode_pages(*data, uses_mode_sense10()));
    if (!caps.usable) {
        return make_error(ErrorKind::not_supported,
                          name() + ": MODE SENSE: no CD/DVD capabilities page (2Ah) in the answer");
    }
    return caps;
}

}  // namespace discrec::drive
