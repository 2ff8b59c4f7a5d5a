#include <algorithm>
#include <cstdio>
#include <string>

#include "ais/events.hpp"
#include "ais/vocabulary.hpp"
#include "core/geo.hpp"

namespace corridor::ais {

bool valid_mid(std::uint32_t mmsi) {
  if (mmsi > 999999999u) return false;
  char d[10];
  std::snprintf(d, sizeof d, "%09u", mmsi);
  const auto mid_at = [&](int i) { return (d[i] - '0') * 100 + (d[i + 1] - '0') * 10 + (d[i + 2] - '0'); };
  const auto ok = [](int mid) { return mid >= 201 && mid <= 775; };
  if (d[0] >= '2' && d[0] <= '7') return ok(mid_at(0));                       // ship station
  if (d[0] == '0' && d[1] == '0') return ok(mid_at(2));                       // coast station
  if (d[0] == '0') return ok(mid_at(1));                                      // group of ships
  if (d[0] == '1' && d[1] == '1' && d[2] == '1') return ok(mid_at(3));        // SAR aircraft
  if (d[0] == '9' && (d[1] == '8' || d[1] == '9')) return ok(mid_at(2));      // craft of a mother ship, AtoN
  if (d[0] == '9' && d[1] == '7' && (d[2] == '0' || d[2] == '2' || d[2] == '4')) return true;  // SART, MOB, EPIRB
  if (d[0] == '8') return ok(mid_at(1));                                      // handheld VHF
  return false;
}

// Who a vessel claims to be: an MMSI that no administration issues, one MMSI in two far-apart
// places at once (a cloned or shared identity), and changes of name or type over time.
std::vector<Event> identity_events(const Tracks& tracks, const EventOptions& o) {
  std::vector<Event> out;
  for (const auto& [mmsi, t] : tracks) {
    const TrackPoint* first = t.points.empty() ? nullptr : &t.points.front();
    if (!valid_mid(mmsi)) {
      Event e{"invalid_mid", 0, 0, 0, 0, {mmsi}, {}, {}, {}};
      if (first) {
        e.start = first->t;
        e.end = t.points.back().t;
        e.lat = first->lat;
        e.lon = first->lon;
        e.evidence.push_back(first->locator);
      } else if (!t.identities.empty()) {
        e.start = e.end = t.identities.front().unix_millis.value_or(0);
        e.evidence.push_back(t.identities.front().locator);
      }
      char buf[160];
      std::snprintf(buf, sizeof buf, "MMSI %09u does not carry a Maritime Identification Digits code (201-775) "
                    "in the place its station kind requires", mmsi);
      e.reason = buf;
      out.push_back(std::move(e));
    }
    // Conflicts: a report far from the last plausible one, faster than any vessel.
    const TrackPoint* last_ok = nullptr;
    Event conflict{"mmsi_conflict", 0, 0, 0, 0, {mmsi}, {}, {}, {}};
    std::size_t n_conflicts = 0;
    double max_km = 0;
    for (const auto& p : t.points) {
      if (p.jump.empty()) {
        last_ok = &p;
        continue;
      }
      if (!last_ok) continue;
      const double km = haversine_m({last_ok->lat, last_ok->lon}, {p.lat, p.lon}) / 1000;
      const double h = static_cast<double>(p.t - last_ok->t) / 3.6e6;
      const double kn = h > 0 ? km * 1000 / kMetresPerNauticalMile / h : 1e9;
      if (km < o.conflict_km || kn < o.conflict_kn) continue;
      if (n_conflicts++ == 0) {
        conflict.start = last_ok->t;
        conflict.lat = p.lat;
        conflict.lon = p.lon;
        conflict.evidence = {last_ok->locator, p.locator};
      } else if (conflict.evidence.size() < 8) {
        conflict.evidence.push_back(p.locator);
      }
      conflict.end = p.t;
      max_km = std::max(max_km, km);
    }
    if (n_conflicts) {
      char buf[200];
      std::snprintf(buf, sizeof buf, "%zu reports up to %.0f km from the vessel's track, too far to sail in the time "
                    "between (> %.0f kn): two transmitters use this MMSI", n_conflicts, max_km, o.conflict_kn);
      conflict.reason = buf;
      out.push_back(std::move(conflict));
    }
    // Name and type changes between consecutive static reports.
    const VesselIdentity* named = nullptr;
    const VesselIdentity* typed = nullptr;
    for (const auto& v : t.identities) {
      if (!v.shipname.empty()) {
        if (named && named->shipname != v.shipname)
          out.push_back({"name_change", named->unix_millis.value_or(0), v.unix_millis.value_or(0), 0, 0, {mmsi},
                         {named->locator, v.locator}, "name changed from \"" + named->shipname + "\" to \"" + v.shipname + "\"",
                         {}});
        named = &v;
      }
      if (v.shiptype) {
        if (typed && *typed->shiptype != *v.shiptype) {
          std::string a, b;
          append_shiptype_text(*typed->shiptype, a);
          append_shiptype_text(*v.shiptype, b);
          out.push_back({"type_change", typed->unix_millis.value_or(0), v.unix_millis.value_or(0), 0, 0, {mmsi},
                         {typed->locator, v.locator},
                         "ship type changed from " + std::to_string(*typed->shiptype) + " (" + a + ") to " +
                             std::to_string(*v.shiptype) + " (" + b + ")",
                         {}});
        }
        typed = &v;
      }
    }
  }
  return out;
}

std::vector<Event> all_events(const Tracks& tracks, const std::vector<Zone>& zones, const Coastline& coast,
                              const EventOptions& o) {
  std::vector<Event> all;
  for (auto* part : {&gap_events, &loitering_events}) {
    auto v = part(tracks, coast, o);
    all.insert(all.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  }
  auto enc = encounter_events(tracks, zones, o);
  all.insert(all.end(), std::make_move_iterator(enc.begin()), std::make_move_iterator(enc.end()));
  auto zev = zone_events(tracks, zones);
  all.insert(all.end(), std::make_move_iterator(zev.begin()), std::make_move_iterator(zev.end()));
  auto idv = identity_events(tracks, o);
  all.insert(all.end(), std::make_move_iterator(idv.begin()), std::make_move_iterator(idv.end()));
  std::stable_sort(all.begin(), all.end(), [](const Event& a, const Event& b) { return a.start < b.start; });
  return all;
}

}  // namespace corridor::ais
