// The main job on a small demo case: every stage runs, the report opens and holds its
// sections and the counts of the case, and the score recovers the planted vessel story.
#include <gtest/gtest.h>

#include <set>

#include "app/demo_run.hpp"
#include "core/unicode.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

TEST(Demo, SmallCaseEndToEndWithReport) {
  TempDir t;
  app::DemoOptions o;
  o.data_dir = t / "data";
  o.case_dir = t / "demo.corridor";
  o.scale = 0.02;
  std::vector<std::string> stages;
  auto r = app::run_demo(o, [&](const app::StageTime& s) { stages.push_back(s.stage); });
  EXPECT_EQ(stages, (std::vector<std::string>{"generate", "add with custody", "ingest and extract", "resolve",
                                              "vessel behaviour",
                                              "detectors", "network overview", "network analysis", "bias audit",
                                              "verify", "report"}));
  EXPECT_TRUE(r.verified);
  EXPECT_EQ(r.ingest.errors(), 0);
  std::set<std::string> distinct;  // the same bytes at two places in the zip are one item
  for (const auto& f : r.ingest.files) distinct.insert(f.sha256);
  EXPECT_EQ(r.overview.evidence_items, static_cast<std::int64_t>(distinct.size()));
  EXPECT_GT(r.overview.ais_positions, 0);
  ASSERT_EQ(r.overview.top_identifiers.size(), 25u);

  const std::string html = test::read_file(r.report);
  EXPECT_EQ(r.network.rows.size(), 25u);
  EXPECT_FALSE(r.network.rows[0].player.reasons.empty());
  for (const char* id : {"summary", "key-players", "network-analysis", "network", "map", "timeline", "vessel-events",
                         "indicators", "bias-audit", "offers", "evidence"})
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  EXPECT_NE(html.find("<b>" + std::to_string(r.overview.statements) + "</b>statements"), std::string::npos);
  EXPECT_NE(html.find("<b>" + std::to_string(r.vessel_events.size()) + "</b>vessel events"), std::string::npos);
  EXPECT_TRUE(r.resolve.written);
  EXPECT_NE(html.find("<b>" + std::to_string(r.resolve.merged) + "</b>persons merged"), std::string::npos);
  EXPECT_NE(html.find("all evidence re-hashed"), std::string::npos);
  // Every detector ran; the report counts their indicators and lists the strongest.
  std::size_t indicators = 0, vessel_indicators = 0;
  for (const auto& d : r.detectors) {
    indicators += d.found;
    if (d.detector == "vessels") vessel_indicators = d.found;
  }
  EXPECT_EQ(r.detectors.size(), app::case_detectors().size());
  EXPECT_EQ(vessel_indicators, 4u);  // the gap, the loitering and two meetings of the mother ship
  EXPECT_NE(html.find("<span id=\"indicator-count\">" + std::to_string(indicators) + "</span>"), std::string::npos);
  EXPECT_NE(html.find("<td>vessels.encounter</td>"), std::string::npos);
  // Each indicator's evidence is a link to its row in the evidence table, which exists.
  std::size_t links = 0;
  for (auto at = html.find("href=\"#evidence-"); at != std::string::npos; at = html.find("href=\"#evidence-", at + 1)) {
    const auto from = at + 7, end = html.find('"', from);
    ASSERT_NE(end, std::string::npos);
    const std::string anchor = html.substr(from, end - from);  // evidence-N
    EXPECT_NE(html.find("<tr id=\"" + anchor + "\">"), std::string::npos) << anchor;
    ++links;
  }
  EXPECT_GT(links, 0u);
  // The bias audit reaches the passport holders and counts its flags.
  EXPECT_GT(r.bias.recorded["nationality"], 0u);
  std::size_t flags = 0;
  for (const auto& a : r.bias.audits)
    for (const auto& at : a.attributes) flags += at.four_fifths_flag;
  EXPECT_NE(html.find("<span id=\"bias-flags\">" + std::to_string(flags) + "</span>"), std::string::npos);
  EXPECT_EQ(html.find("NEEDS REVIEW"), std::string::npos);  // no family cites a protected property
  EXPECT_EQ(html.find("<script"), std::string::npos);  // self-contained, no scripts
  // Valid UTF-8 throughout: shortened texts are cut between code points.
  for (std::size_t pos = 0; pos < html.size();) {
    const std::size_t at = pos;
    ASSERT_NE(unicode::next_code_point(html, pos), U'\uFFFD') << "ill-formed UTF-8 at byte " << at;
  }
  EXPECT_EQ(html.rfind("</html>\n"), html.size() - 8);

  const auto score = app::score_demo(o, r);
  ASSERT_GE(score.size(), 2u);
  EXPECT_EQ(score[1].rfind("vessel events: 8/8 planted events recovered; 0 events on background vessels", 0), 0u)
      << score[1];

  // A second run reuses the data and recreates the case from scratch.
  auto again = app::run_demo(o, {});
  EXPECT_EQ(again.overview.statements, r.overview.statements);
  EXPECT_NE(again.stages[0].detail.find("already in"), std::string::npos);
}
