#pragma once
// AIS inside a case: an NMEA log ingested as position and identity rows (with the lines
// and bytes they came from) plus Vessel entities whose statements hold each distinct
// MMSI, name, call sign, IMO and type; and the same records read back for tracks and
// behaviour events.
#include <cstdint>
#include <string>
#include <string_view>

#include "ais/vessel_records.hpp"
#include "model/types.hpp"
#include "store/case_folder.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

// True when most of the first lines are AIS sentences (!xxVDM/!xxVDO, with or without
// NMEA 4.0 tag blocks): such files go to the maritime reader, whatever their name.
bool looks_like_ais(std::string_view head);

struct AisIngestResult {
  std::uint64_t positions = 0, identities = 0, statements = 0, vessels = 0;
  ais::ReaderStats stats;
};

// Inside the caller's transaction.
AisIngestResult ingest_ais(store::CaseFolder& c, store::StatementWriter& writer, const Evidence& e);

// Every AIS record of the case, in file order per evidence item.
ais::DecodedStream load_ais(store::CaseFolder& c);

}  // namespace corridor::app
