#pragma once
// Great-circle geometry on the WGS 84 mean sphere, enough for AIS tracks and hotspots.
namespace corridor {

inline constexpr double kEarthRadiusM = 6371008.8;
inline constexpr double kMetresPerNauticalMile = 1852.0;

struct LatLon {
  double lat = 0;
  double lon = 0;
};

double haversine_m(LatLon a, LatLon b);
bool valid_lat_lon(double lat, double lon);

}  // namespace corridor
