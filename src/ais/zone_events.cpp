#include <cstdio>

#include "ais/events.hpp"

namespace corridor::ais {

// Departures from and arrivals at the given zones (launch beaches, ports): a change of
// inside/outside between two consecutive reports. The first report only sets the state.
std::vector<Event> zone_events(const Tracks& tracks, const std::vector<Zone>& zones) {
  std::vector<Event> out;
  for (const auto& zone : zones) {
    for (const auto& [mmsi, t] : tracks) {
      int inside = -1;
      const TrackPoint* prev = nullptr;
      for (const auto& p : t.points) {
        if (!p.jump.empty()) continue;
        const int now = zone_contains(zone, {p.lat, p.lon}) ? 1 : 0;
        if (inside >= 0 && now != inside) {
          const bool left = inside == 1;
          char buf[200];
          std::snprintf(buf, sizeof buf, "%s %s between two reports %.0f min apart", left ? "left" : "entered",
                        zone.name.empty() ? "the zone" : zone.name.c_str(),
                        static_cast<double>(p.t - prev->t) / 60000.0);
          out.push_back({left ? "departure" : "arrival", prev->t, p.t, p.lat, p.lon, {mmsi},
                         {prev->locator, p.locator}, buf, zone.name});
        }
        inside = now;
        prev = &p;
      }
    }
  }
  return out;
}

}  // namespace corridor::ais
