#include "ais/zones.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corridor::ais {

bool ring_contains(const Ring& ring, LatLon p) {
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const LatLon a = ring[i], b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat)) {
      const double x = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
      if (p.lon < x) inside = !inside;
    }
  }
  return inside;
}

bool zone_contains(const Zone& z, LatLon p) {
  bool in = false;
  for (const auto& r : z.outer)
    if (r.size() >= 3 && ring_contains(r, p)) in = !in;
  if (!in) return false;
  for (const auto& h : z.holes)
    if (h.size() >= 3 && ring_contains(h, p)) return false;
  return true;
}

bool is_anchorage(const Zone& z) { return z.kind == "anchorage" || z.kind == "port"; }

double distance_to_coast_m(const Coastline& coast, LatLon p) {
  constexpr double kRad = M_PI / 180.0;
  const double kx = std::cos(p.lat * kRad) * kRad * kEarthRadiusM, ky = kRad * kEarthRadiusM;
  double best = std::numeric_limits<double>::infinity();
  for (const auto& line : coast.lines) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      // Projected segment a->b relative to p (longitudes unwrapped across the antimeridian).
      auto proj = [&](LatLon q) {
        double dlon = q.lon - p.lon;
        if (dlon > 180) dlon -= 360;
        if (dlon < -180) dlon += 360;
        return std::pair{dlon * kx, (q.lat - p.lat) * ky};
      };
      const auto [ax, ay] = proj(line[i]);
      const auto [bx, by] = i + 1 < line.size() ? proj(line[i + 1]) : proj(line[i]);
      const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
      const double cx = ax + t * dx, cy = ay + t * dy;
      best = std::min(best, std::sqrt(cx * cx + cy * cy));
    }
  }
  return best;
}

}  // namespace corridor::ais
