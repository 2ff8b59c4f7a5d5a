#include "app/hotspots_case.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "ais/events.hpp"
#include "ais/track.hpp"
#include "app/ais_case.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "model/entity_keys.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

using nlohmann::ordered_json;

std::string mmsi_text(std::uint32_t m) {
  char b[16];
  std::snprintf(b, sizeof b, "%09u", m);
  return b;
}

// "2025-08-19T04:30:50Z": times in reasons, to the second.
std::string seconds_text(std::int64_t ms) { return format_utc(ms).substr(0, 19) + "Z"; }

// AIS reports and the statements that stand for them (see the header).
class AisCiter {
 public:
  explicit AisCiter(store::Db& db)
      : row_(db,
             "SELECT p.id, e.sha256, e.original_name FROM ais_positions p JOIN evidence e ON e.id = p.evidence "
             "WHERE p.mmsi = ? AND p.line = ? AND p.loc_offset = ? ORDER BY p.id LIMIT 1"),
        mmsi_statement_(db,
                        "SELECT s.id FROM statements s JOIN entities n ON n.rid = s.entity JOIN evidence e ON "
                        "e.id = s.evidence WHERE n.id = ? AND e.sha256 = ? AND s.property = 'mmsi' ORDER BY s.id LIMIT 1"),
        any_statement_(db,
                       "SELECT s.id FROM statements s JOIN entities n ON n.rid = s.entity WHERE n.id = ? "
                       "ORDER BY s.id LIMIT 1") {}

  // The report of one of `vessels` at this locator.
  AisRef ref(const std::vector<std::uint32_t>& vessels, const ais::Locator& l) {
    for (auto m : vessels) {
      row_.reset();
      row_.bind(1, static_cast<std::int64_t>(m))
          .bind(2, static_cast<std::int64_t>(l.line))
          .bind(3, static_cast<std::int64_t>(l.byte_offset));
      if (row_.step()) {
        AisRef r{row_.text(1), row_.text(2), row_.int64(0), m, l};
        row_.reset();
        return r;
      }
    }
    row_.reset();
    return AisRef{"", "", 0, vessels.empty() ? 0 : vessels.front(), l};
  }

  // The vessel's "mmsi" statement from that evidence file, else its first statement.
  std::optional<std::int64_t> vessel_statement(std::uint32_t mmsi, const std::string& sha) {
    const auto key = std::make_pair(mmsi, sha);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    std::optional<std::int64_t> id;
    const std::string entity = keys::vessel(std::to_string(mmsi));
    if (!sha.empty()) {
      mmsi_statement_.reset();
      mmsi_statement_.bind(1, entity).bind(2, sha);
      if (mmsi_statement_.step()) id = mmsi_statement_.int64(0);
      mmsi_statement_.reset();
    }
    if (!id) {
      any_statement_.reset();
      any_statement_.bind(1, entity);
      if (any_statement_.step()) id = any_statement_.int64(0);
      any_statement_.reset();
    }
    cache_[key] = id;
    return id;
  }

  // Refs, statements and entities for the reports of an event.
  void cite(const std::vector<std::uint32_t>& vessels, const std::vector<ais::Locator>& locators,
            std::vector<AisRef>& refs, std::vector<std::int64_t>& statements, std::vector<std::string>& entities) {
    std::set<std::pair<std::uint32_t, std::string>> cited;
    for (const auto& l : locators) {
      refs.push_back(ref(vessels, l));
      cited.emplace(refs.back().mmsi, refs.back().evidence_sha256);
    }
    for (auto m : vessels) {
      bool any = false;
      for (const auto& [cm, sha] : cited)
        if (cm == m) any = true;
      if (!any) cited.emplace(m, "");
      entities.push_back(keys::vessel(std::to_string(m)));
    }
    for (const auto& [m, sha] : cited)
      if (auto id = vessel_statement(m, sha))
        if (std::find(statements.begin(), statements.end(), *id) == statements.end()) statements.push_back(*id);
  }

