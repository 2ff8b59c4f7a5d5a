// Kernel density against values worked out by hand, and the grid and projection under it.
#include "detect/hotspot_kde.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "detect/hotspot_grid.hpp"

namespace corridor::detect {
namespace {

TEST(HotspotKde, KernelsByHand) {
  EXPECT_DOUBLE_EQ(kernel_value(Kernel::Quartic, 0), 3 / M_PI);
  EXPECT_DOUBLE_EQ(kernel_value(Kernel::Quartic, 0.25), 3 / M_PI * 0.5625);
  EXPECT_DOUBLE_EQ(kernel_value(Kernel::Quartic, 1), 0);
  EXPECT_DOUBLE_EQ(kernel_value(Kernel::Quartic, 4), 0);
  EXPECT_DOUBLE_EQ(kernel_value(Kernel::Gaussian, 0), 1 / (2 * M_PI));
  EXPECT_DOUBLE_EQ(kernel_value(Kernel::Gaussian, 2), std::exp(-1.0) / (2 * M_PI));
}

TEST(HotspotKde, TwoEventsByHand) {
  // Events at (0,0) and (3,4) km, bandwidth 10 km, density at (0,0):
  // quartic: [K(0) + K(25/100)] / 10^2 = (3/pi)(1 + 0.75^2) / 100 = 0.046875 / pi.
  const std::vector<XY> pts = {{0, 0}, {3, 4}};
  EXPECT_NEAR(kde_at(pts, {0, 0}, {Kernel::Quartic, 10}), 0.046875 / M_PI, 1e-15);
  EXPECT_NEAR(kde_at(pts, {0, 0}, {Kernel::Quartic, 10}), 0.014920775914865, 1e-14);
  // Gaussian: (1 + e^-0.125) / (2 pi 100).
  EXPECT_NEAR(kde_at(pts, {0, 0}, {Kernel::Gaussian, 10}), (1 + std::exp(-0.125)) / (200 * M_PI), 1e-15);
  // Beyond one bandwidth of both, the quartic gives nothing.
  EXPECT_EQ(kde_at(pts, {20, 20}, {Kernel::Quartic, 10}), 0.0);
  EXPECT_THROW(kde_at(pts, {0, 0}, {Kernel::Quartic, 0}), std::exception);
}

TEST(HotspotKde, GridMatchesPointwiseAndIntegratesToTheCount) {
  const HotspotGrid g(LocalProjection({34, 12}), 0.25, -80, -80, 160, 160);  // 40 x 40 km
  const std::vector<XY> pts = {{0.3, -1.2}, {2.0, 2.5}, {-5.1, 3.3}};
  for (Kernel k : {Kernel::Quartic, Kernel::Gaussian}) {
    const KdeOptions o{k, 3.0};
    const auto d = kde_grid(g, pts, o);
    double mass = 0;
    // The Gaussian is summed to 5 bandwidths on the grid: beyond, it is below e^-12.5 of its peak.
    const double tolerance = k == Kernel::Quartic ? 1e-12 : 3 * std::exp(-12.5) / (2 * M_PI * 9);
    for (std::size_t i = 0; i < g.size(); i += 97) EXPECT_NEAR(d[i], kde_at(pts, g.centre_xy(i), o), tolerance);
    for (double v : d) mass += v * 0.25 * 0.25;
    EXPECT_NEAR(mass, 3.0, 0.01) << (k == Kernel::Quartic ? "quartic" : "gaussian");
  }
}

TEST(HotspotGrid, ProjectionIsCentredAndInvertible) {
  const LocalProjection p({33.6, 12.8});
  const XY c = p.forward({33.6, 12.8});
  EXPECT_NEAR(c.x, 0, 1e-12);
  EXPECT_NEAR(c.y, 0, 1e-12);
  for (LatLon q : {LatLon{33.9, 12.1}, LatLon{32.0, 14.5}, LatLon{35.5, 12.6}}) {
    const LatLon back = p.inverse(p.forward(q));
    EXPECT_NEAR(back.lat, q.lat, 1e-9);
    EXPECT_NEAR(back.lon, q.lon, 1e-9);
    // Distances from the centre are true to a fraction of a percent at a few hundred km.
    const XY xy = p.forward(q);
    EXPECT_NEAR(std::hypot(xy.x, xy.y), haversine_m({33.6, 12.8}, q) / 1000, 0.002 * std::hypot(xy.x, xy.y));
  }
  // 1 degree of latitude north of the centre is ~111.2 km north.
  EXPECT_NEAR(p.forward({34.6, 12.8}).y, M_PI / 180 * kEarthRadiusM / 1000, 0.02);
}

TEST(HotspotGrid, CellsAreAlignedOnTheCentre) {
  // Middle of the box (33.1..34.1, 12.3..13.3) is 33.6, 12.8: the projection centre.
  const std::vector<LatLon> pts = {{33.1, 12.3}, {34.1, 13.3}, {33.609, 12.8108}};
  GridSpec spec;
  spec.cell_km = 2;
  spec.margin_km = 5;
  const auto g = HotspotGrid::cover(pts, spec);
  EXPECT_DOUBLE_EQ(g.projection().centre().lat, 33.6);
  EXPECT_DOUBLE_EQ(g.projection().centre().lon, 12.8);
  const auto cell = g.cell_of(LatLon{33.609, 12.8108});  // about 1 km east and 1 km north
  ASSERT_TRUE(cell);
  EXPECT_EQ(g.id(*cell), "c0_r0");
  const auto ring = g.ring_lon_lat(*cell);
  EXPECT_DOUBLE_EQ(ring[0][0], 12.8);  // the south-west corner is the centre itself
  EXPECT_DOUBLE_EQ(ring[0][1], 33.6);
  EXPECT_EQ(ring[0], ring[4]);
  EXPECT_NEAR(ring[1][0], 12.8 + 2 / (M_PI / 180 * kEarthRadiusM / 1000 * std::cos(33.6 * M_PI / 180)), 1e-4);
  EXPECT_NEAR(ring[2][1], 33.6 + 2 / (M_PI / 180 * kEarthRadiusM / 1000), 1e-4);
  // Counter-clockwise: positive shoelace area.
  double area = 0;
  for (int i = 0; i < 4; ++i) area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  EXPECT_GT(area, 0);
  // Every point is inside, with the margin around.
  for (const auto& p : pts) EXPECT_TRUE(g.cell_of(p));
  EXPECT_EQ(g.counts(project(g.projection(), pts))[*cell], 1.0);
}

TEST(HotspotGrid, TooManyCellsGrowTheCell) {
  const std::vector<LatLon> pts = {{30, 10}, {36, 20}};
  GridSpec spec;
  spec.cell_km = 0.1;
  spec.max_cells = 10000;
  const auto g = HotspotGrid::cover(pts, spec);
  EXPECT_LE(g.size(), 10000u);
  EXPECT_GT(g.cell_km(), 0.1);
  EXPECT_DOUBLE_EQ(g.requested_cell_km(), 0.1);
  for (const auto& p : pts) EXPECT_TRUE(g.cell_of(p));
  EXPECT_TRUE(HotspotGrid::cover({}, spec).empty());
}

}  // namespace
}  // namespace corridor::detect
