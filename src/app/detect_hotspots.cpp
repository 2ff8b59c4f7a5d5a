// Hot spots detector on a case: the places-and-times analysis (app/hotspots_case) with
// its default parameters (and the --zones and --coast given to detect), turned into
// indicators.
//   hotspots.gi_star     a significant Getis-Ord Gi* hot spot holding at least 5 events;
//                        about the vessels, photos, messages and senders of its events.
//   hotspots.departures  vessels that left the same place within hours before sea
//                        crossings; about the vessels.
// Every reason cites statements: photos by their latitude/longitude statements, texts by
// their coordinatesMentioned statement, AIS events and departures by the Vessel's "mmsi"
// statement from the same evidence file, with the AIS lines named in the reason's text.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "app/case_detectors.hpp"
#include "app/hotspots_case.hpp"
#include "core/time.hpp"
#include "exchange/geojson_areas.hpp"
#include "model/entity_keys.hpp"

namespace corridor::app {

namespace {

constexpr std::size_t kMaxSubjects = 50;
constexpr std::size_t kMaxCited = 500;  // statements per reason

void add_unique(std::vector<std::int64_t>& to, const std::vector<std::int64_t>& from) {
  for (auto id : from)
    if (to.size() < kMaxCited && std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
}

std::string day_minute(std::int64_t ms) { return format_utc(ms).substr(0, 16) + "Z"; }

// Scales weights down so they sum to at most 1; the score is their sum.
void settle(Indicator& ind) {
  double sum = 0;
  for (const auto& r : ind.reasons) sum += r.weight;
  if (sum > 1) {
    for (auto& r : ind.reasons) r.weight /= sum;
    sum = 1;
  }
  ind.score = std::clamp(sum, 0.0, 1.0);
  std::stable_sort(ind.reasons.begin(), ind.reasons.end(),
                   [](const Reason& a, const Reason& b) { return a.weight > b.weight; });
}

struct SourceKind {
  const char* name;
  bool (*match)(const GeoEvent&);
  const char* one;
  const char* many;
};

const SourceKind kSources[] = {
    {"ais", [](const GeoEvent& e) { return e.source == "ais" && e.kind != "crossing_start"; }, "AIS behaviour event",
     "AIS behaviour events"},
    {"departures", [](const GeoEvent& e) { return e.kind == "crossing_start"; }, "vessel departure before a crossing",
     "vessel departures before crossings"},
    {"photos", [](const GeoEvent& e) { return e.source == "photo"; }, "photo taken here (EXIF GPS)",
     "photos taken here (EXIF GPS)"},
    {"texts", [](const GeoEvent& e) { return e.source == "text"; }, "text giving these coordinates",
     "texts giving these coordinates"},
};

Indicator hotspot_indicator(const HotspotAnalysis& a, const Hotspot& h) {
  const auto& peak = a.gi[h.peak];
  Indicator ind;
  ind.detector = "hotspots.gi_star";
  char buf[512];
  std::snprintf(buf, sizeof buf, "hot spot near %s: %zu geolocated events (Gi* z %.1f, q %.2g)",
                lat_lon_text(h.lat, h.lon).c_str(), h.events.size(), peak.z, peak.q);
  ind.title = buf;
  std::vector<std::int64_t> all;
  std::optional<std::int64_t> first, last;
  std::set<std::string> seen;
  for (auto e : h.events) {
    const GeoEvent& ev = a.events[e];
    add_unique(all, ev.statements);
    for (const auto& id : ev.entities)
      if (ind.subjects.size() < kMaxSubjects && seen.insert(id).second) ind.subjects.push_back(id);
    if (ev.t) {
      first = first ? std::min(*first, *ev.t) : *ev.t;
      last = last ? std::max(*last, *ev.t) : *ev.t;
    }
  }
  std::snprintf(buf, sizeof buf,
                "Getis-Ord Gi* z = %.2f at cell %s (two-sided p = %.2g, %s = %.2g; %zu touching significant cells of "
                "%.1f km, distance band %.1f km); kernel density there %.3g events per km2 (%s kernel, bandwidth %.1f km)",
                peak.z, a.grid.id(h.peak).c_str(), peak.p, a.settings.fdr ? "Benjamini-Hochberg q" : "q (no correction)",
                peak.q, h.cells.size(), a.grid.cell_km(), a.band_km, a.density[h.peak],
                a.settings.kernel == detect::Kernel::Quartic ? "quartic" : "Gaussian", a.settings.bandwidth_km);
  ind.reasons.push_back(Reason{buf, 0.4, all});
  std::string span;
  if (first) span = " between " + day_minute(*first) + " and " + day_minute(*last);
  std::snprintf(buf, sizeof buf, "%zu geolocated events in the hot spot%s", h.events.size(), span.c_str());
  ind.reasons.push_back(Reason{buf, std::min(0.2, 0.02 * static_cast<double>(h.events.size())), all});
  for (const auto& kind : kSources) {
    std::vector<std::size_t> of;
    for (auto e : h.events)
      if (kind.match(a.events[e])) of.push_back(e);
    if (of.empty()) continue;
    std::string text = std::to_string(of.size()) + " " + (of.size() == 1 ? kind.one : kind.many) + ": ";
    std::vector<std::int64_t> cited;
    for (std::size_t k = 0; k < of.size(); ++k) {
      add_unique(cited, a.events[of[k]].statements);
      if (k < 3) text += (k ? "; " : "") + a.events[of[k]].label;
    }
    if (of.size() > 3) text += "; and " + std::to_string(of.size() - 3) + " more";
    if (!cited.empty()) ind.reasons.push_back(Reason{text, 0.1, cited});
  }
  settle(ind);
  return ind;
}

Indicator departure_indicator(const HotspotAnalysis& a, const DepartureGroup& g) {
  const auto& c = g.cluster;
  Indicator ind;
  ind.detector = "hotspots.departures";
  double leg = 0;
  for (auto i : c.members) leg += a.starts[i].leg_km / static_cast<double>(c.members.size());
  char buf[400];
  std::snprintf(buf, sizeof buf, "%zu vessels left %s within %.1f h, then crossed about %.0f km", c.vessels.size(),
                lat_lon_text(c.lat, c.lon).c_str(), static_cast<double>(c.last - c.first) / 3.6e6, leg);
  ind.title = buf;
  for (auto m : c.vessels) ind.subjects.push_back(keys::vessel(std::to_string(m)));
  for (const auto& r : g.score.reasons) {
    Reason reason{r.text, r.weight, {}};
    std::vector<AisRef> refs;
    for (auto i : r.members) {
      add_unique(reason.statement_ids, a.start_statements[i]);
      refs.insert(refs.end(), a.start_ais[i].begin(), a.start_ais[i].end());
    }
    if (!refs.empty()) reason.text += " [AIS " + ais_lines_text(refs) + "]";
    ind.reasons.push_back(std::move(reason));
  }
  // One line per departure, weight 0: what each vessel did, and where to read it.
  for (auto i : c.members) {
    const auto& s = a.starts[i];
    std::snprintf(buf, sizeof buf, "MMSI %09u: ", s.mmsi);
    ind.reasons.push_back(Reason{buf + s.reason + " [AIS " + ais_lines_text(a.start_ais[i]) + "]", 0, a.start_statements[i]});
  }
  std::stable_sort(ind.reasons.begin(), ind.reasons.end(),
                   [](const Reason& x, const Reason& y) { return x.weight > y.weight; });
  ind.score = g.score.score;
  return ind;
}

}  // namespace

std::vector<Indicator> detect_hotspots_in_case(store::CaseFolder& c, const DetectSettings& settings) {
  // The analysis's own defaults, with the zones and coastline the detect command was given.
  HotspotSettings hs;
  hs.zones = exchange::load_zones(settings.zones);
  hs.coast = exchange::load_coast(settings.coast);
  const HotspotAnalysis a = analyse_hotspots(c, hs);
  std::vector<Indicator> out;
  for (const auto& h : a.hotspots)
    if (h.reported) out.push_back(hotspot_indicator(a, h));
  for (const auto& g : a.departures) out.push_back(departure_indicator(a, g));
  // A reason without statements cannot be checked: drop it (an indicator left without
  // any such reason is dropped too).
  for (auto& ind : out)
    std::erase_if(ind.reasons, [](const Reason& r) { return r.statement_ids.empty(); });
  std::erase_if(out, [](const Indicator& ind) { return ind.reasons.empty(); });
  return out;
}

}  // namespace corridor::app
