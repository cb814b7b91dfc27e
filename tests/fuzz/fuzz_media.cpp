// libFuzzer target: the answers `discrec media` decodes (mmc/media.hpp): READ DISC
// INFORMATION (CD and LBA forms), READ TRACK INFORMATION, READ TOC format 0000b (LBA, MSF) and
// 0001b, READ FORMAT CAPACITIES, GET PERFORMANCE Types 00h and 03h (mmc/performance.hpp) and
// READ DISC STRUCTURE of every format (mmc/disc_structure.hpp: the DVD and BD layouts, FFh, C0h,
// hex), and the volume descriptors of a data track (mmc/volume.hpp: ISO 9660, Joliet, UDF), every
// read answered with the input. Byte 0 picks one of mmc::media_layouts(), walked by decode_fields()
// and checked by check_record(); every decode_* function and the IMAPI2 derivations then see the
// same bytes (their checks are the sanitizers'). Seeds: corpus/media/ (QEMU's answers;
// spec-dvd-write-speeds-03 and spec-cd-read-performance-00, the GET PERFORMANCE answers of
// tests/fixtures/media/).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "check_record.hpp"
#include "mmc/disc_structure.hpp"
#include "mmc/media.hpp"
#include "mmc/performance.hpp"
#include "mmc/tables/disc_structure_layouts.hpp"
#include "mmc/tables/media_layouts.hpp"
#include "mmc/tables/performance_layouts.hpp"
#include "mmc/volume.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace discrec;
    if (size < 1) return 0;
    const auto layouts = mmc::media_layouts();
    const mmc::Layout& layout = *layouts[data[0] % layouts.size()];
    const ByteSpan span{reinterpret_cast<const std::byte*>(data + 1), size - 1};
    fuzz::check_record(mmc::decode_fields(layout, span), span.size());
    const bool msf = (data[0] & 0x80U) != 0;
    const auto disc = mmc::decode_disc_information(span, msf);
    const std::vector<mmc::Record> tracks = {mmc::decode_track_information(span)};
    (void)mmc::decode_toc(span, msf);
    // The MSF TOC media computes from the LBA one: as long as its input, and decodable.
    const Bytes as_msf = mmc::toc_in_msf(span);
    if (as_msf.size() != span.size()) std::abort();
    (void)mmc::decode_toc(as_msf, true);
    (void)mmc::decode_session_info(span, msf);
    (void)mmc::decode_format_capacities(span);
    (void)mmc::write_protection_from_features(mmc::decode_configuration(span), "medium");
    (void)mmc::media_status_value(mmc::media_status_flags(disc, msf, {}));
    (void)mmc::free_blocks(disc, tracks);
    (void)mmc::next_writable_address(tracks);
    const auto structures = mmc::disc_structure_layouts();
    fuzz::check_record(mmc::decode_fields(*structures[data[0] % structures.size()], span),
                       span.size());
    // READ DISC STRUCTURE of any format: byte 0 picks the format (a layout or hex), its low
    // bit the media type (DVD, BD).
    fuzz::check_record(mmc::decode_disc_structure(data[0] & 1U, data[0], span), span.size());
    for (const std::uint8_t format : {0x00, 0x01, 0x04, 0x0e, 0x0f, 0x11, 0xff}) {
        fuzz::check_record(mmc::decode_disc_structure(mmc::disc_structure::media_dvd, format, span),
                           span.size());
    }
    fuzz::check_record(mmc::decode_disc_structure(mmc::disc_structure::media_bd, 0x00, span),
                       span.size());
    const auto status = mmc::decode_write_protection_status(span);
    fuzz::check_record(status, span.size());
    (void)mmc::write_protection_with_status({}, status);
    // Volume descriptors: every read answered with the input (the UDF path when it names NSR).
    (void)mmc::read_volume_label([&](std::uint32_t, std::uint16_t) {
        return std::optional<Bytes>{Bytes(span.begin(), span.end())};
    });
    const auto performance = mmc::performance_layouts();
    fuzz::check_record(mmc::decode_fields(*performance[(data[0] >> 4) % performance.size()], span),
                       span.size());
    for (const std::uint8_t type :
         {mmc::performance_type::performance, mmc::performance_type::write_speed}) {
        const auto r = mmc::decode_performance(span, type);
        fuzz::check_record(r, span.size());
        (void)mmc::write_speeds_of(r);
    }
    return 0;
}
