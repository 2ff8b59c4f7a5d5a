// Places and times on a case, end to end: a small AIS log (six small boats leaving one
// beach within hours for a 200 km run, four lone vessels elsewhere) ingested into a case;
// `corridor hotspots` writes valid GeoJSON with the expected hot cell and departure
// cluster and logs the consultation; `corridor detect --detector hotspots` stores
// indicators whose reasons cite the vessels' statements.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "app/add_evidence.hpp"
#include "app/ingest_evidence.hpp"
#include "core/geo.hpp"
#include "core/time.hpp"
#include "demo/ais_encoder.hpp"
#include "model/entity_keys.hpp"
#include "store/audit_ledger.hpp"
#include "store/indicator_store.hpp"
#include "store/sqlite.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;
using nlohmann::json;

namespace {

constexpr std::int64_t kT0 = 1'755'561'600;  // 2025-08-19T00:00:00Z, unix seconds
// The projection centre the grid will choose (middle of the events' box, see below) and a
// beach about 1 km east and 1 km north of it: inside cell c0_r0 of a 2 km grid.
constexpr double kLat0 = 33.6, kLon0 = 12.8;
constexpr double kBeachLat = 33.609, kBeachLon = 12.8108;

struct Line {
  std::int64_t t;
  std::string text;
};

class NmeaLog {
 public:
  void boat(std::uint32_t mmsi, const char* name, bool class_b) {
    demo::ais::StaticB sb;
    sb.mmsi = mmsi;
    sb.shipname = name;
    sb.callsign = "TEST1";
    sb.shiptype = class_b ? 37 : 30;
    Line l{0, {}};
    demo::ais::append_sentence(l.text, "test01", kT0 - 600, 1, 1, -1, 'B', demo::ais::encode_static_b_part_a(sb));
    demo::ais::append_sentence(l.text, "test01", kT0 - 600, 1, 1, -1, 'B', demo::ais::encode_static_b_part_b(sb));
    lines_.push_back(std::move(l));
  }
  void report(std::uint32_t mmsi, std::int64_t t, double lat, double lon, double sog) {
    demo::ais::Position p;
    p.type = 18;
    p.mmsi = mmsi;
    p.lat = lat;
    p.lon = lon;
    p.sog = sog;
    p.cog = 0;
    p.second = static_cast<int>(t % 60);
    Line l{t, {}};
    demo::ais::append_sentence(l.text, "test01", t, 1, 1, -1, 'B', demo::ais::encode_position(p));
    lines_.push_back(std::move(l));
  }
  // Waits `minutes` at (lat, lon), a report a minute within ~30 m, then sails to
  // (lat2, lon2) in `hours`, a report every 5 minutes. Returns the time it left.
  std::int64_t launch(std::uint32_t mmsi, std::int64_t arrive, int minutes, double lat, double lon, double lat2,
                      double lon2, double hours) {
    for (int m = 0; m <= minutes; ++m)
      report(mmsi, arrive + m * 60, lat + 0.0002 * std::sin(m), lon + 0.0002 * std::cos(m), 0.3);
    const std::int64_t left = arrive + minutes * 60;
    const int steps = static_cast<int>(hours * 12);
    for (int s = 1; s <= steps; ++s) {
      const double f = static_cast<double>(s) / steps;
      report(mmsi, left + s * 300, lat + (lat2 - lat) * f, lon + (lon2 - lon) * f, 10);
    }
    return left;
  }
  std::string text() {
    std::stable_sort(lines_.begin(), lines_.end(), [](const Line& a, const Line& b) { return a.t < b.t; });
    std::string out;
    for (const auto& l : lines_) out += l.text;
    return out;
  }

