#include "drive/check.hpp"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "mmc/media.hpp"
#include "mmc/tables/features.hpp"
#include "mmc/tables/profiles.hpp"

namespace discrec::drive {
namespace {

bool hard_failure(const Error& e) {
    return e.kind == ErrorKind::timeout || e.kind == ErrorKind::no_such_drive;
}

// Keeps a question's answer, or its error; false when the drive is gone (stop asking).
template <typename T>
bool keep(Result<T> answer, std::optional<T>& into, CheckFacts& facts) {
    if (answer) {
        into = std::move(answer).value();
        return true;
    }
    if (hard_failure(answer.error())) {
        facts.fatal = std::move(answer).error();
        return false;
    }
    facts.errors.push_back(std::move(answer).error());
    return true;
}

// The questions asked through one open drive: tray and medium, configuration, page 2Ah.
void ask_drive(Drive& d, const CheckRequest& request, CheckFacts& facts) {
    const bool state_known = facts.media && facts.media->state;
    if (request.needs_state() && !state_known && !keep(d.media_state(), facts.state, facts)) return;
    if (request.needs_configuration() && !keep(d.configuration(), facts.configuration, facts))
        return;
    if (request.needs_capabilities()) keep(d.capabilities(), facts.capabilities, facts);
}

std::string code_text(std::uint16_t code) {
    return fmt::format("{} (0x{:04x})", mmc::profile_name(code), code);
}

std::string feature_text(std::uint16_t code) {
    return fmt::format("{} (0x{:04x})", mmc::feature_name(code), code);
}

AssertionResult result(std::string name, std::string expected, std::string actual, bool passed) {
    return {std::move(name), std::move(expected), std::move(actual), passed};
}

std::string unknown(const CheckFacts& facts) {
    return facts.errors.empty() ? "unknown" : "unknown: " + facts.errors.front().message;
}

const MediaState* state_of(const CheckFacts& facts) {
    if (facts.state) return &*facts.state;
    if (facts.media && facts.media->state) return &*facts.media->state;
    return nullptr;
}

void check_state(const CheckRequest& q, const CheckFacts& f, std::vector<AssertionResult>& out) {
    const MediaState* s = state_of(f);
    if (q.medium) {
        const char* want = *q.medium ? "present" : "absent";
        const auto& has = s ? s->medium_present : std::nullopt;
        out.push_back(result(*q.medium ? "medium" : "no-medium", want,
                             has ? (*has ? "present" : "absent") : unknown(f),
                             has && *has == *q.medium));
    }
    if (q.tray_open) {
        const auto& open = s ? s->tray_open : std::nullopt;
        out.push_back(result("tray", *q.tray_open ? "open" : "closed",
                             open ? (*open ? "open" : "closed") : unknown(f),
                             open && *open == *q.tray_open));
    }
    if (q.ready) {
        std::string actual = unknown(f);
        if (s) actual = s->ready ? "ready" : "not ready: " + s->not_ready_reason.value_or("?");
        out.push_back(result("ready", "ready", actual, s && s->ready));
    }
}

void check_profiles(const CheckRequest& q, const CheckFacts& f, std::vector<AssertionResult>& out) {
    const auto& c = f.configuration;
    if (!q.profiles.empty()) {
        std::vector<std::string> names;
        for (auto p : q.profiles) names.push_back(code_text(p));
        const bool any = c && std::find(q.profiles.begin(), q.profiles.end(), c->current_profile) !=
                                  q.profiles.end();
        out.push_back(
            result("profile",
                   (names.size() > 1 ? "any of " : "") + fmt::format("{}", fmt::join(names, ", ")),
                   c ? code_text(c->current_profile) : unknown(f), any));
    }
    const auto listed = [&](std::uint16_t p) {
        return c && std::any_of(c->profiles.begin(), c->profiles.end(),
                                [p](const mmc::ProfileEntry& e) { return e.number == p; });
    };
    for (const bool writes : {false, true}) {
        for (auto p : writes ? q.can_write : q.can_read) {
            const auto* row = mmc::find_profile(p);
            const bool does = row != nullptr && (writes ? row->writes : row->reads);
            std::string actual = unknown(f);
            if (c && listed(p) && row != nullptr)
                actual = fmt::format("listed ({})", mmc::profile_access_words(*row));
            else if (c)
                actual = "not listed";
            out.push_back(result(writes ? "can-write" : "can-read",
                                 fmt::format("{} {}", writes ? "writes" : "reads", code_text(p)),
                                 actual, listed(p) && does));
        }
    }
    for (auto code : q.features) {
        const auto* feature = c ? c->find(code) : nullptr;
        std::string actual = unknown(f);
        if (c)
            actual = feature == nullptr ? "not reported"
                     : feature->current ? "current"
                                        : "not current";
        out.push_back(result("feature", feature_text(code) + " current", actual,
                             feature != nullptr && feature->current));
    }
}

// Disc status (READ DISC INFORMATION byte 2 bits 1-0, MMC-6 §6.22.3.1.4): Empty is blank,
// Incomplete appendable, Complete complete.
void check_disc_status(const CheckRequest& q, const CheckFacts& f,
                       std::vector<AssertionResult>& out) {
    const mmc::Value* status = nullptr;
    std::string actual = unknown(f);
    if (f.media && f.media->no_medium()) {
        actual = "no medium";
    } else if (f.media && f.media->disc_info) {
        status = f.media->disc_info->find("disc_status");
        if (status != nullptr) actual = "disc status " + status->text;
    }
    const struct {
        bool asked;
        const char* name;
        const char* expected;
        std::uint64_t value;
    } rows[] = {{q.blank, "blank", "disc status Empty", 0},
                {q.appendable, "appendable", "disc status Incomplete", 1},
                {q.complete, "complete", "disc status Complete", 2}};
    for (const auto& row : rows) {
        if (!row.asked) continue;
        out.push_back(result(row.name, row.expected, actual,
                             status != nullptr && status->number == row.value));
    }
}

void check_writable(const CheckRequest& q, const CheckFacts& f, std::vector<AssertionResult>& out) {
    if (!q.writable) return;
    std::string actual = unknown(f);
    bool passed = false;
    if (f.media && f.media->no_medium()) {
        actual = "no medium";
    } else if (f.media) {
        const auto& p = f.media->write_protection;
        passed = p.is_protected && !*p.is_protected;
        const char* verdict = !p.is_protected   ? "unknown"
                              : *p.is_protected ? "write protected"
                                                : "writable";
        actual = p.reason.empty() ? verdict : fmt::format("{}: {}", verdict, p.reason);
    }
    out.push_back(result("writable", "not write protected", actual, passed));
}

// --min-free: IMAPI2's FreeSectorsOnMedia as `media` derives it (drive::media_space), in
// sectors or, times the block length, in bytes.
void check_min_free(const CheckRequest& q, const CheckFacts& f, std::vector<AssertionResult>& out) {
    if (!q.min_free) return;
    const SizeSpec& want = *q.min_free;
    std::string actual = unknown(f);
    bool passed = false;
    if (f.media && f.media->no_medium()) {
        actual = "no medium";
    } else if (f.media) {
        const MediaSpace space = media_space(*f.media);
        if (space.free_sectors) {
            const std::uint64_t bytes = *space.bytes(space.free_sectors);
            passed = (want.sectors ? *space.free_sectors : bytes) >= want.value;
            actual = fmt::format("{} sectors free ({} bytes)", *space.free_sectors, bytes);
        } else {
            actual = "unknown: the medium's answers do not say how much is free";
        }
    }
    out.push_back(result("min-free", "at least " + want.text() + " free", actual, passed));
}

void check_lock(const CheckRequest& q, const CheckFacts& f, std::vector<AssertionResult>& out) {
    if (!q.locked) return;
    const auto& caps = f.capabilities;
    const bool known = caps && caps->usable;
    std::string actual = known ? (caps->lock_state ? "locked" : "unlocked") : unknown(f);
    out.push_back(result(*q.locked ? "locked" : "unlocked", *q.locked ? "locked" : "unlocked",
                         actual, known && caps->lock_state == *q.locked));
}

void check_os(const CheckRequest& q, const CheckFacts& f, std::vector<AssertionResult>& out) {
    if (q.not_mounted) {
        const auto& m = f.location.mount_points;
        out.push_back(
            result("not-mounted", "not mounted",
                   m.empty() ? "not mounted" : fmt::format("mounted on {}", fmt::join(m, ", ")),
                   m.empty()));
    }
    if (q.not_held) {
        std::vector<std::string> who;
        for (const auto& h : f.holders)
            who.push_back(fmt::format("{} {} ({})", h.pid, h.command, h.device));
        if (f.exclusive_owner)
            who.push_back(fmt::format("exclusively by {}", f.exclusive_owner->client));
        out.push_back(result(
            "not-held", "no other process",
            who.empty() ? "no other process" : fmt::format("held by {}", fmt::join(who, ", ")),
            who.empty()));
    }
    const struct {
        const std::optional<std::string>& pattern;
        const char* name;
        const std::string& value;
    } rows[] = {{q.vendor, "vendor", f.location.vendor},
                {q.product, "product", f.location.model},
                {q.revision, "revision", f.location.revision}};
    for (const auto& row : rows) {
        if (!row.pattern) continue;
        const std::regex re(*row.pattern, std::regex::ECMAScript | std::regex::icase);
        out.push_back(result(row.name, fmt::format("matches /{}/", *row.pattern),
                             fmt::format("'{}'", row.value), std::regex_search(row.value, re)));
    }
}

}  // namespace

bool CheckRequest::needs_state() const noexcept {
    return medium.has_value() || tray_open.has_value() || ready;
}
bool CheckRequest::needs_configuration() const noexcept {
    return !profiles.empty() || !can_read.empty() || !can_write.empty() || !features.empty();
}
bool CheckRequest::needs_media() const noexcept {
    return blank || appendable || complete || writable || min_free.has_value();
}

CheckFacts gather_check_facts(const platform::DriveLocation& location,
                              const platform::SystemRoots& roots, const OpenOptions& options,
                              const CheckRequest& request) {
    CheckFacts facts;
    facts.location = location;
    if (request.needs_holders()) {
        facts.holders = platform::find_holders(location, roots);
        facts.exclusive_owner = platform::exclusive_owner(location);
    }
    // The medium's details are `discrec media`'s report (its tray and medium state included).
    if (request.needs_media()) {
        facts.media = gather_media(location, options);
        if (facts.media->fatal) {
            facts.fatal = facts.media->fatal;
            return facts;
        }
        facts.errors = facts.media->errors;
    }
    const bool state_known = facts.media && facts.media->state;
    if ((request.needs_state() && !state_known) || request.needs_configuration() ||
        request.needs_capabilities()) {
        auto opened = open_drive(location, options);
        if (!opened) {
            facts.fatal = opened.error();
            return facts;
        }
        ask_drive(*opened, request, facts);
    }
    return facts;
}

std::vector<AssertionResult> evaluate_check(const CheckRequest& request, const CheckFacts& facts) {
    std::vector<AssertionResult> out;
    check_state(request, facts, out);
    check_profiles(request, facts, out);
    check_disc_status(request, facts, out);
    check_writable(request, facts, out);
    check_min_free(request, facts, out);
    check_lock(request, facts, out);
    check_os(request, facts, out);
    return out;
}

AssertionResult evaluate_min_drives(std::size_t wanted, std::size_t found) {
    return result("min-drives", fmt::format("at least {} drive{}", wanted, wanted == 1 ? "" : "s"),
                  fmt::format("{} drive{}", found, found == 1 ? "" : "s"), found >= wanted);
}

}  // namespace discrec::drive
