// Getis-Ord Gi* against values worked out by hand from the formula (Ord & Getis 1995, in
// the form ArcGIS documents), Benjamini-Hochberg q-values, and the joining of hot cells.
#include "detect/hotspot_getis_ord.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace corridor::detect {
namespace {

// A grid of `cols` x `rows` cells of 1 km starting at cell (0, 0); values row by row.
HotspotGrid small_grid(int cols, int rows) { return HotspotGrid(LocalProjection({0, 0}), 1.0, 0, 0, cols, rows); }

TEST(HotspotGiStar, ThreeByThreeRingOfOneByHand) {
  // 1 2 3 / 4 5 6 / 7 8 9 (row 0 first). n = 9, mean 5, S^2 = 285/9 - 25 = 20/3.
  const auto g = small_grid(3, 3);
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  GiStarOptions o;
  o.weights = GiWeights::KRing;
  o.ring = 1;
  o.p_value = GiPValue::Normal;
  o.fdr = false;
  const auto r = gi_star_grid(g, x, o);
  ASSERT_EQ(r.size(), 9u);
  // Corner (0,0): itself and 2, 4, 5; local sum 12, W = 4:
  // z = (12 - 5*4) / (sqrt(20/3) * sqrt((9*4 - 16) / 8)) = -8 / sqrt(50/3).
  EXPECT_NEAR(r[0].z, -8.0 * std::sqrt(3.0 / 50.0), 1e-9);
  EXPECT_DOUBLE_EQ(r[0].local_sum, 12);
  EXPECT_DOUBLE_EQ(r[0].weight_sum, 4);
  // Edge (1,0): 1 2 3 4 5 6, local 21, W = 6: z = -9 / (sqrt(20/3) sqrt(18/8)) = -9 / sqrt(15).
  EXPECT_NEAR(r[1].z, -9.0 / std::sqrt(15.0), 1e-9);
  // Centre: every cell, local 45 = mean * 9: z = 0.
  EXPECT_NEAR(r[4].z, 0.0, 1e-12);
  // Opposite corner (2,2): 5 6 8 9 = 28: z = 8 / sqrt(50/3).
  EXPECT_NEAR(r[8].z, 8.0 * std::sqrt(3.0 / 50.0), 1e-9);
  EXPECT_NEAR(r[8].p, std::erfc(8.0 * std::sqrt(3.0 / 50.0) / std::sqrt(2.0)), 1e-12);
  EXPECT_DOUBLE_EQ(r[8].q, r[8].p);  // no correction asked
}

TEST(HotspotGiStar, DistanceBandTakesSidesNotCornersByHand) {
  // 4 x 4 cells of 1 km, a single event in cell (1,1); band 1 km: a cell and its four
  // side neighbours (centres 1 km apart), not the diagonals (1.41 km).
  const auto g = small_grid(4, 4);
  std::vector<double> x(16, 0.0);
  x[*g.index(1, 1)] = 1;
  GiStarOptions o;
  o.weights = GiWeights::DistanceBand;
  o.band_km = 1.0;
  o.fdr = false;
  const auto r = gi_star_grid(g, x, o);
  // n = 16, mean 1/16, S = sqrt(15)/16.
  // (1,1): W = 5, local 1: z = (1 - 5/16) / (sqrt(15)/16 * sqrt((80 - 25)/15)) = 11 / sqrt(55).
  EXPECT_NEAR(r[*g.index(1, 1)].z, 11.0 / std::sqrt(55.0), 1e-9);
  EXPECT_DOUBLE_EQ(r[*g.index(1, 1)].weight_sum, 5);
  // (0,0): W = 3 (itself, (1,0), (0,1)), local 0: z = (-3/16) / (sqrt(15)/16 * sqrt(39/15)) = -3 / sqrt(39).
  EXPECT_NEAR(r[*g.index(0, 0)].z, -3.0 / std::sqrt(39.0), 1e-9);
  // (2,2) is diagonal to the event: outside the band, local 0, W = 5: z = -5/16 / (sqrt(55)/16).
  EXPECT_NEAR(r[*g.index(2, 2)].z, -5.0 / std::sqrt(55.0), 1e-9);
  // (2,1) touches it by a side: local 1, W = 5.
  EXPECT_NEAR(r[*g.index(2, 1)].z, 11.0 / std::sqrt(55.0), 1e-9);
  // Exact p (the default): one event falls among the 5 cells of (1,1) with probability
  // 5/16: P(X >= 1) = 5/16, P(X <= 1) = 1, p = 2 * 5/16. For (0,0), W = 3:
  // P(X <= 0) = 13/16, p = 1.
  EXPECT_NEAR(r[*g.index(1, 1)].p, 0.625, 1e-12);
  EXPECT_NEAR(r[*g.index(0, 0)].p, 1.0, 1e-12);
  o.p_value = GiPValue::Normal;
  EXPECT_NEAR(gi_star_grid(g, x, o)[*g.index(1, 1)].p, std::erfc(11.0 / std::sqrt(55.0) / std::sqrt(2.0)), 1e-12);
}

TEST(HotspotGiStar, BinomialTailsAgainstDirectSums) {
  // P(X >= k) summed term by term, for comparison.
  auto direct = [](int n, double p, int k) {
    double s = 0;
    for (int j = k; j <= n; ++j)
      s += std::exp(std::lgamma(n + 1.0) - std::lgamma(j + 1.0) - std::lgamma(n - j + 1.0) + j * std::log(p) +
                    (n - j) * std::log1p(-p));
    return s;
  };
  EXPECT_NEAR(binomial_upper_tail(1, 5.0 / 16, 1), 5.0 / 16, 1e-15);
  EXPECT_NEAR(binomial_upper_tail(4, 0.5, 3), 5.0 / 16, 1e-14);  // (4 + 1) / 16
  for (int k : {0, 1, 3, 12, 20, 30, 45})
    EXPECT_NEAR(binomial_upper_tail(45, 4.0 / 9, k), std::min(1.0, direct(45, 4.0 / 9, k)), 1e-12) << k;
  for (int k : {1, 5, 9, 15})
    EXPECT_NEAR(binomial_upper_tail(300, 0.0058, k) / direct(300, 0.0058, k), 1.0, 1e-9) << k;
  EXPECT_EQ(binomial_upper_tail(10, 0.3, 11), 0.0);
  // Two-sided: a count below the mean takes the lower tail.
  EXPECT_NEAR(binomial_two_sided_p(45, 4.0 / 9, 12), 2 * (1 - direct(45, 4.0 / 9, 13)), 1e-12);
}

TEST(HotspotGiStar, ExactPIsHeavierTailedThanNormalForSparseCounts) {
  // One cell with 4 events in a 10 x 10 grid of otherwise single events here and there:
  // the exact tail of a count of 4 where 0.2 is expected is far smaller than 1, but the
  // normal p of the same z is smaller still (the normal tail is too light).
  const auto g = small_grid(10, 10);
  std::vector<double> x(100, 0.0);
  x[*g.index(5, 5)] = 4;
  for (int i = 0; i < 10; i += 3) x[*g.index(i, 9 - i)] += 1;
  GiStarOptions exact;
  exact.weights = GiWeights::KRing;
  exact.ring = 0;  // the cell alone
  exact.fdr = false;
  GiStarOptions normal = exact;
  normal.p_value = GiPValue::Normal;
  const auto e = gi_star_grid(g, x, exact)[*g.index(5, 5)];
  const auto n = gi_star_grid(g, x, normal)[*g.index(5, 5)];
  EXPECT_EQ(e.z, n.z);
  EXPECT_NEAR(e.p, 2 * binomial_upper_tail(8, 0.01, 4), 1e-15);
  EXPECT_LT(n.p, e.p);
}

TEST(HotspotGiStar, GeneralWeightsByHand) {
  // x = 2, 4, 9: mean 5, S^2 = (9 + 1 + 16) / 3 = 26/3. Row 0: w00 = 1, w01 = 0.5:
  // local 4, W = 1.5, sum w^2 = 1.25, (3 * 1.25 - 2.25) / 2 = 0.75:
  // z = (4 - 7.5) / (sqrt(26/3) sqrt(0.75)) = -3.5 / sqrt(6.5).
  const std::vector<double> x = {2, 4, 9};
  const SpatialWeights w = {{{0, 1.0}, {1, 0.5}}, {{1, 1.0}}, {{2, 1.0}, {1, 1.0}, {0, 1.0}}};
  const auto r = gi_star(x, w);
  EXPECT_NEAR(r[0].z, -3.5 / std::sqrt(6.5), 1e-9);
  // Row 1: only itself: z = (4 - 5) / (sqrt(26/3) * sqrt((3 - 1) / 2)) = -1 / sqrt(26/3).
  EXPECT_NEAR(r[1].z, -1.0 / std::sqrt(26.0 / 3.0), 1e-9);
  // Row 2: everything: local = 15 = mean * W, radicand 0: no z.
  EXPECT_DOUBLE_EQ(r[2].z, 0.0);
  EXPECT_DOUBLE_EQ(r[2].p, 1.0);
}

TEST(HotspotGiStar, EqualValuesGiveNoSignal) {
  const auto g = small_grid(5, 5);
  const auto r = gi_star_grid(g, std::vector<double>(25, 3.0), {});
  for (const auto& c : r) {
    EXPECT_EQ(c.z, 0.0);
    EXPECT_EQ(c.p, 1.0);
  }
}

TEST(HotspotGiStar, TwoSidedPAndBenjaminiHochberg) {
  EXPECT_NEAR(two_sided_p(1.959963984540054), 0.05, 1e-12);
  EXPECT_NEAR(two_sided_p(-1.959963984540054), 0.05, 1e-12);
  EXPECT_DOUBLE_EQ(two_sided_p(0), 1.0);
  // Sorted 0.005, 0.01, 0.03, 0.04 (m = 4): p*m/k = 0.02, 0.02, 0.04, 0.04; running minimum
  // from the top leaves them so.
  const auto q = benjamini_hochberg({0.01, 0.04, 0.03, 0.005});
  ASSERT_EQ(q.size(), 4u);
  EXPECT_NEAR(q[0], 0.02, 1e-15);
  EXPECT_NEAR(q[1], 0.04, 1e-15);
  EXPECT_NEAR(q[2], 0.04, 1e-15);
  EXPECT_NEAR(q[3], 0.02, 1e-15);
  // The step-up minimum: 0.02*3/2 = 0.03 > 0.025*3/3 = 0.025, so the second is lowered.
  const auto q2 = benjamini_hochberg({0.001, 0.02, 0.025});
  EXPECT_NEAR(q2[0], 0.003, 1e-15);
  EXPECT_NEAR(q2[1], 0.025, 1e-15);
  EXPECT_NEAR(q2[2], 0.025, 1e-15);
  EXPECT_DOUBLE_EQ(benjamini_hochberg({0.9, 0.8})[0], 0.9);
  EXPECT_TRUE(benjamini_hochberg({}).empty());
}

TEST(HotspotGiStar, HotCellsTouchingFormOneHotSpot) {
  // Two blocks of high counts far apart in a 20 x 20 grid: two hot spots, the stronger first.
  const auto g = small_grid(20, 20);
  std::vector<double> x(400, 0.0);
  for (int c = 2; c <= 3; ++c)
    for (int r = 2; r <= 3; ++r) x[*g.index(c, r)] = 6;
  for (int c = 15; c <= 16; ++c)
    for (int r = 15; r <= 16; ++r) x[*g.index(c, r)] = 9;
  GiStarOptions o;
  o.weights = GiWeights::KRing;
  o.ring = 1;
  const auto r = gi_star_grid(g, x, o);
  const auto groups = hot_groups(g, r, o);
  ASSERT_EQ(groups.size(), 2u);
  for (auto i : groups[0]) EXPECT_GE(g.col_of(i), 13);  // the block of 9s
  for (auto i : groups[1]) EXPECT_LE(g.col_of(i), 5);
  for (const auto& grp : groups)
    for (auto i : grp) {
      EXPECT_TRUE(is_hot(r[i], o));
      EXPECT_LE(r[i].q, 0.05);
      EXPECT_GE(r[i].q, r[i].p);
    }
}

TEST(HotspotGiStar, RejectsMismatchedInput) {
  const auto g = small_grid(2, 2);
  EXPECT_THROW(gi_star_grid(g, {1, 2, 3}, {}), std::exception);
  EXPECT_THROW(gi_star({1, 2}, {{{0, 1.0}}}), std::exception);
  EXPECT_THROW(gi_star({1, 2}, {{{0, 1.0}}, {{5, 1.0}}}), std::exception);
}

}  // namespace
}  // namespace corridor::detect