 private:
  store::Stmt row_, mmsi_statement_, any_statement_;
  std::map<std::pair<std::uint32_t, std::string>, std::optional<std::int64_t>> cache_;
};

void load_photos_and_texts(store::Db& db, std::vector<GeoEvent>& out) {
  struct Photo {
    std::string entity;
    std::optional<double> lat, lon;
    std::int64_t lat_id = 0, lon_id = 0;
    std::string when;
  };
  std::map<std::int64_t, Photo> photos;  // by entity rid, in case order
  struct Mentioned {
    std::int64_t statement = 0, entity_rid = 0;
    std::string entity, schema, value;
  };
  std::vector<Mentioned> mentioned;
  store::Stmt q(db,
                "SELECT s.id, n.rid, n.id, n.schema, s.property, s.value, s.observed_at FROM statements s "
                "JOIN entities n ON n.rid = s.entity WHERE s.property IN ('latitude', 'longitude', "
                "'coordinatesMentioned') ORDER BY s.id");
  while (q.step()) {
    const std::string property = q.text(4), schema = q.text(3);
    if (property == "coordinatesMentioned") {
      mentioned.push_back({q.int64(0), q.int64(1), q.text(2), schema, q.text(5)});
      continue;
    }
    if (schema != "Photo") continue;
    Photo& p = photos[q.int64(1)];
    p.entity = q.text(2);
    char* end = nullptr;
    const std::string v = q.text(5);
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str()) continue;
    if (property == "latitude" && !p.lat) {
      p.lat = d;
      p.lat_id = q.int64(0);
      p.when = q.text(6);
    } else if (property == "longitude" && !p.lon) {
      p.lon = d;
      p.lon_id = q.int64(0);
    }
  }
  store::Stmt caption(db, "SELECT caption FROM entities WHERE rid = ?");
  for (const auto& [rid, p] : photos) {
    if (!p.lat || !p.lon || !valid_lat_lon(*p.lat, *p.lon)) continue;
    GeoEvent e;
    e.kind = "photo";
    e.source = "photo";
    e.lat = *p.lat;
    e.lon = *p.lon;
    if (auto t = parse_iso8601(p.when)) e.t = *t;
    caption.reset();
    caption.bind(1, rid);
    const std::string name = caption.step() ? caption.text(0) : std::string("photo");
    caption.reset();
    e.label = "photo " + name + " taken at " + lat_lon_text(e.lat, e.lon) + (e.t ? " on " + seconds_text(*e.t) : "") +
              " (EXIF GPS)";
    e.statements = {p.lat_id, p.lon_id};
    e.entities = {p.entity};
    out.push_back(std::move(e));
  }
  // When a message or post was written, and by whom.
  store::Stmt about(db,
                    "SELECT property, value FROM statements WHERE entity = ? AND property IN ('date', 'sender', "
                    "'author') ORDER BY id");
  for (const auto& m : mentioned) {
    const auto comma = m.value.find(',');
    if (comma == std::string::npos) continue;
    const double lat = std::strtod(m.value.substr(0, comma).c_str(), nullptr);
    const double lon = std::strtod(m.value.substr(comma + 1).c_str(), nullptr);
    if (!valid_lat_lon(lat, lon)) continue;
    GeoEvent e;
    e.kind = "coordinates";
    e.source = "text";
    e.lat = lat;
    e.lon = lon;
    e.statements = {m.statement};
    e.entities = {m.entity};
    about.reset();
    about.bind(1, m.entity_rid);
    while (about.step()) {
      const std::string prop = about.text(0), value = about.text(1);
      if (prop == "date" && !e.t) {
        if (auto t = parse_iso8601(value)) e.t = *t;
      } else if ((prop == "sender" || prop == "author") && e.entities.size() == 1 && !value.empty()) {
        e.entities.push_back(value);
      }
    }
    about.reset();
    std::string what = m.schema == "Message" ? "message" : m.schema == "Post" ? "post" : "document";
    e.label = "coordinates " + m.value + " written in a " + what + (e.t ? " of " + seconds_text(*e.t) : "");
    out.push_back(std::move(e));
  }
}

