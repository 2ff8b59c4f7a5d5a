#pragma once
// The AIS content of an evidence file as records ready to become statements: who a vessel
// says it is (identity) and where it was (positions), each with the locator of the exact
// sentences it came from, plus the count of rejected lines by reason. This is the entry
// point for ingest; it writes nothing anywhere.
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "ais/nmea_reader.hpp"

namespace corridor::ais {

// A position from message types 1, 2, 3 (class A), 18, 19 (class B), 9 (SAR aircraft) or
// 27 (long range). Only reports with a valid latitude and longitude become rows.
struct PositionReport {
  std::uint32_t mmsi = 0;
  int msg_type = 0;
  std::optional<std::int64_t> unix_millis;
  double lat = 0, lon = 0;
  std::optional<double> sog;  // knots
  std::optional<double> cog;  // degrees
  std::optional<int> heading;
  std::optional<int> status;  // navigation status (class A, type 27)
  bool own_vessel = false;
  Locator locator;
};

// Static and voyage data from types 5, 19 and 24 (A: name; B: type, call sign, size or
// mother ship). Fields a message does not carry are empty/absent.
struct VesselIdentity {
  std::uint32_t mmsi = 0;
  int msg_type = 0;
  int part = -1;  // type 24 part
  std::optional<std::int64_t> unix_millis;
  std::string shipname, callsign, destination;
  std::optional<std::uint32_t> imo;
  std::optional<std::uint32_t> mothership_mmsi;
  std::optional<int> shiptype;
  std::optional<int> to_bow, to_stern, to_port, to_starboard;
  std::optional<double> draught;
  Locator locator;
};

struct DecodedStream {
  std::vector<VesselIdentity> identities;
  std::vector<PositionReport> positions;
  ReaderStats stats;  // lines, sentences, messages, rejects by reason
};

// Converts one decoded message; false when it carries no such record.
bool to_position(const Decoded& d, PositionReport& out);
bool to_identity(const Decoded& d, VesselIdentity& out);

// Streams the whole input in bounded memory, calling back for each record in file order.
ReaderStats decode_nmea_stream(std::istream& in, const ReaderOptions& options,
                               const std::function<void(const PositionReport&)>& on_position,
                               const std::function<void(const VesselIdentity&)>& on_identity);
// Same, collecting everything (for files that fit in memory).
DecodedStream decode_nmea_stream(std::istream& in, const ReaderOptions& options = {});

// Calls `on_message` for each decoded message of the stream; returns the statistics.
ReaderStats for_each_message(std::istream& in, const ReaderOptions& options,
                             const std::function<void(const Decoded&)>& on_message);

}  // namespace corridor::ais
