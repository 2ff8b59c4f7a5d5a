// Getis-Ord Gi* (A. Getis & J. K. Ord, "The analysis of spatial association by use of
// distance statistics", Geographical Analysis 24(3), 1992; J. K. Ord & A. Getis, "Local
// spatial autocorrelation statistics: distributional issues and an application",
// Geographical Analysis 27(4), 1995), with Benjamini-Hochberg false discovery rate
// control (Y. Benjamini & Y. Hochberg, J. R. Statist. Soc. B 57(1), 1995).
#include "detect/hotspot_getis_ord.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "core/error.hpp"

namespace corridor::detect {

namespace {

struct Moments {
  double n = 0, mean = 0, s = 0;
};

// Two passes: the spread around the mean, not sum x^2 / n - mean^2, which cancels badly
// when counts are large and alike.
Moments moments(const std::vector<double>& x) {
  Moments m;
  m.n = static_cast<double>(x.size());
  if (x.empty()) return m;
  long double sum = 0;
  for (double v : x) sum += v;
  m.mean = static_cast<double>(sum / x.size());
  long double dev = 0;
  for (double v : x) dev += (v - m.mean) * (v - m.mean);
  m.s = std::sqrt(static_cast<double>(dev / x.size()));
  return m;
}

GiStarResult standardise(double local_sum, double weight_sum, double weight_sq_sum, const Moments& m) {
  GiStarResult r;
  r.local_sum = local_sum;
  r.weight_sum = weight_sum;
  if (m.n < 2 || m.s <= 0) return r;
  const double radicand = (m.n * weight_sq_sum - weight_sum * weight_sum) / (m.n - 1);
  if (radicand <= 0) return r;
  r.z = (local_sum - m.mean * weight_sum) / (m.s * std::sqrt(radicand));
  r.p = r.q = two_sided_p(r.z);
  return r;
}

// Continued fraction of the incomplete beta function, modified Lentz (Numerical Recipes
// 3rd ed., section 6.4, betacf).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300, kEps = 1e-15;
  const double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 10000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < kEps) break;
  }
  return h;
}

// Regularised incomplete beta I_x(a, b).
double incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * beta_continued_fraction(a, b, x) / a;
  return 1 - front * beta_continued_fraction(b, a, 1 - x) / b;
}

bool all_counts(const std::vector<double>& x, std::int64_t& total) {
  long double sum = 0;
  for (double v : x) {
    if (!(v >= 0) || v != std::floor(v) || v > 9e15) return false;
    sum += v;
  }
  total = static_cast<std::int64_t>(sum);
  return true;
}

}  // namespace

double two_sided_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

double binomial_upper_tail(std::int64_t n, double prob, std::int64_t k) {
  if (k <= 0) return 1;
  if (k > n || prob <= 0) return 0;
  if (prob >= 1) return 1;
  return std::clamp(incomplete_beta(static_cast<double>(k), static_cast<double>(n - k + 1), prob), 0.0, 1.0);
}

double binomial_two_sided_p(std::int64_t n, double prob, std::int64_t k) {
  const double upper = binomial_upper_tail(n, prob, k);
  const double lower = 1 - binomial_upper_tail(n, prob, k + 1);  // P(X <= k)
  return std::min(1.0, 2 * std::min(upper, lower));
}

std::vector<GiStarResult> gi_star(const std::vector<double>& x, const SpatialWeights& w) {
  if (w.size() != x.size()) throw Error("Gi*", "one row of weights per observation is needed");
  const Moments m = moments(x);
  std::vector<GiStarResult> out;
  out.reserve(x.size());
  for (const auto& row : w) {
    double local = 0, ws = 0, ws2 = 0;
    for (const auto& [j, wij] : row) {
      if (j >= x.size()) throw Error("Gi*", "a neighbour index is out of range");
      local += wij * x[j];
      ws += wij;
      ws2 += wij * wij;
    }
    out.push_back(standardise(local, ws, ws2, m));
  }
  return out;
}

