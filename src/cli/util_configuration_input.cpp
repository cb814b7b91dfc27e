#include "cli/util_configuration_input.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "drive/recorder_info.hpp"
#include "mmc/feature_fields.hpp"
#include "util/inhex.hpp"

namespace discrec::cli {
namespace {

using ConfigurationCodeParser = std::optional<std::uint16_t> (*)(std::string_view);

Result<std::vector<std::uint16_t>> configuration_parse_codes(const std::vector<std::string>& texts,
                                                             ConfigurationCodeParser parse,
                                                             const std::string& option,
                                                             const char* what) {
    std::vector<std::uint16_t> codes;
    for (const auto& t : texts) {
        const auto code = parse(t);
        if (!code)
            return make_error(ErrorKind::usage, fmt::format("{}: '{}' is {}", option, t, what));
        codes.push_back(*code);
    }
    return codes;
}

// A saved response is decoded as far as its bytes go; one cut short (an allocation length
// too small, a bridge that cut the transfer) says so. (A drive's own answer that is cut short
// is asked again from where it ended; see Drive::configuration.)
Result<LoadedConfiguration> from_file(const ConfigurationInput& in, mmc::ConfigurationRt rt) {
    auto bytes = read_inhex_file(in.inhex, in.raw_in);
    if (!bytes) return bytes.error();
    LoadedConfiguration out{{std::nullopt, in.inhex}, mmc::decode_configuration(*bytes)};
    auto& c = out.configuration;
    if (!c.usable) {
        return make_error(ErrorKind::usage,
                          fmt::format("{}: not a GET CONFIGURATION response: {}", in.inhex,
                                      c.warnings.empty() ? "too short" : c.warnings.front()));
    }
    if (c.truncated) {
        c.warnings.push_back(
            fmt::format("truncated: the header announces {} bytes, {} arrived; "
                        "decoded as far as they go",
                        std::uint64_t{c.data_length} + 4, bytes->size()));
    }
    if (rt == mmc::ConfigurationRt::current) {  // what RT=1 would have returned (MMC-6 §6.6)
        std::erase_if(c.features, [](const mmc::FeatureDescriptor& f) { return !f.current; });
    }
    return out;
}

Result<LoadedConfiguration> from_drive(const Context& ctx, const ConfigurationInput& in,
                                       mmc::ConfigurationRt rt) {
    auto loc = resolve_one(ctx, in.drive);
    if (!loc) return loc.error();
    auto d = drive::open_drive(*loc, open_options(ctx));
    if (!d) return d.error();
    auto c = d->configuration(rt);
    if (!c) return c.error();
    return LoadedConfiguration{{*loc, {}}, std::move(*c)};
}

}  // namespace

void add_configuration_input(CLI::App& sub, ConfigurationInput& input) {
    sub.add_option("DRIVE", input.drive, k_drive_help);
    sub.add_option("--inhex", input.inhex,
                   "Decode a saved GET CONFIGURATION response instead of asking a drive: hex "
                   "bytes ('#' comments, hex dump columns allowed; '-' for stdin)")
        ->type_name("FILE");
    sub.add_flag("--raw-in", input.raw_in, "With --inhex: FILE holds raw binary, not hex");
}

Result<LoadedConfiguration> load_configuration(const Context& ctx, const ConfigurationInput& input,
                                               mmc::ConfigurationRt rt) {
    if (input.drive.empty() == input.inhex.empty()) {
        return make_error(ErrorKind::usage, "name one DRIVE, or give --inhex FILE (not both)");
    }
    if (input.raw_in && input.inhex.empty()) {
        return make_error(ErrorKind::usage, "--raw-in goes with --inhex FILE");
    }
    return input.inhex.empty() ? from_drive(ctx, input, rt) : from_file(input, rt);
}

output::FeaturesReport features_report(const LoadedConfiguration& loaded, bool current_only,
                                       bool raw) {
    const mmc::Configuration& c = loaded.configuration;
    output::FeaturesReport r{loaded.source, c.current_profile, {}, current_only, raw, c.warnings};
    for (const auto& f : c.features) r.features.push_back(mmc::decode_feature(f));
    return r;
}

Result<std::vector<std::uint16_t>> parse_feature_codes(const std::vector<std::string>& texts) {
    return configuration_parse_codes(
        texts, mmc::parse_feature_code, "--feature",
        "no feature code MMC defines (a hex code such as 0x001e, or a name such "
        "as cd-read)");
}

Result<std::vector<std::uint16_t>> parse_profile_codes(const std::vector<std::string>& texts,
                                                       const std::string& option) {
    return configuration_parse_codes(
        texts, mmc::parse_profile_code, option,
        "no profile (a name as 'discrec profiles' shows it, such as dvd+rw, or a "
        "hex code such as 0x001a)");
}

}  // namespace discrec::cli
