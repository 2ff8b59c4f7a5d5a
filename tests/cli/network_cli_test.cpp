// The network commands run as a user would: key players, paths back to the bytes, exports.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/case_folder.hpp"
#include "store/indicator_store.hpp"
#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"

using corridor::test::read_file;
using corridor::test::ingested_case;
using corridor::test::run_corridor;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace {

// notes.txt names two phones together on several lines; two posts chain a third and a
// fourth phone to them: +33612345678 - +33798765432 - +447911123456 - +4915123456789.
std::string network_case(const TempDir& t) {
  return ingested_case(
      t, {{"notes.txt",
           "boat leaves friday, call +33 6 12 34 56 78 or +33 7 98 76 54 32\n"
           "money to +33 6 12 34 56 78, receipt from +33 7 98 76 54 32\n"
           "the captain +33 6 12 34 56 78 answers at night\n"},
          {"posts.jsonl",
           R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"Sea Travel","time":"2024-03-02T18:40:00Z","text":"Departures every week, WhatsApp +33 7 98 76 54 32 or +44 7911 123456"})"
           "\n"
           R"({"platform":"facebook","post_id":"p2","author_id":"u2","author_name":"Road Travel","time":"2024-03-05T09:00:00Z","text":"Call +44 7911 123456 or +49 151 23456789"})"
           "\n"}});
}

}  // namespace

const std::string kA = "phone-2ccfa166153ab525c0e010c158128957";  // +33612345678
const std::string kB = "phone-6807f9a3786823cc9006d6e64aced52c";  // +33798765432
const std::string kC = "phone-b772b13bcd0b20af02ebe4486f955ab1";  // +447911123456
const std::string kD = "phone-142f807dc6d3091da1e3de229eba11d4";  // +4915123456789

