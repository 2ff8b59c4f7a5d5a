#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ais/events.hpp"
#include "core/geo.hpp"

namespace corridor::ais {

namespace {

struct Sample {
  std::uint32_t mmsi;
  double lat, lon, speed;
};

// Position of a track at time g by linear interpolation between the reports around it;
// false when g falls in a silence longer than the limit (no position is invented there).
bool position_at(const VesselTrack& t, std::int64_t g, std::int64_t max_silence, std::size_t& cursor, Sample& s) {
  const auto& p = t.points;
  while (cursor + 1 < p.size() && p[cursor + 1].t <= g) ++cursor;
  if (p.empty() || p[cursor].t > g) return false;
  const TrackPoint& a = p[cursor];
  if (a.t == g || cursor + 1 >= p.size()) {
    if (a.t != g) return false;
    s = {t.mmsi, a.lat, a.lon, a.sog.value_or(0)};
    return true;
  }
  const TrackPoint& b = p[cursor + 1];
  if (b.t - a.t > max_silence) return false;
  const double f = static_cast<double>(g - a.t) / static_cast<double>(b.t - a.t);
  const double h = static_cast<double>(b.t - a.t) / 3.6e6;
  const double implied = haversine_m({a.lat, a.lon}, {b.lat, b.lon}) / kMetresPerNauticalMile / h;
  const double speed = a.sog && b.sog ? *a.sog + f * (*b.sog - *a.sog) : implied;
  s = {t.mmsi, a.lat + f * (b.lat - a.lat), a.lon + f * (b.lon - a.lon), speed};
  return true;
}

const Locator& nearest_report(const VesselTrack& t, std::int64_t g) {
  auto it = std::lower_bound(t.points.begin(), t.points.end(), g, [](const TrackPoint& p, std::int64_t v) { return p.t < v; });
  if (it == t.points.end()) --it;
  if (it != t.points.begin() && g - std::prev(it)->t < it->t - g) --it;
  return it->locator;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

// Two vessels close together, slow, for hours, away from ports and anchorages: a meeting at
// sea (transfer of people or fuel from a mother ship). Positions are compared on a fixed
// time grid so vessels reporting at different rates can be matched.
std::vector<Event> encounter_events(const Tracks& tracks, const std::vector<Zone>& zones, const EventOptions& o) {
  const auto step = static_cast<std::int64_t>(o.encounter_step_min * 60000.0);
  const auto max_silence = static_cast<std::int64_t>(o.interpolate_max_hours * 3.6e6);
  if (step <= 0) return {};
  std::map<std::int64_t, std::vector<Sample>> grid;  // grid index -> vessels there then
  for (const auto& [mmsi, t] : tracks) {
    if (t.points.size() < 2) continue;
    std::size_t cursor = 0;
    const std::int64_t first = (t.points.front().t + step - 1) / step, last = t.points.back().t / step;
    for (std::int64_t g = first; g <= last; ++g) {
      Sample s{};
      if (position_at(t, g * step, max_silence, cursor, s)) grid[g].push_back(s);
    }
  }
  // Close pairs per grid time; vessels sorted by latitude bound the scan.
  const double dlat = o.encounter_m / 111000.0 * 1.01;
  struct Close {
    std::int64_t g;
    double lat, lon, speed_a, speed_b;
  };
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<Close>> pairs;
  for (auto& [g, samples] : grid) {
    std::sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.lat < b.lat; });
    for (std::size_t i = 0; i < samples.size(); ++i)
      for (std::size_t j = i + 1; j < samples.size() && samples[j].lat - samples[i].lat <= dlat; ++j) {
        const Sample& a = samples[i];
        const Sample& b = samples[j];
        if (haversine_m({a.lat, a.lon}, {b.lat, b.lon}) > o.encounter_m) continue;
        const bool ab = a.mmsi < b.mmsi;
        pairs[{ab ? a.mmsi : b.mmsi, ab ? b.mmsi : a.mmsi}].push_back(
            {g, (a.lat + b.lat) / 2, (a.lon + b.lon) / 2, ab ? a.speed : b.speed, ab ? b.speed : a.speed});
      }
  }
  std::vector<Event> out;
  const auto min_steps = static_cast<std::int64_t>(std::ceil(o.encounter_hours * 3.6e6 / static_cast<double>(step)));
  for (const auto& [key, close] : pairs) {
    std::size_t i = 0;
    while (i < close.size()) {
      std::size_t j = i;
      while (j + 1 < close.size() && close[j + 1].g == close[j].g + 1) ++j;
      if (close[j].g - close[i].g >= min_steps) {
        std::vector<double> speeds;
        double lat = 0, lon = 0;
        for (std::size_t k = i; k <= j; ++k) {
          speeds.push_back(close[k].speed_a);
          speeds.push_back(close[k].speed_b);
          lat += close[k].lat;
          lon += close[k].lon;
        }
        const double n = static_cast<double>(j - i + 1);
        lat /= n;
        lon /= n;
        const double med = median(speeds);
        bool anchorage = false;
        for (const auto& z : zones)
          if (is_anchorage(z) && zone_contains(z, {lat, lon})) anchorage = true;
        if (med < o.encounter_speed_kn && !anchorage) {
          const std::int64_t start = close[i].g * step, end = close[j].g * step;
          const VesselTrack& ta = tracks.at(key.first);
          const VesselTrack& tb = tracks.at(key.second);
          char buf[256];
          std::snprintf(buf, sizeof buf,
                        "within %.0f m of each other for %.1f h (threshold %.0f h) at median speed %.1f kn "
                        "(threshold %.0f kn), not in a port or anchorage",
                        o.encounter_m, static_cast<double>(end - start) / 3.6e6, o.encounter_hours, med,
                        o.encounter_speed_kn);
          out.push_back({"encounter", start, end, lat, lon, {key.first, key.second},
                         {nearest_report(ta, start), nearest_report(tb, start), nearest_report(ta, end),
                          nearest_report(tb, end)},
                         buf, {}});
        }
      }
      i = j + 1;
    }
  }
  return out;
}

}  // namespace corridor::ais
