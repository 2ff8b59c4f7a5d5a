#pragma once
// A regular grid for hot-spot analysis (issue 7, places and times): points in latitude and
// longitude are projected to a local Lambert azimuthal equal-area plane (kilometres east
// and north of a centre), where every square cell has the same ground area, so counts and
// densities of cells compare fairly. Cells are aligned on multiples of the cell size from
// the projection centre: cell (col, row) covers x in [col*c, (col+1)*c) and y in
// [row*c, (row+1)*c). Distances within a few hundred kilometres of the centre are true to
// a fraction of a percent; areas are exact (on the sphere).
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/geo.hpp"

namespace corridor::detect {

struct XY {
  double x = 0;  // km east of the projection centre
  double y = 0;  // km north
};

// Spherical Lambert azimuthal equal-area projection, radius kEarthRadiusM. Formulas from
// J. P. Snyder, Map Projections — A Working Manual, USGS Professional Paper 1395 (1987),
// pp. 185-187: forward (24-2), (24-3), (24-4); inverse (20-14), (20-15), (20-18), (24-16).
class LocalProjection {
 public:
  explicit LocalProjection(LatLon centre = {});
  XY forward(LatLon p) const;
  LatLon inverse(XY p) const;
  LatLon centre() const { return centre_; }

 private:
  LatLon centre_;
  double sin_lat0_ = 0, cos_lat0_ = 1;
};

struct GridSpec {
  double cell_km = 2;
  double margin_km = 0;               // added on every side of the points' extent
  std::size_t max_cells = 4'000'000;  // a wider extent gets larger cells (see cell_km())
  // Projection centre; by default the middle of the points' latitude/longitude box,
  // rounded to 0.1 degree (so the same events give the same cells).
  std::optional<LatLon> centre;
};

class HotspotGrid {
 public:
  HotspotGrid() = default;
  // Cells col0..col0+cols-1 and row0..row0+rows-1 of size cell_km.
  HotspotGrid(LocalProjection projection, double cell_km, int col0, int row0, int cols, int rows);

  // The smallest grid covering the points plus the margin. When it would have more than
  // spec.max_cells cells the cell size grows until it fits: cell_km() then differs from
  // requested_cell_km(). No points give an empty grid.
  static HotspotGrid cover(const std::vector<LatLon>& points, const GridSpec& spec);

  const LocalProjection& projection() const { return projection_; }
  double cell_km() const { return cell_km_; }
  double requested_cell_km() const { return requested_cell_km_; }
  int col0() const { return col0_; }
  int row0() const { return row0_; }
  int cols() const { return cols_; }
  int rows() const { return rows_; }
  std::size_t size() const { return static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_); }
  bool empty() const { return size() == 0; }

  // Column and row (absolute, relative to the centre) of a cell index, and back.
  int col_of(std::size_t cell) const { return col0_ + static_cast<int>(cell % static_cast<std::size_t>(cols_)); }
  int row_of(std::size_t cell) const { return row0_ + static_cast<int>(cell / static_cast<std::size_t>(cols_)); }
  std::optional<std::size_t> index(int col, int row) const;

  std::optional<std::size_t> cell_of(XY p) const;
  std::optional<std::size_t> cell_of(LatLon p) const { return cell_of(projection_.forward(p)); }
  XY centre_xy(std::size_t cell) const;
  LatLon centre_lat_lon(std::size_t cell) const { return projection_.inverse(centre_xy(cell)); }
  // The cell's outline as a closed ring in longitude/latitude order ([lon, lat] pairs as
  // GeoJSON wants them), counter-clockwise (RFC 7946 section 3.1.6).
  std::array<std::array<double, 2>, 5> ring_lon_lat(std::size_t cell) const;
  // "c<col>_r<row>", stable for a given centre and cell size.
  std::string id(std::size_t cell) const;

  // Number of points per cell (points outside the grid are not counted).
  std::vector<double> counts(const std::vector<XY>& points) const;

 private:
  LocalProjection projection_;
  double cell_km_ = 1, requested_cell_km_ = 1;
  int col0_ = 0, row0_ = 0, cols_ = 0, rows_ = 0;
};

// Project every point with the grid's projection.
std::vector<XY> project(const LocalProjection& projection, const std::vector<LatLon>& points);

}  // namespace corridor::detect