 private:
  std::vector<Line> lines_;
};

struct Scenario {
  std::vector<std::uint32_t> boats, lone;
  std::vector<std::int64_t> left;  // unix seconds, by boat
  std::string nmea;
};

Scenario scenario() {
  Scenario s;
  NmeaLog log;
  for (std::uint32_t i = 0; i < 6; ++i) {
    const std::uint32_t mmsi = 667001001 + i;
    s.boats.push_back(mmsi);
    log.boat(mmsi, "BOAT", true);
    s.left.push_back(
        log.launch(mmsi, kT0 + 20 * 3600 + i * 40 * 60 - 1800, 30, kBeachLat, kBeachLon, 35.4, kBeachLon, 10));
  }
  // Lone departures at the corners of the box 33.1..34.1 N, 12.3..13.3 E, days apart.
  const double corners[4][2] = {{33.1, 12.3}, {34.1, 13.3}, {33.1, 13.3}, {34.1, 12.3}};
  for (std::uint32_t i = 0; i < 4; ++i) {
    const std::uint32_t mmsi = 620002001 + i;
    s.lone.push_back(mmsi);
    log.boat(mmsi, "LONE", true);
    const double south = corners[i][0] < 33.5 ? -0.55 : 0.55;
    log.launch(mmsi, kT0 + (2 + i) * 86400, 30, corners[i][0], corners[i][1], corners[i][0] + south, corners[i][1], 6);
  }
  s.nmea = log.text();
  return s;
}

struct CaseFixture {
  TempDir t;
  std::filesystem::path dir = t / "op";
  Scenario sc = scenario();
  CaseFixture() {
    auto c = store::CaseFolder::init(dir, "T", "Examiner 1");
    test::write_file(t / "log.nmea", sc.nmea);
    app::AddRequest req;
    req.files = {t / "log.nmea"};
    req.actor = "Examiner 1";
    std::vector<std::string> shas;
    for (const auto& a : app::add_evidence(*c, req)) shas.push_back(a.evidence.sha256);
    app::IngestOptions o;
    o.actor = "Examiner 1";
    const auto r = app::ingest_evidence(*c, shas, o);
    EXPECT_EQ(r.errors(), 0);
  }
};

double ring_area(const json& ring) {  // shoelace, > 0 when counter-clockwise
  double a = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() - ring[i + 1][0].get<double>() * ring[i][1].get<double>();
  return a / 2;
}

void expect_position(const json& p) {
  ASSERT_TRUE(p.is_array());
  ASSERT_EQ(p.size(), 2u);
  const double lon = p[0].get<double>(), lat = p[1].get<double>();
  EXPECT_TRUE(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
  // Our events lie around 33-36 N, 12-14 E: a swapped pair would show here.
  EXPECT_TRUE(lat > 32 && lat < 36.5 && lon > 11.5 && lon < 14) << p.dump();
}

}  // namespace

TEST(HotspotsCase, GeoJsonWithTheExpectedHotCellAndDepartureCluster) {
  CaseFixture f;
  const auto out = f.t / "hot.geojson";
  const auto r = test::run_corridor({"hotspots", f.dir.string(), "--out", out.string(), "--cell-km", "2",
                                     "--bandwidth-km", "5", "--why", "check the beach"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("wrote"), std::string::npos);
  const json g = json::parse(test::read_file(out));

  // RFC 7946: a FeatureCollection of Features, positions [lon, lat], no "crs".
  ASSERT_EQ(g["type"], "FeatureCollection");
  EXPECT_FALSE(g.contains("crs"));
  EXPECT_DOUBLE_EQ(g["corridor"]["projection"]["lat_0"].get<double>(), kLat0);
  EXPECT_DOUBLE_EQ(g["corridor"]["projection"]["lon_0"].get<double>(), kLon0);
  EXPECT_DOUBLE_EQ(g["corridor"]["cell_km"].get<double>(), 2.0);
  EXPECT_EQ(g["corridor"]["events"], 10);
  std::map<std::string, int> layers;
  const json* hot_cell = nullptr;
  const json* departures = nullptr;
  const json* hotspot = nullptr;
  for (const auto& ft : g["features"]) {
    ASSERT_EQ(ft["type"], "Feature");
    const auto& geom = ft["geometry"];
    const std::string layer = ft["properties"]["layer"];
    ++layers[layer];
    if (geom["type"] == "Polygon") {
      const auto& ring = geom["coordinates"][0];
      ASSERT_EQ(ring.size(), 5u);
      EXPECT_EQ(ring.front(), ring.back());
      EXPECT_GT(ring_area(ring), 0);
      for (const auto& p : ring) expect_position(p);
      if (ft["properties"]["id"] == "c0_r0") hot_cell = &ft;
    } else if (geom["type"] == "Point") {
      expect_position(geom["coordinates"]);
      if (layer == "hotspot") hotspot = &ft;
    } else {
      ASSERT_EQ(geom["type"], "MultiPoint");
      for (const auto& p : geom["coordinates"]) expect_position(p);
      departures = &ft;
    }
  }
  EXPECT_EQ(layers["event"], 10);
  EXPECT_EQ(layers["hotspot"], 1);
  EXPECT_EQ(layers["departures"], 1);

  // The hot cell: the six departures sit in cell c0_r0, whose south-west corner is the
  // projection centre itself.
  ASSERT_NE(hot_cell, nullptr);
  const auto& p = (*hot_cell)["properties"];
  EXPECT_EQ(p["count"], 6);
  EXPECT_EQ(p["hot"], true);
  EXPECT_EQ(p["hotspot"], 1);
  const auto& ring = (*hot_cell)["geometry"]["coordinates"][0];
  EXPECT_DOUBLE_EQ(ring[0][0].get<double>(), kLon0);
  EXPECT_DOUBLE_EQ(ring[0][1].get<double>(), kLat0);
  EXPECT_NEAR(ring[2][1].get<double>(), kLat0 + 2 / 111.195, 1e-4);
  // Its z by hand: n cells, 10 events (six here, four alone), 21 cells within 5 km;
  // xbar = 10/n, S = sqrt(40/n - xbar^2), z = (6 - 21 xbar) / (S sqrt((21 n - 441) / (n - 1))).
  const double n = g["corridor"]["grid"]["cols"].get<double>() * g["corridor"]["grid"]["rows"].get<double>();
  const double xbar = 10 / n, s = std::sqrt(40 / n - xbar * xbar);
  EXPECT_NEAR(p["gi_z"].get<double>(), (6 - 21 * xbar) / (s * std::sqrt((21 * n - 441) / (n - 1))), 1e-9);
  EXPECT_EQ(p["neighbourhood_count"], 6);
  // Its exact p: six or more of the 10 events among those 21 of n cells, both tails:
  // 2 * sum_{j >= 6} C(10, j) pi^j (1 - pi)^(10 - j), pi = 21/n.
  const double pi = 21 / n;
  double tail = 0;
  for (int j = 6; j <= 10; ++j)
    tail += std::exp(std::lgamma(11.0) - std::lgamma(j + 1.0) - std::lgamma(11.0 - j)) * std::pow(pi, j) *
            std::pow(1 - pi, 10 - j);
  EXPECT_NEAR(p["p"].get<double>() / (2 * tail), 1.0, 1e-9);
  EXPECT_LT(p["q"].get<double>(), 1e-6);
  EXPECT_GT(p["density"].get<double>(), 0);

  // The hot spot: peak at c0_r0, the six departures, nothing from the lone vessels.
  ASSERT_NE(hotspot, nullptr);
  EXPECT_EQ((*hotspot)["properties"]["peak_cell"], "c0_r0");
  EXPECT_EQ((*hotspot)["properties"]["events"].size(), 6u);
  EXPECT_EQ((*hotspot)["properties"]["reported"], true);
  // No lone departure is hot.
  for (const auto& ft : g["features"])
    if (ft["properties"]["layer"] == "cell" && ft["properties"]["hot"] == true) {
      EXPECT_LT(haversine_m({kBeachLat, kBeachLon}, {ft["geometry"]["coordinates"][0][0][1].get<double>(),
                                                   ft["geometry"]["coordinates"][0][0][0].get<double>()}),
                9000);
    }

  // The departure cluster: six members with their times, legs and AIS lines.
  ASSERT_NE(departures, nullptr);
  const auto& d = (*departures)["properties"];
  EXPECT_EQ((*departures)["geometry"]["coordinates"].size(), 6u);
  EXPECT_EQ(d["vessels"].size(), 6u);
  EXPECT_EQ(d["first"], format_utc(f.sc.left.front() * 1000));
  EXPECT_EQ(d["last"], format_utc(f.sc.left.back() * 1000));
  EXPECT_NEAR(d["span_hours"].get<double>(), 200.0 / 60, 1e-9);
  EXPECT_GE(d["score"].get<double>(), 0.7);
  for (const auto& m : d["members"]) {
    EXPECT_EQ(m["how"], "stop");
    EXPECT_GT(m["leg_km"].get<double>(), 190);
    ASSERT_EQ(m["ais"].size(), 2u);
    EXPECT_GT(m["ais"][0]["row"].get<std::int64_t>(), 0);
    EXPECT_GT(m["ais"][0]["line"].get<std::int64_t>(), 0);
    EXPECT_EQ(m["statements"].size(), 1u);
  }

  // The consultation is in the audit ledger, with its reason.
  auto c = store::CaseFolder::open(f.dir);
  const auto entries = store::AuditLedger(c->db()).entries();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().action, "consultation");
  EXPECT_NE(entries.back().object.find("hotspots: 10 geolocated events"), std::string::npos);
  EXPECT_NE(entries.back().object.find(out.string()), std::string::npos);
  EXPECT_EQ(entries.back().justification, "check the beach");
}

TEST(HotspotsCase, JsonSummaryAndBadOptions) {
  CaseFixture f;
  const auto r = test::run_corridor({"hotspots", f.dir.string(), "--out", (f.t / "h.geojson").string(), "--json",
                                     "--kernel", "gaussian", "--weights", "ring", "--ring", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["events"], 10);
  EXPECT_EQ(j["crossing_starts"], 10);
  EXPECT_EQ(j["departure_clusters"].size(), 1u);
  ASSERT_GE(j["hotspots"].size(), 1u);
  EXPECT_EQ(j["hotspots"][0]["peak_cell"], "c0_r0");
  EXPECT_EQ(test::run_corridor({"hotspots", f.dir.string(), "--out", (f.t / "x.geojson").string(), "--cell-km", "0"})
                .exit_code,
            2);
  EXPECT_EQ(test::run_corridor({"hotspots", (f.t / "nope").string(), "--out", (f.t / "y.geojson").string()}).exit_code,
            4);
}

TEST(HotspotsCase, DetectStoresIndicatorsCitingTheVesselsStatements) {
  CaseFixture f;
  const auto r = test::run_corridor({"detect", f.dir.string(), "--detector", "hotspots", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  const json runs = json::parse(r.out);
  EXPECT_EQ(runs["runs"][0]["detector"], "hotspots");
  EXPECT_EQ(runs["runs"][0]["indicators"], 2);

  auto c = store::CaseFolder::open(f.dir);
  store::IndicatorStore st(c->db());
  std::set<std::string> boats;
  for (auto m : f.sc.boats) boats.insert(keys::vessel(std::to_string(m)));
  store::Stmt statement(c->db(),
                        "SELECT n.id, n.schema, s.property, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                        "WHERE s.id = ?");
  std::map<std::string, int> detectors;
  store::IndicatorFilter family;
  family.detector = "hotspots";
  for (const auto& ind : st.list(family)) {
    ++detectors[ind.detector];
    EXPECT_GE(ind.score, 0.5);
    EXPECT_LE(ind.score, 1.0);
    EXPECT_FALSE(ind.title.empty());
    // About the six boats, and only them.
    EXPECT_EQ(std::set<std::string>(ind.subjects.begin(), ind.subjects.end()), boats) << ind.title;
    ASSERT_FALSE(ind.reasons.empty());
    double sum = 0;
    bool lines = false;  // the AIS lines behind the statements are named
    for (const auto& reason : ind.reasons) {
      sum += reason.weight;
      ASSERT_FALSE(reason.statement_ids.empty()) << reason.text;
      lines |= reason.text.find("log.nmea line") != std::string::npos;
      if (ind.detector == "hotspots.departures") {
        EXPECT_NE(reason.text.find("log.nmea line"), std::string::npos) << reason.text;
      }
      for (auto id : reason.statement_ids) {
        statement.reset();
        statement.bind(1, id);
        ASSERT_TRUE(statement.step()) << "statement " << id << " is not in the case";
        EXPECT_TRUE(boats.count(statement.text(0))) << statement.text(0);
        EXPECT_EQ(statement.text(1), "Vessel");
        EXPECT_EQ(statement.text(2), "mmsi");
        statement.reset();
      }
    }
    EXPECT_TRUE(lines) << ind.title;
    if (ind.detector == "hotspots.gi_star") {
      EXPECT_NEAR(sum, ind.score, 1e-9);
    }
  }
  EXPECT_EQ(detectors["hotspots.gi_star"], 1);
  EXPECT_EQ(detectors["hotspots.departures"], 1);
  // Running again replaces the open indicators instead of adding to them.
  ASSERT_EQ(test::run_corridor({"detect", f.dir.string(), "--detector", "hotspots"}).exit_code, 0);
  EXPECT_EQ(st.count(family), 2);
}
