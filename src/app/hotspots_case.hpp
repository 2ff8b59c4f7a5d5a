#pragma once
// Places and times in a case (issue 7): where geolocated events concentrate more than
// chance would give (kernel density and Getis-Ord Gi* on a grid) and where vessels left
// together shortly before sea crossings (ST-DBSCAN on crossing starts). The events are
//   - photos with a GPS position (EXIF), cited by their latitude and longitude statements;
//   - coordinates written in messages, posts and documents, cited by the
//     coordinatesMentioned statement;
//   - AIS behaviour events (gap, encounter, loitering; zone departure and arrival when
//     zones are given) and crossing starts after a stop, from the case's AIS rows.
// AIS positions are rows, not statements (docs/ais.md). An AIS event is cited by the
// statement that its vessel's MMSI was reported in the same evidence file (the Vessel
// entity's "mmsi" statement, one per vessel and file) and names the exact lines and bytes
// of the reports in that file, with the ais_positions row ids: evidence, line and byte
// range lead to the sentence, the row id to the decoded record.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ais/locator.hpp"
#include "ais/zones.hpp"
#include "detect/departures.hpp"
#include "detect/hotspot_getis_ord.hpp"
#include "detect/hotspot_kde.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct HotspotSettings {
  double cell_km = 2;
  double bandwidth_km = 5;  // kernel density bandwidth
  double band_km = 0;       // Gi* distance band; 0: the bandwidth
  detect::Kernel kernel = detect::Kernel::Quartic;
  detect::GiWeights weights = detect::GiWeights::DistanceBand;
  int ring = 1;              // with GiWeights::KRing
  detect::GiPValue p_value = detect::GiPValue::Exact;
  bool fdr = true;           // Benjamini-Hochberg over all cells
  double alpha = 0.05;
  std::size_t min_events = 5;  // a hot spot needs this many events to be reported as such
  std::size_t max_cells = 4'000'000;
  std::vector<ais::Zone> zones;  // optional: launch beaches, ports, anchorages
  ais::Coastline coast;          // optional
  detect::CrossingOptions crossing;
  detect::DepartureClusterOptions clusters;
};

// One AIS report behind an event: the evidence file, the ais_positions row (0 when not
// found) and the sentence's lines and bytes.
struct AisRef {
  std::string evidence_sha256;
  std::string evidence_name;
  std::int64_t row = 0;
  std::uint32_t mmsi = 0;
  ais::Locator locator;
};

struct GeoEvent {
  std::string kind;    // photo, coordinates, gap, encounter, loitering, departure, arrival, crossing_start
  std::string source;  // photo, text, ais
  double lat = 0, lon = 0;
  std::optional<std::int64_t> t;  // unix millis, when known
  std::string label;              // one line in words
  std::vector<std::int64_t> statements;  // statement row ids that show it
  std::vector<std::string> entities;     // the entities it is about (vessels, photo, message and its sender)
  std::vector<AisRef> ais;
};

struct Hotspot {
  std::vector<std::size_t> cells;   // grid cells, all significant hot cells touching each other
  std::vector<std::size_t> events;  // indices of the events inside those cells
  std::size_t peak = 0;             // the cell with the highest z
  double lat = 0, lon = 0;          // centre of the peak cell
  bool reported = false;            // at least min_events events
};

struct DepartureGroup {
  detect::DepartureCluster cluster;
  detect::ClusterScore score;
};

struct HotspotAnalysis {
  HotspotSettings settings;
  double band_km = 0;  // the distance band used
  std::vector<GeoEvent> events;
  detect::HotspotGrid grid;
  std::vector<std::optional<std::size_t>> event_cell;  // by event
  std::vector<double> counts, density;                 // by cell: events, events per km^2
  std::vector<detect::GiStarResult> gi;                // by cell
  std::vector<Hotspot> hotspots;                       // by decreasing peak z
  std::vector<detect::CrossingStart> starts;
  std::vector<std::vector<AisRef>> start_ais;                // by start
  std::vector<std::vector<std::int64_t>> start_statements;  // by start: the vessel's statements
  std::vector<DepartureGroup> departures;
  std::size_t vessels = 0, ais_positions = 0;
};

// Reads the case's geolocated events and AIS tracks and runs the analysis. Throws
// corridor::Error for bad settings.
HotspotAnalysis analyse_hotspots(store::CaseFolder& c, const HotspotSettings& settings);

// RFC 7946 FeatureCollection (longitude, latitude): grid cells with events in reach as
// Polygons (count, density, gi_z, p, q, hot), hot spots and events as Points, departure
// clusters as MultiPoints with their members and time span; the parameters in a
// "corridor" foreign member.
nlohmann::ordered_json hotspots_geojson(const HotspotAnalysis& a);

// Writes the GeoJSON; throws corridor::Error when the file cannot be written.
void write_hotspots_geojson(const HotspotAnalysis& a, const std::filesystem::path& out);

// "34.1500N 13.3000E"
std::string lat_lon_text(double lat, double lon);
// "ais.nmea lines 120, 4410": where to read the reports, file by file (the file's name, or
// the start of its SHA-256 when it has none).
std::string ais_lines_text(const std::vector<AisRef>& refs);

}  // namespace corridor::app
