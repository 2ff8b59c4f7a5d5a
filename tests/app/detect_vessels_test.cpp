// The vessels detector on a case: the AIS scenario's behaviour events become indicators
// about the vessels, citing their MMSI statements, with the AIS lines in the reason.
#include <gtest/gtest.h>

#include <map>

#include "app/add_evidence.hpp"
#include "app/case_detectors.hpp"
#include "app/ingest_evidence.hpp"
#include "model/entity_keys.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

const std::string kAis = CORRIDOR_TEST_DATA "/ais/";

std::unique_ptr<store::CaseFolder> scenario_case(const TempDir& t) {
  auto c = store::CaseFolder::init(t / "op", "T", "Examiner 1");
  app::AddRequest add;
  add.files = {kAis + "scenario.nmea"};
  add.actor = "Examiner 1";
  const auto added = app::add_evidence(*c, add);
  app::IngestOptions io;
  io.actor = "Examiner 1";
  app::ingest_evidence(*c, {added[0].evidence.sha256}, io);
  return c;
}

}  // namespace

TEST(DetectVessels, ScenarioEventsBecomeIndicatorsAboutTheVessels) {
  TempDir t;
  auto c = scenario_case(t);
  app::DetectSettings s;
  s.zones = kAis + "zones.geojson";
  s.coast = kAis + "coast.geojson";
  s.min_score = 0;
  auto found = app::detect_vessels_in_case(*c, s);
  ASSERT_EQ(found.size(), 4u);
  std::map<std::string, const Indicator*> by_kind;
  for (const auto& i : found) by_kind[i.detector] = &i;
  ASSERT_TRUE(by_kind.count("vessels.encounter"));
  ASSERT_TRUE(by_kind.count("vessels.gap"));
  ASSERT_TRUE(by_kind.count("vessels.name_change"));
  ASSERT_TRUE(by_kind.count("vessels.departure"));

  const Indicator& meet = *by_kind["vessels.encounter"];
  EXPECT_EQ(meet.title, "encounter: MMSI 247111111 and 247222222, 2023-11-14T22:20 UTC");
  EXPECT_EQ(meet.subjects, (std::vector<std::string>{keys::vessel("247111111"), keys::vessel("247222222")}));
  EXPECT_DOUBLE_EQ(meet.score, 0.8);
  ASSERT_EQ(meet.reasons.size(), 1u);
  EXPECT_EQ(meet.reasons[0].text.rfind("within 500 m of each other for 2.8 h", 0), 0u) << meet.reasons[0].text;
  EXPECT_NE(meet.reasons[0].text.find("(AIS lines "), std::string::npos);
  // Each cited statement is a vessel's MMSI, in the case.
  store::StatementStore st(c->db());
  ASSERT_EQ(meet.reasons[0].statement_ids.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    const auto stmts = st.of_entity(meet.subjects[k]);
    bool cited = false;
    for (const auto& row : stmts)
      cited |= row.id == meet.reasons[0].statement_ids[k] && row.statement.property == "mmsi";
    EXPECT_TRUE(cited) << meet.subjects[k];
  }
  EXPECT_EQ(by_kind["vessels.gap"]->subjects, std::vector<std::string>{keys::vessel("247111111")});
}

TEST(DetectVessels, DefaultThresholdKeepsContextOutAndACaseWithoutAisHasNone) {
  TempDir t;
  auto c = scenario_case(t);
  app::DetectSettings s;
  s.zones = kAis + "zones.geojson";
  s.coast = kAis + "coast.geojson";
  const auto runs = app::run_detectors(*c, {"vessels"}, "Examiner 1", "", s);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].found, 3u);  // the departure (0.3) is context, below 0.5
  EXPECT_EQ(store::IndicatorStore(c->db()).count(), 3);

  TempDir t2;
  auto empty = store::CaseFolder::init(t2 / "op", "T", "E");
  EXPECT_TRUE(app::detect_vessels_in_case(*empty, s).empty());
}
