#include "app/case_map.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <vector>

#include "app/hotspots_case.hpp"
#include "app/network_analysis.hpp"
#include "core/error.hpp"
#include "model/entity_keys.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

using nlohmann::ordered_json;

double round7(double v) { return std::round(v * 1e7) / 1e7; }

ordered_json position(double lat, double lon) { return ordered_json::array({round7(lon), round7(lat)}); }

std::string number_text(double v) {
  char b[32];
  const auto r = std::to_chars(b, b + sizeof b, v);
  return std::string(b, r.ptr);
}

bool in_time(const MapRequest& r, std::optional<std::int64_t> t) {
  if (!r.from && !r.to) return true;
  return t && (!r.from || *t >= *r.from) && (!r.to || *t <= *r.to);
}

ordered_json time_or_null(std::optional<std::int64_t> t) {
  return t ? ordered_json(format_utc(*t)) : ordered_json(nullptr);
}

ordered_json feature(std::string id, ordered_json geometry, ordered_json properties) {
  return {{"type", "Feature"},
          {"id", std::move(id)},
          {"geometry", std::move(geometry)},
          {"properties", std::move(properties)}};
}

// The SHA-256 of the evidence holding each statement, each once, in order.
std::vector<std::string> evidence_of(store::Db& db, const std::vector<std::int64_t>& statements) {
  std::set<std::string> out;
  for (const auto& s : statement_sources(db, statements))
    if (!s.evidence_sha256.empty()) out.insert(s.evidence_sha256);
  return {out.begin(), out.end()};
}

// Keeps `m` of `n` points spread evenly, the first and the last among them.
class Thinning {
 public:
  Thinning(std::size_t n, std::size_t m) : n_(n), m_(std::min(n, std::max<std::size_t>(m, 2))) {}
  bool keep(std::size_t i) {
    if (m_ >= n_) return true;
    const std::size_t slot = i * (m_ - 1) / (n_ - 1);
    if (i > 0 && slot == last_) return false;
    last_ = slot;
    return true;
  }

 private:
  std::size_t n_, m_, last_ = 0;
};

// Positions of one vessel in one evidence file, in the box and time range: the filter of
// both queries below (?1..?6 south, north, west, east, from, to).
std::string position_filter(const MapBox& b) {
  return std::string("p.t IS NOT NULL AND p.lat BETWEEN ?1 AND ?2 AND ") +
         (b.west <= b.east ? "p.lon BETWEEN ?3 AND ?4" : "(p.lon >= ?3 OR p.lon <= ?4)") + " AND p.t BETWEEN ?5 AND ?6";
}

void bind_filter(store::Stmt& q, const MapRequest& r) {
  q.bind(1, r.box.south).bind(2, r.box.north).bind(3, r.box.west).bind(4, r.box.east);
  q.bind(5, r.from.value_or(std::numeric_limits<std::int64_t>::min()));
  q.bind(6, r.to.value_or(std::numeric_limits<std::int64_t>::max()));
}

struct TrackPart {
  std::int64_t evidence = 0;
  std::string sha256;
  std::uint32_t mmsi = 0;
  std::size_t points = 0, vessel_points = 0;
  std::int64_t first = 0, last = 0;
};

