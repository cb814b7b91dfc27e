// classify() (transport/transport.hpp), the one function that says what a Completion means,
// over every completion class and the orders of precedence between them; and what the drive
// layer makes of each class (command_error: the ErrorKind and the sense facts it keeps).
#include <doctest/doctest.h>

#include "drive/command.hpp"
#include "mmc/cdb.hpp"
#include "mmc/sense.hpp"
#include "mmc_fixture.hpp"
#include "transport/transport.hpp"

namespace {

using namespace discrec;

// Fixed-format sense (SPC-4 §4.5.3): response code 70h, key, ASC, ASCQ.
Bytes fixed_sense(int key, int asc, int ascq) {
    return to_bytes({0x70, 0, key, 0, 0, 0, 0, 10, 0, 0, 0, 0, asc, ascq, 0, 0, 0, 0});
}

Completion with_status(std::uint8_t status, Bytes sense = {}) {
    Completion c;
    c.scsi_status = status;
    c.sense = std::move(sense);
    return c;
}

}  // namespace

TEST_CASE("classify: good") {
    CHECK(classify(Completion{}) == CompletionClass::good);
    Completion c;
    c.driver_status = 0x08;  // DRIVER_SENSE alone is not a failure
    CHECK(classify(c) == CompletionClass::good);
}

TEST_CASE("classify: sense, with CHECK CONDITION, and with a host error beside it") {
    CHECK(classify(with_status(0x02, fixed_sense(2, 0x3a, 0))) == CompletionClass::sense);
    // Descriptor format (72h) counts as sense too.
    CHECK(classify(with_status(0x02, to_bytes({0x72, 5, 0x24, 0, 0, 0, 0, 0}))) ==
          CompletionClass::sense);
    // virtio-scsi: DID_ERROR and valid sense for GET PERFORMANCE; the sense is the answer.
    Completion c = with_status(0x00, fixed_sense(5, 0x20, 0));
    c.host_status = 0x07;
    CHECK(classify(c) == CompletionClass::sense);
}

TEST_CASE("classify: CHECK CONDITION without usable sense is a status") {
    CHECK(classify(with_status(0x02)) == CompletionClass::status);
    CHECK(classify(with_status(0x02, to_bytes({0x00, 0, 0, 0}))) == CompletionClass::status);
}

TEST_CASE("classify: other statuses (BUSY, RESERVATION CONFLICT)") {
    CHECK(classify(with_status(0x08)) == CompletionClass::status);
    CHECK(classify(with_status(0x18)) == CompletionClass::status);
}

TEST_CASE("classify: transport errors without sense") {
    Completion gone;
    gone.host_status = 0x01;  // DID_NO_CONNECT
    CHECK(classify(gone) == CompletionClass::transport);
    Completion mid;
    mid.driver_status = 0x06;  // DRIVER_HARD
    CHECK(classify(mid) == CompletionClass::transport);
}

TEST_CASE("classify: timeout and OS failures come first") {
    Completion t = with_status(0x02, fixed_sense(2, 4, 1));
    t.timed_out = true;
    CHECK(classify(t) == CompletionClass::timeout);
    Completion os = t;
    os.os_error = OsError::native(5);
    CHECK(classify(os) == CompletionClass::os);
}

TEST_CASE("command_error: the kind and the sense facts decisions are made on") {
    const Cdb tur = mmc::test_unit_ready();
    const auto error_for = [&](const Bytes& sense) {
        const Completion c = with_status(0x02, sense);
        return drive::command_error("sr0", tur, c, mmc::decode_sense(sense));
    };
    const Error open = error_for(fixed_sense(2, 0x3a, 0x02));
    CHECK(open.kind == ErrorKind::no_medium);
    REQUIRE(open.sense.has_value());
    CHECK(mmc::means_tray_open(*open.sense));
    CHECK_FALSE(mmc::means_tray_closed(*open.sense));
    CHECK(error_for(fixed_sense(5, 0x53, 0x02)).kind == ErrorKind::device_busy);
    CHECK(error_for(fixed_sense(2, 0x53, 0x00)).kind == ErrorKind::device_busy);
    CHECK(error_for(fixed_sense(5, 0x20, 0x00)).kind == ErrorKind::not_supported);
    CHECK(error_for(fixed_sense(3, 0x11, 0x00)).kind == ErrorKind::device_error);
    // The same facts whatever the message says: a drive that words it differently decides
    // the same.
    Error reworded = open;
    reworded.message = "anything at all";
    CHECK(mmc::means_tray_open(*reworded.sense));

    Completion timeout;
    timeout.timed_out = true;
    const Error t = drive::command_error("sr0", tur, timeout, std::nullopt);
    CHECK(t.kind == ErrorKind::timeout);
    CHECK_FALSE(t.sense.has_value());
    Completion gone;
    gone.host_status = 0x01;
    CHECK(drive::command_error("sr0", tur, gone, std::nullopt).kind == ErrorKind::no_such_drive);
    CHECK(drive::command_error("sr0", tur, with_status(0x08), std::nullopt).kind ==
          ErrorKind::device_busy);
}
