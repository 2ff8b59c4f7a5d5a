#pragma once
// Areas and coastlines for behaviour events: launch beaches, ports and anchorages as
// polygons; a coastline as polylines. Parsing GeoJSON is the caller's job (the CLI), so
// this layer stays free of JSON libraries. Geometry is simple and exact enough for
// distances of metres to a few hundred nautical miles.
#include <string>
#include <vector>

#include "core/geo.hpp"

namespace corridor::ais {

using Ring = std::vector<LatLon>;  // closed or not; the last edge is implied

struct Zone {
  std::string name;
  std::string kind;         // "port", "anchorage", "beach"... from the feature's properties
  std::vector<Ring> outer;  // one per polygon of a MultiPolygon
  std::vector<Ring> holes;
};

// Even-odd rule on plate carree coordinates: inside an outer ring and not in a hole.
bool ring_contains(const Ring& ring, LatLon p);
bool zone_contains(const Zone& z, LatLon p);
bool is_anchorage(const Zone& z);  // kind "anchorage" or "port": encounters there are routine

struct Coastline {
  std::vector<std::vector<LatLon>> lines;  // polylines (polygon rings count as lines too)
  bool empty() const { return lines.empty(); }
};

// Shortest distance in metres from p to the coastline (to any segment), or +inf if empty.
// Each segment is measured in a local equirectangular projection centred on p.
double distance_to_coast_m(const Coastline& coast, LatLon p);

}  // namespace corridor::ais