void load_ais_events(const ais::Tracks& tracks, const HotspotSettings& s, AisCiter& citer,
                     std::vector<GeoEvent>& out) {
  static const std::set<std::string> kPlaced = {"gap", "encounter", "loitering", "departure", "arrival"};
  for (const auto& e : ais::all_events(tracks, s.zones, s.coast, ais::EventOptions{})) {
    if (!kPlaced.count(e.kind) || !valid_lat_lon(e.lat, e.lon)) continue;
    GeoEvent g;
    g.kind = e.kind;
    g.source = "ais";
    g.lat = e.lat;
    g.lon = e.lon;
    g.t = e.start;
    citer.cite(e.vessels, e.evidence, g.ais, g.statements, g.entities);
    std::string who;
    for (auto m : e.vessels) who += (who.empty() ? "MMSI " : " and ") + mmsi_text(m);
    g.label = e.kind + (e.zone.empty() ? "" : " (" + e.zone + ")") + " of " + who + " at " + lat_lon_text(e.lat, e.lon) +
              " from " + seconds_text(e.start) + ": " + e.reason + " [AIS " + ais_lines_text(g.ais) + "]";
    out.push_back(std::move(g));
  }
}

double round7(double v) { return std::round(v * 1e7) / 1e7; }

ordered_json point(double lat, double lon) {
  return {{"type", "Point"}, {"coordinates", {round7(lon), round7(lat)}}};
}

ordered_json ais_json(const std::vector<AisRef>& refs) {
  auto a = ordered_json::array();
  for (const auto& r : refs)
    a.push_back({{"evidence", r.evidence_sha256},
                 {"file", r.evidence_name},
                 {"row", r.row},
                 {"mmsi", r.mmsi},
                 {"line", r.locator.line},
                 {"last_line", r.locator.last_line},
                 {"offset", r.locator.byte_offset},
                 {"length", r.locator.byte_length}});
  return a;
}

ordered_json time_or_null(const std::optional<std::int64_t>& t) {
  return t ? ordered_json(format_utc(*t)) : ordered_json(nullptr);
}

const char* kernel_name(detect::Kernel k) { return k == detect::Kernel::Quartic ? "quartic" : "gaussian"; }

}  // namespace

std::string lat_lon_text(double lat, double lon) {
  char b[64];
  std::snprintf(b, sizeof b, "%.4f%c %.4f%c", std::fabs(lat), lat >= 0 ? 'N' : 'S', std::fabs(lon), lon >= 0 ? 'E' : 'W');
  return b;
}

std::string ais_lines_text(const std::vector<AisRef>& refs) {
  std::map<std::string, std::set<std::uint64_t>> by_file;
  for (const auto& r : refs)
    by_file[r.evidence_name.empty() ? r.evidence_sha256.substr(0, 12) : r.evidence_name].insert(r.locator.line);
  std::string out;
  for (const auto& [file, lines] : by_file) {
    out += (out.empty() ? "" : "; ") + file + (lines.size() == 1 ? " line " : " lines ");
    bool first = true;
    for (auto l : lines) {
      out += (first ? "" : ", ") + std::to_string(l);
      first = false;
    }
  }
  return out;
}

