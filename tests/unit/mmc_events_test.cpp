#include "mmc/events.hpp"

#include <doctest/doctest.h>

#include "mmc_fixture.hpp"

using namespace discrec;
using discrec::test::fixture_data;

namespace {
mmc::MediaEvent media_of(const char* name) {
    const auto e = mmc::decode_event_status(fixture_data(name));
    REQUIRE(e.usable);
    CHECK(e.warnings.empty());
    CHECK(e.header.event_data_length == 4);
    CHECK_FALSE(e.header.nea);
    CHECK(e.header.notification_class == mmc::k_notification_class_media);
    CHECK(e.header.supported_classes == 0x10);
    REQUIRE(e.media.has_value());
    return *e.media;
}
}  // namespace

TEST_CASE("mmc::decode_event_status media present (00 04 04 10 00 02 00 00)") {
    for (const char* name : {"piix-31-gesn-media.txt", "virtio-scsi-31-gesn-media.txt",
                             "piix-32-gesn-all-classes.txt"}) {
        CAPTURE(name);
        const auto m = media_of(name);
        CHECK(mmc::media_event_name(m.event_code) == "NoChg");
        CHECK(m.media_present);
        CHECK_FALSE(m.door_or_tray_open);
        CHECK(m.start_slot == 0);
        CHECK(m.end_slot == 0);
    }
}

TEST_CASE("mmc::decode_event_status empty tray and tray open") {
    for (const char* name : {"piix-empty-31-gesn-media.txt", "virtio-scsi-empty-31-gesn-media.txt",
                             "usb-uas-empty-31-gesn-media.txt"}) {
        CAPTURE(name);
        const auto m = media_of(name);
        CHECK_FALSE(m.media_present);
        CHECK_FALSE(m.door_or_tray_open);
    }
    for (const char* name : {"piix-74-gesn-after-eject.txt", "usb-bot-74-gesn-after-eject.txt"}) {
        CAPTURE(name);
        const auto m = media_of(name);
        CHECK_FALSE(m.media_present);
        CHECK(m.door_or_tray_open);
    }
}

TEST_CASE("mmc::decode_event_status host-side events: EjectRequest, NewMedia") {
    for (const char* name :
         {"piix-92-gesn-after-button.txt", "virtio-scsi-92-gesn-after-button.txt"}) {
        CAPTURE(name);
        const auto m = media_of(name);
        CHECK(mmc::media_event_name(m.event_code) == "EjectRequest");
        CHECK(m.media_present);
        CHECK(mmc::media_event_name(m.event_code) == "EjectRequest");
    }
    for (const char* name :
         {"piix-98-gesn-after-change.txt", "virtio-scsi-98-gesn-after-change.txt"}) {
        CAPTURE(name);
        const auto m = media_of(name);
        CHECK(mmc::media_event_name(m.event_code) == "NewMedia");
        CHECK(mmc::media_event_name(m.event_code) == "NewMedia");
    }
}

TEST_CASE("mmc::decode_event_status spec examples and malformed input") {
    SUBCASE("NEA: header only") {
        const auto e = mmc::decode_event_status(to_bytes({0, 0, 0x80, 0x10}));
        CHECK(e.usable);
        CHECK(e.header.nea);
        CHECK_FALSE(e.media.has_value());
        CHECK(e.warnings.empty());
    }
    SUBCASE("too short for the header") {
        CHECK_FALSE(mmc::decode_event_status({}).usable);
        CHECK_FALSE(mmc::decode_event_status(to_bytes({0, 4, 4})).usable);
    }
    SUBCASE("event data length larger than received") {
        const auto e = mmc::decode_event_status(to_bytes({0, 6, 4, 0x10, 0x02, 0x02}));
        CHECK(e.truncated);
        CHECK_FALSE(e.media.has_value());
        CHECK(e.descriptor.size() == 2);
        CHECK_FALSE(e.warnings.empty());
    }
    SUBCASE("no descriptor although NEA is clear") {
        const auto e = mmc::decode_event_status(to_bytes({0, 0, 4, 0x10}));
        CHECK_FALSE(e.media.has_value());
        CHECK_FALSE(e.warnings.empty());
    }
    SUBCASE("another class is kept raw") {
        const auto e = mmc::decode_event_status(to_bytes({0, 4, 2, 0x14, 1, 0, 0, 0}));
        CHECK(mmc::notification_class_name(e.header.notification_class) == "Power Management");
        CHECK_FALSE(e.media.has_value());
        CHECK(e.descriptor.size() == 4);
        CHECK(mmc::notification_class_name(e.header.notification_class) == "Power Management");
    }
    SUBCASE("the event data length bounds the descriptor, not the buffer") {
        Bytes b = fixture_data("piix-31-gesn-media.txt");
        b.resize(64, std::byte{0xff});
        const auto e = mmc::decode_event_status(b);
        CHECK(e.descriptor.size() == 4);
        CHECK_FALSE(e.truncated);
    }
    CHECK(mmc::media_event_name(7).empty());
}

