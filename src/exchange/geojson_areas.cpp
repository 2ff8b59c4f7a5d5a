#include "exchange/geojson_areas.hpp"

#include <cerrno>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace corridor::exchange {

namespace {

ais::Ring ring_of(const nlohmann::json& coords) {
  ais::Ring r;
  for (const auto& c : coords) {
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) throw Error("GeoJSON", "bad position");
    r.push_back({c[1].get<double>(), c[0].get<double>()});  // GeoJSON is [lon, lat]
  }
  return r;
}

std::vector<nlohmann::json> features_of(const nlohmann::json& doc) {
  if (doc.value("type", "") == "FeatureCollection" && doc.contains("features")) return doc["features"];
  if (doc.value("type", "") == "Feature") return {doc};
  return {nlohmann::json{{"type", "Feature"}, {"geometry", doc}, {"properties", nlohmann::json::object()}}};
}

nlohmann::json read_geojson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open: " + errno_text(errno));
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw Error(path, std::string("not JSON: ") + e.what());
  }
}

}  // namespace

std::vector<ais::Zone> load_zones(const std::string& path) {
  std::vector<ais::Zone> zones;
  if (path.empty()) return zones;
  try {
    for (const auto& f : features_of(read_geojson(path))) {
      const auto& g = f.at("geometry");
      ais::Zone z;
      const auto props = f.value("properties", nlohmann::json::object());
      z.name = props.is_object() && props.contains("name") && props["name"].is_string() ? props["name"].get<std::string>()
                                                                                     : "zone " + std::to_string(zones.size() + 1);
      z.kind = props.is_object() && props.contains("kind") && props["kind"].is_string() ? props["kind"].get<std::string>() : "";
      std::vector<nlohmann::json> polys;
      if (g.at("type") == "Polygon") polys.push_back(g.at("coordinates"));
      else if (g.at("type") == "MultiPolygon") for (const auto& p : g.at("coordinates")) polys.push_back(p);
      else continue;  // points and lines are not zones
      for (const auto& p : polys)
        for (std::size_t i = 0; i < p.size(); ++i) (i == 0 ? z.outer : z.holes).push_back(ring_of(p[i]));
      zones.push_back(std::move(z));
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(path, std::string("not a GeoJSON polygon collection: ") + e.what());
  }
  return zones;
}

ais::Coastline load_coast(const std::string& path) {
  ais::Coastline coast;
  if (path.empty()) return coast;
  try {
    for (const auto& f : features_of(read_geojson(path))) {
      const auto& g = f.at("geometry");
      const std::string type = g.at("type");
      const auto& c = g.at("coordinates");
      if (type == "LineString") coast.lines.push_back(ring_of(c));
      else if (type == "MultiLineString" || type == "Polygon") for (const auto& l : c) coast.lines.push_back(ring_of(l));
      else if (type == "MultiPolygon") for (const auto& p : c) for (const auto& l : p) coast.lines.push_back(ring_of(l));
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(path, std::string("not a GeoJSON coastline: ") + e.what());
  }
  for (auto& l : coast.lines)  // polygon rings are closed: make the closing edge explicit
    if (l.size() > 2 && (l.front().lat != l.back().lat || l.front().lon != l.back().lon)) l.push_back(l.front());
  return coast;
}


}  // namespace corridor::exchange
