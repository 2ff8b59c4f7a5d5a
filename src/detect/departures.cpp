#include "detect/departures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>

#include "core/time.hpp"

namespace corridor::detect {

namespace {

double km(LatLon a, LatLon b) { return haversine_m(a, b) / 1000.0; }

std::string place(double lat, double lon) {
  char b[64];
  std::snprintf(b, sizeof b, "%.4f%c %.4f%c", std::fabs(lat), lat >= 0 ? 'N' : 'S', std::fabs(lon), lon >= 0 ? 'E' : 'W');
  return b;
}

std::string hhmm(std::int64_t ms) { return format_utc(ms).substr(0, 16) + "Z"; }

// The leg after a start at index `from` of `pts`: the farthest point reached within
// max_leg_hours, and whether the vessel came back near the start within return_hours
// after having been min_leg_km away (a round trip).
struct Leg {
  std::size_t far = 0;
  double far_km = 0;
  bool crossing = false;
};

Leg leg_after(const std::vector<const ais::TrackPoint*>& pts, std::size_t from, const CrossingOptions& o) {
  Leg leg;
  leg.far = from;
  const LatLon origin{pts[from]->lat, pts[from]->lon};
  const auto t0 = pts[from]->t;
  const auto max_leg = static_cast<std::int64_t>(o.max_leg_hours * 3.6e6);
  const auto back = static_cast<std::int64_t>(o.return_hours * 3.6e6);
  bool went_out = false;
  for (std::size_t k = from + 1; k < pts.size(); ++k) {
    const auto dt = pts[k]->t - t0;
    if (dt > std::max(max_leg, back)) break;
    const double d = km(origin, {pts[k]->lat, pts[k]->lon});
    if (dt <= max_leg && d > leg.far_km) {
      leg.far_km = d;
      leg.far = k;
    }
    if (d >= o.min_leg_km) went_out = true;
    if (went_out && dt <= back && d <= o.return_km) return leg;  // came back: a round trip
  }
  leg.crossing = leg.far_km >= o.min_leg_km;
  // Going back to where it was in the hours before (a trawler heading home from its
  // fishing ground) is a return, not a crossing.
  const LatLon far{pts[leg.far]->lat, pts[leg.far]->lon};
  for (std::size_t k = from; leg.crossing && k-- > 0 && t0 - pts[k]->t <= back;)
    if (km(far, {pts[k]->lat, pts[k]->lon}) <= o.return_km) leg.crossing = false;
  return leg;
}

// Median speed (knots) over reports a..b: the reported speed over ground where there is
// one, else the speed implied by the step to the next report.
double median_speed_kn(const std::vector<const ais::TrackPoint*>& pts, std::size_t a, std::size_t b) {
  std::vector<double> v;
  for (std::size_t k = a; k <= b; ++k) {
    if (pts[k]->sog) {
      v.push_back(*pts[k]->sog);
    } else if (k < b && pts[k + 1]->t > pts[k]->t) {
      const double m = haversine_m({pts[k]->lat, pts[k]->lon}, {pts[k + 1]->lat, pts[k + 1]->lon});
      v.push_back(m / kMetresPerNauticalMile / (static_cast<double>(pts[k + 1]->t - pts[k]->t) / 3.6e6));
    }
  }
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

const ais::Zone* launch_zone_at(const std::vector<ais::Zone>& zones, LatLon p) {
  for (const auto& z : zones)
    if (!ais::is_anchorage(z) && ais::zone_contains(z, p)) return &z;
  return nullptr;
}

bool in_port(const std::vector<ais::Zone>& zones, LatLon p) {
  for (const auto& z : zones)
    if (ais::is_anchorage(z) && ais::zone_contains(z, p)) return true;
  return false;
}

CrossingStart make_start(std::uint32_t mmsi, const char* how, const std::vector<const ais::TrackPoint*>& pts,
                         std::size_t at, const Leg& leg) {
  CrossingStart s;
  s.mmsi = mmsi;
  s.how = how;
  s.t = pts[at]->t;
  s.lat = pts[at]->lat;
  s.lon = pts[at]->lon;
  s.leg_km = leg.far_km;
  s.leg_end_lat = pts[leg.far]->lat;
  s.leg_end_lon = pts[leg.far]->lon;
  s.leg_end_t = pts[leg.far]->t;
  s.evidence = {pts[at]->locator, pts[leg.far]->locator};
  return s;
}

void starts_of_track(std::uint32_t mmsi, const ais::VesselTrack& track, const std::vector<ais::Zone>& zones,
                     const ais::Coastline& coast, const CrossingOptions& o, std::vector<CrossingStart>& out) {
  std::vector<const ais::TrackPoint*> pts;
  for (const auto& p : track.points)
    if (p.jump.empty()) pts.push_back(&p);
  const auto stop_ms = static_cast<std::int64_t>(o.stop_minutes * 60000.0);
  char buf[320];
  // Stops followed by a long one-way leg.
  for (std::size_t i = 0; i < pts.size();) {
    const LatLon anchor{pts[i]->lat, pts[i]->lon};
    std::size_t j = i;
    while (j + 1 < pts.size() && haversine_m(anchor, {pts[j + 1]->lat, pts[j + 1]->lon}) <= o.stop_radius_m) ++j;
    if (j == i || pts[j]->t - pts[i]->t < stop_ms || median_speed_kn(pts, i, j) >= o.stop_speed_kn) {
      ++i;
      continue;
    }
    const LatLon at{pts[j]->lat, pts[j]->lon};
    const bool coastal = coast.empty() || ais::distance_to_coast_m(coast, at) <= o.coastal_km * 1000.0;
    if (j + 1 < pts.size() && coastal && !in_port(zones, at)) {
      const Leg leg = leg_after(pts, j, o);
      if (leg.crossing) {
        CrossingStart s = make_start(mmsi, "stop", pts, j, leg);
        s.stop_minutes = static_cast<double>(pts[j]->t - pts[i]->t) / 60000.0;
        std::snprintf(buf, sizeof buf,
                      "stopped %.0f min at %s, left at %s and went %.0f km out (to %s by %s) without coming back",
                      s.stop_minutes, place(s.lat, s.lon).c_str(), hhmm(s.t).c_str(), s.leg_km,
                      place(s.leg_end_lat, s.leg_end_lon).c_str(), hhmm(s.leg_end_t).c_str());
        s.reason = buf;
        out.push_back(std::move(s));
      }
    }
    i = j + 1;
  }
  // Leaving a launch zone (any zone that is not a port or an anchorage).
  if (!zones.empty()) {
    for (std::size_t k = 1; k < pts.size(); ++k) {
      const ais::Zone* was = launch_zone_at(zones, {pts[k - 1]->lat, pts[k - 1]->lon});
      if (!was || ais::zone_contains(*was, {pts[k]->lat, pts[k]->lon})) continue;
      const Leg leg = leg_after(pts, k - 1, o);
      if (!leg.crossing) continue;
      CrossingStart s = make_start(mmsi, "zone", pts, k - 1, leg);
      s.zone = was->name;
      std::snprintf(buf, sizeof buf, "left %s at %s and went %.0f km out (to %s by %s) without coming back",
                    was->name.empty() ? "a launch zone" : was->name.c_str(), hhmm(s.t).c_str(), s.leg_km,
                    place(s.leg_end_lat, s.leg_end_lon).c_str(), hhmm(s.leg_end_t).c_str());
      s.reason = buf;
      out.push_back(std::move(s));
    }
  }
}

// Going dark at sea and reappearing far away: the gap events, with their far end.
void gap_starts(const ais::Tracks& tracks, const std::vector<ais::Zone>& zones, const ais::Coastline& coast,
                const CrossingOptions& o, std::vector<CrossingStart>& out) {
  for (const auto& e : ais::gap_events(tracks, coast, o.events)) {
    if (e.vessels.empty() || e.evidence.size() < 2) continue;
    const auto it = tracks.find(e.vessels.front());
    if (it == tracks.end()) continue;
    const ais::TrackPoint* b = nullptr;
    for (const auto& p : it->second.points)
      if (p.t == e.end && p.locator.line == e.evidence[1].line && p.locator.byte_offset == e.evidence[1].byte_offset) b = &p;
    if (!b) continue;
    const double leg = km({e.lat, e.lon}, {b->lat, b->lon});
    if (leg < o.min_leg_km || in_port(zones, {e.lat, e.lon})) continue;
    bool homeward = false;  // reappeared where it had been in the hours before
    for (const auto& p : it->second.points)
      if (p.t < e.start && e.start - p.t <= static_cast<std::int64_t>(o.return_hours * 3.6e6) &&
          km({p.lat, p.lon}, {b->lat, b->lon}) <= o.return_km)
        homeward = true;
    if (homeward) continue;
    CrossingStart s;
    s.mmsi = e.vessels.front();
    s.how = "gap";
    s.t = e.start;
    s.lat = e.lat;
    s.lon = e.lon;
    s.leg_km = leg;
    s.leg_end_lat = b->lat;
    s.leg_end_lon = b->lon;
    s.leg_end_t = b->t;
    s.evidence = e.evidence;
    s.reason = "went dark at " + place(s.lat, s.lon) + " at " + hhmm(s.t) + ": " + e.reason;
    out.push_back(std::move(s));
  }
}

}  // namespace

std::vector<CrossingStart> crossing_starts(const ais::Tracks& tracks, const std::vector<ais::Zone>& zones,
                                           const ais::Coastline& coast, const CrossingOptions& o) {
  std::vector<CrossingStart> found;
  for (const auto& [mmsi, track] : tracks) starts_of_track(mmsi, track, zones, coast, o, found);
  if (o.gaps) gap_starts(tracks, zones, coast, o, found);
  std::stable_sort(found.begin(), found.end(), [](const CrossingStart& a, const CrossingStart& b) {
    return a.mmsi != b.mmsi ? a.mmsi < b.mmsi : a.t < b.t;
  });
  // A start before the vessel's previous crossing reached its farthest point is part of
  // that crossing (a drift broken into several stops, a stop to meet another vessel on the
  // way): the first start stands for it. One departure seen twice (a stop on a beach that
  // is also a launch zone) keeps the zone's account, which names the place.
  std::vector<CrossingStart> out;
  for (auto& s : found) {
    if (!out.empty()) {
      CrossingStart& prev = out.back();
      const bool same_place = s.t - prev.t <= 2 * 3'600'000LL && km({prev.lat, prev.lon}, {s.lat, s.lon}) <= 5;
      if (prev.mmsi == s.mmsi && (same_place || s.t <= prev.leg_end_t)) {
        if (same_place && s.how == "zone" && prev.how == "stop") {
          s.stop_minutes = prev.stop_minutes;
          prev = std::move(s);
        }
        continue;
      }
    }
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const CrossingStart& a, const CrossingStart& b) {
    return a.t != b.t ? a.t < b.t : a.mmsi < b.mmsi;
  });
  return out;
}

std::vector<DepartureCluster> cluster_departures(const std::vector<CrossingStart>& starts,
                                                 const DepartureClusterOptions& o) {
  const std::size_t n = starts.size();
  const auto eps_ms = static_cast<std::int64_t>(o.eps_hours * 3.6e6);
  auto neighbours = [&](std::size_t i) {
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < n; ++j)
      if (std::llabs(starts[i].t - starts[j].t) <= eps_ms &&
          km({starts[i].lat, starts[i].lon}, {starts[j].lat, starts[j].lon}) <= o.eps_km)
        out.push_back(j);
    return out;
  };
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return starts[a].t < starts[b].t; });
  constexpr int kUnseen = -2, kNoise = -1;
  std::vector<int> label(n, kUnseen);
  int clusters = 0;
  for (std::size_t i : order) {
    if (label[i] != kUnseen) continue;
    const auto seeds = neighbours(i);
    if (seeds.size() < o.min_points) {
      label[i] = kNoise;
      continue;
    }
    const int c = clusters++;
    label[i] = c;
    std::deque<std::size_t> queue(seeds.begin(), seeds.end());
    while (!queue.empty()) {
      const std::size_t q = queue.front();
      queue.pop_front();
      if (label[q] == kNoise) label[q] = c;  // a border start
      if (label[q] != kUnseen) continue;
      label[q] = c;
      const auto more = neighbours(q);
      if (more.size() >= o.min_points) queue.insert(queue.end(), more.begin(), more.end());
    }
  }
  std::vector<DepartureCluster> out(static_cast<std::size_t>(clusters));
  for (std::size_t i : order)
    if (label[i] >= 0) out[static_cast<std::size_t>(label[i])].members.push_back(i);
  std::vector<DepartureCluster> kept;
  for (auto& c : out) {
    for (auto i : c.members) {
      c.vessels.insert(starts[i].mmsi);
      c.lat += starts[i].lat / static_cast<double>(c.members.size());
      c.lon += starts[i].lon / static_cast<double>(c.members.size());
    }
    if (c.vessels.size() < std::max<std::size_t>(o.min_vessels, 1)) continue;
    c.first = starts[c.members.front()].t;
    c.last = starts[c.members.back()].t;
    for (auto i : c.members) c.radius_km = std::max(c.radius_km, km({c.lat, c.lon}, {starts[i].lat, starts[i].lon}));
    kept.push_back(std::move(c));
  }
  return kept;
}

