// Vessel behaviour on a case (issue 5's events as indicators): gaps in transmission,
// encounters at sea, loitering, identity conflicts, from the case's AIS records. Each
// indicator is about the vessels involved and cites their MMSI statements; its reason
// names the AIS lines that show the behaviour.
#include <map>

#include "ais/events.hpp"
#include "ais/track.hpp"
#include "app/ais_case.hpp"
#include "app/case_detectors.hpp"
#include "core/time.hpp"
#include "exchange/geojson_areas.hpp"
#include "model/entity_keys.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

// How strongly each kind of event suggests smuggling activity, before a person looks.
// Departures and arrivals are context, not leads, and stay below the default threshold.
double kind_score(const std::string& kind) {
  static const std::map<std::string, double> scores = {
      {"encounter", 0.8},   {"gap", 0.7},        {"mmsi_conflict", 0.7}, {"invalid_mid", 0.6},
      {"loitering", 0.55},  {"name_change", 0.5}, {"type_change", 0.5},  {"departure", 0.3},
      {"arrival", 0.3}};
  auto it = scores.find(kind);
  return it == scores.end() ? 0.5 : it->second;
}

// The first statement of each vessel that names its MMSI.
std::map<std::string, std::int64_t> mmsi_statements(store::Db& db) {
  std::map<std::string, std::int64_t> out;
  store::Stmt q(db,
                "SELECT n.id, min(s.id) FROM statements s JOIN entities n ON n.rid = s.entity "
                "WHERE n.schema = 'Vessel' AND s.property = 'mmsi' GROUP BY n.id");
  while (q.step()) out.emplace(q.text(0), q.int64(1));
  return out;
}

std::string lines_of(const ais::Event& e) {
  std::string out;
  for (const auto& l : e.evidence) out += (out.empty() ? "" : ", ") + std::to_string(l.line);
  return out.empty() ? "" : " (AIS lines " + out + ")";
}

}  // namespace

std::vector<Indicator> detect_vessels_in_case(store::CaseFolder& c, const DetectSettings& settings) {
  const auto decoded = load_ais(c);
  if (decoded.positions.empty()) return {};
  const auto tracks = ais::build_tracks(decoded.positions, decoded.identities, {});
  const auto zones = settings.zones.empty() ? std::vector<ais::Zone>{} : exchange::load_zones(settings.zones);
  const auto coast = settings.coast.empty() ? ais::Coastline{} : exchange::load_coast(settings.coast);
  const auto cites = mmsi_statements(c.db());

  std::vector<Indicator> out;
  for (const auto& e : ais::all_events(tracks, zones, coast, {})) {
    Indicator ind;
    ind.detector = "vessels." + e.kind;
    ind.score = kind_score(e.kind);
    std::string who;
    Reason why{e.reason + lines_of(e), ind.score, {}};
    for (auto mmsi : e.vessels) {
      const std::string id = keys::vessel(std::to_string(mmsi));
      ind.subjects.push_back(id);
      who += (who.empty() ? "" : " and ") + std::to_string(mmsi);
      if (auto it = cites.find(id); it != cites.end()) why.statement_ids.push_back(it->second);
    }
    ind.title = e.kind + (e.zone.empty() ? "" : " " + e.zone) + ": MMSI " + who + ", " +
                format_utc(e.start).substr(0, 16) + " UTC";
    ind.reasons.push_back(std::move(why));
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::app
