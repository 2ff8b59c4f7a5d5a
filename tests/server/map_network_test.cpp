// The network and the map through a real `corridor serve` over HTTPS: the network around
// the chat's sender as graphology JSON with a protected person under their pseudonym, the
// case's AIS scenario and the chat's photo on the map, refusals of bad parameters, and
// both readings in the audit ledger with the user as actor.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/add_evidence.hpp"
#include "app/ingest_evidence.hpp"
#include "app/pseudonyms.hpp"
#include "app/subject_category.hpp"
#include "model/entity_keys.hpp"
#include "served.hpp"
#include "store/audit_ledger.hpp"

using namespace corridor;
using corridor::test::kTestPassword;
using corridor::test::Team;
using nlohmann::json;

namespace {

AuditEntry last_entry(const Team& t) {
  auto c = store::CaseFolder::open(t.s.t / "op");
  return store::AuditLedger(c->db()).entries().back();
}

// The AIS scenario and the photo the chat attaches, added to the case and read.
void add_ais_and_photo(const Team& t) {
  auto c = store::CaseFolder::open(t.s.t / "op");
  app::AddRequest add;
  add.files = {std::string(CORRIDOR_TEST_DATA) + "/ais/scenario.nmea",
               std::string(CORRIDOR_TEST_DATA) + "/ingest/image/photo.jpg"};
  add.actor = "Examiner 1";
  std::vector<std::string> shas;
  for (const auto& a : app::add_evidence(*c, add)) shas.push_back(a.evidence.sha256);
  app::IngestOptions io;
  io.actor = "Examiner 1";
  EXPECT_EQ(app::ingest_evidence(*c, shas, io).errors(), 0);
}

std::map<std::string, int> layers(const json& fc) {
  std::map<std::string, int> out;
  for (const auto& f : fc["features"]) ++out[f["properties"]["layer"].get<std::string>()];
  return out;
}

}  // namespace