HotspotAnalysis analyse_hotspots(store::CaseFolder& c, const HotspotSettings& settings) {
  if (!(settings.cell_km > 0) || !(settings.bandwidth_km > 0) || settings.band_km < 0)
    throw Error("hotspots", "cell size and bandwidth must be positive kilometres");
  if (!(settings.alpha > 0 && settings.alpha < 1)) throw Error("hotspots", "alpha must lie between 0 and 1");
  HotspotAnalysis a;
  a.settings = settings;
  a.band_km = settings.band_km > 0 ? settings.band_km : settings.bandwidth_km;

  load_photos_and_texts(c.db(), a.events);
  const auto tracks = [&] {  // the decoded rows are freed once the tracks hold them
    const auto decoded = load_ais(c);
    a.ais_positions = decoded.positions.size();
    return ais::build_tracks(decoded.positions, decoded.identities, {});
  }();
  a.vessels = tracks.size();
  AisCiter citer(c.db());
  load_ais_events(tracks, settings, citer, a.events);

  // Crossing starts and their clusters.
  a.starts = detect::crossing_starts(tracks, settings.zones, settings.coast, settings.crossing);
  for (const auto& s : a.starts) {
    std::vector<AisRef> refs;
    std::vector<std::int64_t> statements;
    std::vector<std::string> entities;
    citer.cite({s.mmsi}, s.evidence, refs, statements, entities);
    // A start after a stop is an event of its own; leaving a zone and going dark are
    // already there as the AIS departure and gap events.
    if (s.how == "stop") {
      GeoEvent g;
      g.kind = "crossing_start";
      g.source = "ais";
      g.lat = s.lat;
      g.lon = s.lon;
      g.t = s.t;
      g.ais = refs;
      g.statements = statements;
      g.entities = entities;
      g.label = "crossing start of MMSI " + mmsi_text(s.mmsi) + ": " + s.reason + " [AIS " + ais_lines_text(refs) + "]";
      a.events.push_back(std::move(g));
    }
    a.start_ais.push_back(std::move(refs));
    a.start_statements.push_back(std::move(statements));
  }
  const auto profiles = detect::vessel_profiles(tracks);
  for (auto& cl : detect::cluster_departures(a.starts, settings.clusters)) {
    DepartureGroup g;
    g.score = detect::score_departure_cluster(cl, a.starts, profiles, settings.clusters);
    g.cluster = std::move(cl);
    a.departures.push_back(std::move(g));
  }

  // The grid, kernel density and Gi*.
  std::vector<LatLon> where;
  for (const auto& e : a.events) where.push_back({e.lat, e.lon});
  detect::GridSpec spec;
  spec.cell_km = settings.cell_km;
  // The study area is the events' extent: an empty margin around it would make every
  // place with events look denser than "the area" and Gi* would find hot spots in noise.
  spec.margin_km = 0;
  spec.max_cells = settings.max_cells;
  a.grid = detect::HotspotGrid::cover(where, spec);
  const auto xy = detect::project(a.grid.projection(), where);
  for (const auto& p : xy) a.event_cell.push_back(a.grid.cell_of(p));
  a.counts = a.grid.counts(xy);
  a.density = detect::kde_grid(a.grid, xy, {settings.kernel, settings.bandwidth_km});
  detect::GiStarOptions gi;
  gi.weights = settings.weights;
  gi.band_km = a.band_km;
  gi.ring = settings.ring;
  gi.p_value = settings.p_value;
  gi.fdr = settings.fdr;
  gi.alpha = settings.alpha;
  a.gi = detect::gi_star_grid(a.grid, a.counts, gi);
  for (auto& cells : detect::hot_groups(a.grid, a.gi, gi)) {
    Hotspot h;
    h.cells = std::move(cells);
    // The highest z; among equal z (cells sharing one neighbourhood), the densest.
    h.peak = h.cells.front();
    for (auto i : h.cells) {
      const double dz = a.gi[i].z - a.gi[h.peak].z, tie = 1e-9 * std::max(1.0, std::fabs(a.gi[h.peak].z));
      if (dz > tie || (std::fabs(dz) <= tie && a.density[i] > a.density[h.peak])) h.peak = i;
    }
    const std::set<std::size_t> in(h.cells.begin(), h.cells.end());
    for (std::size_t e = 0; e < a.events.size(); ++e)
      if (a.event_cell[e] && in.count(*a.event_cell[e])) h.events.push_back(e);
    const LatLon centre = a.grid.centre_lat_lon(h.peak);
    h.lat = centre.lat;
    h.lon = centre.lon;
    h.reported = h.events.size() >= settings.min_events;
    a.hotspots.push_back(std::move(h));
  }
  return a;
}

