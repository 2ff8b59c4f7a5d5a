#include <cstdio>

#include "ais/events.hpp"
#include "core/geo.hpp"

namespace corridor::ais {

namespace {

// Speed of a point: reported SOG, else implied by the step from the previous point.
double speed_at(const VesselTrack& t, std::size_t i) {
  if (t.points[i].sog) return *t.points[i].sog;
  if (i == 0) return 0;
  const auto& a = t.points[i - 1];
  const auto& b = t.points[i];
  const double h = static_cast<double>(b.t - a.t) / 3.6e6;
  return h > 0 ? haversine_m({a.lat, a.lon}, {b.lat, b.lon}) / kMetresPerNauticalMile / h : 0;
}

}  // namespace

// Slow for hours away from shore: waiting for a rendezvous, or a mother ship holding station.
std::vector<Event> loitering_events(const Tracks& tracks, const Coastline& coast, const EventOptions& o) {
  std::vector<Event> out;
  const auto min_ms = static_cast<std::int64_t>(o.loiter_hours * 3.6e6);
  const auto max_silence = static_cast<std::int64_t>(o.interpolate_max_hours * 3.6e6);
  for (const auto& [mmsi, t] : tracks) {
    std::size_t i = 0;
    while (i < t.points.size()) {
      if (speed_at(t, i) >= o.loiter_speed_kn || !t.points[i].jump.empty()) {
        ++i;
        continue;
      }
      std::size_t j = i;
      double sum_speed = speed_at(t, i);
      while (j + 1 < t.points.size() && speed_at(t, j + 1) < o.loiter_speed_kn && t.points[j + 1].jump.empty() &&
             t.points[j + 1].t - t.points[j].t <= max_silence) {
        ++j;
        sum_speed += speed_at(t, j);
      }
      const TrackPoint& a = t.points[i];
      const TrackPoint& b = t.points[j];
      if (b.t - a.t >= min_ms) {
        const LatLon mid{(a.lat + b.lat) / 2, (a.lon + b.lon) / 2};
        const double shore = coast.empty() ? -1 : distance_to_coast_m(coast, mid);
        if (coast.empty() || shore > o.loiter_shore_nm * kMetresPerNauticalMile) {
          char buf[256];
          const double hours = static_cast<double>(b.t - a.t) / 3.6e6;
          const double mean = sum_speed / static_cast<double>(j - i + 1);
          if (coast.empty())
            std::snprintf(buf, sizeof buf, "below %.0f kn (mean %.1f kn) for %.1f h over %zu reports", o.loiter_speed_kn,
                          mean, hours, j - i + 1);
          else
            std::snprintf(buf, sizeof buf, "below %.0f kn (mean %.1f kn) for %.1f h over %zu reports, %.0f nm from shore",
                          o.loiter_speed_kn, mean, hours, j - i + 1, shore / kMetresPerNauticalMile);
          out.push_back({"loitering", a.t, b.t, mid.lat, mid.lon, {mmsi}, {a.locator, b.locator}, buf, {}});
        }
      }
      i = j + 1;
    }
  }
  return out;
}

}  // namespace corridor::ais
