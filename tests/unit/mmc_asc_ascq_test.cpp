// Structural checks of the ASC/ASCQ table (src/mmc/tables/asc_ascq.cpp) and spot checks of
// names against T10 asc-num.txt / SPC-6 / MMC-6. The wording is compared pair by pair with
// sg3_utils by tests/unit/check_asc_table.sh.
#include "mmc/tables/asc_ascq.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <ios>

using discrec::mmc::asc_ascq_name;
using discrec::mmc::asc_ascq_table;
using discrec::mmc::sense_key_name;

namespace {
int key_of(const discrec::mmc::AscAscqEntry& e) { return (e.asc << 8) | e.ascq; }
}  // namespace

TEST_CASE("mmc::asc_ascq_table is sorted, unique and at least as complete as sg3_utils") {
    const auto table = asc_ascq_table();
    // sg3_utils 3.15 (T10 list of 2023-11-14) names 762 single pairs; T10 has added 38/09 and
    // 67/0E since.
    CHECK(table.size() >= 764);
    for (std::size_t i = 1; i < table.size(); ++i) {
        INFO("row " << i);
        CHECK(key_of(table[i - 1]) < key_of(table[i]));  // strictly ascending: no duplicates
    }
}

TEST_CASE("mmc::asc_ascq_table names are clean sentence-case text") {
    for (const auto& e : asc_ascq_table()) {
        INFO(std::hex << int{e.asc} << "/" << int{e.ascq} << " " << e.name);
        REQUIRE_FALSE(e.name.empty());
        CHECK(e.name.front() != ' ');
        CHECK(e.name.back() != ' ');
        CHECK(e.name.find("  ") == std::string_view::npos);
        const bool starts_upper = std::isupper(static_cast<unsigned char>(e.name.front())) != 0;
        CHECK((starts_upper || e.name.starts_with("iSCSI")));
        // A row is what the lookup answers: no row is shadowed by a ranged assignment.
        CHECK(asc_ascq_name(e.asc, e.ascq) == e.name);
    }
}

TEST_CASE("mmc::asc_ascq_name knows the codes an optical drive reports") {
    CHECK(asc_ascq_name(0x00, 0x00) == "No additional sense information");
    CHECK(asc_ascq_name(0x04, 0x01) == "Logical unit is in process of becoming ready");
    CHECK(asc_ascq_name(0x20, 0x00) == "Invalid command operation code");
    CHECK(asc_ascq_name(0x24, 0x00) == "Invalid field in CDB");
    CHECK(asc_ascq_name(0x28, 0x00) == "Not ready to ready change, medium may have changed");
    CHECK(asc_ascq_name(0x29, 0x00) == "Power on, reset, or bus device reset occurred");
    CHECK(asc_ascq_name(0x29, 0x07) == "I_T nexus loss occurred");
    CHECK(asc_ascq_name(0x30, 0x00) == "Incompatible medium installed");
    CHECK(asc_ascq_name(0x30, 0x09) == "Current session not fixated for append");
    CHECK(asc_ascq_name(0x3A, 0x00) == "Medium not present");
    CHECK(asc_ascq_name(0x3A, 0x01) == "Medium not present - tray closed");
    CHECK(asc_ascq_name(0x3A, 0x02) == "Medium not present - tray open");
    CHECK(asc_ascq_name(0x53, 0x02) == "Medium removal prevented");
    CHECK(asc_ascq_name(0x57, 0x00) == "Unable to recover table-of-contents");
    CHECK(asc_ascq_name(0x5A, 0x01) == "Operator medium removal request");
    CHECK(asc_ascq_name(0x63, 0x00) == "End of user area encountered on this track");
    CHECK(asc_ascq_name(0x64, 0x00) == "Illegal mode for this track");
    CHECK(asc_ascq_name(0x72, 0x03) == "Session fixation error - incomplete track in session");
    CHECK(asc_ascq_name(0x73, 0x02) == "Power calibration area is full");
    CHECK(asc_ascq_name(0x5D, 0xFF) == "Failure prediction threshold exceeded (false)");
    CHECK(asc_ascq_name(0x38, 0x09) == "Depopulation restoration interrupted");
}

TEST_CASE("mmc::asc_ascq_name names ranged assignments with their value") {
    CHECK(asc_ascq_name(0x40, 0x00) == "Ram failure (should use 40 nn)");
    CHECK(asc_ascq_name(0x40, 0x05) == "Ram failure (0x05)");
    CHECK(asc_ascq_name(0x40, 0x80) == "Diagnostic failure on component 0x80");
    CHECK(asc_ascq_name(0x40, 0xFF) == "Diagnostic failure on component 0xff");
    CHECK(asc_ascq_name(0x41, 0x00) == "Data path failure (should use 40 nn)");
    CHECK(asc_ascq_name(0x41, 0x90) == "Data path failure (0x90)");
    CHECK(asc_ascq_name(0x42, 0x01) == "Power-on or self-test failure (0x01)");
    CHECK(asc_ascq_name(0x4D, 0x00) == "Tagged overlapped commands (task tag 0x00)");
    CHECK(asc_ascq_name(0x4D, 0xA7) == "Tagged overlapped commands (task tag 0xa7)");
    CHECK(asc_ascq_name(0x70, 0x05) == "Decompression exception short algorithm ID of 0x05");
}

TEST_CASE("mmc::asc_ascq_name marks vendor specific ranges") {
    CHECK(asc_ascq_name(0x80, 0x00) == "Vendor specific ASC 0x80, ASCQ 0x00");
    CHECK(asc_ascq_name(0xFF, 0xFF) == "Vendor specific ASC 0xff, ASCQ 0xff");
    CHECK(asc_ascq_name(0x3A, 0x85) == "ASC 0x3a, vendor specific qualification ASCQ 0x85");
}

TEST_CASE("mmc::asc_ascq_name gives an empty string for an undefined pair") {
    CHECK(asc_ascq_name(0x00, 0x08).empty());
    CHECK(asc_ascq_name(0x0F, 0x00).empty());  // ASC 0Fh is unassigned
    CHECK(asc_ascq_name(0x3A, 0x05).empty());
    CHECK(asc_ascq_name(0x3C, 0x00).empty());
    CHECK(asc_ascq_name(0x7F, 0x7F).empty());
}

TEST_CASE("mmc::sense_key_name covers all 16 keys and ignores the high nibble") {
    CHECK(sense_key_name(0x0) == "No sense");
    CHECK(sense_key_name(0x2) == "Not ready");
    CHECK(sense_key_name(0x5) == "Illegal request");
    CHECK(sense_key_name(0x6) == "Unit attention");
    CHECK(sense_key_name(0x9) == "Vendor specific");
    CHECK(sense_key_name(0xC) == "Reserved");
    CHECK(sense_key_name(0xF) == "Completed");
    CHECK(sense_key_name(0xF2) == "Not ready");
    for (unsigned k = 0; k < 256; ++k)
        CHECK_FALSE(sense_key_name(static_cast<std::uint8_t>(k)).empty());
}
