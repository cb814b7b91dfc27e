// The CDBs discrec builds, as layouts of the one field engine (mmc/fields.hpp): each row
// places one CDB field as the standard's CDB table draws it; mmc/cdb.cpp fills the rows in
// order (write_number) and the CONTROL byte and reserved bits stay zero. A new command is a
// new layout here and a one-line builder in mmc/cdb.cpp.
#pragma once

#include <cstdint>

#include "mmc/fields.hpp"

namespace discrec::mmc {

struct CdbLayout {
    std::uint8_t opcode;  // byte 0 (mmc/tables/opcodes.hpp)
    Layout layout;        // Layout::size: the CDB's length; rows: the fields a builder sets
};

namespace cdb_layout {
extern const CdbLayout test_unit_ready;
extern const CdbLayout inquiry;
extern const CdbLayout request_sense;
extern const CdbLayout get_configuration;
extern const CdbLayout get_event_status_notification;
extern const CdbLayout mechanism_status;
extern const CdbLayout read_capacity10;
extern const CdbLayout read_disc_information;
extern const CdbLayout read_track_information;
extern const CdbLayout read_format_capacities;
extern const CdbLayout read_toc_pma_atip;
extern const CdbLayout mode_sense10;
extern const CdbLayout mode_sense6;
extern const CdbLayout get_performance;
extern const CdbLayout read_disc_structure;
extern const CdbLayout read10;
extern const CdbLayout prevent_allow_medium_removal;
extern const CdbLayout start_stop_unit;
extern const CdbLayout read_sub_channel;
extern const CdbLayout report_key;
}  // namespace cdb_layout

}  // namespace discrec::mmc
