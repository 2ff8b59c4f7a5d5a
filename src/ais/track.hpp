#pragma once
// Per-vessel tracks: positions of one MMSI in time order, joined with what the vessel said
// about itself (name, call sign, IMO, type, size). Physically impossible jumps are flagged
// with the reason, not removed: a spoofed or shared MMSI is itself evidence.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ais/vessel_records.hpp"

namespace corridor::ais {

struct TrackPoint {
  std::int64_t t = 0;  // unix millis
  double lat = 0, lon = 0;
  std::optional<double> sog, cog;
  std::optional<int> heading;
  Locator locator;
  std::string jump;  // non-empty: why the step from the previous point is impossible
};

struct VesselTrack {
  std::uint32_t mmsi = 0;
  std::vector<TrackPoint> points;  // sorted by time
  // Latest static data, and every distinct name and type seen (changes are events).
  std::string shipname, callsign;
  std::optional<std::uint32_t> imo, mothership_mmsi;
  std::optional<int> shiptype;
  std::optional<int> length_m, beam_m;
  std::vector<VesselIdentity> identities;  // in time order
  std::size_t jumps = 0;
};

struct TrackOptions {
  double max_speed_kn = 60;      // above this between two reports, a jump is impossible...
  double min_jump_m = 2000;      // ...if it is also longer than GNSS noise
};

// Positions without a time are skipped and counted in `untimed`.
std::map<std::uint32_t, VesselTrack> build_tracks(const std::vector<PositionReport>& positions,
                                                  const std::vector<VesselIdentity>& identities,
                                                  const TrackOptions& options, std::size_t* untimed = nullptr);

}  // namespace corridor::ais
