// The network through a real `corridor serve` over HTTPS: the network around the chat's
// document as graphology JSON with a protected person under their pseudonym, refusals of
// bad parameters, and the reading in the audit ledger with the user as actor.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
