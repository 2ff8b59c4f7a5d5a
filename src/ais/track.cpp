#include "ais/track.hpp"

#include <algorithm>
#include <cstdio>

#include "core/geo.hpp"

namespace corridor::ais {

std::map<std::uint32_t, VesselTrack> build_tracks(const std::vector<PositionReport>& positions,
                                                  const std::vector<VesselIdentity>& identities,
                                                  const TrackOptions& options, std::size_t* untimed) {
  std::map<std::uint32_t, VesselTrack> tracks;
  std::size_t skipped = 0;
  for (const auto& p : positions) {
    if (!p.unix_millis || p.own_vessel) {
      skipped += !p.unix_millis;
      continue;
    }
    auto& t = tracks[p.mmsi];
    t.mmsi = p.mmsi;
    t.points.push_back({*p.unix_millis, p.lat, p.lon, p.sog, p.cog, p.heading, p.locator, {}});
  }
  for (const auto& v : identities) {
    auto& t = tracks[v.mmsi];
    t.mmsi = v.mmsi;
    t.identities.push_back(v);
  }
  for (auto& [mmsi, t] : tracks) {
    std::stable_sort(t.points.begin(), t.points.end(), [](const TrackPoint& a, const TrackPoint& b) { return a.t < b.t; });
    std::stable_sort(t.identities.begin(), t.identities.end(), [](const VesselIdentity& a, const VesselIdentity& b) {
      return a.unix_millis.value_or(0) < b.unix_millis.value_or(0);
    });
    for (const auto& v : t.identities) {
      if (!v.shipname.empty()) t.shipname = v.shipname;
      if (!v.callsign.empty()) t.callsign = v.callsign;
      if (v.imo) t.imo = v.imo;
      if (v.shiptype) t.shiptype = v.shiptype;
      if (v.mothership_mmsi) t.mothership_mmsi = v.mothership_mmsi;
      if (v.to_bow && v.to_stern) t.length_m = *v.to_bow + *v.to_stern;
      if (v.to_port && v.to_starboard) t.beam_m = *v.to_port + *v.to_starboard;
    }
    // Compare each point with the last plausible one, so one bad fix flags once.
    const TrackPoint* last = nullptr;
    for (auto& pt : t.points) {
      if (last) {
        const double d = haversine_m({last->lat, last->lon}, {pt.lat, pt.lon});
        const double hours = static_cast<double>(pt.t - last->t) / 3.6e6;
        const double kn = hours > 0 ? d / kMetresPerNauticalMile / hours : 1e9;
        if (d > options.min_jump_m && kn > options.max_speed_kn) {
          char buf[160];
          std::snprintf(buf, sizeof buf, "moved %.1f km in %.0f s (%.0f kn), faster than %.0f kn", d / 1000,
                        hours * 3600, std::min(kn, 99999.0), options.max_speed_kn);
          pt.jump = buf;
          ++t.jumps;
          continue;
        }
      }
      last = &pt;
    }
  }
  if (untimed) *untimed = skipped;
  return tracks;
}

}  // namespace corridor::ais