void add_tracks(store::Db& db, const MapRequest& r, const Pseudonyms& shown, ordered_json& features,
                std::size_t& thinned) {
  const std::string filter = position_filter(r.box);
  store::Stmt parts_q(db,
                      "SELECT p.evidence, e.sha256, p.mmsi, COUNT(*), MIN(p.t), MAX(p.t) FROM ais_positions p "
                      "JOIN evidence e ON e.id = p.evidence WHERE " +
                          filter + " GROUP BY p.evidence, p.mmsi ORDER BY p.mmsi, p.evidence");
  bind_filter(parts_q, r);
  std::vector<TrackPart> parts;
  while (parts_q.step())
    parts.push_back({parts_q.int64(0), parts_q.text(1), static_cast<std::uint32_t>(parts_q.int64(2)),
                     static_cast<std::size_t>(parts_q.int64(3)), 0, parts_q.int64(4), parts_q.int64(5)});
  // A vessel's budget of points is shared among its files by their share of its positions.
  std::map<std::uint32_t, std::size_t> of_vessel;
  for (const auto& p : parts) of_vessel[p.mmsi] += p.points;
  for (auto& p : parts) p.vessel_points = of_vessel[p.mmsi];

  store::Stmt points_q(db, "SELECT p.lat, p.lon FROM ais_positions p WHERE " + filter +
                               " AND p.mmsi = ?7 AND p.evidence = ?8 ORDER BY p.t, p.id");
  store::Stmt name_q(db,
                     "SELECT shipname FROM ais_identities WHERE mmsi = ? AND shipname <> '' "
                     "ORDER BY t IS NULL, t DESC, id DESC LIMIT 1");
  store::Stmt mmsi_q(db,
                     "SELECT s.id FROM statements s JOIN entities n ON n.rid = s.entity "
                     "WHERE n.id = ? AND s.evidence = ? AND s.property = 'mmsi' ORDER BY s.id LIMIT 1");
  for (const auto& p : parts) {
    const std::size_t budget = r.max_track_points * p.points / p.vessel_points;
    Thinning thin(p.points, budget);
    auto coordinates = ordered_json::array();
    points_q.reset();
    bind_filter(points_q, r);
    points_q.bind(7, static_cast<std::int64_t>(p.mmsi)).bind(8, p.evidence);
    for (std::size_t i = 0; points_q.step(); ++i)
      if (thin.keep(i)) coordinates.push_back(position(points_q.real(0), points_q.real(1)));
    if (coordinates.size() < p.points) ++thinned;
    const std::string vessel = keys::vessel(std::to_string(p.mmsi));
    name_q.reset();
    name_q.bind(1, static_cast<std::int64_t>(p.mmsi));
    const ordered_json name = name_q.step() ? ordered_json(shown.scrub(name_q.text(0))) : ordered_json(nullptr);
    mmsi_q.reset();
    mmsi_q.bind(1, vessel).bind(2, p.evidence);
    auto statements = ordered_json::array();
    if (mmsi_q.step()) statements.push_back(mmsi_q.int64(0));
    const std::size_t shown_points = coordinates.size();
    ordered_json geometry = shown_points == 1
                                ? ordered_json{{"type", "Point"}, {"coordinates", coordinates[0]}}
                                : ordered_json{{"type", "LineString"}, {"coordinates", std::move(coordinates)}};
    features.push_back(feature("track-" + std::to_string(p.mmsi) + "-" + p.sha256.substr(0, 12), std::move(geometry),
                               {{"layer", "tracks"},
                                {"mmsi", p.mmsi},
                                {"vessel", vessel},
                                {"name", name},
                                {"first", format_utc(p.first)},
                                {"last", format_utc(p.last)},
                                {"points", p.points},
                                {"shown_points", shown_points},
                                {"statements", std::move(statements)},
                                {"evidence", ordered_json::array({p.sha256})}}));
  }
}

ordered_json ais_refs(const std::vector<AisRef>& refs) {
  auto a = ordered_json::array();
  for (const auto& x : refs)
    a.push_back({{"evidence", x.evidence_sha256},
                 {"row", x.row},
                 {"mmsi", x.mmsi},
                 {"line", x.locator.line},
                 {"last_line", x.locator.last_line},
                 {"offset", x.locator.byte_offset},
                 {"length", x.locator.byte_length}});
  return a;
}

