#include "output/send.hpp"

#include <doctest/doctest.h>

using namespace discrec;

TEST_CASE("output::hex_dump: 16 bytes a line, ASCII column") {
    // The first 20 bytes of QEMU's standard INQUIRY data (ATAPI CD-ROM, tests/vm guest).
    const Bytes inquiry = to_bytes({0x05, 0x80, 0x05, 0x32, 0x1f, 0x00, 0x00, 0x00, 0x51, 0x45,
                                    0x4d, 0x55, 0x20, 0x20, 0x20, 0x20, 0x51, 0x45, 0x4d, 0x55});
    CHECK(output::hex_dump(inquiry) ==
          "0000  05 80 05 32 1f 00 00 00  51 45 4d 55 20 20 20 20  |...2....QEMU    |\n"
          "0010  51 45 4d 55                                       |QEMU|\n");
    CHECK(output::hex_dump({}).empty());
}

TEST_CASE("output::base64: RFC 4648 §10 test vectors") {
    const auto b64 = [](std::string_view s) {
        return output::base64(ByteSpan(reinterpret_cast<const std::byte*>(s.data()), s.size()));
    };
    CHECK(b64("") == "");
    CHECK(b64("f") == "Zg==");
    CHECK(b64("fo") == "Zm8=");
    CHECK(b64("foo") == "Zm9v");
    CHECK(b64("foob") == "Zm9vYg==");
    CHECK(b64("fooba") == "Zm9vYmE=");
    CHECK(b64("foobar") == "Zm9vYmFy");
}
