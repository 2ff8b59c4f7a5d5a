#include "detect/hotspot_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace corridor::detect {

namespace {

constexpr double kRad = M_PI / 180.0;
constexpr double kRadiusKm = kEarthRadiusM / 1000.0;

}  // namespace

LocalProjection::LocalProjection(LatLon centre)
    : centre_(centre), sin_lat0_(std::sin(centre.lat * kRad)), cos_lat0_(std::cos(centre.lat * kRad)) {}

XY LocalProjection::forward(LatLon p) const {
  const double phi = p.lat * kRad, dlambda = (p.lon - centre_.lon) * kRad;
  const double sin_phi = std::sin(phi), cos_phi = std::cos(phi), cos_dl = std::cos(dlambda);
  const double denom = 1 + sin_lat0_ * sin_phi + cos_lat0_ * cos_phi * cos_dl;
  // The antipode of the centre has no image; it is far outside any grid we build.
  const double k = denom > 1e-12 ? std::sqrt(2 / denom) : std::sqrt(2 / 1e-12);
  return {kRadiusKm * k * cos_phi * std::sin(dlambda),
          kRadiusKm * k * (cos_lat0_ * sin_phi - sin_lat0_ * cos_phi * cos_dl)};
}

LatLon LocalProjection::inverse(XY p) const {
  const double rho = std::hypot(p.x, p.y);
  if (rho == 0) return centre_;
  const double c = 2 * std::asin(std::min(1.0, rho / (2 * kRadiusKm)));
  const double sin_c = std::sin(c), cos_c = std::cos(c);
  const double phi = std::asin(std::clamp(cos_c * sin_lat0_ + p.y * sin_c * cos_lat0_ / rho, -1.0, 1.0));
  const double lambda = std::atan2(p.x * sin_c, rho * cos_lat0_ * cos_c - p.y * sin_lat0_ * sin_c);
  double lon = centre_.lon + lambda / kRad;
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  return {phi / kRad, lon};
}

HotspotGrid::HotspotGrid(LocalProjection projection, double cell_km, int col0, int row0, int cols, int rows)
    : projection_(projection), cell_km_(cell_km), requested_cell_km_(cell_km), col0_(col0), row0_(row0),
      cols_(cols), rows_(rows) {
  if (!(cell_km > 0) || !std::isfinite(cell_km)) throw Error("hotspot grid", "the cell size must be positive");
  if (cols < 0 || rows < 0) throw Error("hotspot grid", "negative grid size");
}

HotspotGrid HotspotGrid::cover(const std::vector<LatLon>& points, const GridSpec& spec) {
  if (!(spec.cell_km > 0) || !std::isfinite(spec.cell_km)) throw Error("hotspot grid", "the cell size must be positive");
  if (spec.margin_km < 0) throw Error("hotspot grid", "the margin must not be negative");
  LatLon centre{};
  if (spec.centre) {
    centre = *spec.centre;
  } else if (!points.empty()) {
    double lat0 = 90, lat1 = -90, lon0 = 180, lon1 = -180;
    for (const auto& p : points) {
      lat0 = std::min(lat0, p.lat);
      lat1 = std::max(lat1, p.lat);
      lon0 = std::min(lon0, p.lon);
      lon1 = std::max(lon1, p.lon);
    }
    centre = {std::round((lat0 + lat1) / 2 * 10) / 10, std::round((lon0 + lon1) / 2 * 10) / 10};
  }
  LocalProjection proj(centre);
  if (points.empty()) {
    HotspotGrid g(proj, spec.cell_km, 0, 0, 0, 0);
    return g;
  }
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  for (const auto& p : points) {
    const XY q = proj.forward(p);
    x0 = std::min(x0, q.x);
    x1 = std::max(x1, q.x);
    y0 = std::min(y0, q.y);
    y1 = std::max(y1, q.y);
  }
  x0 -= spec.margin_km;
  y0 -= spec.margin_km;
  x1 += spec.margin_km;
  y1 += spec.margin_km;
  double cell = spec.cell_km;
  const double max_cells = static_cast<double>(std::max<std::size_t>(spec.max_cells, 1));
  for (;;) {
    const double cols = std::floor(x1 / cell) - std::floor(x0 / cell) + 1;
    const double rows = std::floor(y1 / cell) - std::floor(y0 / cell) + 1;
    if (cols * rows <= max_cells) {
      HotspotGrid g(proj, cell, static_cast<int>(std::floor(x0 / cell)), static_cast<int>(std::floor(y0 / cell)),
                    static_cast<int>(cols), static_cast<int>(rows));
      g.requested_cell_km_ = spec.cell_km;
      return g;
    }
    // Grow by the square root of the excess (and a little more, for the rounding of edges).
    cell *= std::max(1.05, std::sqrt(cols * rows / max_cells) * 1.01);
  }
}

std::optional<std::size_t> HotspotGrid::index(int col, int row) const {
  if (col < col0_ || row < row0_ || col >= col0_ + cols_ || row >= row0_ + rows_) return std::nullopt;
  return static_cast<std::size_t>(row - row0_) * static_cast<std::size_t>(cols_) + static_cast<std::size_t>(col - col0_);
}

std::optional<std::size_t> HotspotGrid::cell_of(XY p) const {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return std::nullopt;
  const double c = std::floor(p.x / cell_km_), r = std::floor(p.y / cell_km_);
  if (c < col0_ || r < row0_ || c >= static_cast<double>(col0_) + cols_ || r >= static_cast<double>(row0_) + rows_)
    return std::nullopt;
  return index(static_cast<int>(c), static_cast<int>(r));
}

XY HotspotGrid::centre_xy(std::size_t cell) const {
  return {(col_of(cell) + 0.5) * cell_km_, (row_of(cell) + 0.5) * cell_km_};
}

std::array<std::array<double, 2>, 5> HotspotGrid::ring_lon_lat(std::size_t cell) const {
  const double xa = col_of(cell) * cell_km_, ya = row_of(cell) * cell_km_;
  const double xb = xa + cell_km_, yb = ya + cell_km_;
  const XY corners[5] = {{xa, ya}, {xb, ya}, {xb, yb}, {xa, yb}, {xa, ya}};
  std::array<std::array<double, 2>, 5> out{};
  for (int i = 0; i < 5; ++i) {
    const LatLon p = projection_.inverse(corners[i]);
    out[static_cast<std::size_t>(i)] = {p.lon, p.lat};
  }
  return out;
}

std::string HotspotGrid::id(std::size_t cell) const {
  return "c" + std::to_string(col_of(cell)) + "_r" + std::to_string(row_of(cell));
}

std::vector<double> HotspotGrid::counts(const std::vector<XY>& points) const {
  std::vector<double> out(size(), 0.0);
  for (const auto& p : points)
    if (auto c = cell_of(p)) out[*c] += 1;
  return out;
}

std::vector<XY> project(const LocalProjection& projection, const std::vector<LatLon>& points) {
  std::vector<XY> out;
  out.reserve(points.size());
  for (const auto& p : points) out.push_back(projection.forward(p));
  return out;
}

}  // namespace corridor::detect