TEST(MapNetwork, TheNetworkAroundTheChatIsGraphologyJsonWithTheMigrantsNumberPseudonymised) {
  Team t;
  const auto [cookie, csrf] = t.sign_in("sam", kTestPassword);
  ASSERT_FALSE(cookie.empty());
  ASSERT_FALSE(t.s.entity.empty());
  {
    auto c = store::CaseFolder::open(t.s.t / "op");
    app::categorise_subject(*c, t.s.linked, "smuggled-migrant", "Examiner 1", "paid for the crossing");
  }
  const std::string url = "/api/v1/cases/op/network?ids=" + t.s.entity + "&depth=2";
  auto r = t.client.Get(url, {{"Cookie", cookie}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 428) << r->body;  // a person's data: the default policy wants a reason
  r = t.client.Get(url, {{"Cookie", cookie}, {"X-Corridor-Why", "who paid whom"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = json::parse(r->body);
  EXPECT_EQ(j["options"], json({{"type", "mixed"}, {"multi", false}, {"allowSelfLoops", false}}));
  // The chat's document mentions a phone number, which is also a WhatsApp account.
  const std::string account = keys::account("whatsapp", "+447400123456");
  ASSERT_EQ(t.s.linked, keys::phone("+447400123456"));
  std::vector<std::string> keys;
  for (const auto& n : j["nodes"]) keys.push_back(n["key"]);
  EXPECT_EQ(keys, (std::vector<std::string>{t.s.entity, t.s.linked, account}));
  ASSERT_EQ(j["edges"].size(), 2u);
  EXPECT_EQ(j["edges"][0]["source"], t.s.entity);
  EXPECT_EQ(j["edges"][0]["target"], t.s.linked);
  EXPECT_EQ(j["edges"][0]["attributes"]["kinds"], json({"mentions"}));
  EXPECT_EQ(j["edges"][1]["source"], t.s.linked);
  EXPECT_EQ(j["edges"][1]["target"], account);
  EXPECT_EQ(j["edges"][1]["undirected"], true);
  EXPECT_EQ(j["attributes"]["seeds"], json({t.s.entity}));
  EXPECT_EQ(j["nodes"][0]["attributes"]["seed"], true);
  EXPECT_EQ(j["nodes"][1]["attributes"]["rank"], 1);  // the number between the chat and the account
  // The migrant's number reads as the entity page and the CLI show it, nowhere in clear.
  auto c = store::CaseFolder::open(t.s.t / "op");
  const auto shown = app::Pseudonyms::of_case(*c);
  EXPECT_EQ(j["nodes"][1]["attributes"]["label"], shown.of_entity(t.s.linked));
  EXPECT_EQ(j["nodes"][2]["attributes"]["label"], shown.of_entity(account));  // it carries the protected number
  EXPECT_EQ(r->body.find("7400"), std::string::npos) << r->body;
  const auto logged = last_entry(t);
  EXPECT_EQ(logged.action, "consultation");
  EXPECT_EQ(logged.actor, "sam");
  EXPECT_EQ(logged.object, "network depth 2 (3 entities); data of " + t.s.entity + " " + t.s.linked + " " + account);
  EXPECT_EQ(logged.justification, "who paid whom");

  httplib::Headers h{{"Cookie", cookie}, {"X-Corridor-Why", "who paid whom"}};
  r = t.client.Get("/api/v1/cases/op/network?ids=nobody", h);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  r = t.client.Get("/api/v1/cases/op/network?ids=" + t.s.entity + "&depth=3", h);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->body, R"({"error":"depth is 1 to 2"})");
  r = t.client.Get("/api/v1/cases/op/network", h);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST(MapNetwork, TheMapShowsEachLayerInsideTheBoxAndRefusesABadOne) {
  Team t;
  add_ais_and_photo(t);
  const auto [cookie, csrf] = t.sign_in("sam", kTestPassword);
  httplib::Headers h{{"Cookie", cookie}, {"X-Corridor-Why", "where did they meet"}};
  auto r = t.client.Get("/api/v1/cases/op/map?bbox=-180,-90,180,90", h);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto fc = json::parse(r->body);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  // Three tracks; the meeting, the mother ship going dark and its crossing start; the photo.
  EXPECT_EQ(layers(fc), (std::map<std::string, int>{{"events", 3}, {"photos", 1}, {"tracks", 3}}));
  // The box around the meeting: the fishing boat 150 km away is left out.
  r = t.client.Get("/api/v1/cases/op/map?bbox=19.9,34.9,20.1,35.1&layers=tracks", h);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  fc = json::parse(r->body);
  std::vector<int> mmsi;
  for (const auto& f : fc["features"]) mmsi.push_back(f["properties"]["mmsi"]);
  EXPECT_EQ(mmsi, (std::vector<int>{247111111, 247222222}));
  const auto logged = last_entry(t);
  EXPECT_EQ(logged.action, "consultation");
  EXPECT_EQ(logged.actor, "sam");
  EXPECT_EQ(logged.object, "map bbox 19.9,34.9,20.1,35.1 layers tracks");
  EXPECT_EQ(logged.justification, "where did they meet");

  for (const auto& [query, error] : std::vector<std::pair<std::string, std::string>>{
           {"bbox=20,35,21", "bbox: give four numbers west,south,east,north in degrees"},
           {"bbox=20,95,21,96", "bbox: latitudes (south, north) lie between -90 and 90"},
           {"bbox=20,36,21,35", "bbox: south lies north of north"},
           {"bbox=20,35,21,36&from=yesterday", "from: not an ISO 8601 time (2023-11-14T22:00:00Z)"},
           {"bbox=20,35,21,36&layers=ships", "layers: no layer \"ships\" (tracks, events, hotspots, photos)"},
           {"", "give ?bbox=west,south,east,north (degrees)"}}) {
    r = t.client.Get("/api/v1/cases/op/map?" + query, h);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << query;
    EXPECT_EQ(json::parse(r->body)["error"], error) << query;
  }
  EXPECT_EQ(last_entry(t).object, "map bbox 19.9,34.9,20.1,35.1 layers tracks");  // refusals read nothing
}
