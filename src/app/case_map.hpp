#pragma once
// A case on the map, for the web UI (MapLibre/Leaflet read it as it is): one RFC 7946
// FeatureCollection of the features inside a box and a time range, by layer:
//   tracks    one LineString per vessel and AIS evidence file, of its positions inside
//             (a Point when only one is), thinned to about kMaxTrackPoints per vessel;
//   events    AIS behaviour events (gap, encounter, loitering, crossing start) as
//             analyse_hotspots finds them (hotspots_case.hpp);
//   hotspots  reported hot spots: the peak as a Point and each hot cell as a Polygon;
//   photos    photos with an EXIF GPS position.
// Every feature says its layer and, where statements show it, their ids and the SHA-256
// of the evidence holding them, so the UI can open the source.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/pseudonyms.hpp"
#include "core/time.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

inline constexpr std::size_t kMaxTrackPoints = 2000;

// Degrees WGS 84. A west edge east of the east edge crosses the antimeridian.
struct MapBox {
  double west = -180, south = -90, east = 180, north = 90;
  bool contains(double lat, double lon) const;
  std::string text() const;  // "west,south,east,north" as given
};

struct MapRequest {
  MapBox box;
  std::optional<UnixMillis> from, to;  // inclusive; with either, undated features are left out
  bool tracks = true, events = true, hotspots = true, photos = true;
  std::size_t max_track_points = kMaxTrackPoints;
};

// "west,south,east,north": four numbers, latitudes in [-90, 90] with south <= north,
// longitudes in [-180, 180]. Throws corridor::Error (exit code 2) saying what is wrong.
MapBox parse_bbox(std::string_view text);
// An ISO 8601 time for ?from= or ?to= (`name`); throws corridor::Error (2) otherwise.
UnixMillis parse_map_time(std::string_view text, std::string_view name);
// "tracks,events" sets those layers and clears the others; "" keeps every layer. Throws
// corridor::Error (2) naming a layer it does not know.
void parse_layers(std::string_view text, MapRequest& r);

// The FeatureCollection (its "bbox" the box asked for) with a "corridor" foreign member
// counting the features of each layer. Labels show protected values as `shown` says.
nlohmann::ordered_json case_map(store::CaseFolder& c, const MapRequest& r, const Pseudonyms& shown);

}  // namespace corridor::app