nlohmann::ordered_json hotspots_geojson(const HotspotAnalysis& a) {
  const auto& s = a.settings;
  ordered_json fc{{"type", "FeatureCollection"}};
  const LatLon centre = a.grid.projection().centre();
  ordered_json params{
      {"generated", utc_now()},
      {"events", a.events.size()},
      {"vessels", a.vessels},
      {"ais_positions", a.ais_positions},
      {"projection",
       {{"name", "Lambert azimuthal equal-area (sphere)"}, {"lat_0", centre.lat}, {"lon_0", centre.lon},
        {"radius_m", kEarthRadiusM}}},
      {"cell_km", a.grid.cell_km()},
      {"requested_cell_km", a.grid.requested_cell_km()},
      {"grid", {{"col0", a.grid.col0()}, {"row0", a.grid.row0()}, {"cols", a.grid.cols()}, {"rows", a.grid.rows()}}},
      {"kernel", kernel_name(s.kernel)},
      {"bandwidth_km", s.bandwidth_km},
      {"density_unit", "events per km2"},
      {"weights", s.weights == detect::GiWeights::DistanceBand ? "distance band" : "k-ring"},
      {"band_km", a.band_km},
      {"ring", s.ring},
      {"p_value", s.p_value == detect::GiPValue::Exact ? "exact binomial tail under complete spatial randomness"
                                                        : "normal approximation"},
      {"fdr", s.fdr ? "Benjamini-Hochberg" : "none"},
      {"alpha", s.alpha},
      {"min_events", s.min_events},
      {"departures", {{"eps_km", s.clusters.eps_km}, {"eps_hours", s.clusters.eps_hours},
                      {"min_vessels", s.clusters.min_vessels}, {"min_leg_km", s.crossing.min_leg_km},
                      {"stop_minutes", s.crossing.stop_minutes}}},
      {"assessment", "indicators for review, not findings"}};
  fc["corridor"] = std::move(params);
  auto features = ordered_json::array();

  std::vector<int> hotspot_of(a.grid.size(), -1);
  for (std::size_t h = 0; h < a.hotspots.size(); ++h)
    for (auto i : a.hotspots[h].cells) hotspot_of[i] = static_cast<int>(h);
  detect::GiStarOptions gi;
  gi.fdr = s.fdr;
  gi.alpha = s.alpha;
  // Cells with events in reach: the rest of the grid is empty and far from everything.
  for (std::size_t i = 0; i < a.grid.size(); ++i) {
    if (a.gi[i].local_sum <= 0 && a.density[i] <= 0) continue;
    auto ring = ordered_json::array();
    for (const auto& c : a.grid.ring_lon_lat(i)) ring.push_back({round7(c[0]), round7(c[1])});
    ordered_json props{{"layer", "cell"},
                       {"id", a.grid.id(i)},
                       {"count", a.counts[i]},
                       {"density", a.density[i]},
                       {"gi_z", a.gi[i].z},
                       {"p", a.gi[i].p},
                       {"q", a.gi[i].q},
                       {"neighbourhood_count", a.gi[i].local_sum},
                       {"hot", detect::is_hot(a.gi[i], gi)},
                       {"cold", detect::is_cold(a.gi[i], gi)},
                       {"hotspot", hotspot_of[i] >= 0 ? ordered_json(hotspot_of[i] + 1) : ordered_json(nullptr)}};
    features.push_back({{"type", "Feature"},
                        {"id", a.grid.id(i)},
                        {"geometry", {{"type", "Polygon"}, {"coordinates", ordered_json::array({ring})}}},
                        {"properties", std::move(props)}});
  }
  for (std::size_t h = 0; h < a.hotspots.size(); ++h) {
    const Hotspot& hs = a.hotspots[h];
    auto cells = ordered_json::array();
    for (auto i : hs.cells) cells.push_back(a.grid.id(i));
    auto members = ordered_json::array();
    std::optional<std::int64_t> first, last;
    for (auto e : hs.events) {
      members.push_back(e + 1);
      if (const auto& t = a.events[e].t) {
        first = first ? std::min(*first, *t) : *t;
        last = last ? std::max(*last, *t) : *t;
      }
    }
    features.push_back({{"type", "Feature"},
                        {"id", "hotspot-" + std::to_string(h + 1)},
                        {"geometry", point(hs.lat, hs.lon)},
                        {"properties",
                         {{"layer", "hotspot"},
                          {"hotspot", h + 1},
                          {"peak_cell", a.grid.id(hs.peak)},
                          {"gi_z", a.gi[hs.peak].z},
                          {"p", a.gi[hs.peak].p},
                          {"q", a.gi[hs.peak].q},
                          {"density", a.density[hs.peak]},
                          {"cells", cells},
                          {"events", members},
                          {"first", time_or_null(first)},
                          {"last", time_or_null(last)},
                          {"reported", hs.reported}}}});
  }
  for (std::size_t e = 0; e < a.events.size(); ++e) {
    const GeoEvent& ev = a.events[e];
    features.push_back({{"type", "Feature"},
                        {"id", "event-" + std::to_string(e + 1)},
                        {"geometry", point(ev.lat, ev.lon)},
                        {"properties",
                         {{"layer", "event"},
                          {"event", e + 1},
                          {"kind", ev.kind},
                          {"source", ev.source},
                          {"time", time_or_null(ev.t)},
                          {"cell", a.event_cell[e] ? ordered_json(a.grid.id(*a.event_cell[e])) : ordered_json(nullptr)},
                          {"label", ev.label},
                          {"statements", ev.statements},
                          {"entities", ev.entities},
                          {"ais", ais_json(ev.ais)}}}});
  }
  for (std::size_t d = 0; d < a.departures.size(); ++d) {
    const auto& g = a.departures[d];
    auto coords = ordered_json::array();
    auto members = ordered_json::array();
    for (auto i : g.cluster.members) {
      const auto& st = a.starts[i];
      coords.push_back({round7(st.lon), round7(st.lat)});
      members.push_back({{"mmsi", st.mmsi},
                         {"vessel", keys::vessel(std::to_string(st.mmsi))},
                         {"how", st.how},
                         {"time", format_utc(st.t)},
                         {"coordinates", {round7(st.lon), round7(st.lat)}},
                         {"zone", st.zone},
                         {"leg_km", st.leg_km},
                         {"leg_end", {round7(st.leg_end_lon), round7(st.leg_end_lat)}},
                         {"leg_end_time", format_utc(st.leg_end_t)},
                         {"reason", st.reason},
                         {"statements", a.start_statements[i]},
                         {"ais", ais_json(a.start_ais[i])}});
    }
    auto reasons = ordered_json::array();
    for (const auto& r : g.score.reasons) reasons.push_back({{"text", r.text}, {"weight", r.weight}});
    auto vessels = ordered_json::array();
    for (auto m : g.cluster.vessels) vessels.push_back(m);
    features.push_back({{"type", "Feature"},
                        {"id", "departures-" + std::to_string(d + 1)},
                        {"geometry", {{"type", "MultiPoint"}, {"coordinates", coords}}},
                        {"properties",
                         {{"layer", "departures"},
                          {"cluster", d + 1},
                          {"centre", {round7(g.cluster.lon), round7(g.cluster.lat)}},
                          {"radius_km", g.cluster.radius_km},
                          {"first", format_utc(g.cluster.first)},
                          {"last", format_utc(g.cluster.last)},
                          {"span_hours", static_cast<double>(g.cluster.last - g.cluster.first) / 3.6e6},
                          {"vessels", vessels},
                          {"score", g.score.score},
                          {"reasons", reasons},
                          {"members", members}}}});
  }
  fc["features"] = std::move(features);
  return fc;
}

void write_hotspots_geojson(const HotspotAnalysis& a, const std::filesystem::path& out) {
  const std::string text = hotspots_geojson(a).dump() + "\n";
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  if (!f) throw Error(out.string(), "cannot create file: " + errno_text(errno));
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  f.close();
  if (!f) throw Error(out.string(), "cannot write file");
}

}  // namespace corridor::app
