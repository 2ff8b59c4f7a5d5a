// corridor hotspots CASE --out FILE.geojson [--cell-km 2] [--bandwidth-km 5] [--band-km KM]
//   [--kernel quartic|gaussian] [--weights band|ring] [--ring 1] [--p-value exact|normal]
//   [--alpha 0.05] [--no-fdr]
//   [--min-events 5] [--zones Z.geojson] [--coast C.geojson] [--eps-km 5] [--eps-hours 6] [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/hotspots_case.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "core/time.hpp"
#include "exchange/geojson_areas.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

struct Args {
  std::string out, kernel = "quartic", weights = "band", p_value = "exact", zones, coast;
  bool no_fdr = false;
  app::HotspotSettings s;
};

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto a = std::make_shared<Args>();
  auto* cmd = root.add_subcommand(
      "hotspots",
      "Where geolocated events concentrate (kernel density, Getis-Ord Gi*) and where vessels left together before "
      "sea crossings, as GeoJSON for a map (assessments to review, not findings)");
  add_case_options(cmd, *o, true);
  cmd->add_option("--out", a->out, "GeoJSON file to write (RFC 7946)")->required();
  cmd->add_option("--cell-km", a->s.cell_km, "Grid cell size in km")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_option("--bandwidth-km", a->s.bandwidth_km, "Kernel density bandwidth in km")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--band-km", a->s.band_km, "Gi* distance band in km (default: the bandwidth)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--kernel", a->kernel, "Kernel density kernel")
      ->capture_default_str()
      ->check(CLI::IsMember({"quartic", "gaussian"}));
  cmd->add_option("--weights", a->weights, "Gi* neighbours: cells within the distance band, or a ring of cells")
      ->capture_default_str()
      ->check(CLI::IsMember({"band", "ring"}));
  cmd->add_option("--ring", a->s.ring, "With --weights ring: cells this many columns/rows away are neighbours")
      ->capture_default_str()
      ->check(CLI::Range(0, 50));
  cmd->add_option("--p-value", a->p_value,
                  "Gi* p: exact binomial tail of the neighbourhood count, or the normal approximation")
      ->capture_default_str()
      ->check(CLI::IsMember({"exact", "normal"}));
  cmd->add_option("--alpha", a->s.alpha, "Significance level")->capture_default_str()->check(CLI::Range(1e-12, 0.5));
  cmd->add_flag("--no-fdr", a->no_fdr, "Judge each cell by its own p, without the Benjamini-Hochberg correction");
  cmd->add_option("--min-events", a->s.min_events, "Events a hot spot needs to be reported")->capture_default_str();
  cmd->add_option("--zones", a->zones, "GeoJSON polygons (name, kind = beach|port|anchorage...): launch zones, ports")
      ->check(CLI::ExistingFile);
  cmd->add_option("--coast", a->coast, "GeoJSON coastline: departures must start near it, gaps far from it")
      ->check(CLI::ExistingFile);
  cmd->add_option("--eps-km", a->s.clusters.eps_km, "Departures closer than this are neighbours")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--eps-hours", a->s.clusters.eps_hours, "...when also closer than this in time")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->callback([o, a] {
    app::HotspotSettings s = a->s;
    s.kernel = a->kernel == "gaussian" ? detect::Kernel::Gaussian : detect::Kernel::Quartic;
    s.weights = a->weights == "ring" ? detect::GiWeights::KRing : detect::GiWeights::DistanceBand;
    s.fdr = !a->no_fdr;
    s.p_value = a->p_value == "normal" ? detect::GiPValue::Normal : detect::GiPValue::Exact;
    s.zones = exchange::load_zones(a->zones);
    s.coast = exchange::load_coast(a->coast);
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kConsult);
    const auto r = app::analyse_hotspots(*c, s);
    app::write_hotspots_geojson(r, a->out);
    std::size_t hot_cells = 0, reported = 0;
    for (const auto& h : r.hotspots) {
      hot_cells += h.cells.size();
      reported += h.reported;
    }
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation,
                       "hotspots: " + std::to_string(r.events.size()) + " geolocated events, " +
                           std::to_string(hot_cells) + " hot cells, " + std::to_string(r.departures.size()) +
                           " departure clusters, written to " + a->out,
                       o->why);
    if (o->json) {
      auto spots = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < r.hotspots.size(); ++i) {
        const auto& h = r.hotspots[i];
        spots.push_back({{"hotspot", i + 1},
                         {"lat", h.lat},
                         {"lon", h.lon},
                         {"peak_cell", r.grid.id(h.peak)},
                         {"gi_z", r.gi[h.peak].z},
                         {"p", r.gi[h.peak].p},
                         {"q", r.gi[h.peak].q},
                         {"cells", h.cells.size()},
                         {"events", h.events.size()},
                         {"reported", h.reported}});
      }
      auto deps = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < r.departures.size(); ++i) {
        const auto& d = r.departures[i];
        deps.push_back({{"cluster", i + 1},
                        {"lat", d.cluster.lat},
                        {"lon", d.cluster.lon},
                        {"vessels", d.cluster.vessels},
                        {"first", format_utc(d.cluster.first)},
                        {"last", format_utc(d.cluster.last)},
                        {"score", d.score.score}});
      }
      std::cout << nlohmann::ordered_json{{"out", escape_name(a->out)},
                                          {"events", r.events.size()},
                                          {"cell_km", r.grid.cell_km()},
                                          {"cells", r.grid.size()},
                                          {"hotspots", spots},
                                          {"crossing_starts", r.starts.size()},
                                          {"departure_clusters", deps}}
                       .dump(2)
                << "\n";
      return;
    }
    std::printf("%zu geolocated events (%zu vessels, %zu AIS positions); grid %d x %d cells of %.2f km%s\n",
                r.events.size(), r.vessels, r.ais_positions, r.grid.cols(), r.grid.rows(), r.grid.cell_km(),
                r.grid.cell_km() != r.grid.requested_cell_km() ? " (enlarged to fit)" : "");
    std::printf("%zu hot spots (%zu with at least %zu events), %zu hot cells\n", r.hotspots.size(), reported,
                s.min_events, hot_cells);
    for (std::size_t i = 0; i < r.hotspots.size(); ++i) {
      const auto& h = r.hotspots[i];
      std::printf("  %2zu  %-24s  z %6.2f  q %8.2g  %3zu cells  %3zu events%s\n", i + 1,
                  app::lat_lon_text(h.lat, h.lon).c_str(), r.gi[h.peak].z, r.gi[h.peak].q, h.cells.size(),
                  h.events.size(), h.reported ? "" : "  (too few events)");
    }
    std::printf("%zu crossing starts, %zu departure clusters\n", r.starts.size(), r.departures.size());
    for (std::size_t i = 0; i < r.departures.size(); ++i) {
      const auto& d = r.departures[i];
      std::printf("  %2zu  %-24s  %zu vessels  %s .. %s  score %.2f\n", i + 1,
                  app::lat_lon_text(d.cluster.lat, d.cluster.lon).c_str(), d.cluster.vessels.size(),
                  format_utc(d.cluster.first).substr(0, 16).c_str(), format_utc(d.cluster.last).substr(0, 16).c_str(),
                  d.score.score);
    }
    std::printf("wrote %s\n", escape_name(a->out).c_str());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli
