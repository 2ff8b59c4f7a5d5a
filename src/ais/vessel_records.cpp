#include "ais/vessel_records.hpp"

#include <array>

namespace corridor::ais {

bool to_position(const Decoded& d, PositionReport& p) {
  switch (d.type) {
    case 1: case 2: case 3: case 9: case 18: case 19: case 27: break;
    default: return false;
  }
  if (!d.has_position()) return false;
  p = PositionReport{};
  p.mmsi = d.mmsi;
  p.msg_type = d.type;
  p.unix_millis = d.unix_millis;
  p.lat = *d.lat;
  p.lon = *d.lon;
  p.sog = d.speed;
  p.cog = d.course;
  p.heading = d.heading;
  p.status = d.status;
  p.own_vessel = d.own_vessel;
  p.locator = d.locator;
  return true;
}

bool to_identity(const Decoded& d, VesselIdentity& v) {
  if (d.type != 5 && d.type != 19 && d.type != 24) return false;
  v = VesselIdentity{};
  v.mmsi = d.mmsi;
  v.msg_type = d.type;
  v.part = d.part;
  v.unix_millis = d.unix_millis;
  v.shipname = d.shipname;
  v.callsign = d.callsign;
  v.destination = d.destination;
  v.imo = d.imo;
  v.mothership_mmsi = d.mothership_mmsi;
  v.shiptype = d.shiptype;
  v.to_bow = d.to_bow;
  v.to_stern = d.to_stern;
  v.to_port = d.to_port;
  v.to_starboard = d.to_starboard;
  v.draught = d.draught;
  v.locator = d.locator;
  return true;
}

ReaderStats for_each_message(std::istream& in, const ReaderOptions& options,
                             const std::function<void(const Decoded&)>& on_message) {
  NmeaReader reader(options);
  LineSplitter split;
  const auto on_line = [&](std::string_view line, std::uint64_t offset) {
    if (const Decoded* d = reader.feed_line(line, offset)) on_message(*d);
  };
  std::array<char, 1 << 16> buf;
  while (in) {
    in.read(buf.data(), buf.size());
    const auto n = in.gcount();
    if (n <= 0) break;
    split.feed(std::string_view(buf.data(), static_cast<std::size_t>(n)), on_line);
  }
  split.finish(on_line);
  reader.finish();
  return reader.stats();
}

ReaderStats decode_nmea_stream(std::istream& in, const ReaderOptions& options,
                               const std::function<void(const PositionReport&)>& on_position,
                               const std::function<void(const VesselIdentity&)>& on_identity) {
  PositionReport p;
  VesselIdentity v;
  return for_each_message(in, options, [&](const Decoded& d) {
    if (on_position && to_position(d, p)) on_position(p);
    if (on_identity && to_identity(d, v)) on_identity(v);
  });
}

DecodedStream decode_nmea_stream(std::istream& in, const ReaderOptions& options) {
  DecodedStream out;
  out.stats = decode_nmea_stream(
      in, options, [&](const PositionReport& p) { out.positions.push_back(p); },
      [&](const VesselIdentity& v) { out.identities.push_back(v); });
  return out;
}

}  // namespace corridor::ais
