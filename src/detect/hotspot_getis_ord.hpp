#pragma once
// Getis-Ord Gi* on the hot-spot grid: for each cell, is the number of events in it and its
// neighbours larger (hot) or smaller (cold) than the grid's average would give by chance?
// The answer is a z-score with a two-sided p-value, and optionally a Benjamini-Hochberg
// q-value that accounts for testing every cell at once. A significant hot cell is an
// assessment to review, never a finding.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "detect/hotspot_grid.hpp"

namespace corridor::detect {

struct GiStarResult {
  double z = 0;
  double p = 1;  // two-sided
  double q = 1;  // Benjamini-Hochberg adjusted p (equals p when no correction was asked)
  double local_sum = 0;   // sum_j w_ij x_j
  double weight_sum = 0;  // sum_j w_ij
};

// Row i: the neighbours j of i with their weights w_ij, i itself included (the "star").
using SpatialWeights = std::vector<std::vector<std::pair<std::size_t, double>>>;

// Gi* of every observation, standardised as in Ord & Getis (1995), Geographical Analysis
// 27(4), 286-306 (the form ArcGIS documents for its Hot Spot Analysis tool):
//   z_i = (sum_j w_ij x_j - xbar sum_j w_ij) /
//         (S sqrt((n sum_j w_ij^2 - (sum_j w_ij)^2) / (n - 1)))
// with xbar = sum_j x_j / n and S = sqrt(sum_j x_j^2 / n - xbar^2). Where S is 0 (all
// values equal) or n < 2, z is 0 and p is 1. q is left equal to p.
std::vector<GiStarResult> gi_star(const std::vector<double>& x, const SpatialWeights& w);

enum class GiWeights {
  DistanceBand,  // w_ij = 1 when the cell centres are at most band_km apart
  KRing,         // w_ij = 1 when the cells are at most `ring` cells apart in columns and rows
};

enum class GiPValue {
  // For counts of events (non-negative integers, N in all): the exact two-sided tail of
  // the neighbourhood count under complete spatial randomness on the grid, where each
  // event falls in any cell with probability 1/n, so the count of W cells is
  // Binomial(N, W/n) — the distribution whose mean and variance the Gi* z standardises
  // by. The normal approximation is far too light-tailed when neighbourhoods hold a few
  // events (on uniform noise it marks dozens of cells even after the FDR correction).
  // Values that are not counts fall back to Normal.
  Exact,
  Normal,  // erfc(|z| / sqrt 2), as the Hot Spot Analysis tools report it
};

struct GiStarOptions {
  GiWeights weights = GiWeights::DistanceBand;
  double band_km = 5;
  int ring = 1;
  GiPValue p_value = GiPValue::Exact;
  bool fdr = true;      // Benjamini-Hochberg over all cells of the grid
  double alpha = 0.05;  // significance level for p (or q with fdr)
};

// Gi* of every cell of the grid, x = counts per cell (every cell of the grid is an
// observation, empty ones included: the study area is the grid's extent), binary weights.
std::vector<GiStarResult> gi_star_grid(const HotspotGrid& grid, const std::vector<double>& x, const GiStarOptions& o);

// Two-sided p of a standard normal z: erfc(|z| / sqrt(2)).
double two_sided_p(double z);

// P(X >= k) for X ~ Binomial(n, prob), through the regularised incomplete beta function
// I_prob(k, n - k + 1) (continued fraction, Numerical Recipes 3rd ed., section 6.4).
double binomial_upper_tail(std::int64_t n, double prob, std::int64_t k);
// min(1, 2 min(P(X >= k), P(X <= k))).
double binomial_two_sided_p(std::int64_t n, double prob, std::int64_t k);

// Benjamini & Hochberg (1995) step-up adjusted p-values: q_(k) = min_{j >= k} p_(j) m / j,
// capped at 1, returned in the input order.
std::vector<double> benjamini_hochberg(const std::vector<double>& p);

// z > 0 and (q with fdr, else p) <= alpha; is_cold the same for z < 0.
bool is_hot(const GiStarResult& r, const GiStarOptions& o);
bool is_cold(const GiStarResult& r, const GiStarOptions& o);

// Hot cells joined into hot spots: cells that touch (sides or corners) belong together.
// Each group is sorted by cell index; groups by decreasing highest z.
std::vector<std::vector<std::size_t>> hot_groups(const HotspotGrid& grid, const std::vector<GiStarResult>& gi,
                                                 const GiStarOptions& o);

}  // namespace corridor::detect
