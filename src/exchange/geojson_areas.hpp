#pragma once
// Zones (launch beaches, ports, anchorages) and coastlines read from GeoJSON, for the
// AIS behaviour events. Errors name the file.
#include <string>
#include <vector>

#include "ais/zones.hpp"

namespace corridor::exchange {

// Polygons and MultiPolygons with properties name and kind; other geometries are skipped.
// An empty path gives no zones.
std::vector<ais::Zone> load_zones(const std::string& path);
// Lines, MultiLines and land polygons; an empty path gives an empty coastline.
ais::Coastline load_coast(const std::string& path);

}  // namespace corridor::exchange
