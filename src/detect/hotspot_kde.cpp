// Bivariate kernel density estimation. The estimator is Silverman's
//   f(x) = 1 / (n h^2) * sum_i K((x - X_i) / h)
// (B. W. Silverman, Density Estimation for Statistics and Data Analysis, Chapman & Hall,
// 1986, section 4.2.1, with d = 2); the quartic (biweight) kernel is his
//   K2(x) = 3 pi^-1 (1 - x'x)^2 if x'x < 1, 0 otherwise
// (section 4.2.3, p. 76, eq. (4.5)), the kernel crime-mapping tools use; the Gaussian is
// the standard bivariate normal density (2 pi)^-1 exp(-x'x / 2). We report the intensity
// n f(x) (events per km^2), which does not change when unrelated events are added
// elsewhere.
#include "detect/hotspot_kde.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace corridor::detect {

namespace {

// Beyond this many bandwidths a kernel adds nothing worth the work (Gaussian: e^-12.5,
// under 4e-6 of its peak).
double support(Kernel kernel) { return kernel == Kernel::Quartic ? 1.0 : 5.0; }

void check(const KdeOptions& o) {
  if (!(o.bandwidth_km > 0) || !std::isfinite(o.bandwidth_km))
    throw Error("kernel density", "the bandwidth must be positive");
}

}  // namespace

double kernel_value(Kernel kernel, double u2) {
  if (kernel == Kernel::Quartic) {
    if (u2 >= 1) return 0;
    const double a = 1 - u2;
    return 3 / M_PI * a * a;
  }
  return std::exp(-u2 / 2) / (2 * M_PI);
}

double kde_at(const std::vector<XY>& points, XY at, const KdeOptions& o) {
  check(o);
  const double h2 = o.bandwidth_km * o.bandwidth_km;
  double sum = 0;
  for (const auto& p : points) {
    const double dx = p.x - at.x, dy = p.y - at.y;
    sum += kernel_value(o.kernel, (dx * dx + dy * dy) / h2);
  }
  return sum / h2;
}

std::vector<double> kde_grid(const HotspotGrid& grid, const std::vector<XY>& points, const KdeOptions& o) {
  check(o);
  std::vector<double> out(grid.size(), 0.0);
  if (grid.empty()) return out;
  const double h = o.bandwidth_km, h2 = h * h, reach = support(o.kernel) * h, c = grid.cell_km();
  // Each event adds its kernel to the cell centres it reaches (scatter): the work is the
  // number of events times the cells under one kernel, however wide the grid.
  for (const auto& p : points) {
    const int ca = std::max(grid.col0(), static_cast<int>(std::floor((p.x - reach) / c - 0.5)));
    const int cb = std::min(grid.col0() + grid.cols() - 1, static_cast<int>(std::ceil((p.x + reach) / c - 0.5)));
    const int ra = std::max(grid.row0(), static_cast<int>(std::floor((p.y - reach) / c - 0.5)));
    const int rb = std::min(grid.row0() + grid.rows() - 1, static_cast<int>(std::ceil((p.y + reach) / c - 0.5)));
    for (int r = ra; r <= rb; ++r) {
      const double dy = (r + 0.5) * c - p.y;
      for (int col = ca; col <= cb; ++col) {
        const double dx = (col + 0.5) * c - p.x;
        const double u2 = (dx * dx + dy * dy) / h2;
        if (u2 > support(o.kernel) * support(o.kernel)) continue;
        out[*grid.index(col, r)] += kernel_value(o.kernel, u2) / h2;
      }
    }
  }
  return out;
}

}  // namespace corridor::detect