void add_event(store::Db& db, const GeoEvent& e, std::size_t number, const Pseudonyms& shown, ordered_json& features) {
  const bool photo = e.kind == "photo";
  auto evidence = evidence_of(db, e.statements);
  for (const auto& x : e.ais)
    if (!x.evidence_sha256.empty() && std::find(evidence.begin(), evidence.end(), x.evidence_sha256) == evidence.end())
      evidence.push_back(x.evidence_sha256);
  ordered_json props{{"layer", photo ? "photos" : "events"},
                     {"kind", e.kind},
                     {"time", time_or_null(e.t)},
                     {"label", shown.scrub(e.label)},
                     {"entities", e.entities},
                     {"statements", e.statements},
                     {"evidence", evidence}};
  if (!photo) props["ais"] = ais_refs(e.ais);
  features.push_back(feature((photo ? "photo-" : "event-") + std::to_string(number),
                             {{"type", "Point"}, {"coordinates", position(e.lat, e.lon)}}, std::move(props)));
}

void add_hotspot(store::Db& db, const HotspotAnalysis& a, std::size_t h, ordered_json& features) {
  const Hotspot& hs = a.hotspots[h];
  std::set<std::int64_t> statements;
  std::optional<std::int64_t> first, last;
  for (auto e : hs.events) {
    statements.insert(a.events[e].statements.begin(), a.events[e].statements.end());
    if (const auto& t = a.events[e].t) {
      first = first ? std::min(*first, *t) : *t;
      last = last ? std::max(*last, *t) : *t;
    }
  }
  const std::vector<std::int64_t> cited(statements.begin(), statements.end());
  auto cells = ordered_json::array();
  for (auto i : hs.cells) cells.push_back(a.grid.id(i));
  const auto& peak = a.gi[hs.peak];
  features.push_back(feature("hotspot-" + std::to_string(h + 1),
                             {{"type", "Point"}, {"coordinates", position(hs.lat, hs.lon)}},
                             {{"layer", "hotspots"},
                              {"kind", "hotspot"},
                              {"hotspot", h + 1},
                              {"z", peak.z},
                              {"p", peak.p},
                              {"q", peak.q},
                              {"count", hs.events.size()},
                              {"density", a.density[hs.peak]},
                              {"cells", cells},
                              {"first", time_or_null(first)},
                              {"last", time_or_null(last)},
                              {"statements", cited},
                              {"evidence", evidence_of(db, cited)}}));
  for (auto i : hs.cells) {
    auto ring = ordered_json::array();
    for (const auto& c : a.grid.ring_lon_lat(i)) ring.push_back({round7(c[0]), round7(c[1])});
    features.push_back(feature("cell-" + a.grid.id(i),
                               {{"type", "Polygon"}, {"coordinates", ordered_json::array({ring})}},
                               {{"layer", "hotspots"},
                                {"kind", "cell"},
                                {"hotspot", h + 1},
                                {"cell", a.grid.id(i)},
                                {"z", a.gi[i].z},
                                {"p", a.gi[i].p},
                                {"q", a.gi[i].q},
                                {"count", std::llround(a.counts[i])}}));
  }
}

// Hot spots, AIS events and photos: what analyse_hotspots reads and finds in the case.
void add_analysis(store::CaseFolder& c, const MapRequest& r, const Pseudonyms& shown, ordered_json& features) {
  const auto a = analyse_hotspots(c, HotspotSettings{});
  if (r.hotspots)
    for (std::size_t h = 0; h < a.hotspots.size(); ++h) {
      const Hotspot& hs = a.hotspots[h];
      const bool when =
          std::any_of(hs.events.begin(), hs.events.end(), [&](auto e) { return in_time(r, a.events[e].t); });
      if (hs.reported && r.box.contains(hs.lat, hs.lon) && when) add_hotspot(c.db(), a, h, features);
    }
  for (std::size_t i = 0; i < a.events.size(); ++i) {  // numbered as in `corridor hotspots`
    const GeoEvent& e = a.events[i];
    const bool photo = e.kind == "photo";
    if ((photo ? !r.photos : !r.events) || (!photo && e.source != "ais")) continue;
    if (r.box.contains(e.lat, e.lon) && in_time(r, e.t)) add_event(c.db(), e, i + 1, shown, features);
  }
}

}  // namespace

