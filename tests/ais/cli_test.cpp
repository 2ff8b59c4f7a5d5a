// `corridor ais decode|tracks|events` end to end on a small generated log
// (tests/data/ais/make_scenario.py): exact events, exit codes on bad input.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

struct Result {
  int status;
  std::string out;
};

Result run(const std::string& args) {
  const std::string cmd = std::string(CORRIDOR_BIN) + " " + args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buf;
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p.get())) > 0;) out.append(buf.data(), n);
  const int st = pclose(p.release());
  return {WEXITSTATUS(st), out};
}

const std::string kData = CORRIDOR_TEST_DATA "/ais/";

TEST(AisCli, EventsOnScenario) {
  const auto r = run("ais events " + kData + "scenario.nmea --zones " + kData + "zones.geojson --coast " + kData +
                     "coast.geojson --json");
  ASSERT_EQ(r.status, 0);
  std::istringstream in(r.out);
  std::vector<nlohmann::json> ev;
  for (std::string l; std::getline(in, l);) ev.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(ev.size(), 4u) << r.out;
  EXPECT_EQ(ev[0]["kind"], "name_change");
  EXPECT_EQ(ev[1]["kind"], "encounter");
  EXPECT_EQ(ev[1]["mmsi"], nlohmann::json({247111111, 247222222}));
  EXPECT_EQ(ev[1]["start"], "2023-11-14T22:20:00.000Z");
  EXPECT_EQ(ev[1]["end"], "2023-11-15T01:10:00.000Z");
  EXPECT_EQ(ev[2]["kind"], "departure");
  EXPECT_EQ(ev[2]["zone"], "launch beach");
  EXPECT_EQ(ev[3]["kind"], "gap");
  EXPECT_EQ(ev[3]["mmsi"], nlohmann::json({247111111}));
  EXPECT_EQ(ev[3]["evidence"][0]["line"], 45);
  EXPECT_EQ(ev[3]["evidence"][1]["line"], 47);
  const auto g = run("ais events " + kData + "scenario.nmea --geojson");
  ASSERT_EQ(g.status, 0);
  const auto fc = nlohmann::json::parse(g.out);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  EXPECT_EQ(fc["features"].size(), 3u);  // no zones: no departure
}

TEST(AisCli, DecodeAndErrors) {
  const auto d = run("ais decode --evidence " + kData + "scenario.nmea");
  ASSERT_EQ(d.status, 0);
  EXPECT_EQ(d.out.substr(0, d.out.find('\n')),
            "{\"class\":\"AIS\",\"type\":1,\"repeat\":0,\"mmsi\":247111111,\"scaled\":true,\"status\":0,"
            "\"status_text\":\"Under way using engine\",\"speed\":0.5,\"accuracy\":false,\"lon\":20.0000000,"
            "\"lat\":35.0000000,\"course\":0.0,\"maneuver\":0,\"raim\":false,\"radio\":0,\"line\":1,\"offset\":0,"
            "\"length\":71,\"time\":\"2023-11-14T22:13:20.000Z\"}");
  EXPECT_EQ(run("ais decode " + kData + "missing.nmea").status, 3);
  EXPECT_EQ(run("ais events " + kData + "scenario.nmea --zones " + kData + "scenario.nmea").status, 3);
  // A log without times cannot give events unless a clock is given.
  EXPECT_EQ(run("ais events " + std::string(CORRIDOR_SHARED_DATA) + "/ais/gpsd/test/sample.aivdm").status, 3);
}

}  // namespace

// The same log ingested into a case: tracks and events read back from case.db are the
// same as from the file, and the consultation is logged.
TEST(AisCli, EventsFromACaseEqualEventsFromTheFile) {
  char tmpl[] = "/tmp/corridor-ais-case-XXXXXX";
  const std::string dir = std::string(mkdtemp(tmpl)) + "/op";
  ASSERT_EQ(run("case init " + dir + " --title T --examiner E").status, 0);
  ASSERT_EQ(run("ingest " + dir + " " + kData + "scenario.nmea").status, 0);
  const std::string areas = " --zones " + kData + "zones.geojson --coast " + kData + "coast.geojson --json";
  const auto from_file = run("ais events " + kData + "scenario.nmea" + areas);
  const auto from_case = run("ais events " + dir + areas);
  ASSERT_EQ(from_case.status, 0);
  EXPECT_EQ(from_case.out, from_file.out);
  EXPECT_EQ(run("ais tracks " + dir).out, run("ais tracks " + kData + "scenario.nmea").out);
  const auto log = nlohmann::json::parse(run("log " + dir + " --json").out);
  EXPECT_EQ(log[log.size() - 1]["object"], "ais tracks");
  std::system(("rm -rf " + std::string(tmpl)).c_str());
}

TEST(AisCli, CaseWithoutAisIsAClearError) {
  char tmpl[] = "/tmp/corridor-ais-case-XXXXXX";
  const std::string dir = std::string(mkdtemp(tmpl)) + "/op";
  ASSERT_EQ(run("case init " + dir + " --title T --examiner E").status, 0);
  EXPECT_EQ(run("ais events " + dir).status, 3);
  std::system(("rm -rf " + std::string(tmpl)).c_str());
}
