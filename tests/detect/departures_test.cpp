// Departures clustered before crossings: planted departures from one beach within a few
// hours, then long one-way legs, are one cluster; look-alikes are not (scattered in space
// or time, fishing round trips, a port left by ferries, a lone vessel).
#include "detect/departures.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace corridor::detect {
namespace {

constexpr std::int64_t kT0 = 1'755'500'000'000;  // 2025-08-18, unix millis
constexpr std::int64_t kMin = 60'000, kHour = 3'600'000;
const LatLon kBeach{32.915, 12.015};

// Writes a vessel's reports: stops (small jitter) and straight legs.
class TrackWriter {
 public:
  TrackWriter(ais::Tracks& tracks, std::uint32_t mmsi, bool class_b, bool imo = false, int shiptype = 0)
      : t_(tracks[mmsi]) {
    t_.mmsi = mmsi;
    ais::VesselIdentity id;
    id.mmsi = mmsi;
    id.msg_type = class_b ? 24 : 5;
    if (imo) t_.imo = 9000000 + mmsi % 100000;
    if (shiptype) t_.shiptype = shiptype;
    t_.identities.push_back(id);
  }
  // Stopped at p from t for `minutes`, a report a minute, wandering within ~50 m.
  TrackWriter& stop(LatLon p, std::int64_t t, int minutes) {
    for (int m = 0; m <= minutes; ++m) add({p.lat + 0.0003 * std::sin(m), p.lon + 0.0003 * std::cos(m)}, t + m * kMin);
    at_ = p;
    now_ = t + minutes * kMin;
    return *this;
  }
  // Straight to `to` in `hours`, a report every 5 minutes.
  TrackWriter& sail(LatLon to, double hours) {
    const auto steps = static_cast<int>(std::lround(hours * 12));
    const LatLon from = at_;
    for (int s = 1; s <= steps; ++s) {
      const double f = static_cast<double>(s) / steps;
      add({from.lat + (to.lat - from.lat) * f, from.lon + (to.lon - from.lon) * f}, now_ + s * 5 * kMin);
    }
    at_ = to;
    now_ += steps * 5 * kMin;
    return *this;
  }
  TrackWriter& start(LatLon p, std::int64_t t) {
    add(p, t);
    at_ = p;
    now_ = t;
    return *this;
  }
  TrackWriter& dark(LatLon reappear, double hours) {
    now_ += static_cast<std::int64_t>(hours * kHour);
    add(reappear, now_);
    at_ = reappear;
    return *this;
  }