std::vector<GiStarResult> gi_star_grid(const HotspotGrid& grid, const std::vector<double>& x, const GiStarOptions& o) {
  if (x.size() != grid.size()) throw Error("Gi*", "one value per grid cell is needed");
  if (o.weights == GiWeights::DistanceBand && (!(o.band_km >= 0) || !std::isfinite(o.band_km)))
    throw Error("Gi*", "the distance band must be a non-negative number of kilometres");
  if (o.weights == GiWeights::KRing && o.ring < 0) throw Error("Gi*", "the ring must not be negative");
  // The neighbourhood is the same set of column/row offsets for every cell (binary weights).
  std::vector<std::pair<int, int>> offsets;
  if (o.weights == GiWeights::KRing) {
    for (int dr = -o.ring; dr <= o.ring; ++dr)
      for (int dc = -o.ring; dc <= o.ring; ++dc) offsets.emplace_back(dc, dr);
  } else {
    const double c = grid.cell_km();
    const int reach = static_cast<int>(std::floor(o.band_km / c));
    const double band2 = o.band_km * o.band_km * (1 + 1e-12);  // a centre exactly on the band counts
    for (int dr = -reach; dr <= reach; ++dr)
      for (int dc = -reach; dc <= reach; ++dc)
        if ((dc * c) * (dc * c) + (dr * c) * (dr * c) <= band2) offsets.emplace_back(dc, dr);
  }
  const Moments m = moments(x);
  std::int64_t total = 0;
  const bool exact = o.p_value == GiPValue::Exact && all_counts(x, total) && total > 0;
  std::map<std::pair<std::int64_t, std::int64_t>, double> exact_p;  // (W, k): few distinct pairs
  std::vector<GiStarResult> out(grid.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const int col = grid.col_of(i), row = grid.row_of(i);
    double local = 0, ws = 0;
    for (const auto& [dc, dr] : offsets) {
      if (auto j = grid.index(col + dc, row + dr)) {
        local += x[*j];
        ws += 1;
      }
    }
    out[i] = standardise(local, ws, ws, m);
    if (exact && out[i].z != 0) {
      const auto key = std::make_pair(static_cast<std::int64_t>(ws), static_cast<std::int64_t>(std::llround(local)));
      auto it = exact_p.find(key);
      if (it == exact_p.end())
        it = exact_p.emplace(key, binomial_two_sided_p(total, ws / m.n, key.second)).first;
      out[i].p = out[i].q = it->second;
    }
  }
  if (o.fdr) {
    std::vector<double> p(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) p[i] = out[i].p;
    const auto q = benjamini_hochberg(p);
    for (std::size_t i = 0; i < out.size(); ++i) out[i].q = q[i];
  }
  return out;
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p) {
  const std::size_t m = p.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> q(m, 1.0);
  double running = 1.0;
  for (std::size_t k = m; k-- > 0;) {
    const double adjusted = p[order[k]] * static_cast<double>(m) / static_cast<double>(k + 1);
    running = std::min(running, adjusted);
    q[order[k]] = std::min(1.0, running);
  }
  return q;
}

bool is_hot(const GiStarResult& r, const GiStarOptions& o) { return r.z > 0 && (o.fdr ? r.q : r.p) <= o.alpha; }
bool is_cold(const GiStarResult& r, const GiStarOptions& o) { return r.z < 0 && (o.fdr ? r.q : r.p) <= o.alpha; }

std::vector<std::vector<std::size_t>> hot_groups(const HotspotGrid& grid, const std::vector<GiStarResult>& gi,
                                                 const GiStarOptions& o) {
  std::vector<std::vector<std::size_t>> groups;
  std::vector<char> seen(gi.size(), 0);
  for (std::size_t start = 0; start < gi.size(); ++start) {
    if (seen[start] || !is_hot(gi[start], o)) continue;
    std::vector<std::size_t> group, stack{start};
    seen[start] = 1;
    while (!stack.empty()) {
      const std::size_t i = stack.back();
      stack.pop_back();
      group.push_back(i);
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          const auto j = grid.index(grid.col_of(i) + dc, grid.row_of(i) + dr);
          if (j && !seen[*j] && is_hot(gi[*j], o)) {
            seen[*j] = 1;
            stack.push_back(*j);
          }
        }
    }
    std::sort(group.begin(), group.end());
    groups.push_back(std::move(group));
  }
  auto top = [&](const std::vector<std::size_t>& g) {
    double z = 0;
    for (auto i : g) z = std::max(z, gi[i].z);
    return z;
  };
  std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) { return top(a) > top(b); });
  return groups;
}

}  // namespace corridor::detect
