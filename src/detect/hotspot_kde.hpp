#pragma once
// Kernel density of events on the hot-spot grid: how many events per square kilometre,
// smoothed over a bandwidth, at each cell centre. It shows where events concentrate; it
// does not say whether the concentration is more than chance (that is Gi*'s job).
#include <vector>

#include "detect/hotspot_grid.hpp"

namespace corridor::detect {

enum class Kernel {
  Quartic,   // (3/pi)(1 - u^2)^2 for |u| < 1: the biweight, zero beyond one bandwidth
  Gaussian,  // (1/2pi) exp(-u^2/2): never zero; summed to 5 bandwidths on the grid
};

struct KdeOptions {
  Kernel kernel = Kernel::Quartic;
  double bandwidth_km = 5;
};

// K(u) for a point at squared scaled distance u2 = |x - X_i|^2 / h^2.
double kernel_value(Kernel kernel, double u2);

// Intensity at `at`: sum_i K((at - X_i) / h) / h^2, events per km^2. Dividing by the
// number of events gives Silverman's density estimate (which integrates to 1).
double kde_at(const std::vector<XY>& points, XY at, const KdeOptions& options);

// The same at every cell centre of the grid.
std::vector<double> kde_grid(const HotspotGrid& grid, const std::vector<XY>& points, const KdeOptions& options);

}  // namespace corridor::detect
