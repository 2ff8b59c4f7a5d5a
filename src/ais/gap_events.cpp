#include <cmath>
#include <cstdio>

#include "ais/events.hpp"
#include "core/geo.hpp"

namespace corridor::ais {

// A vessel "goes dark" when no report arrives for longer than the threshold while it is at
// sea. Without a coastline every long gap is reported and the reason says shore was not checked.
std::vector<Event> gap_events(const Tracks& tracks, const Coastline& coast, const EventOptions& o) {
  std::vector<Event> out;
  const auto min_ms = static_cast<std::int64_t>(o.gap_hours * 3.6e6);
  const double shore_m = o.gap_shore_nm * kMetresPerNauticalMile;
  for (const auto& [mmsi, t] : tracks) {
    for (std::size_t i = 1; i < t.points.size(); ++i) {
      const TrackPoint& a = t.points[i - 1];
      const TrackPoint& b = t.points[i];
      if (b.t - a.t < min_ms) continue;
      double da = 0, db = 0;
      if (!coast.empty()) {
        da = distance_to_coast_m(coast, {a.lat, a.lon});
        db = distance_to_coast_m(coast, {b.lat, b.lon});
        if (da <= shore_m || db <= shore_m) continue;
      }
      const double dist = haversine_m({a.lat, a.lon}, {b.lat, b.lon});
      const double hours = static_cast<double>(b.t - a.t) / 3.6e6;
      char buf[256];
      if (coast.empty())
        std::snprintf(buf, sizeof buf,
                      "no transmission for %.1f h (threshold %.0f h); reappeared %.1f nm away (%.1f kn implied); "
                      "distance from shore not checked (no coastline given)",
                      hours, o.gap_hours, dist / kMetresPerNauticalMile, dist / kMetresPerNauticalMile / hours);
      else
        std::snprintf(buf, sizeof buf,
                      "no transmission for %.1f h (threshold %.0f h) while %.0f nm and %.0f nm from shore; "
                      "reappeared %.1f nm away (%.1f kn implied)",
                      hours, o.gap_hours, da / kMetresPerNauticalMile, db / kMetresPerNauticalMile,
                      dist / kMetresPerNauticalMile, dist / kMetresPerNauticalMile / hours);
      out.push_back({"gap", a.t, b.t, a.lat, a.lon, {mmsi}, {a.locator, b.locator}, buf, {}});
    }
  }
  return out;
}

}  // namespace corridor::ais