 private:
  void add(LatLon p, std::int64_t t) {
    ais::TrackPoint q;
    q.t = t;
    q.lat = p.lat;
    q.lon = p.lon;
    q.locator = {line_, line_, line_ * 80, 79};
    line_ += 7;
    t_.points.push_back(q);
  }
  ais::VesselTrack& t_;
  LatLon at_{};
  std::int64_t now_ = 0;
  std::uint64_t line_ = 1;
};

LatLon north_of(LatLon p, double km) { return {p.lat + km / 111.2, p.lon}; }
LatLon east_of(LatLon p, double km) { return {p.lat, p.lon + km / (111.2 * std::cos(p.lat * M_PI / 180))}; }

// Cargo ships crossing the area without stopping: never a start.
void background(ais::Tracks& tracks) {
  for (std::uint32_t i = 0; i < 4; ++i)
    TrackWriter(tracks, 636000100 + i, false, true, 70)
        .start({33.6 + 0.1 * i, 12.4}, kT0)
        .sail({34.2 + 0.1 * i, 15.0}, 20);
}

struct Found {
  std::vector<CrossingStart> starts;
  std::vector<DepartureCluster> clusters;
  std::map<std::uint32_t, VesselProfile> profiles;
};

Found run(const ais::Tracks& tracks, const std::vector<ais::Zone>& zones = {}, const ais::Coastline& coast = {}) {
  Found f;
  f.starts = crossing_starts(tracks, zones, coast, {});
  f.clusters = cluster_departures(f.starts, {});
  f.profiles = vessel_profiles(tracks);
  return f;
}

TEST(Departures, PlantedBeachLaunchesAreOneCluster) {
  ais::Tracks tracks;
  background(tracks);
  // Three small boats wait 30 min on the beach and leave 0, 1.5 and 2.5 h apart for a
  // 230 km run north.
  const std::int64_t leave[3] = {kT0 + 20 * kHour, kT0 + 21 * kHour + 30 * kMin, kT0 + 22 * kHour + 30 * kMin};
  for (std::uint32_t i = 0; i < 3; ++i)
    TrackWriter(tracks, 667100200 + i, true).stop(east_of(kBeach, 0.3 * i), leave[i] - 30 * kMin, 30)
        .sail(north_of(kBeach, 230), 12);
  const auto f = run(tracks);
  ASSERT_EQ(f.starts.size(), 3u);
  for (const auto& s : f.starts) {
    EXPECT_EQ(s.how, "stop");
    EXPECT_GE(s.leg_km, 225);
    EXPECT_NEAR(s.stop_minutes, 30, 0.01);
    EXPECT_LT(haversine_m({s.lat, s.lon}, kBeach), 1000);
    EXPECT_EQ(s.evidence.size(), 2u);
    EXPECT_NE(s.reason.find("without coming back"), std::string::npos);
  }
  EXPECT_EQ(f.starts[0].t, leave[0]);
  ASSERT_EQ(f.clusters.size(), 1u);
  const auto& c = f.clusters[0];
  EXPECT_EQ(c.members.size(), 3u);
  EXPECT_EQ(c.vessels.size(), 3u);
  EXPECT_EQ(c.first, leave[0]);
  EXPECT_EQ(c.last, leave[2]);
  EXPECT_LT(c.radius_km, 1.0);
  const auto score = score_departure_cluster(c, f.starts, f.profiles, {});
  EXPECT_GE(score.score, 0.7);
  EXPECT_LE(score.score, 1.0);
  ASSERT_FALSE(score.reasons.empty());
  EXPECT_NE(score.reasons[0].text.find("3 vessels"), std::string::npos);
  for (const auto& r : score.reasons) EXPECT_FALSE(r.members.empty()) << r.text;
  for (std::size_t i = 1; i < score.reasons.size(); ++i) EXPECT_GE(score.reasons[i - 1].weight, score.reasons[i].weight);
}

TEST(Departures, ScatteredDeparturesAreNotClustered) {
  ais::Tracks tracks;
  background(tracks);
  // Same time, beaches 40 km apart.
  for (std::uint32_t i = 0; i < 3; ++i) {
    const LatLon beach = east_of(kBeach, 40.0 * i);
    TrackWriter(tracks, 667200300 + i, true).stop(beach, kT0 + 20 * kHour, 30).sail(north_of(beach, 200), 11);
  }
  // Same beach, a day apart.
  for (std::uint32_t i = 0; i < 3; ++i)
    TrackWriter(tracks, 620300400 + i, true)
        .stop(north_of(kBeach, 100), kT0 + 24 * kHour * (i + 1), 30)
        .sail(north_of(kBeach, 300), 11);
  const auto f = run(tracks);
  EXPECT_EQ(f.starts.size(), 6u);
  EXPECT_TRUE(f.clusters.empty());
}

TEST(Departures, FishingRoundTripsAreNotCrossings) {
  ais::Tracks tracks;
  // Four trawlers leave the harbour together, fish 35 km out, come back the same night.
  for (std::uint32_t i = 0; i < 4; ++i) {
    const LatLon ground = north_of(east_of(kBeach, 5.0 * i), 35);
    TrackWriter(tracks, 642400500 + i, false, false, 30)
        .stop(kBeach, kT0 + 4 * kHour + i * 20 * kMin, 40)
        .sail(ground, 3)
        .sail(east_of(ground, 3), 6)
        .sail(kBeach, 3);
  }
  const auto f = run(tracks);
  EXPECT_TRUE(f.starts.empty());
  EXPECT_TRUE(f.clusters.empty());
}

TEST(Departures, TurningRoundAtSpeedIsNotAStop) {
  ais::Tracks tracks;
  // Trawlers working at 3 kn turn back within a kilometre for twenty minutes, then steam
  // 100 km away: they never stopped.
  for (std::uint32_t i = 0; i < 3; ++i) {
    const LatLon a = east_of(kBeach, 60.0 + i);
    TrackWriter(tracks, 642900100 + i, false, false, 30)
        .start(a, kT0 + i * 10 * kMin)
        .sail(east_of(a, 0.9), 1.0 / 6)
        .sail(a, 1.0 / 6)
        .sail(north_of(a, 100), 18);
  }
  const auto f = run(tracks);
  EXPECT_TRUE(f.starts.empty());
  EXPECT_TRUE(f.clusters.empty());
}

TEST(Departures, FerriesLeavingPortTogetherScoreLow) {
  ais::Tracks tracks;
  const LatLon port{32.90, 13.18};
  for (std::uint32_t i = 0; i < 3; ++i)
    TrackWriter(tracks, 247500600 + i, false, true, 60)
        .stop(port, kT0 + 6 * kHour + i * 45 * kMin, 60)
        .sail({37.5, 15.1}, 18);
  auto f = run(tracks);
  ASSERT_EQ(f.clusters.size(), 1u);
  const auto score = score_departure_cluster(f.clusters[0], f.starts, f.profiles, {});
  EXPECT_LT(score.score, 0.5);
  EXPECT_LT(score.reasons.back().weight, 0);
  EXPECT_NE(score.reasons.back().text.find("IMO"), std::string::npos);
  // Told where the port is, the stops there are routine: no starts at all.
  ais::Zone z;
  z.name = "Tripoli port";
  z.kind = "port";
  z.outer = {{{32.89, 13.16}, {32.89, 13.21}, {32.92, 13.21}, {32.92, 13.16}}};
  f = run(tracks, {z});
  EXPECT_TRUE(f.starts.empty());
}

TEST(Departures, OneVesselIsNotACluster) {
  ais::Tracks tracks;
  TrackWriter(tracks, 667600700, true).stop(kBeach, kT0, 30).sail(north_of(kBeach, 200), 10);
  const auto f = run(tracks);
  ASSERT_EQ(f.starts.size(), 1u);
  EXPECT_TRUE(f.clusters.empty());
  // Two starts of the same vessel close together are still one vessel.
  std::vector<CrossingStart> twice = {f.starts[0], f.starts[0]};
  twice[1].t += kHour;
  EXPECT_TRUE(cluster_departures(twice, {}).empty());
  DepartureClusterOptions one;
  one.min_vessels = 1;
  EXPECT_EQ(cluster_departures(twice, one).size(), 1u);
}

TEST(Departures, LaunchZoneAndCoastline) {
  ais::Tracks tracks;
  ais::Zone beach;
  beach.name = "Zuwara west beach";
  beach.kind = "beach";
  beach.outer = {{{32.895, 11.970}, {32.895, 12.060}, {32.935, 12.060}, {32.935, 11.970}}};
  for (std::uint32_t i = 0; i < 2; ++i)
    TrackWriter(tracks, 667700800 + i, true).stop(kBeach, kT0 + i * kHour, 30).sail(north_of(kBeach, 200), 10);
  // A boat that stops at sea 100 km out, then runs on: a start without a coastline, not
  // with one (it did not leave the coast).
  const LatLon offshore = north_of(kBeach, 100);
  TrackWriter(tracks, 667700900, true).stop(offshore, kT0, 30).sail(north_of(kBeach, 250), 8);
  ais::Coastline coast;
  coast.lines = {{{32.93, 11.50}, {32.90, 12.10}, {32.80, 12.50}}};

  auto f = run(tracks, {beach});
  ASSERT_EQ(f.starts.size(), 3u);
  std::size_t zone = 0;
  for (const auto& s : f.starts)
    if (s.how == "zone") {
      ++zone;
      EXPECT_EQ(s.zone, "Zuwara west beach");
      EXPECT_NEAR(s.stop_minutes, 30, 0.01);  // the stop seen on the same beach is merged in
    }
  EXPECT_EQ(zone, 2u);
  ASSERT_EQ(f.clusters.size(), 1u);
  const auto score = score_departure_cluster(f.clusters[0], f.starts, f.profiles, {});
  bool named = false;
  for (const auto& r : score.reasons) named |= r.text.find("launch zone: Zuwara west beach") != std::string::npos;
  EXPECT_TRUE(named);

  f = run(tracks, {}, coast);
  EXPECT_EQ(f.starts.size(), 2u);  // the offshore stop is gone
  for (const auto& s : f.starts) EXPECT_LT(haversine_m({s.lat, s.lon}, kBeach), 1000);
}

TEST(Departures, GoingDarkAtSeaTogether) {
  ais::Tracks tracks;
  const LatLon dark{34.0, 14.5};
  for (std::uint32_t i = 0; i < 2; ++i)
    TrackWriter(tracks, 642800900 + i, false)
        .start(east_of(dark, -30), kT0 + i * kHour)
        .sail(east_of(dark, 0.5 * i), 2)
        .dark(north_of(dark, 120), 14);
  // Switched off in the same place for a night: no crossing.
  TrackWriter(tracks, 642801000, false).stop(dark, kT0, 20).dark(east_of(dark, 0.2), 13);
  const auto f = run(tracks);
  ASSERT_EQ(f.starts.size(), 2u);
  for (const auto& s : f.starts) {
    EXPECT_EQ(s.how, "gap");
    EXPECT_NEAR(s.leg_km, 120, 1);
    EXPECT_NE(s.reason.find("went dark"), std::string::npos);
  }
  ASSERT_EQ(f.clusters.size(), 1u);
  const auto score = score_departure_cluster(f.clusters[0], f.starts, f.profiles, {});
  bool dark_reason = false;
  for (const auto& r : score.reasons) dark_reason |= r.text.find("going dark") != std::string::npos;
  EXPECT_TRUE(dark_reason);
}

}  // namespace
}  // namespace corridor::detect
