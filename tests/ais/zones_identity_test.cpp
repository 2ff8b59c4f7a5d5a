// Geometry (point in polygon, distance to coast), MID validation, impossible jumps and
// identity events, with exact expected values.
#include <gtest/gtest.h>

#include <cmath>

#include "ais/events.hpp"

using namespace corridor;
using namespace corridor::ais;

namespace {

TEST(Zones, PointInPolygonWithHole) {
  Zone z;
  z.outer.push_back({{0, 0}, {0, 10}, {10, 10}, {10, 0}});
  z.holes.push_back({{4, 4}, {4, 6}, {6, 6}, {6, 4}});
  EXPECT_TRUE(zone_contains(z, {1, 1}));
  EXPECT_FALSE(zone_contains(z, {5, 5}));   // in the hole
  EXPECT_FALSE(zone_contains(z, {11, 5}));
  EXPECT_FALSE(zone_contains(z, {-0.1, 5}));
  Zone empty;
  EXPECT_FALSE(zone_contains(empty, {1, 1}));
}

TEST(Zones, DistanceToCoast) {
  Coastline c;
  c.lines.push_back({{30.0, 10.0}, {30.0, 30.0}});
  // One degree of latitude north of an east-west shore: 111.2 km.
  EXPECT_NEAR(distance_to_coast_m(c, {31.0, 20.0}), 111195, 50);
  // Beyond the end of the segment: distance to the end point.
  EXPECT_NEAR(distance_to_coast_m(c, {30.0, 31.0}), haversine_m({30.0, 31.0}, {30.0, 30.0}), 200);
  EXPECT_TRUE(std::isinf(distance_to_coast_m(Coastline{}, {0, 0})));
}

TEST(Identity, ValidMid) {
  EXPECT_TRUE(valid_mid(247123456));   // Italy, ship
  EXPECT_TRUE(valid_mid(2470123));     // 002470123: coast station
  EXPECT_TRUE(valid_mid(982471234));   // craft of a mother ship
  EXPECT_TRUE(valid_mid(970123456));   // AIS-SART
  EXPECT_TRUE(valid_mid(111247123));   // SAR aircraft
  EXPECT_FALSE(valid_mid(123456789));  // MID 123
  EXPECT_FALSE(valid_mid(199999999));
  EXPECT_FALSE(valid_mid(0));
  EXPECT_FALSE(valid_mid(1000000000));
}

PositionReport pos(std::uint32_t mmsi, std::int64_t t, double lat, double lon, std::uint64_t line) {
  PositionReport p;
  p.mmsi = mmsi;
  p.unix_millis = t;
  p.lat = lat;
  p.lon = lon;
  p.sog = 5;
  p.locator.line = line;
  return p;
}

TEST(Tracks, JumpFlaggedAndConflictEvent) {
  const std::int64_t m = 60000;
  std::vector<PositionReport> ps = {
      pos(247000001, 0, 35.0, 20.0, 1), pos(247000001, 10 * m, 35.01, 20.0, 2),
      pos(247000001, 12 * m, 36.0, 20.0, 3),  // 110 km in 2 min: another transmitter
      pos(247000001, 20 * m, 35.02, 20.0, 4), pos(247000002, 0, 35.0, 21.0, 5),
  };
  std::size_t untimed = 0;
  PositionReport no_time = pos(247000003, 0, 1, 1, 6);
  no_time.unix_millis.reset();
  ps.push_back(no_time);
  const auto tracks = build_tracks(ps, {}, {}, &untimed);
  EXPECT_EQ(untimed, 1u);
  ASSERT_EQ(tracks.size(), 2u);
  const auto& t = tracks.at(247000001);
  EXPECT_EQ(t.jumps, 1u);
  EXPECT_TRUE(t.points[1].jump.empty());
  EXPECT_EQ(t.points[2].jump, "moved 110.1 km in 120 s (1783 kn), faster than 60 kn");
  EXPECT_TRUE(t.points[3].jump.empty());  // measured from point 2, not from the bad fix
  const auto ev = identity_events(tracks, {});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, "mmsi_conflict");
  EXPECT_EQ(ev[0].evidence.size(), 2u);
  EXPECT_EQ(ev[0].evidence[1].line, 3u);
}

TEST(Identity, NameTypeChangesAndInvalidMid) {
  VesselIdentity a, b, c;
  a.mmsi = b.mmsi = c.mmsi = 123456789;
  a.unix_millis = 1;
  a.shipname = "SEA BIRD";
  a.shiptype = 30;
  b.unix_millis = 2;
  b.shipname = "SEA BIRD";
  c.unix_millis = 3;
  c.shipname = "NOVA";
  c.shiptype = 37;
  const auto tracks = build_tracks({}, {a, b, c}, {});
  const auto ev = identity_events(tracks, {});
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].kind, "invalid_mid");
  EXPECT_EQ(ev[1].kind, "name_change");
  EXPECT_EQ(ev[1].reason, "name changed from \"SEA BIRD\" to \"NOVA\"");
  EXPECT_EQ(ev[2].kind, "type_change");
  EXPECT_EQ(ev[2].reason, "ship type changed from 30 (Fishing) to 37 (Pleasure Craft)");
}

}  // namespace
