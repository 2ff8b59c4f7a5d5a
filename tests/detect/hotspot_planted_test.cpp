// A planted cluster of events among uniform noise is found as a significant hot spot at
// the right place; the same noise alone gives no significant cell (fixed seeds).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "detect/hotspot_getis_ord.hpp"
#include "detect/hotspot_grid.hpp"
#include "detect/hotspot_kde.hpp"

namespace corridor::detect {
namespace {

// SplitMix64: the same numbers on every platform and standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  double unit() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
  }
  double uniform(double a, double b) { return a + (b - a) * unit(); }

 private:
  std::uint64_t s_;
};

// 300 events uniform over about 110 x 110 km south of Sicily.
std::vector<LatLon> noise(std::uint64_t seed) {
  Rng rng(seed);
  std::vector<LatLon> out;
  for (int i = 0; i < 300; ++i) out.push_back({rng.uniform(34.0, 35.0), rng.uniform(12.0, 13.2)});
  return out;
}

const LatLon kCluster{34.52, 12.61};

// `n` events within 1 km of the cluster centre.
std::vector<LatLon> cluster(std::uint64_t seed, int n) {
  Rng rng(seed);
  std::vector<LatLon> out;
  const double dlat = 1.0 / 111.2, dlon = 1.0 / (111.2 * std::cos(kCluster.lat * M_PI / 180));
  while (static_cast<int>(out.size()) < n) {
    const double u = rng.uniform(-1, 1), v = rng.uniform(-1, 1);
    if (u * u + v * v <= 1) out.push_back({kCluster.lat + u * dlat, kCluster.lon + v * dlon});
  }
  return out;
}

struct Result {
  HotspotGrid grid;
  std::vector<GiStarResult> gi;
  std::vector<double> density;
  GiStarOptions o;
};

Result analyse(const std::vector<LatLon>& pts) {
  Result r;
  GridSpec spec;
  spec.cell_km = 2;
  spec.margin_km = 0;  // the study area is the events' extent
  r.grid = HotspotGrid::cover(pts, spec);
  const auto xy = project(r.grid.projection(), pts);
  r.o.band_km = 5;
  r.gi = gi_star_grid(r.grid, r.grid.counts(xy), r.o);
  r.density = kde_grid(r.grid, xy, {Kernel::Quartic, 5});
  return r;
}

TEST(HotspotPlanted, ClusterAmongNoiseIsTheOnlyHotSpot) {
  auto pts = noise(7);
  const auto planted = cluster(11, 40);
  pts.insert(pts.end(), planted.begin(), planted.end());
  const auto r = analyse(pts);
  const auto groups = hot_groups(r.grid, r.gi, r.o);
  ASSERT_EQ(groups.size(), 1u);
  std::size_t peak = groups[0].front();
  for (auto i : groups[0]) {
    if (r.gi[i].z > r.gi[peak].z) peak = i;
    // Every hot cell lies within the band (plus a cell) of the cluster.
    EXPECT_LT(haversine_m(r.grid.centre_lat_lon(i), kCluster) / 1000, 5 + 2 * 1.5) << r.grid.id(i);
    EXPECT_LE(r.gi[i].q, 0.05);
  }
  // Every cell whose band holds the cluster shares its events: the peak of z is one of
  // them (the one with the most noise besides), the cluster's own cell is hot.
  EXPECT_LT(haversine_m(r.grid.centre_lat_lon(peak), kCluster) / 1000, 5 + 1.5);
  EXPECT_GT(r.gi[peak].z, 5);
  const auto own = r.grid.cell_of(kCluster);
  ASSERT_TRUE(own);
  EXPECT_TRUE(is_hot(r.gi[*own], r.o));
  EXPECT_NE(std::find(groups[0].begin(), groups[0].end(), *own), groups[0].end());
  // The density peaks there too.
  const auto top = static_cast<std::size_t>(std::max_element(r.density.begin(), r.density.end()) - r.density.begin());
  EXPECT_LT(haversine_m(r.grid.centre_lat_lon(top), kCluster) / 1000, 3.0);
}

TEST(HotspotPlanted, UniformNoiseHasNoSignificantCell) {
  for (std::uint64_t seed : {7u, 8u, 9u}) {
    const auto r = analyse(noise(seed));
    std::size_t hot = 0, cold = 0, raw = 0;
    for (const auto& g : r.gi) {
      hot += is_hot(g, r.o);
      cold += is_cold(g, r.o);
      raw += g.p <= 0.05;
    }
    EXPECT_EQ(hot, 0u) << "seed " << seed;
    EXPECT_EQ(cold, 0u) << "seed " << seed;
    // Without the correction some cells pass 0.05 by chance: why the FDR is on by default.
    EXPECT_GT(raw, 0u) << "seed " << seed;
  }
}

TEST(HotspotPlanted, ASmallClusterIsStillFound) {
  auto pts = noise(21);
  const auto planted = cluster(22, 12);
  pts.insert(pts.end(), planted.begin(), planted.end());
  const auto r = analyse(pts);
  const auto groups = hot_groups(r.grid, r.gi, r.o);
  ASSERT_FALSE(groups.empty());
  const LatLon c = r.grid.centre_lat_lon(groups[0].front());
  EXPECT_LT(haversine_m(c, kCluster) / 1000, 8.0);
}

}  // namespace
}  // namespace corridor::detect