bool MapBox::contains(double lat, double lon) const {
  if (lat < south || lat > north) return false;
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

std::string MapBox::text() const {
  return number_text(west) + "," + number_text(south) + "," + number_text(east) + "," + number_text(north);
}

MapBox parse_bbox(std::string_view text) {
  std::vector<double> v;
  std::size_t at = 0;
  while (at <= text.size() && v.size() <= 4) {
    const auto end = std::min(text.find(',', at), text.size());
    const std::string_view part = text.substr(at, end - at);
    double x = 0;
    const auto r = std::from_chars(part.data(), part.data() + part.size(), x);
    if (part.empty() || r.ec != std::errc() || r.ptr != part.data() + part.size() || !std::isfinite(x))
      throw Error("bbox", "give four numbers west,south,east,north in degrees", 2);
    v.push_back(x);
    at = end + 1;
  }
  if (v.size() != 4) throw Error("bbox", "give four numbers west,south,east,north in degrees", 2);
  MapBox b{v[0], v[1], v[2], v[3]};
  if (b.south < -90 || b.south > 90 || b.north < -90 || b.north > 90)
    throw Error("bbox", "latitudes (south, north) lie between -90 and 90", 2);
  if (b.west < -180 || b.west > 180 || b.east < -180 || b.east > 180)
    throw Error("bbox", "longitudes (west, east) lie between -180 and 180", 2);
  if (b.south > b.north) throw Error("bbox", "south lies north of north", 2);
  return b;
}

UnixMillis parse_map_time(std::string_view text, std::string_view name) {
  const auto t = parse_iso8601(text);
  if (!t) throw Error(std::string(name), "not an ISO 8601 time (2023-11-14T22:00:00Z)", 2);
  return *t;
}

void parse_layers(std::string_view text, MapRequest& r) {
  if (text.empty()) return;
  r.tracks = r.events = r.hotspots = r.photos = false;
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto end = std::min(text.find(',', at), text.size());
    const std::string_view layer = text.substr(at, end - at);
    if (layer == "tracks")
      r.tracks = true;
    else if (layer == "events")
      r.events = true;
    else if (layer == "hotspots")
      r.hotspots = true;
    else if (layer == "photos")
      r.photos = true;
    else
      throw Error("layers", "no layer \"" + std::string(layer) + "\" (tracks, events, hotspots, photos)", 2);
    at = end + 1;
  }
}

nlohmann::ordered_json case_map(store::CaseFolder& c, const MapRequest& r, const Pseudonyms& shown) {
  if (r.from && r.to && *r.from > *r.to) throw Error("from", "lies after to", 2);
  auto features = ordered_json::array();
  std::size_t thinned = 0;
  if (r.tracks) add_tracks(c.db(), r, shown, features, thinned);
  if (r.events || r.hotspots || r.photos) add_analysis(c, r, shown, features);
  ordered_json counts{{"tracks", 0}, {"events", 0}, {"hotspots", 0}, {"photos", 0}};
  for (const auto& f : features) {
    auto& n = counts[f["properties"]["layer"].get<std::string>()];
    n = n.get<int>() + 1;
  }
  auto layers = ordered_json::array();
  const std::pair<const char*, bool> asked[] = {
      {"tracks", r.tracks}, {"events", r.events}, {"hotspots", r.hotspots}, {"photos", r.photos}};
  for (const auto& [name, on] : asked)
    if (on) layers.push_back(name);
  ordered_json about{{"bbox", {r.box.west, r.box.south, r.box.east, r.box.north}},
                     {"from", time_or_null(r.from)},
                     {"to", time_or_null(r.to)},
                     {"layers", std::move(layers)},
                     {"features", std::move(counts)},
                     {"thinned_tracks", thinned},
                     {"max_track_points", r.max_track_points},
                     {"assessment", "events and hot spots are indicators for review, not findings"}};
  return {{"type", "FeatureCollection"}, {"corridor", std::move(about)}, {"features", std::move(features)}};
}

}  // namespace corridor::app