nlohmann::json last_audit(const std::string& dir) {
  auto r = run_corridor({"log", dir, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out).back();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(NetworkCli, KeyPlayersWithReasons) {
  TempDir t;
  const auto dir = network_case(t);
  auto r = run_corridor({"network", dir, "--json", "--why", "case review"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["nodes"], 12);
  EXPECT_EQ(j["edges"], 10);
  ASSERT_EQ(j["key_players"].size(), 12u);
  const auto& top = j["key_players"][0];
  EXPECT_EQ(top["rank"], 1);
  EXPECT_EQ(top["id"], kB);
  EXPECT_EQ(top["schema"], "Phone");
  EXPECT_EQ(top["label"], "+33798765432");
  EXPECT_DOUBLE_EQ(top["score"].get<double>(), 1.0);
  EXPECT_EQ(top["degree"], 5);
  EXPECT_EQ(top["sources"], 2);  // notes.txt and posts.jsonl
  EXPECT_EQ(top["reasons"], nlohmann::json({"broker between communities 0 and 2", "highest PageRank",
                                            "highest betweenness", "in the innermost core (k=2)",
                                            "seen in 2 evidence items"}));
  EXPECT_EQ(j["key_players"][1]["id"], kC);
  EXPECT_EQ(j["key_players"][1]["reasons"][0], "tie to community 0");
  auto log = last_audit(dir);
  EXPECT_EQ(log["action"], "consultation");
  EXPECT_EQ(log["object"], "network key players (top 20)");
  EXPECT_EQ(log["why"], "case review");

  r = run_corridor({"network", dir, "--top", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("12 entities, 10 links\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("   1  " + kB + "   Phone        +33798765432"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("      - broker between communities 0 and 2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("   2  " + kC), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(kA), std::string::npos) << r.out;
}

TEST(NetworkCli, PathShowsLinksAndTheirBytes) {
  TempDir t;
  const auto dir = network_case(t);
  // Identifier values and entity ids both name the ends.
  auto r = run_corridor({"path", dir, "+33612345678", kD, "--json", "--why", "trace the payer"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"], kA);
  EXPECT_EQ(j["to"], kD);
  EXPECT_EQ(j["hops"], 3);
  ASSERT_EQ(j["nodes"].size(), 4u);
  EXPECT_EQ(j["nodes"][1]["label"], "+33798765432");
  EXPECT_EQ(j["nodes"][2]["label"], "+447911123456");
  const auto& e = j["edges"];
  ASSERT_EQ(e.size(), 3u);
  for (const auto& x : e) EXPECT_EQ(x["type"], "appears with");
  // notes.txt names A and B together on two lines: a link of weight 3 (each mention of one
  // with each later mention of the other), traced to the four mentions and their bytes.
  EXPECT_EQ(e[0]["weight"], 3.0);
  EXPECT_EQ(e[0]["first"], "");
  ASSERT_EQ(e[0]["statements"].size(), 4u);
  std::vector<std::string> locators;
  for (const auto& s : e[0]["statements"]) {
    EXPECT_EQ(s["property"], "mentions");
    EXPECT_EQ(s["evidence_sha256"], e[0]["statements"][0]["evidence_sha256"]);
    locators.push_back(s["locator"]);
  }
  std::sort(locators.begin(), locators.end());
  EXPECT_EQ(locators, (std::vector<std::string>{"line:1 @105+17", "line:1 @135+17", "line:1 @46+17", "line:1 @73+17"}));
  EXPECT_EQ(e[1]["from"], kB);
  EXPECT_EQ(e[1]["to"], kC);
  EXPECT_EQ(e[1]["first"], "2024-03-02T18:40:00.000Z");
  ASSERT_EQ(e[1]["statements"].size(), 2u);
  EXPECT_EQ(e[1]["statements"][0]["locator"], "post:p1 @32+17");
  EXPECT_EQ(e[1]["statements"][0]["value"], kB);
  EXPECT_EQ(e[1]["statements"][1]["locator"], "post:p1 @53+15");
  EXPECT_EQ(e[2]["last"], "2024-03-05T09:00:00.000Z");
  EXPECT_EQ(e[2]["statements"][1]["locator"], "post:p2 @215+16");
  EXPECT_EQ(e[2]["statements"][1]["value"], kD);
  // The consultation names whose data was read: every entity on the path.
  EXPECT_EQ(last_audit(dir)["object"], "path " + kA + " " + kD + "; data of " + kA + " " + kB + " " + kC + " " + kD);

  r = run_corridor({"path", dir, "+33612345678", "+4915123456789", "--why", "trace the payer"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 hops from " + kA + " to " + kD + "\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    --> appears with, weight 1, 2024-03-02T18:40:00.000Z .. 2024-03-02T18:40:00.000Z\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(" mentions = " + kC + "  evidence "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("post:p1 @53+15  (fact by phone@1)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  " + kD + " (Phone) +4915123456789\n"), std::string::npos) << r.out;
}

TEST(NetworkCli, PathErrors) {
  TempDir t;
  const auto dir = network_case(t);
  // The post's author account has no link to anyone.
  auto r = run_corridor({"network", dir, "--top", "50", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string account;
  const auto players = nlohmann::json::parse(r.out)["key_players"];
  for (const auto& k : players)
    if (k["schema"] == "UserAccount" && k["label"] == "Sea Travel") account = k["id"];
  ASSERT_FALSE(account.empty());
  r = run_corridor({"path", dir, account, "+33612345678", "--why", "trace the payer"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "no path: " + account + " and +33612345678 are not connected in the case network\n");
  r = run_corridor({"path", dir, account, "+33612345678", "--json", "--why", "trace the payer"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(nlohmann::json::parse(r.out)["path"].is_null());

  r = run_corridor({"path", dir, "+33612345678", "+19999999999", "--why", "trace the payer"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("+19999999999: no entity with this id or identifier value in the case network"),
            std::string::npos)
      << r.err;
  r = run_corridor({"path", dir, "phone-0000", kA, "--why", "trace the payer"});
  EXPECT_EQ(r.exit_code, 3);
  r = run_corridor({"path", (t / "nowhere").string(), kA, kB});
  EXPECT_EQ(r.exit_code, 4);
}

TEST(NetworkCli, ExportsAreDisclosures) {
  TempDir t;
  const auto dir = network_case(t);
  const auto graphml = t / "net.graphml";
  auto r = run_corridor({"export", dir, "--format", "graphml", "--out", graphml.string(), "--why", "to the analyst", "--to", "Prosecutor 3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("12 entities, 10 links"), std::string::npos) << r.out;
  const auto xml = read_file(graphml);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 0), 0u);
  EXPECT_EQ(xml.substr(xml.size() - 11), "</graphml>\n");
  EXPECT_EQ(count(xml, "<node id="), 12u);
  EXPECT_EQ(count(xml, "</node>"), 12u);
  EXPECT_EQ(count(xml, "<edge id="), 10u);
  EXPECT_NE(xml.find("<edge id=\"e8\" source=\"" + kB + "\" target=\"" + kC + "\">"), std::string::npos);
  auto log = last_audit(dir);
  EXPECT_EQ(log["action"], "disclosure");
  EXPECT_EQ(log["why"], "to the analyst");
  EXPECT_NE(log["object"].get<std::string>().find("network export graphml (12 entities, 10 links) to Prosecutor 3 as "),
            std::string::npos);

  r = run_corridor({"export", dir, "--format", "csv", "--out", (t / "i2").string(), "--to", "Prosecutor 3", "--why", "disclosure to the court"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count(read_file(t / "i2" / "nodes.csv"), "\n"), 13u);
  const auto edges = read_file(t / "i2" / "edges.csv");
  EXPECT_EQ(count(edges, "\n"), 11u);
  EXPECT_EQ(edges.rfind("source,target,type,weight,first,last,links,statements,kind,made_by\r\n", 0), 0u);

  for (const std::string f : {"gexf", "ftm"}) {
    r = run_corridor({"export", dir, "--format", f, "--out", (t / ("net." + f)).string(), "--to", "Prosecutor 3", "--why", "disclosure to the court"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(read_file(t / ("net." + f)).empty());
  }
  // FtM's own schemata: the phones are the legal entities using them, the posts messages;
  // mentions and the three pairs of numbers named together are links.
  const auto ftm = read_file(t / "net.ftm");
  EXPECT_EQ(count(ftm, "\n"), 21u);
  EXPECT_EQ(count(ftm, "\"schema\":\"Document\""), 2u);
  EXPECT_EQ(count(ftm, "\"schema\":\"LegalEntity\""), 4u);
  EXPECT_EQ(count(ftm, "\"schema\":\"Message\""), 2u);
  EXPECT_EQ(count(ftm, "\"schema\":\"UserAccount\""), 2u);
  EXPECT_EQ(count(ftm, "\"schema\":\"Person\""), 2u);
  EXPECT_EQ(count(ftm, "\"role\":[\"mentions\"]"), 6u);
  EXPECT_EQ(count(ftm, "\"role\":[\"appears with\"]"), 3u);

  r = run_corridor({"export", dir, "--format", "dot", "--out", (t / "x").string(), "--to", "Prosecutor 3", "--why", "disclosure to the court"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_corridor({"export", dir, "--format", "graphml", "--out", (t / "missing" / "x.graphml").string(), "--to", "Prosecutor 3", "--why", "disclosure to the court"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("x.graphml: cannot write"), std::string::npos) << r.err;
}

// Flags `subject` with one open indicator, as a detector would.
void flag(const std::string& dir, const std::string& subject) {
  auto c = corridor::store::CaseFolder::open(dir);
  corridor::store::Transaction tx(c->db());
  corridor::Indicator ind;
  ind.detector = "test";
  ind.title = "flagged by the test";
  ind.subjects = {subject};
  ind.score = 0.9;
  corridor::store::IndicatorStore(c->db()).replace_open("test", {ind}, "2026-11-29T00:00:00.000Z");
  tx.commit();
}

std::vector<std::string> ids(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& k : j["key_players"]) out.push_back(k["id"]);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(NetworkCli, AroundIndicatorsRanksOnlyTheFlaggedAndTheirNeighbours) {
  TempDir t;
  const auto dir = network_case(t);
  auto r = run_corridor({"network", dir, "--around-indicators"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("around 0 flagged entities: (no indicators: run `corridor detect` first) 0 entities"),
            std::string::npos)
      << r.out;

  flag(dir, kA);  // +33612345678: in notes.txt with +33798765432 only
  r = run_corridor({"network", dir, "--around-indicators", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["flagged"], 1);
  EXPECT_EQ(j["nodes"], 3);  // kA, kB and the notes' document
  EXPECT_EQ(j["key_players"].size(), 3u);
  const auto ranked = ids(j);
  EXPECT_TRUE(std::binary_search(ranked.begin(), ranked.end(), kA));
  EXPECT_TRUE(std::binary_search(ranked.begin(), ranked.end(), kB));
  EXPECT_FALSE(std::binary_search(ranked.begin(), ranked.end(), kC));  // two hops away
  EXPECT_EQ(last_audit(dir)["object"], "network key players (top 20, around indicators)");

  // A dismissed indicator no longer counts.
  r = run_corridor({"review", dir, "1", "--dismiss", "--reason", "test"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_corridor({"network", dir, "--around-indicators", "--json"});
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["flagged"], 0);
  EXPECT_EQ(j["nodes"], 0);
}
