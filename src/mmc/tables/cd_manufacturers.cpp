// CD-R/RW manufacturer codes: the ATIP start time of lead-in 97:SS:Fx of each maker.
// Source of the facts: the Orange Book code list as burning tools have published it since the
// late 1990s: cdrtools' cdrecord/diskid.c (J. Schilling, version 1.44 of 2010-12-19: its
// permanent, tentative and "guessed (2002 ff.)" code tables), the same list libburn carries
// (burn_guess_cd_manuf(), libburn/util.c) and Aaru's Decoders/CD/ATIP.cs. Only the facts
// (which lead-in second and frame decade names which company) are taken; this table is ours.
// A code covers the ten frames 97:SS:F0-F9: the units digit of the frame is the dye type
// (cdrecord: below 5 long strategy, cyanine or azo; 5 and up short strategy, phthalocyanine).
// Where the list gives one code twice the permanent row wins, as in cdrecord (97:29:0x is
// Taeil's permanent code; Harmonic Hall's tentative claim on it is left out).
#include "mmc/tables/cd_manufacturers.hpp"

#include <array>

namespace discrec::mmc {
namespace {

constexpr std::uint8_t k_code_minute = 97;

struct CodeRow {
    std::uint8_t second;
    std::uint8_t frame_tens;  // the frame's tens digit (0-6: frames 00-69)
    CdManufacturer maker;
};

using enum ManufacturerCodeStatus;

// clang-format off
constexpr std::array k_codes = {
    // Permanent codes.
    CodeRow{22, 1, {"Seantram Technology Inc.", permanent}},
    CodeRow{15, 0, {"TDK Corporation", permanent}},
    CodeRow{49, 3, {"Opti.Me.S. S.p.A.", permanent}},
    CodeRow{28, 0, {"Opti.Me.S. S.p.A.", permanent}},
    CodeRow{28, 4, {"King Pro Mediatek Inc.", permanent}},
    CodeRow{23, 6, {"Customer Pressing Oosterhout", permanent}},
    CodeRow{29, 0, {"Taeil Media Co., Ltd.", permanent}},
    CodeRow{26, 1, {"POSTECH Corporation", permanent}},
    CodeRow{47, 4, {"POSTECH Corporation", permanent}},
    CodeRow{24, 1, {"SONY Corporation", permanent}},
    CodeRow{23, 1, {"Doremi Media Co., Ltd.", permanent}},
    CodeRow{25, 6, {"Xcitec Inc.", permanent}},
    CodeRow{45, 6, {"Xcitec Inc.", permanent}},
    CodeRow{26, 5, {"Lead Data Inc.", permanent}},
    CodeRow{48, 6, {"Lead Data Inc.", permanent}},
    CodeRow{26, 4, {"FUJI Photo Film Co., Ltd.", permanent}},
    CodeRow{46, 4, {"FUJI Photo Film Co., Ltd.", permanent}},
    CodeRow{25, 2, {"Hitachi Maxell, Ltd.", permanent}},
    CodeRow{47, 1, {"Hitachi Maxell, Ltd.", permanent}},
    CodeRow{27, 4, {"Kodak Japan Limited", permanent}},
    CodeRow{48, 1, {"Kodak Japan Limited", permanent}},
    CodeRow{27, 5, {"Mitsui Chemicals, Inc.", permanent}},
    CodeRow{48, 5, {"Mitsui Chemicals, Inc.", permanent}},
    CodeRow{27, 3, {"Pioneer Video Corporation", permanent}},
    CodeRow{48, 3, {"Pioneer Video Corporation", permanent}},
    CodeRow{27, 1, {"Plasmon Data systems Ltd.", permanent}},
    CodeRow{48, 2, {"Plasmon Data systems Ltd.", permanent}},
    CodeRow{27, 2, {"Princo Corporation", permanent}},
    CodeRow{47, 2, {"Princo Corporation", permanent}},
    CodeRow{27, 6, {"Ricoh Company Limited", permanent}},
    CodeRow{48, 0, {"Ricoh Company Limited", permanent}},
    CodeRow{26, 2, {"SKC Co., Ltd.", permanent}},
    CodeRow{24, 0, {"Taiyo Yuden Company Limited", permanent}},
    CodeRow{46, 0, {"Taiyo Yuden Company Limited", permanent}},
    CodeRow{32, 0, {"TDK Corporation", permanent}},
    CodeRow{49, 0, {"TDK Corporation", permanent}},
    CodeRow{34, 2, {"Mitsubishi Chemical Corporation", permanent}},
    CodeRow{50, 2, {"Mitsubishi Chemical Corporation", permanent}},
    CodeRow{28, 3, {"Auvistar Industry Co., Ltd.", permanent}},
    CodeRow{46, 5, {"Auvistar Industry Co., Ltd.", permanent}},
    CodeRow{28, 1, {"GIGASTORAGE CORPORATION", permanent}},
    CodeRow{49, 1, {"GIGASTORAGE CORPORATION", permanent}},
    CodeRow{26, 0, {"FORNET INTERNATIONAL PTE LTD.", permanent}},
    CodeRow{45, 0, {"FORNET INTERNATIONAL PTE LTD.", permanent}},
    CodeRow{26, 6, {"CMC Magnetics Corporation", permanent}},
    CodeRow{46, 6, {"CMC Magnetics Corporation", permanent}},
    CodeRow{21, 4, {"Optical Disc Manufacturing Equipment", permanent}},
    CodeRow{31, 0, {"Ritek Co.", permanent}},
    CodeRow{47, 5, {"Ritek Co.", permanent}},
    CodeRow{28, 2, {"Multi Media Masters & Machinery SA", permanent}},
    CodeRow{46, 2, {"Multi Media Masters & Machinery SA", permanent}},
    CodeRow{32, 1, {"Prodisc Technology Inc.", permanent}},
    // Tentative codes.
    CodeRow{21, 3, {"Bestdisc Technology Corporation", tentative}},
    CodeRow{18, 1, {"WEALTH FAIR INVESTMENT LIMITED", tentative}},
    CodeRow{29, 5, {"General Magnetics Ld", tentative}},
    CodeRow{25, 0, {"MPO", tentative}},
    CodeRow{49, 4, {"VICTOR COMPANY OF JAPAN, LIMITED", tentative}},
    CodeRow{23, 4, {"VICTOR COMPANY OF JAPAN, LIMITED", tentative}},
    CodeRow{25, 4, {"VIVASTAR AG", tentative}},
    CodeRow{18, 6, {"TAROKO INTERNATIONAL CO., LTD.", tentative}},
    CodeRow{29, 2, {"UNIDISC TECHNOLOGY CO., LTD", tentative}},
    CodeRow{46, 1, {"Hong Kong Digital Technology Co., Ltd.", tentative}},
    CodeRow{22, 5, {"Hong Kong Digital Technology Co., Ltd.", tentative}},
    CodeRow{29, 4, {"VIVA MAGNETICS LIMITED", tentative}},
    CodeRow{29, 3, {"Hile Optical Disc Technology Corp.", tentative}},
    CodeRow{51, 5, {"Hile Optical Disc Technology Corp.", tentative}},
    CodeRow{28, 6, {"Friendly CD-Tek Co.", tentative}},
    CodeRow{21, 5, {"Sound Sound Multi-Media Development Limited", tentative}},
    CodeRow{24, 4, {"kdg mediatech AG", tentative}},
    CodeRow{22, 3, {"EXIMPO", tentative}},
    CodeRow{28, 5, {"DELPHI TECHNOLOGY INC.", tentative}},
    CodeRow{15, 1, {"Ritek Co.", tentative}},
    CodeRow{45, 5, {"Guann Yinn Co., Ltd.", tentative}},
    CodeRow{24, 5, {"Guann Yinn Co., Ltd.", tentative}},
    CodeRow{23, 2, {"Nacar Media srl", tentative}},
    CodeRow{23, 5, {"OPTROM.INC.", tentative}},
    CodeRow{23, 3, {"AUDIO DISTRIBUTORS CO., LTD.", tentative}},
    CodeRow{22, 6, {"Acer Media Technology, Inc.", tentative}},
    CodeRow{45, 2, {"Acer Media Technology, Inc.", tentative}},
    CodeRow{15, 2, {"Mitsubishi Chemical Corporation", tentative}},
    CodeRow{22, 0, {"Woongjin Media corp", tentative}},
    CodeRow{25, 3, {"INFODISC Technology Co., Ltd.", tentative}},
    CodeRow{51, 2, {"INFODISC Technology Co., Ltd.", tentative}},
    CodeRow{24, 3, {"UNITECH JAPAN INC.", tentative}},
    CodeRow{25, 5, {"AMS Technology Inc.", tentative}},
    CodeRow{29, 1, {"Vanguard Disc Inc.", tentative}},
    CodeRow{50, 1, {"Vanguard Disc Inc.", tentative}},
    CodeRow{16, 3, {"Grand Advance Technology Ltd.", tentative}},
    CodeRow{31, 3, {"Grand Advance Technology Ltd.", tentative}},
    CodeRow{51, 1, {"Grand Advance Technology Ltd.", tentative}},
    CodeRow{49, 2, {"King Pro Mediatek Inc.", tentative}},
    CodeRow{27, 0, {"DIGITAL STORAGE TECHNOLOGY CO., LTD", tentative}},
    CodeRow{48, 4, {"DIGITAL STORAGE TECHNOLOGY CO., LTD", tentative}},
    CodeRow{23, 0, {"Matsushita Electric Industrial Co., Ltd.", tentative}},
    CodeRow{49, 6, {"Matsushita Electric Industrial Co., Ltd.", tentative}},
    CodeRow{30, 1, {"CDA Datentraeger Albrechts GmbH.", tentative}},
    CodeRow{50, 3, {"CDA Datentraeger Albrechts GmbH.", tentative}},
    CodeRow{47, 6, {"Prodisc Technology Inc.", tentative}},
    CodeRow{26, 3, {"OPTICAL DISC CORPORATION", tentative}},
    CodeRow{22, 4, {"CIS Technology Inc.", tentative}},
    CodeRow{45, 4, {"CIS Technology Inc.", tentative}},
    CodeRow{24, 2, {"Computer Support Italy s.r.l.", tentative}},
    CodeRow{46, 3, {"Computer Support Italy s.r.l.", tentative}},
    // Codes seen on media after the public list ended (cdrecord's "guessed" rows).
    CodeRow{20, 1, {"CDA Datentraeger Albrechts GmbH.", guessed}},
    CodeRow{22, 2, {"Advanced Digital Media", guessed}},
    CodeRow{42, 2, {"Advanced Digital Media", guessed}},
    CodeRow{24, 6, {"Harmonic Hall Optical Disc Ltd.", guessed}},
    CodeRow{17, 0, {"Moser Baer India Limited", guessed}},
    CodeRow{15, 3, {"NAN-YA Plastics Corporation", guessed}},
    CodeRow{16, 2, {"SHENZEN SG&GAST DIGITAL OPTICAL DISCS", guessed}},
    CodeRow{45, 1, {"UNITECH JAPAN INC.", guessed}},
};
// clang-format on

}  // namespace

const CdManufacturer* cd_manufacturer(std::uint8_t m, std::uint8_t s, std::uint8_t f) noexcept {
    if (m != k_code_minute) return nullptr;
    for (const CodeRow& row : k_codes) {
        if (row.second == s && row.frame_tens == f / 10) return &row.maker;
    }
    return nullptr;
}

std::string_view manufacturer_status_name(ManufacturerCodeStatus status) noexcept {
    switch (status) {
        case permanent:
            return "permanent code";
        case tentative:
            return "tentative code";
        case guessed:
            return "code not in the published list, identified by burning tools";
    }
    return {};
}

}  // namespace discrec::mmc