bool VesselProfile::commercial() const { return has_imo && shiptype >= 60 && shiptype <= 89; }

std::map<std::uint32_t, VesselProfile> vessel_profiles(const ais::Tracks& tracks) {
  std::map<std::uint32_t, VesselProfile> out;
  for (const auto& [mmsi, t] : tracks) {
    VesselProfile p;
    for (const auto& id : t.identities) {
      if (id.msg_type == 18 || id.msg_type == 19 || id.msg_type == 24) p.class_b = true;
      if (id.msg_type == 5) p.class_a = true;
    }
    p.has_imo = t.imo && *t.imo != 0;
    p.shiptype = t.shiptype.value_or(0);
    out[mmsi] = p;
  }
  return out;
}

ClusterScore score_departure_cluster(const DepartureCluster& c, const std::vector<CrossingStart>& starts,
                                     const std::map<std::uint32_t, VesselProfile>& profiles,
                                     const DepartureClusterOptions& o) {
  ClusterScore s;
  char buf[400];
  const std::size_t k = c.vessels.size();
  const double span_h = static_cast<double>(c.last - c.first) / 3.6e6;
  char radius[32];
  if (c.radius_km < 1)
    std::snprintf(radius, sizeof radius, "%.0f m", c.radius_km * 1000);
  else
    std::snprintf(radius, sizeof radius, "%.1f km", c.radius_km);
  std::snprintf(buf, sizeof buf,
                "%zu vessels started sea crossings from within %s of %s between %s and %s (%.1f h; "
                "neighbours within %.0f km and %.0f h)",
                k, radius, place(c.lat, c.lon).c_str(), hhmm(c.first).c_str(), hhmm(c.last).c_str(), span_h,
                o.eps_km, o.eps_hours);
  s.reasons.push_back({buf, std::min(0.55, 0.35 + 0.1 * static_cast<double>(k - 2)), c.members});
  if (span_h <= 3.0 + 1e-9) {
    std::snprintf(buf, sizeof buf, "all left within %.1f h of each other", span_h);
    s.reasons.push_back({buf, 0.1, c.members});
  }
  // Heading the same way: the far ends of the crossings close together.
  double elat = 0, elon = 0;
  for (auto i : c.members) {
    elat += starts[i].leg_end_lat / static_cast<double>(c.members.size());
    elon += starts[i].leg_end_lon / static_cast<double>(c.members.size());
  }
  double spread = 0;
  for (auto i : c.members) spread = std::max(spread, km({elat, elon}, {starts[i].leg_end_lat, starts[i].leg_end_lon}));
  if (spread <= 25) {
    std::snprintf(buf, sizeof buf, "all crossings went the same way: their farthest points lie within %.0f km of %s",
                  spread, place(elat, elon).c_str());
    s.reasons.push_back({buf, 0.1, c.members});
  }
  std::vector<std::size_t> small, commercial, zone, dark;
  std::set<std::uint32_t> small_v, commercial_v;
  std::string zone_names;
  for (auto i : c.members) {
    const auto it = profiles.find(starts[i].mmsi);
    const VesselProfile p = it == profiles.end() ? VesselProfile{} : it->second;
    if (p.commercial()) {
      commercial.push_back(i);
      commercial_v.insert(starts[i].mmsi);
    } else if (p.class_b || !p.has_imo) {
      small.push_back(i);
      small_v.insert(starts[i].mmsi);
    }
    if (starts[i].how == "zone") {
      zone.push_back(i);
      if (zone_names.find(starts[i].zone) == std::string::npos)
        zone_names += (zone_names.empty() ? "" : ", ") + starts[i].zone;
    }
    if (starts[i].how == "gap") dark.push_back(i);
  }
  if (!small.empty()) {
    std::snprintf(buf, sizeof buf, "%zu of %zu vessels are small craft (class B AIS or no IMO number)", small_v.size(), k);
    s.reasons.push_back({buf, 0.15 * static_cast<double>(small_v.size()) / static_cast<double>(k), small});
  }
  if (!zone.empty()) s.reasons.push_back({"left a launch zone: " + zone_names, 0.1, zone});
  if (!dark.empty()) {
    std::snprintf(buf, sizeof buf, "%zu of the starts were vessels going dark at sea (AIS gap)", dark.size());
    s.reasons.push_back({buf, 0.1, dark});
  }
  if (!commercial.empty()) {
    std::snprintf(buf, sizeof buf,
                  "%zu of %zu vessels are passenger, cargo or tanker ships with IMO numbers: scheduled traffic "
                  "leaves together too",
                  commercial_v.size(), k);
    s.reasons.push_back({buf, -0.25 * static_cast<double>(commercial_v.size()) / static_cast<double>(k), commercial});
  }
  double sum = 0;
  for (const auto& r : s.reasons) sum += r.weight;
  s.score = std::clamp(sum, 0.0, 1.0);
  std::stable_sort(s.reasons.begin(), s.reasons.end(),
                   [](const ClusterReason& a, const ClusterReason& b) { return a.weight > b.weight; });
  return s;
}

}  // namespace corridor::detect
