#include "drive/wait.hpp"

#include <algorithm>
#include <array>
#include <thread>

#include <fmt/format.h>

#include "mmc/cdb.hpp"
#include "mmc/media.hpp"

namespace discrec::drive {
namespace {

struct WaitStateName {
    WaitState state;
    std::string_view name;
};
constexpr std::array<WaitStateName, 7> k_wait_states = {{
    {WaitState::medium, "medium"},
    {WaitState::no_medium, "no-medium"},
    {WaitState::ready, "ready"},
    {WaitState::tray_open, "tray-open"},
    {WaitState::tray_closed, "tray-closed"},
    {WaitState::blank, "blank"},
    {WaitState::not_held, "not-held"},
}};

// READ DISC INFORMATION's first 34 bytes (MMC-6 §6.22.3.1): disc status is byte 2.
constexpr std::uint16_t k_wait_disc_info_alloc = 34;

// Disc status Empty (byte 2 bits 1-0 = 0); nullopt when the drive would not say.
std::optional<bool> ask_blank(Drive& d) {
    auto out = d.runner().run(mmc::read_disc_information(k_wait_disc_info_alloc),
                              Direction::from_device, k_wait_disc_info_alloc);
    if (!out.ok()) return std::nullopt;
    const auto info = mmc::decode_disc_information(out.data, false);
    const auto status = mmc::number_of(info, "disc_status");
    if (!status) return std::nullopt;
    return *status == 0;
}

Result<WaitObservation> observe(Drive* d, const platform::DriveLocation& location,
                                const platform::SystemRoots& roots, WaitState wanted) {
    WaitObservation o;
    if (wanted == WaitState::not_held) {
        o.holders = platform::find_holders(location, roots);
        o.exclusive_owner = platform::exclusive_owner(location);
        return o;
    }
    auto state = d->media_state();
    if (!state) return state.error();
    o.media = std::move(*state);
    if (wanted == WaitState::blank && o.media->ready) o.blank = ask_blank(*d);
    return o;
}

std::string held_text(const WaitObservation& o) {
    std::vector<std::string> who;
    for (const auto& h : o.holders)
        who.push_back(fmt::format("{} {} ({})", h.pid, h.command, h.device));
    if (o.exclusive_owner) who.push_back("exclusively by " + o.exclusive_owner->client);
    return who.empty() ? "not held" : fmt::format("held by {}", fmt::join(who, ", "));
}

}  // namespace

std::optional<WaitState> parse_wait_state(std::string_view text) {
    for (const auto& s : k_wait_states) {
        if (s.name == text) return s.state;
    }
    return std::nullopt;
}

std::string_view wait_state_name(WaitState state) {
    for (const auto& s : k_wait_states) {
        if (s.state == state) return s.name;
    }
    return "?";
}

std::vector<std::string> wait_state_names() {
    std::vector<std::string> names;
    for (const auto& s : k_wait_states) names.emplace_back(s.name);
    return names;
}

bool state_holds(WaitState wanted, const WaitObservation& o) {
    const auto& m = o.media;
    switch (wanted) {
        case WaitState::medium:
            return m && m->medium_present.value_or(false);
        case WaitState::no_medium:
            return m && m->medium_present && !*m->medium_present;
        case WaitState::ready:
            return m && m->ready;
        case WaitState::tray_open:
            return m && m->tray_open.value_or(false);
        case WaitState::tray_closed:
            return m && m->tray_open && !*m->tray_open;
        case WaitState::blank:
            return o.blank.value_or(false);
        case WaitState::not_held:
            return o.holders.empty() && !o.exclusive_owner;
    }
    return false;
}

bool same_observation(const WaitObservation& a, const WaitObservation& b) {
    const auto pids = [](const WaitObservation& o) {
        std::vector<int> p;
        for (const auto& h : o.holders) p.push_back(h.pid);
        return p;
    };
    if (a.media.has_value() != b.media.has_value() || a.blank != b.blank || pids(a) != pids(b) ||
        a.exclusive_owner.has_value() != b.exclusive_owner.has_value())
        return false;
    if (!a.media) return true;
    const auto& x = *a.media;
    const auto& y = *b.media;
    return x.tray_open == y.tray_open && x.medium_present == y.medium_present &&
           x.ready == y.ready && x.not_ready_reason == y.not_ready_reason;
}

std::string observation_text(WaitState wanted, const WaitObservation& o) {
    if (wanted == WaitState::not_held) return held_text(o);
    if (!o.media) return "unknown";
    const auto& m = *o.media;
    std::vector<std::string> parts;
    if (m.tray_open) parts.emplace_back(*m.tray_open ? "tray open" : "tray closed");
    if (m.medium_present) parts.emplace_back(*m.medium_present ? "medium present" : "no medium");
    parts.emplace_back(m.ready ? "ready" : "not ready");
    if (o.blank) parts.emplace_back(*o.blank ? "blank" : "not blank");
    return fmt::format("{}", fmt::join(parts, ", "));
}

bool StableWait::add(const WaitObservation& o) {
    if (!state_holds(m_wanted, o)) {
        m_run = 0;
    } else if (m_run > 0 && m_last && same_observation(*m_last, o)) {
        ++m_run;
    } else {
        m_run = 1;
    }
    m_last = o;
    return m_run >= m_needed;
}

Result<WaitOutcome> wait_for_state(const platform::DriveLocation& location,
                                   const platform::SystemRoots& roots, const OpenOptions& options,
                                   WaitState wanted, std::chrono::milliseconds limit,
                                   std::chrono::milliseconds interval, const WaitTick& tick) {
    // Through one open descriptor for the whole wait (the sg node: opening and closing the
    // block node would have the cdrom layer's side effects at every poll); not at all for
    // not-held, which asks the OS only.
    std::optional<Drive> drive;
    if (wanted != WaitState::not_held) {
        auto opened = open_drive(location, options);
        if (!opened) return opened.error();
        drive.emplace(std::move(*opened));
    }
    const auto start = std::chrono::steady_clock::now();
    StableWait stable(wanted);
    WaitOutcome out;
    while (true) {
        auto o = observe(drive ? &*drive : nullptr, location, roots, wanted);
        if (!o) return o.error();  // could not be asked: vanished, timed out, OS error
        ++out.polls;
        out.last = std::move(*o);
        const auto waited = std::chrono::steady_clock::now() - start;
        out.waited = std::chrono::duration_cast<std::chrono::milliseconds>(waited);
        if (stable.add(out.last)) {
            out.reached = true;
            return out;
        }
        // Past the limit, after the two polls the debouncing needs at least: not reached.
        if (waited >= limit && out.polls >= 2) return out;
        if (tick) tick(waited, out.last);
        std::this_thread::sleep_for(interval);
    }
}

}  // namespace discrec::drive
