#include "mmc/pass_through.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace discrec;

namespace {

Result<Cdb> parse(std::vector<std::string> words) { return mmc::parse_cdb(words); }

Cdb cdb_of(std::vector<std::string> words) {
    auto cdb = parse(std::move(words));
    REQUIRE(cdb.has_value());
    return *cdb;
}

}  // namespace

TEST_CASE("mmc::parse_cdb takes hex bytes as separate or joined words") {
    const Cdb inquiry = cdb_of({"12", "00", "00", "00", "60", "00"});
    CHECK(inquiry.size == 6);
    CHECK(hex_bytes(inquiry.span()) == "12 00 00 00 60 00");
    CHECK(hex_bytes(cdb_of({"120000006000"}).span()) == "12 00 00 00 60 00");
    CHECK(hex_bytes(cdb_of({"0x12", "0000", "00:60,00"}).span()) == "12 00 00 00 60 00");
    CHECK(hex_bytes(cdb_of({"5A", "00", "2A", "00000000", "00FF00"}).span()) ==
          "5a 00 2a 00 00 00 00 00 ff 00");
    CHECK(cdb_of({"c5", "00", "00", "00", "00", "00", "00", "00"}).size == 8);  // vendor: any
}

TEST_CASE("mmc::parse_cdb refuses what is no CDB, with usage errors") {
    for (const auto& words : std::vector<std::vector<std::string>>{
             {"12", "00", "00", "00", "60"},              // 5 bytes
             {"12", "00", "00", "00", "60", "0"},         // odd digit count
             {"12", "00", "00", "00", "60", "zz"},        // not hex
             {"0x", "00", "00", "00", "60", "00"},        // a prefix alone
             {"12", "00", "00", "00", "60", "00", "00"},  // INQUIRY is group 0: 6 bytes
             {"2a", "00", "00", "00", "00", "00"},        // WRITE(10) in 6 bytes
             {"a1000000000000000000000000000000", "00"},  // 17 bytes
             {}}) {
        const auto r = parse(words);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == ErrorKind::usage);
    }
    CHECK(parse({"12", "00", "00", "00", "60", "00", "00"}).error().message ==
          "INQUIRY (opcode 12h) takes a 6-byte CDB, not 7 bytes");
    CHECK(parse({"12", "00", "00", "00", "60"}).error().message ==
          "a CDB has 6 to 16 bytes, not 5");
}

TEST_CASE("mmc::gate_command lets read-only commands through and refuses the rest") {
    const Cdb inquiry = cdb_of({"12", "00", "00", "00", "60", "00"});
    const Cdb write10 = cdb_of({"2a", "00", "00", "00", "00", "00", "00", "00", "01", "00"});
    const Cdb format_unit = cdb_of({"04", "11", "00", "00", "00", "00"});
    const Cdb blank =
        cdb_of({"a1", "11", "00", "00", "00", "00", "00", "00", "00", "00", "00", "00"});
    const Cdb write_buffer = cdb_of({"3b", "05", "00", "00", "00", "00", "00", "10", "00", "00"});
    const Cdb start_stop = cdb_of({"1b", "00", "00", "00", "02", "00"});
    const Cdb send_key =
        cdb_of({"a3", "00", "00", "00", "00", "00", "00", "00", "00", "0c", "01", "00"});
    const Cdb vendor = cdb_of({"c5", "00", "00", "00", "00", "00"});

    CHECK_FALSE(mmc::gate_command(inquiry, {}).refusal);
    CHECK(mmc::gate_command(inquiry, {}).command_class == mmc::OpcodeClass::read_only);

    const auto refused = mmc::gate_command(write10, {});
    REQUIRE(refused.refusal);
    CHECK(refused.refusal->kind == ErrorKind::usage);
    CHECK(refused.refusal->message ==
          "refused: WRITE(10) (opcode 2Ah) is in class 'writes or erases media'; --allow-write "
          "allows it");
    for (const Cdb* c : {&write10, &format_unit, &blank, &start_stop, &send_key, &vendor}) {
        INFO(hex_bytes(c->span()));
        CHECK(mmc::gate_command(*c, {}).refusal);
        CHECK(mmc::gate_command(*c, {.allow_firmware = true}).refusal);
        CHECK_FALSE(mmc::gate_command(*c, {.allow_write = true}).refusal);
    }
    CHECK(mmc::gate_command(format_unit, {}).refusal->message.find("FORMAT UNIT") !=
          std::string::npos);
    CHECK(mmc::gate_command(start_stop, {}).refusal->message.find("changes drive state") !=
          std::string::npos);
    CHECK(mmc::gate_command(vendor, {})
              .refusal->message.find(
                  "command 0xc5 (opcode C5h) is in class 'unknown or vendor specific'") !=
          std::string::npos);

    // Firmware needs both options.
    CHECK(mmc::gate_command(write_buffer, {}).refusal->message ==
          "refused: WRITE BUFFER (opcode 3Bh) is in class 'firmware'; it needs --allow-write and "
          "--allow-firmware");
    CHECK(mmc::gate_command(write_buffer, {.allow_write = true}).refusal);
    CHECK(mmc::gate_command(write_buffer, {.allow_firmware = true}).refusal);
    CHECK_FALSE(
        mmc::gate_command(write_buffer, {.allow_write = true, .allow_firmware = true}).refusal);

    // Data out with a read-only command.
    const auto out = mmc::gate_command(inquiry, {.data_out = true});
    REQUIRE(out.refusal);
    CHECK(out.refusal->message.find("--out") != std::string::npos);
    CHECK_FALSE(mmc::gate_command(inquiry, {.data_out = true, .allow_write = true}).refusal);
}