TEST_CASE("mmc::decode_mechanism_status QEMU (ATAPI, SCSI, USB, tray open)") {
    for (const char* name :
         {"piix-39-mechanism-status.txt", "lsi-39-mechanism-status.txt",
          "usb-uas-39-mechanism-status.txt", "virtio-scsi-77-mechanism-status-ejected.txt"}) {
        CAPTURE(name);
        const auto m = mmc::decode_mechanism_status(fixture_data(name));
        REQUIRE(m.usable);
        CHECK_FALSE(m.fault);
        CHECK(m.changer_state == 0);
        CHECK(m.current_slot == 0);
        CHECK(m.mechanism_state == 0);
        CHECK_FALSE(m.door_open);  // QEMU never sets it, even after the eject (77)
        CHECK(m.current_lba == 0);
        CHECK(m.number_of_slots == 1);
        CHECK(m.slot_table_length == 0);
        CHECK(m.slots.empty());
        CHECK(m.warnings.empty());
    }
}

TEST_CASE("mmc::decode_mechanism_status spec example and malformed input") {
    // MMC-6 §6.11: fault, changer unloading (2), slot 0x25 (byte 1 bits 2-0 = 1, byte 0
    // bits 4-0 = 5), mechanism idle... scanning (2), door open, LBA 0x012345, 2 slots with
    // entries: disc present + change, then CWP_V + CWP.
    const Bytes b = to_bytes({0x80 | 0x40 | 0x05, 0x40 | 0x10 | 0x01, 0x01, 0x23, 0x45, 2, 0, 8,
                              0x81, 0, 0, 0, 0x00, 0x03, 0, 0});
    const auto m = mmc::decode_mechanism_status(b);
    CHECK(m.fault);
    CHECK(m.changer_state == 2);
    CHECK(m.current_slot == 0x25);
    CHECK(m.mechanism_state == 2);
    CHECK(m.door_open);
    CHECK(m.current_lba == 0x012345);
    REQUIRE(m.slots.size() == 2);
    CHECK(m.slots[0].disc_present);
    CHECK(m.slots[0].change);
    CHECK(m.slots[1].cwp_valid);
    CHECK(m.slots[1].cwp);
    CHECK(mmc::changer_state_name(2) == "Unload in progress");
    CHECK(mmc::mechanism_state_name(7) == "No state information");
    CHECK(mmc::mechanism_state_name(5).empty());

    const auto t = mmc::decode_mechanism_status(ByteSpan{b}.first(14));
    CHECK(t.truncated);
    CHECK(t.slots.size() == 1);
    const auto odd = mmc::decode_mechanism_status(to_bytes({0, 0, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0}));
    CHECK_FALSE(odd.warnings.empty());
    CHECK(odd.slots.size() == 1);
    CHECK_FALSE(mmc::decode_mechanism_status(to_bytes({0, 0, 0, 0, 0, 1, 0})).usable);
}

TEST_CASE("mmc::decode_event_status never reads past its input (prefixes, random bytes)") {
    test::decode_prefixes_and_noise(fixture_data("piix-98-gesn-after-change.txt"), [](ByteSpan b) {
        (void)mmc::decode_event_status(b);
        (void)mmc::decode_mechanism_status(b);
    });
    test::decode_prefixes_and_noise(
        to_bytes({0x80, 0x40, 0x01, 0x23, 0x45, 2, 0, 8, 0x81, 0, 0, 0, 0x00, 0x03, 0, 0}),
        [](ByteSpan b) {
            (void)mmc::decode_event_status(b);
            (void)mmc::decode_mechanism_status(b);
        });
}
